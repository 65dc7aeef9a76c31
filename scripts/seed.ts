/**
 * Seeds a demo history: five users, three projects and a few hundred events spread over the past six
 * weeks, written through the real deciders (so every rule holds) with past timestamps. The first two weeks
 * of the first project are stored as the app wrote them before event schema v2 (TaskCreated and TaskMoved
 * v1, read through their upcasters), and each board gets a few snapshots for time travel. Runs once: a
 * database that already has the demo users is left alone. Deterministic, so every fresh run looks alike.
 */
import { randomUUID } from "node:crypto";
import { auth, grantOperator } from "../server/auth";
import { type Db, getPool } from "../server/db";
import { boardContext, columnTasks, decideTask, type ProjectCommand, projectDecider, rankBetween, type TaskCommand, TaskCreatedV1, taskDecider, type TaskEvent, TaskMovedV1 } from "../server/domain";
import { appendToStream, backgroundWorkDone, type CommandContext, handleCommand, loadAggregate, stableUuid } from "../server/eventstore";
import { loadBoard, snapshotBoard } from "../server/board-state";
import { userByEmail } from "../server/read-models";

export const DEMO_PASSWORD = "chronoboard-demo";
const people = [
  ["Alice Martin", "alice@demo.chronoboard.dev"],
  ["Bilal Haddad", "bilal@demo.chronoboard.dev"],
  ["Chen Wei", "chen@demo.chronoboard.dev"],
  ["Dana Kowalski", "dana@demo.chronoboard.dev"],
  ["Emeka Obi", "emeka@demo.chronoboard.dev"],
] as const;

const projects = [
  { name: "Website relaunch", tasks: ["Audit current sitemap", "New pricing page", "Migrate blog posts", "Cookie banner copy", "Hero illustration", "Accessibility review", "Set up redirects", "Load test landing page", "Newsletter sign-up form", "Footer links cleanup", "Case study: Acme", "Performance budget"] },
  { name: "Mobile app 2.0", tasks: ["Offline sync design", "Push notification opt-in", "Dark mode icons", "Crash on Android 12 resume", "Onboarding carousel", "App Store screenshots", "Biometric sign-in", "Reduce bundle size", "Deep links for tasks", "Beta feedback triage"] },
  { name: "Compliance Q4", tasks: ["SOC 2 evidence list", "Access review for admins", "Vendor risk questionnaire", "Backup restore drill", "Incident runbook update", "Data retention policy", "Pen test remediation", "Export audit trail for auditor"] },
];
const labels = ["bug", "design", "backend", "frontend", "docs", "security", "quick win"];
const comments = ["Looks good to me.", "Can we split this into two tasks?", "Blocked on design review.", "Done on staging, please check.", "I'll pick this up tomorrow.", "Customer asked about this again."];
const renames: Record<string, string> = { "Hero illustration": "Hero illustration (v2)", "Onboarding carousel": "Onboarding: three-step carousel", "Data retention policy": "Data retention policy 2027" };

// A small seeded PRNG (mulberry32) so the demo history is the same on every machine.
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type TaskCommandArgs = { stream: { aggregateType: string; aggregateId: string }; projectId: string; context: CommandContext; recordedAt: Date };

/** Decides with today's rules but stores the events in their v1 form, as the app before v2 wrote them. */
async function appendAsV1(db: Db, args: TaskCommandArgs, command: TaskCommand) {
  const { state, version } = await loadAggregate(db, args.stream, taskDecider);
  const events = decideTask(command, state).map((event, i) => ({
    eventId: stableUuid(args.context.commandId, i),
    eventType: event.type,
    eventVersion: 1,
    payload: v1Payload(event),
  }));
  const { context } = args;
  const metadata = { userId: context.userId, correlationId: context.correlationId, causationId: context.commandId };
  return appendToStream(db, { ...args.stream, projectId: args.projectId, expectedVersion: version, events, metadata, recordedAt: args.recordedAt });
}

function v1Payload(event: TaskEvent): unknown {
  if (event.type === "TaskCreated") {
    const { priority: _, ...v1 } = event.data;
    return TaskCreatedV1.parse(v1);
  }
  if (event.type === "TaskMoved") {
    const { rank: _, ...v1 } = event.data;
    return TaskMovedV1.parse(v1);
  }
  throw new Error(`${event.type} has no v1`);
}

async function main() {
  const db = getPool();
  if (await userByEmail(db, people[0][1])) {
    console.log("Demo data already present; seed skipped.");
    await db.end();
    return;
  }
  const userIds: string[] = [];
  for (const [name, email] of people) {
    const { user } = await auth.api.signUpEmail({ body: { name, email, password: DEMO_PASSWORD } });
    userIds.push(user.id);
  }
  // The first demo user also runs the installation, so the operations page can be seen.
  await grantOperator(db, userIds[0]!);

  const random = prng(20261128);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const start = Date.now() - 42 * 24 * 3600 * 1000;
  const v2Release = start + 14 * 24 * 3600 * 1000;
  let clock = start;
  const tick = () => (clock = Math.min(Date.now() - 60_000, clock + Math.floor(3600 * 1000 + random() * 14 * 3600 * 1000)));
  let events = 0;

  for (const [p, spec] of projects.entries()) {
    clock = start + p * 3600 * 1000;
    const owner = userIds[p % userIds.length]!;
    const projectId = randomUUID();
    const ctx = (userId: string) => ({ userId, correlationId: randomUUID(), commandId: randomUUID() });
    const onProject = async (userId: string, command: ProjectCommand) => {
      const r = await handleCommand(db, { stream: { aggregateType: "project", aggregateId: projectId }, projectId, decider: projectDecider, command, context: ctx(userId), recordedAt: new Date(tick()) });
      events += r.events.length;
    };
    const onTask = async (userId: string, taskId: string, command: (board: Awaited<ReturnType<typeof loadBoard>>) => TaskCommand) => {
      const board = await loadBoard(db, projectId);
      const args = { stream: { aggregateType: "task", aggregateId: taskId }, projectId, context: ctx(userId), recordedAt: new Date(tick()) };
      const decided = command(board);
      const v1 = p === 0 && args.recordedAt.getTime() < v2Release && (decided.type === "CreateTask" || decided.type === "MoveTask");
      const r = v1 ? await appendAsV1(db, args, decided) : await handleCommand(db, { ...args, decider: taskDecider, command: decided });
      events += r.events.length;
    };

    const columnIds: string[] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    await onProject(owner, {
      type: "CreateProject", projectId, name: spec.name, ownerId: owner,
      columns: ["To do", "In progress", "Review", "Done"].map((name, i) => ({ columnId: columnIds[i]!, name, wipLimit: i === 1 ? 4 : null })),
    });
    const members = userIds.filter((u) => u !== owner);
    for (const [i, userId] of members.entries()) {
      await onProject(owner, { type: "AddMember", projectId, userId, role: i === 3 ? "viewer" : i === 2 ? "admin" : "member" });
    }
    const editors = [owner, ...members.slice(0, 3)];

    const taskIds: string[] = [];
    for (const title of spec.tasks) {
      const taskId = randomUUID();
      taskIds.push(taskId);
      await onTask(pick(editors), taskId, (board) => ({
        type: "CreateTask", taskId, projectId, columnId: columnIds[0]!, title,
        rank: rankBetween(columnTasks(board, columnIds[0]!).at(-1)?.rank ?? null, null),
        priority: pick(["none", "low", "medium", "high", "urgent"] as const),
        labels: [pick(labels)], board: boardContext(board),
      }));
    }

    // Work flows left to right over the weeks, with the edits teams really make along the way.
    for (let round = 0; round < 12; round++) {
      for (const taskId of taskIds) {
        const board = await loadBoard(db, projectId);
        const task = board.tasks[taskId]!;
        if (task.archived) continue;
        const actor = pick(editors);
        const roll = random();
        const column = columnIds.indexOf(task.columnId);
        // About one move in eight rounds, so the boards end with work in every column.
        if (roll < 0.12 && column < 3) {
          const to = columnIds[column + 1]!;
          const full = boardContext(board).columns.find((c) => c.id === to)!;
          await onTask(actor, taskId, (b) => ({
            type: "MoveTask", taskId, toColumnId: to, rank: rankBetween(columnTasks(b, to).at(-1)?.rank ?? null, null),
            overrideWipLimit: full.wipLimit !== null && full.taskCount >= full.wipLimit, board: boardContext(b),
          }));
        } else if (roll < 0.5) {
          await onTask(actor, taskId, (b) => ({ type: "AssignTask", taskId, assigneeId: pick(editors), board: boardContext(b) }));
        } else if (roll < 0.65) {
          await onTask(actor, taskId, () => ({ type: "CommentOnTask", taskId, commentId: randomUUID(), body: pick(comments) }));
        } else if (roll < 0.72 && renames[task.title]) {
          await onTask(actor, taskId, () => ({ type: "RenameTask", taskId, title: renames[task.title]! }));
        } else if (roll < 0.8) {
          await onTask(actor, taskId, () => ({ type: "ChangePriority", taskId, priority: pick(["low", "medium", "high", "urgent"] as const) }));
        } else if (roll < 0.87) {
          const due = new Date(clock + (random() * 30 - 5) * 24 * 3600 * 1000).toISOString().slice(0, 10);
          await onTask(actor, taskId, () => ({ type: "SetDueDate", taskId, dueDate: due }));
        } else if (roll < 0.93) {
          await onTask(actor, taskId, () => ({ type: "AddLabel", taskId, label: pick(labels) }));
        } else if (column === 3 && round > 5) {
          await onTask(actor, taskId, () => ({ type: "ArchiveTask", taskId }));
        }
      }
      if (round % 4 === 3) await snapshotBoard(db, projectId);
    }
  }
  console.log(`Seeded ${people.length} users, ${projects.length} projects and ${events} events.`);
  console.log(`Demo users: ${people.map(([, email]) => email).join(", ")} (password: ${DEMO_PASSWORD})`);
  await backgroundWorkDone();
  await db.end();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
