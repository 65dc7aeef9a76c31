import { z } from "zod";
import { defineEvent } from "./define";
import { ColumnName, Id, ProjectName, Role, UserId, WipLimit } from "./fields";

export const ProjectCreated = defineEvent("ProjectCreated", 1, { name: ProjectName, ownerId: UserId });
export const ProjectRenamed = defineEvent("ProjectRenamed", 1, { name: ProjectName });
export const MemberAdded = defineEvent("MemberAdded", 1, { userId: UserId, role: Role });
export const ColumnAdded = defineEvent("ColumnAdded", 1, { columnId: Id, name: ColumnName, wipLimit: WipLimit });
export const ColumnRenamed = defineEvent("ColumnRenamed", 1, { columnId: Id, name: ColumnName });
/** toIndex is the column's place in the board's column order after the move (0 = first). */
export const ColumnMoved = defineEvent("ColumnMoved", 1, { columnId: Id, toIndex: z.number().int().min(0) });
export const ColumnRemoved = defineEvent("ColumnRemoved", 1, { columnId: Id });
export const WipLimitSet = defineEvent("WipLimitSet", 1, { columnId: Id, wipLimit: WipLimit });

export const projectEventSchemas = [
  ProjectCreated,
  ProjectRenamed,
  MemberAdded,
  ColumnAdded,
  ColumnRenamed,
  ColumnMoved,
  ColumnRemoved,
  WipLimitSet,
] as const;

export const ProjectEvent = z.discriminatedUnion("type", projectEventSchemas);
export type ProjectEvent = z.infer<typeof ProjectEvent>;
