import { z } from "zod";
import { Id, Label, Priority, UserId } from "../../domain";
import { projectors, queryTaskList } from "../../read-models";
import { projectionLag, waitForPosition } from "../../projectors";
import { projectProcedure, readers } from "../project-procedure";
import { readPosition } from "../read-position";

const taskList = projectors.task_list!;

/**
 * Search and filters over the task_list read model. With the position of the caller's last write, waits
 * (2 s at most) until the read model has it; says how far behind it still is (lag).
 */
export const listTasks = projectProcedure(readers)
  .input(
    readPosition.extend({
      search: z.string().trim().min(1).max(200).optional(),
      columnId: Id.optional(),
      assigneeId: UserId.optional(),
      label: Label.optional(),
      priority: Priority.optional(),
      includeArchived: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { projectId, position, ...filter } = input;
    if (position) await waitForPosition(ctx.db, taskList.name, position);
    const [tasks, lag] = await Promise.all([queryTaskList(ctx.db, projectId, filter), projectionLag(ctx.db, taskList.name, projectId)]);
    return { tasks, lag };
  });
