import type { Role } from "../domain";
import type { Db } from "../db";

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
}

/** The projects a user belongs to, with the latest name and the user's latest role in each (a removal ends it). */
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
     SELECT m.project_id AS id, n.name, m.role FROM membership m JOIN named n USING (project_id)
     ORDER BY lower(n.name), m.project_id`,
    [userId],
  );
  return rows;
}
