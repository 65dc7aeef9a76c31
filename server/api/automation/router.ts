import { router } from "../trpc";
import { addRule } from "./add-rule";
import { configureReviewSaga } from "./configure-review-saga";
import { removeRule } from "./remove-rule";
import { automationSettings } from "./settings";

export const automationRouter = router({ settings: automationSettings, addRule, removeRule, configureReviewSaga });
