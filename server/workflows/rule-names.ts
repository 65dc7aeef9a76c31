import type { Db } from "../db";

/** Every rule the project ever had, by id, with the name it was added under (removed rules included). */
export async function ruleNamesOf(db: Db, projectId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ rule_id: string; name: string }>(
    `SELECT payload ->> 'ruleId' AS rule_id, payload ->> 'name' AS name FROM events
     WHERE aggregate_type = 'project' AND aggregate_id = $1 AND event_type = 'AutomationRuleAdded'`,
    [projectId],
  );
  return new Map(rows.map((row) => [row.rule_id, row.name]));
}
