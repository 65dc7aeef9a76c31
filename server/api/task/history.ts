import { z } from "zod";
import { Id } from "../../domain";
import { taskHistory } from "../../board-state";
import { userNames } from "../../read-models";
import { ruleNamesOf } from "../../workflows";
import { notFound } from "../errors";
import { projectProcedure, readers } from "../project-procedure";

/**
 * A task's timeline, oldest first: each change with who made it and when, the fields it touched
 * (before → after), its cause (the user's command, or the event an automation reacted to) and the
 * correlation id of the request. Automated changes name the rule or saga that made them.
 */
export const getTaskHistory = projectProcedure(readers)
  .input(z.object({ taskId: Id }))
  .query(async ({ ctx, input }) => {
    if (!ctx.board.tasks[input.taskId]) throw notFound("Task");
    const changes = await taskHistory(ctx.db, input.taskId);
    const nameOf = await userNames(ctx.db, changes.map((change) => change.userId));
    const ruleNames = await ruleNamesOf(ctx.db, input.projectId);
    return changes.map((change) => ({
      ...change,
      userName: nameOf(change.userId),
      // Which rule wrote an automated change, by its name when added (rules may be removed since).
      ruleName: change.cause.kind === "automation" && change.cause.actor.kind === "rule" ? (ruleNames.get(change.cause.actor.ruleId) ?? null) : null,
    }));
  });
