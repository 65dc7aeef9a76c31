/**
 * Valid event histories for the benches: payloads in each type's current shape (checked against the
 * domain's zod schemas), per-stream versions 1..n, and only changes the task decider would decide from the
 * state so far (moves leave the current column and rank at the column's end, archived tasks are only
 * restored, labels removed only when present, …). Columns have no WIP limit, so no move overrides one.
 */
import { randomUUID } from "node:crypto";
import { currentEventVersion, DomainEvent, rankBetween } from "../server/domain";
import type { EventRowInput } from "./copy-events";

/** Users who appear in generated histories; the generator stores them so the board can name them. */
export const BENCH_USERS = ["bench-ada", "bench-bo", "bench-cy", "bench-di", "bench-ed"];
const LABELS = ["bug", "design", "backend", "frontend", "docs", "security", "quick win"];
const PRIORITIES = ["none", "low", "medium", "high", "urgent"] as const;
const COMMENTS = ["Looks good to me.", "Can we split this into two tasks?", "Blocked on design review.", "Done on staging, please check.", "I'll pick this up tomorrow."];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

/** A project's columns and the last rank in each, so a moved task goes to a column's end. */
export class Workspace {
  readonly columns = ["Backlog", "To do", "In progress", "Done"].map((name) => ({ id: randomUUID(), name }));
  private readonly lastRank = new Map<string, string | null>();

  constructor(readonly projectId: string = randomUUID()) {}

  rankAtEnd(columnId: string): string {
    const rank = rankBetween(this.lastRank.get(columnId) ?? null, null);
    this.lastRank.set(columnId, rank);
    return rank;
  }

  /** The project stream: created, five members, four columns. */
  projectEvents(): DomainEvent[] {
    const [owner, ...others] = BENCH_USERS;
    return [
      { type: "ProjectCreated", data: { name: "Benchmark history", ownerId: owner! } },
      { type: "MemberAdded", data: { userId: owner!, role: "owner" } },
      ...others.map((userId): DomainEvent => ({ type: "MemberAdded", data: { userId, role: "member" } })),
      ...this.columns.map(({ id, name }): DomainEvent => ({ type: "ColumnAdded", data: { columnId: id, name, wipLimit: null } })),
    ];
  }
}

/** What the next event of a task may be decided from. */
export class SimTask {
  version = 0;
  private columnId = "";
  private archived = false;
  private assigneeId: string | null = null;
  private priority: (typeof PRIORITIES)[number] = "none";
  private dueDate: string | null = null;
  private labels: string[] = [];
  private title = "";

  constructor(
    private readonly ws: Workspace,
    readonly id: string = randomUUID(),
  ) {}

  /** The task's next event (TaskCreated first), applied to this state. */
  next(): DomainEvent {
    this.version++;
    if (this.version === 1) {
      this.columnId = this.ws.columns[0]!.id;
      this.title = `Task ${this.id.slice(0, 8)}`;
      const rank = this.ws.rankAtEnd(this.columnId);
      const data = { projectId: this.ws.projectId, columnId: this.columnId, rank, title: this.title, description: "", priority: this.priority, assigneeId: null, labels: [], dueDate: null };
      return { type: "TaskCreated", data };
    }
    if (this.archived) {
      this.archived = false;
      return { type: "TaskRestored", data: {} };
    }
    return this.change(Math.random() * 100);
  }

  // Weights (out of 100) roughly as people edit a board: moves and comments most, archiving rarely.
  private change(roll: number): DomainEvent {
    if (roll < 30) {
      const to = pick(this.ws.columns.filter((c) => c.id !== this.columnId)).id;
      const data = { fromColumnId: this.columnId, toColumnId: to, rank: this.ws.rankAtEnd(to), wipLimitOverridden: false };
      this.columnId = to;
      return { type: "TaskMoved", data };
    }
    if (roll < 45) return { type: "TaskCommented", data: { commentId: randomUUID(), body: pick(COMMENTS) } };
    if (roll < 53) {
      this.title = `Task ${this.id.slice(0, 8)}, revision ${this.version}`;
      return { type: "TaskRenamed", data: { title: this.title } };
    }
    if (roll < 61) return { type: "TaskDescriptionChanged", data: { description: `Notes as of revision ${this.version}: ${pick(COMMENTS)}` } };
    if (roll < 71) {
      const others = BENCH_USERS.filter((u) => u !== this.assigneeId);
      if (this.assigneeId !== null && roll < 64) {
        this.assigneeId = null;
        return { type: "TaskUnassigned", data: {} };
      }
      this.assigneeId = pick(others);
      return { type: "TaskAssigned", data: { assigneeId: this.assigneeId } };
    }
    if (roll < 79) {
      this.priority = pick(PRIORITIES.filter((p) => p !== this.priority));
      return { type: "TaskPriorityChanged", data: { priority: this.priority } };
    }
    if (roll < 86) {
      if (this.dueDate !== null && roll < 82) {
        this.dueDate = null;
        return { type: "TaskDueDateCleared", data: {} };
      }
      let dueDate: string;
      do dueDate = `2027-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 10)}`;
      while (dueDate === this.dueDate);
      this.dueDate = dueDate;
      return { type: "TaskDueDateSet", data: { dueDate } };
    }
    if (roll < 98) {
      const absent = LABELS.filter((l) => !this.labels.includes(l));
      if (this.labels.length > 0 && (roll < 92 || absent.length === 0)) {
        const label = pick(this.labels);
        this.labels = this.labels.filter((l) => l !== label);
        return { type: "TaskLabelRemoved", data: { label } };
      }
      const label = pick(absent);
      this.labels.push(label);
      return { type: "TaskLabelAdded", data: { label } };
    }
    this.archived = true;
    return { type: "TaskArchived", data: {} };
  }
}

/** An event as the events table stores it, after checking its payload against the domain's schema. */
export function eventRow(
  ws: Workspace,
  stream: { aggregateType: "project" | "task"; aggregateId: string; version: number },
  event: DomainEvent,
  timestamp: Date,
): EventRowInput {
  const checked = DomainEvent.parse(event);
  return {
    ...stream,
    eventType: checked.type,
    eventVersion: currentEventVersion[checked.type],
    projectId: ws.projectId,
    timestamp,
    payload: checked.data,
    userId: pick(BENCH_USERS),
  };
}
