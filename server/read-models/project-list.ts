import type { Role } from "../domain";
import type { Db } from "../db";

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
  /** Tasks on the board (archived ones left out), from the board read model. */
  taskCount: number;
  /** When the project's last event happened: any change to the project or one of its tasks. */
  lastActivityAt: Date;
}

/**
 * The projects a user belongs to, with the latest name and the user's latest role in each (a removal ends it),
 * how many tasks each board holds and when it last changed.
 */
export async function projectsOf(db: Db, userId: string): Promise<ProjectSummary[]> {
  const { rows } = await db.query<ProjectSummary>(
    `WITH membership AS (
       SELECT project_id, role FROM (
         SELECT DISTINCT ON (project_id) project_id, event_type, payload ->> 'role' AS role
         FROM events
         WHERE aggregate_type = 'project' AND event_type IN ('MemberAdded', 'MemberRoleChanged', 'MemberRemoved')
           AND payload ->> 'userId' = $1
         ORDER BY project_id, version DESC
       ) latest
       WHERE event_type <> 'MemberRemoved'
     ), named AS (
       SELECT DISTINCT ON (project_id) project_id, payload ->> 'name' AS name
       FROM events
       WHERE aggregate_type = 'project' AND event_type IN ('ProjectCreated', 'ProjectRenamed')
         AND project_id IN (SELECT project_id FROM membership)
       ORDER BY project_id, version DESC
     )
     SELECT m.project_id AS id, n.name, m.role,
       (SELECT coalesce(sum(c.task_count), 0)::int FROM board_columns c WHERE c.project_id = m.project_id) AS "taskCount",
       (SELECT max(e.timestamp) FROM events e WHERE e.project_id = m.project_id) AS "lastActivityAt"
     FROM membership m JOIN named n USING (project_id)
     ORDER BY lower(n.name), m.project_id`,
    [userId],
  );
  return rows;
}
