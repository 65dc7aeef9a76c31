import type { Db } from "../db";
import type { ProjectEvent } from "../domain";
import { readProjectsByType, toDomainEvent } from "../eventstore";

type RuleAdded = Extract<ProjectEvent, { type: "AutomationRuleAdded" }>;

/** Every rule the project ever had, by id, with the name it was added under (removed rules included). */
export async function ruleNamesOf(db: Db, projectId: string): Promise<Map<string, string>> {
  const added = await readProjectsByType(db, [projectId], ["AutomationRuleAdded"]);
  return new Map(added.map((event) => toDomainEvent<RuleAdded>(event).data).map((rule) => [rule.ruleId, rule.name]));
}
