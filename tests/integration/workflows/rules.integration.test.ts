import { describe, expect, it } from "vitest";
import { ruleActor } from "../../../server/domain";
import { readProject, readStream } from "../../../server/eventstore";
import { ruleEngine } from "../../../server/workflows/rules/engine";
import { maxAutomationChain } from "../../../server/workflows/loop-guard";
import { cmd } from "../helpers/api";
import { testPool } from "../helpers/db";
import { automatedEvents, drain, forgetCheckpoint, lastPosition, settle, taskOn, teamProject } from "./helpers";

const pool = testPool();
const engine = ruleEngine(pool);

describe("automation rules", () => {
  it("react to a task entering a column, once per event, even when the events are delivered again", async () => {
    const { owner, member, projectId, columns, createTask, move } = await teamProject();
    const review = columns[2]!;
    const add = (name: string, action: object) =>
      owner.caller.automation.addRule({ ...cmd(), projectId, name, trigger: { type: "taskEnteredColumn", columnId: review }, action } as never);
    const rules = [
      await add("Member reviews", { type: "assignUser", userId: member.user.id }),
      await add("Reviews are urgent-ish", { type: "setPriority", priority: "high" }),
      await add("Label reviews", { type: "addLabel", label: "in-review" }),
    ];
    const taskId = await createTask();
    await move(taskId, review);
    const moved = (await readStream(pool, { aggregateType: "task", aggregateId: taskId })).at(-1)!;
    expect(moved.eventType).toBe("TaskMoved");

    await drain(pool, engine);
    const first = await automatedEvents(pool, projectId);
    expect(first.map((e) => [e.eventType, e.metadata.userId])).toEqual([
      ["TaskAssigned", ruleActor(rules[0]!.ruleId)],
      ["TaskPriorityChanged", ruleActor(rules[1]!.ruleId)],
      ["TaskLabelAdded", ruleActor(rules[2]!.ruleId)],
    ]);
    for (const event of first) {
      expect(event.metadata.causationId).toBe(moved.eventId);
      expect(event.metadata.correlationId).toBe(moved.metadata.correlationId);
    }

    // Someone undoes the priority; then the engine sees the move again (a replay of the whole log, and a
    // redelivery of the one event): the rule's command was issued already, so nothing is written again.
    await owner.caller.task.changePriority({ ...cmd(), projectId, taskId, priority: "low" });
    await forgetCheckpoint(pool, engine);
    await drain(pool, engine);
    const client = await pool.connect();
    try {
      await engine.handle(client, moved);
    } finally {
      client.release();
    }
    expect((await automatedEvents(pool, projectId)).map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    const task = taskOn(await owner.caller.board.get({ projectId, position: await lastPosition(pool, projectId) }), taskId);
    expect(task).toMatchObject({ assigneeId: member.user.id, priority: "low", labels: ["in-review"] });

    // The timeline names the rule behind each automated change and links it to the move.
    const history = await member.caller.task.history({ projectId, taskId });
    const automated = history.filter((change) => change.cause.kind === "automation");
    expect(automated.map((change) => [change.type, change.userName, change.ruleName])).toEqual([
      ["TaskAssigned", "Automation", "Member reviews"],
      ["TaskPriorityChanged", "Automation", "Reviews are urgent-ish"],
      ["TaskLabelAdded", "Automation", "Label reviews"],
    ]);
    expect(automated[0]!.cause).toMatchObject({ eventId: moved.eventId, eventType: "TaskMoved", actor: { kind: "rule", ruleId: rules[0]!.ruleId } });
  });

  it("move a task when its reviewer approves, and assign by role", async () => {
    const { owner, member, projectId, columns, createTask, move } = await teamProject();
    const [, doing, review, done] = columns;
    await owner.caller.automation.addRule({ ...cmd(), projectId, name: "Approved is done", trigger: { type: "taskApproved" }, action: { type: "moveToColumn", columnId: done! } });
    await owner.caller.automation.addRule({
      ...cmd(),
      projectId,
      name: "Members pick up work",
      trigger: { type: "taskEnteredColumn", columnId: doing! },
      action: { type: "assignRole", role: "member" },
    });
    const taskId = await createTask();
    await move(taskId, doing!);
    await settle(pool, projectId, engine);
    await move(taskId, review!);
    await owner.caller.task.assignReviewer({ ...cmd(), projectId, taskId, reviewerId: owner.user.id });
    await owner.caller.task.approve({ ...cmd(), projectId, taskId });
    await settle(pool, projectId, engine);
    const task = taskOn(await member.caller.board.get({ projectId, position: await lastPosition(pool, projectId) }), taskId);
    expect(task).toMatchObject({ assigneeId: member.user.id, columnId: done, review: "approved" });
    const approved = (await readProject(pool, projectId)).find((e) => e.eventType === "TaskApproved")!;
    const [automatedMove] = (await automatedEvents(pool, projectId)).filter((e) => e.eventType === "TaskMoved");
    expect(automatedMove!.metadata.causationId).toBe(approved.eventId);
  });

  it("fire only on events that happen after the rule was added", async () => {
    const { owner, projectId, columns, createTask } = await teamProject();
    await createTask(columns[2]);
    await owner.caller.automation.addRule({ ...cmd(), projectId, name: "Late", trigger: { type: "taskEnteredColumn", columnId: columns[2]! }, action: { type: "addLabel", label: "late" } });
    await settle(pool, projectId, engine);
    expect(await automatedEvents(pool, projectId)).toEqual([]);
  });

  it("stop a loop of rules that move a task back and forth after a bounded chain", async () => {
    const { owner, projectId, columns, createTask, move } = await teamProject();
    const [, doing, review] = columns;
    const rule = (name: string, from: string, to: string) =>
      owner.caller.automation.addRule({ ...cmd(), projectId, name, trigger: { type: "taskEnteredColumn", columnId: from }, action: { type: "moveToColumn", columnId: to } });
    await rule("Ping", doing!, review!);
    await rule("Pong", review!, doing!);
    const taskId = await createTask();
    await move(taskId, doing!);
    await settle(pool, projectId, engine);
    const moves = (await automatedEvents(pool, projectId)).filter((e) => e.aggregateId === taskId && e.eventType === "TaskMoved");
    expect(moves).toHaveLength(maxAutomationChain);
  });

  it("are managed by owners and admins only, and listed for every member", async () => {
    const { owner, member, projectId, columns } = await teamProject();
    const input = { projectId, name: "Label", trigger: { type: "taskEnteredColumn", columnId: columns[1]! }, action: { type: "addLabel", label: "x" } } as const;
    await expect(member.caller.automation.addRule({ ...cmd(), ...input })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const { ruleId } = await owner.caller.automation.addRule({ ...cmd(), ...input });
    expect((await member.caller.automation.settings({ projectId })).rules.map((r) => r.ruleId)).toEqual([ruleId]);
    await owner.caller.automation.removeRule({ ...cmd(), projectId, ruleId });
    expect((await owner.caller.automation.settings({ projectId })).rules).toEqual([]);
  });
});
