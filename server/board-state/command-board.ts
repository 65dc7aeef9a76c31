import { type Board, type BoardContext, evolveBoard, evolveTask, initialTaskState, type TaskEvent } from "../domain";
import type { Db } from "../db";
import { type ProjectCut, readProjectAfter, StateCache, type StoredEvent, toDomainEvent } from "../eventstore";
import { processWide } from "../process-wide";
import { loadBoardNow, toBoardEvent } from "./board";
import { boardHeadTasks } from "./board-heads";
import { bySlot, type ColumnOrder, indexOfSlot, type Slot, withoutSlot, withSlot } from "./column-order";
import type { LoadedBoard } from "./loaded-board";

/**
 * What a task command needs of its board, as of one moment: the project's part (members, columns), each
 * column's count of live tasks and the ranks around a place. Unlike LoadedBoard it holds no task records, so
 * loading it after a write costs the events since, not a copy of every task (BENCHMARKS.md, "Commands on a
 * large board").
 */
export interface CommandBoard {
  project: Board["project"];
  members: Board["members"];
  columns: Board["columns"];
  projectVersion: number;
  position: number;
  /** The WIP counts and members a task decision checks, as boardContext counts them (archived tasks left out). */
  context: BoardContext;
  /** Whether the task is on the board (archived or not). Tasks never leave a board, so a later answer holds too. */
  hasTask(taskId: string): boolean;
  /** The task's stream version; may be newer than this board when the task changed since. */
  taskVersion(taskId: string): number | undefined;
  /** The rank of the column's last live task (null: none). */
  lastRank(columnId: string): string | null;
  /**
   * The ranks a task goes between when placed below `afterTaskId` (null: at the top) among the column's live
   * tasks other than itself; null when `afterTaskId` is not one of them.
   */
  between(columnId: string, afterTaskId: string | null, taskId: string): { before: string | null; after: string | null } | null;
}

/** Where a task is: enough of its state to place and count it. */
interface Place {
  columnId: string;
  rank: string;
  archived: boolean;
  version: number;
}

/**
 * A project's command board kept up to date in the process: each load reads the events since its cut (an
 * indexed read, usually of a few events) and applies them to the places and the columns' orders. Loads of one
 * project run one after another, each reading only after the one before has applied its events, so that a
 * load started after a lock was taken sees every event committed before it.
 */
class CommandIndex {
  private project: Board["project"];
  private members: Board["members"];
  private columns: Board["columns"];
  private labelColours: Board["labelColours"];
  private projectVersion: number;
  private position: number;
  private readonly places = new Map<string, Place>();
  /** Each column's live tasks in board order; arrays are replaced on change, so boards handed out keep theirs. */
  private orders = new Map<string, ColumnOrder>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly projectId: string,
    private cut: ProjectCut,
    board: LoadedBoard,
  ) {
    ({ project: this.project, members: this.members, columns: this.columns, labelColours: this.labelColours } = board);
    ({ projectVersion: this.projectVersion, position: this.position } = board);
    const orders = new Map<string, Slot[]>();
    for (const [id, task] of Object.entries(board.tasks)) {
      const place = { columnId: task.columnId, rank: task.rank, archived: task.archived, version: board.taskVersions[id] ?? 0 };
      this.places.set(id, place);
      if (place.archived) continue;
      const slots = orders.get(place.columnId);
      if (slots) slots.push({ id, rank: place.rank });
      else orders.set(place.columnId, [{ id, rank: place.rank }]);
    }
    for (const [columnId, slots] of orders) this.orders.set(columnId, slots.sort(bySlot));
  }

  get size(): number {
    return this.places.size + 1;
  }

  /** Reads and applies the events since the cut, after any load already under way; the board as of then. */
  refreshed(db: Db): Promise<CommandBoard> {
    const run = this.queue.then(async () => {
      const slice = await readProjectAfter(db, this.projectId, { after: this.cut });
      for (const event of slice.events) this.apply(event);
      if (slice.cut) this.cut = slice.cut;
      return this.view();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One event, folded as foldBoard folds it (evolveBoard's rules), into the places and orders. */
  private apply(event: StoredEvent): void {
    // Other streams of the project (a review saga's) are in its log but not on its board.
    if (event.aggregateType !== "task" && event.aggregateType !== "project") return;
    this.position = Math.max(this.position, event.position);
    if (event.aggregateType === "project") {
      const { project, members, columns, labelColours } = this;
      ({ project: this.project, members: this.members, columns: this.columns, labelColours: this.labelColours } = evolveBoard({ project, members, columns, labelColours, tasks: {} }, toBoardEvent(event)));
      this.projectVersion = event.version;
      return;
    }
    const id = event.aggregateId;
    const before = this.places.get(id);
    const domainEvent = toDomainEvent(event) as TaskEvent;
    if (!before && (domainEvent.type !== "TaskCreated" || (this.project.exists && domainEvent.data.projectId !== this.project.id))) return;
    // Column, rank and archived come from the event's data alone (evolveTask), whatever the rest of the state.
    const state = evolveTask({ ...initialTaskState(), ...before }, domainEvent);
    const after = { columnId: state.columnId, rank: state.rank, archived: state.archived, version: event.version };
    this.places.set(id, after);
    if (before && !before.archived) this.orders.set(before.columnId, withoutSlot(this.orders.get(before.columnId) ?? [], { id, rank: before.rank }));
    if (!after.archived) this.orders.set(after.columnId, withSlot(this.orders.get(after.columnId) ?? [], { id, rank: after.rank }));
  }

  /** The board as of now: the project's part and the orders' arrays as they are, which later events replace. */
  private view(): CommandBoard {
    const { project, members, columns, projectVersion, position, places } = this;
    const orders = new Map(this.orders);
    const order = (columnId: string): ColumnOrder => orders.get(columnId) ?? [];
    return {
      project,
      members,
      columns,
      projectVersion,
      position,
      context: {
        columns: columns.map(({ id, name, wipLimit }) => ({ id, name, wipLimit, taskCount: order(id).length })),
        memberIds: Object.keys(members),
      },
      hasTask: (taskId) => places.has(taskId),
      taskVersion: (taskId) => places.get(taskId)?.version,
      lastRank: (columnId) => order(columnId).at(-1)?.rank ?? null,
      between(columnId, afterTaskId, taskId) {
        const slots = order(columnId);
        const skip = (index: number) => (slots[index]?.id === taskId ? index + 1 : index);
        if (afterTaskId === null) return { before: null, after: slots[skip(0)]?.rank ?? null };
        if (afterTaskId === taskId) return null;
        // The place may be newer than this board's orders: then the binary search misses and the scan finds it.
        const place = places.get(afterTaskId);
        let index = place ? indexOfSlot(slots, { id: afterTaskId, rank: place.rank }) : -1;
        if (index === -1) index = slots.findIndex((slot) => slot.id === afterTaskId);
        if (index === -1) return null;
        return { before: slots[index]!.rank, after: slots[skip(index + 1)]?.rank ?? null };
      },
    };
  }
}

/** Each project's command index, bounded by the tasks held (BOARD_HEAD_TASKS, as the board heads). */
export function commandIndexes(): StateCache<CommandIndex> {
  return processWide("chronoboardCommandIndexes", () => new StateCache<CommandIndex>(boardHeadTasks()));
}

const noProject: CommandBoard = {
  project: { id: "", name: "", ownerId: "", exists: false },
  members: {},
  columns: [],
  projectVersion: 0,
  position: 0,
  context: { columns: [], memberIds: [] },
  hasTask: () => false,
  taskVersion: () => undefined,
  lastRank: () => null,
  between: () => null,
};

/**
 * A project's command board now, read after this call began. The first load of a project in the process
 * builds its index from the board (loadBoard's cost, once); every later one reads the events since.
 */
export async function loadCommandBoard(db: Db, projectId: string): Promise<CommandBoard> {
  let index = commandIndexes().get(projectId);
  if (!index) {
    const { board, cut } = await loadBoardNow(db, projectId);
    if (!cut) return noProject;
    // Another load may have built one meanwhile: keep a single index per project, so loads stay in one queue.
    index = commandIndexes().get(projectId) ?? new CommandIndex(projectId, cut, board);
    commandIndexes().set(projectId, index, index.size);
  }
  try {
    return await index.refreshed(db);
  } catch (error) {
    // An index that failed half-way through applying events is dropped; the next load builds a new one.
    if (commandIndexes().get(projectId) === index) commandIndexes().delete(projectId);
    throw error;
  }
}
