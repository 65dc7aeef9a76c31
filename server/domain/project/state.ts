import type { RuleAction, RuleTrigger } from "../events/automation-rule";
import type { LabelColour, Role } from "../events/fields";

export type Column = { id: string; name: string; wipLimit: number | null };

export type AutomationRule = { ruleId: string; name: string; trigger: RuleTrigger; action: RuleAction };
export type ReviewSagaSettings = { columnId: string; reviewerRole: Role; timeoutSeconds: number };

export type ProjectState = {
  exists: boolean;
  name: string;
  ownerId: string;
  members: Record<string, Role>;
  /** In board order, left to right. */
  columns: Column[];
  /** In the order they were added, which is the order they fire in. */
  rules: AutomationRule[];
  /** The colour chosen for each label (by its text); a label without one is drawn plain. */
  labelColours: Record<string, LabelColour>;
  /** null: no review saga. */
  reviewSaga: ReviewSagaSettings | null;
};

export const initialProjectState = (): ProjectState => ({
  exists: false,
  name: "",
  ownerId: "",
  members: {},
  columns: [],
  rules: [],
  labelColours: {},
  reviewSaga: null,
});
