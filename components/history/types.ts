import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

/** One change in a task's timeline (task.history), oldest first. */
export type TaskChange = Outputs["task"]["history"][number];
export type FieldChange = TaskChange["changes"][number];
/** One event of the project's audit log (project.auditLog), newest first. */
export type AuditItem = Outputs["project"]["auditLog"]["items"][number];
