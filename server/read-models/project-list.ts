import type { ProjectEvent, Role } from "../domain";
import type { Db } from "../db";
import { readMembershipsOf, readProjectsByType, type StoredEvent, toDomainEvent } from "../eventstore";

export interface ProjectSummary {
  id: string;
  name: string;
  role: Role;
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
 * it). Read through the event store, so old payload versions are upcast like every read.
 */
export async function projectsOf(db: Db, userId: string): Promise<ProjectSummary[]> {
  const memberships = latestPerProject(await readMembershipsOf(db, userId));
  const roles = new Map<string, Role>();
  for (const [projectId, event] of memberships) {
    if (event.type === "MemberAdded" || event.type === "MemberRoleChanged") roles.set(projectId, event.data.role);
  }
  if (roles.size === 0) return [];
  const names = latestPerProject(await readProjectsByType(db, [...roles.keys()], ["ProjectCreated", "ProjectRenamed"]));
  const projects: ProjectSummary[] = [];
  for (const [id, role] of roles) {
    const named = names.get(id);
    if (named?.type === "ProjectCreated" || named?.type === "ProjectRenamed") projects.push({ id, name: named.data.name, role });
  }
  return projects.sort((a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.id, b.id));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
