import { aggregateTypeOf, evolveProject, evolveTask, initialProjectState, initialTaskState, type ProjectEvent, type ProjectState, type TaskEvent, type TaskState } from "../../domain";
import { durationHistogram, percentiles } from "./distribution";
import { type Bucket, sampleInstants, weekStart, weeksCovering } from "./time-buckets";

/** An upcast event of one project, with the stream it belongs to and when it was stored. */
export type FlowEvent = (ProjectEvent | TaskEvent) & { aggregateId: string; timestamp: Date };

export type FlowOptions = {
  /** The window the series cover: [from, min(to, asOf)]. */
  from: Date;
  to: Date;
  /** What is known: events stamped after it are ignored, as if they had not happened yet. */
  asOf: Date;
  /** How far apart the cumulative flow diagram's samples are. */
  bucket: Bucket;
};

/** A task's stay in one column: from `from` (inclusive) to `to` (exclusive; null = still there at asOf). */
type Stay = { taskId: string; columnId: string; from: Date; to: Date | null; archived: boolean };

type TaskTrack = { state: TaskState; createdAt: Date; stays: Stay[] };

export type FlowColumn = { id: string; name: string; removed: boolean };

export type TaskFlow = {
  id: string;
  title: string;
  createdAt: Date;
  /** First time it stood in a column other than the first (null while it never has). */
  startedAt: Date | null;
  /** When it last entered the done column, if it is there at asOf (null otherwise). */
  completedAt: Date | null;
  leadTimeMs: number | null;
  cycleTimeMs: number | null;
  archived: boolean;
};

/**
 * Flow analytics of one project, folded from its events (any order within a task's stream kept):
 *
 * - the workflow is the board's columns as of `asOf`: "first" is its leftmost column, "done" its rightmost;
 *   removed columns still appear in the series, after the others;
 * - lead time: created → last entered done; cycle time: first stood outside the first column → last
 *   entered done. A task moved out of done is not complete until it enters done again (reopened);
 * - an archived task leaves the board, except one archived in done: it stays counted as done work.
 */
export function foldFlow(events: FlowEvent[], options: FlowOptions) {
  const { asOf, from } = options;
  const end = new Date(Math.min(options.to.getTime(), asOf.getTime()));
  let project: ProjectState = initialProjectState();
  const columnNames = new Map<string, string>();
  const tracks = new Map<string, TaskTrack>();

  for (const event of events) {
    if (event.timestamp > asOf) continue;
    if (isTaskEvent(event)) applyTaskEvent(tracks, event);
    else {
      project = evolveProject(project, event);
      if (event.type === "ColumnAdded" || event.type === "ColumnRenamed") columnNames.set(event.data.columnId, event.data.name);
    }
  }

  const current = project.columns.map((column) => column.id);
  const columns: FlowColumn[] = [
    ...current.map((id) => ({ id, name: columnNames.get(id)!, removed: false })),
    ...[...columnNames].filter(([id]) => !current.includes(id)).map(([id, name]) => ({ id, name, removed: true })),
  ];
  const firstId = current[0] ?? null;
  const doneId = current.at(-1) ?? null;
  const tasks = [...tracks].map(([id, track]) => taskFlow(id, track, firstId, doneId));
  const completed = tasks.filter((task) => task.completedAt && task.completedAt >= from && task.completedAt <= end);
  const stays = [...tracks.values()].flatMap((track) => track.stays);
  const leadTimes = completed.map((task) => task.leadTimeMs!);
  const cycleTimes = completed.map((task) => task.cycleTimeMs!);

  return {
    from,
    to: end,
    asOf,
    columns,
    firstColumnId: firstId,
    doneColumnId: doneId,
    cumulativeFlow: cumulativeFlow(stays, columns, doneId, sampleInstants(from, end, options.bucket)),
    completed,
    leadTime: percentiles(leadTimes),
    cycleTime: percentiles(cycleTimes),
    distribution: durationHistogram({ lead: leadTimes, cycle: cycleTimes }),
    throughput: weeksCovering(from, end).map((week) => ({
      ...week,
      completed: completed.filter((task) => weekStart(task.completedAt!).getTime() === week.weekStart.getTime()).length,
    })),
    timeInColumn: timeInColumn(stays, columns, from, end),
  };
}

export type FlowAnalytics = ReturnType<typeof foldFlow>;

function isTaskEvent(event: FlowEvent): event is TaskEvent & { aggregateId: string; timestamp: Date } {
  return aggregateTypeOf[event.type] === "task";
}

/** Evolves the task and, when its column or archived flag changed, closes its stay and opens the next. */
function applyTaskEvent(tracks: Map<string, TaskTrack>, event: TaskEvent & { aggregateId: string; timestamp: Date }) {
  const track = tracks.get(event.aggregateId);
  if (!track && event.type !== "TaskCreated") return;
  const before = track?.state ?? initialTaskState();
  const state = evolveTask(before, event);
  if (!track) {
    tracks.set(event.aggregateId, {
      state,
      createdAt: event.timestamp,
      stays: [{ taskId: event.aggregateId, columnId: state.columnId, from: event.timestamp, to: null, archived: false }],
    });
    return;
  }
  track.state = state;
  if (state.columnId === before.columnId && state.archived === before.archived) return;
  const open = track.stays.at(-1)!;
  open.to = event.timestamp;
  track.stays.push({ taskId: event.aggregateId, columnId: state.columnId, from: event.timestamp, to: null, archived: state.archived });
}

function taskFlow(id: string, track: TaskTrack, firstId: string | null, doneId: string | null): TaskFlow {
  const { state, createdAt, stays } = track;
  const startedAt = stays.find((stay) => stay.columnId !== firstId)?.from ?? null;
  let completedAt: Date | null = null;
  if (doneId !== null && state.columnId === doneId) {
    // The stays since it last came into done (archiving splits a stay without leaving the column).
    let i = stays.length - 1;
    while (i > 0 && stays[i - 1]!.columnId === doneId) i--;
    completedAt = stays[i]!.from;
  }
  const since = (start: Date | null) => (completedAt && start ? completedAt.getTime() - start.getTime() : null);
  return {
    id,
    title: state.title,
    createdAt,
    startedAt,
    completedAt,
    leadTimeMs: since(createdAt),
    // A task that went straight from the first column into done (or a one-column board) took no cycle time.
    cycleTimeMs: completedAt ? since(startedAt ?? completedAt) : null,
    archived: state.archived,
  };
}

/** How many tasks stood in each column at each sample instant (events stamped at an instant count). */
function cumulativeFlow(stays: Stay[], columns: FlowColumn[], doneId: string | null, instants: Date[]) {
  // Changes in time order, then a sweep over the instants: O(stays · log + instants · columns).
  const changes: { at: number; columnId: string; delta: number }[] = [];
  for (const stay of stays) {
    if (stay.archived && stay.columnId !== doneId) continue;
    changes.push({ at: stay.from.getTime(), columnId: stay.columnId, delta: 1 });
    if (stay.to) changes.push({ at: stay.to.getTime(), columnId: stay.columnId, delta: -1 });
  }
  changes.sort((a, b) => a.at - b.at);
  const counts = new Map(columns.map((column) => [column.id, 0]));
  let next = 0;
  return instants.map((at) => {
    while (next < changes.length && changes[next]!.at <= at.getTime()) {
      const { columnId, delta } = changes[next++]!;
      counts.set(columnId, (counts.get(columnId) ?? 0) + delta);
    }
    return { at, counts: Object.fromEntries(counts) as Record<string, number> };
  });
}

/** Time tasks spent in each column within [from, end], archived time left out; the average is per task that was there. */
function timeInColumn(stays: Stay[], columns: FlowColumn[], from: Date, end: Date) {
  return columns.map((column) => {
    const taskIds = new Set<string>();
    let totalMs = 0;
    for (const stay of stays) {
      if (stay.columnId !== column.id || stay.archived) continue;
      const overlap = Math.min((stay.to ?? end).getTime(), end.getTime()) - Math.max(stay.from.getTime(), from.getTime());
      if (overlap <= 0) continue;
      totalMs += overlap;
      taskIds.add(stay.taskId);
    }
    return { columnId: column.id, name: column.name, totalMs, tasks: taskIds.size, averageMs: taskIds.size ? totalMs / taskIds.size : 0 };
  });
}
