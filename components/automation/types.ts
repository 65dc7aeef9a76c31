import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type AutomationSettings = Outputs["automation"]["settings"];
export type Rule = AutomationSettings["rules"][number];
export type RuleTrigger = Rule["trigger"];
export type RuleAction = Rule["action"];
export type SagaSettings = NonNullable<AutomationSettings["reviewSaga"]>;
