import { z } from "zod";
import { Description, DueDate, Id, Rank, Title, UserId } from "../fields";
import type { Upcaster } from "./upcaster";

/** TaskCreated as v1 wrote it, before tasks had a priority. */
export const TaskCreatedV1 = z
  .object({
    projectId: Id,
    columnId: Id,
    rank: Rank,
    title: Title,
    description: Description,
    assigneeId: UserId.nullable(),
    labels: z.array(z.string()).max(20),
    dueDate: DueDate.nullable(),
  })
  .strict();

/** A v1 task had no priority, which is what "none" means today. */
export const taskCreatedV1: Upcaster<typeof TaskCreatedV1> = {
  eventType: "TaskCreated",
  fromVersion: 1,
  schema: TaskCreatedV1,
  up: (data) => ({ ...data, priority: "none" }),
};
