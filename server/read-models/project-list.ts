import type { ProjectEvent, Role } from "../domain";
import type { Db } from "../db";
import { lastEventTimes, readMembershipsOf, readProjectsByType, type StoredEvent, toDomainEvent } from "../eventstore";

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
  /** Tasks on the board (archived ones left out), from the board read model. */
  taskCount: number;
  /** When the project's last event happened: any change to the project or one of its tasks. */
  lastActivityAt: Date;
}

/** Live (not archived) tasks per project, as the board read model counts them per column. */
async function taskCounts(db: Db, projectIds: string[]): Promise<Map<string, number>> {
  const { rows } = await db.query<{ id: string; n: number }>(
    `SELECT project_id::text AS id, sum(task_count)::int AS n FROM board_columns WHERE project_id = ANY($1::uuid[]) GROUP BY project_id`,
    [projectIds],
  );
  return new Map(rows.map((row) => [row.id, row.n]));
}

/** The last of each project's events, by stream version. */
function latestPerProject(events: StoredEvent[]): Map<string, ProjectEvent> {
  const latest = new Map<string, StoredEvent>();
  for (const event of events) {
    const seen = latest.get(event.projectId);
    if (!seen || event.version > seen.version) latest.set(event.projectId, event);
  }
  return new Map([...latest].map(([projectId, event]) => [projectId, toDomainEvent<ProjectEvent>(event)]));
}

/**
 * The projects a user belongs to, with the latest name and the user's latest role in each (a removal ends
 * it), how many tasks each board holds and when it last changed. Read through the event store, so old payload
 * versions are upcast like every read.
 */
export async function projectsOf(db: Db, userId: string): Promise<ProjectSummary[]> {
  const memberships = latestPerProject(await readMembershipsOf(db, userId));
  const roles = new Map<string, Role>();
  for (const [projectId, event] of memberships) {
    if (event.type === "MemberAdded" || event.type === "MemberRoleChanged") roles.set(projectId, event.data.role);
  }
  if (roles.size === 0) return [];
  const ids = [...roles.keys()];
  const [events, counts, lastTimes] = await Promise.all([
    readProjectsByType(db, ids, ["ProjectCreated", "ProjectRenamed"]),
    taskCounts(db, ids),
    lastEventTimes(db, ids),
  ]);
  const names = latestPerProject(events);
  const projects: ProjectSummary[] = [];
  for (const [id, role] of roles) {
    const named = names.get(id);
    if (named?.type !== "ProjectCreated" && named?.type !== "ProjectRenamed") continue;
    projects.push({ id, name: named.data.name, role, taskCount: counts.get(id) ?? 0, lastActivityAt: lastTimes.get(id)! });
  }
  return projects.sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
