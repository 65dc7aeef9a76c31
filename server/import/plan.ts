import { ZodError } from "zod";
import { boardContext, type Board, columnTasks, DomainError, type Priority, rankBetween, taskDecider, type TaskEvent } from "../domain";
import { stableUuid } from "../eventstore/command";
import { hasUnstorableText } from "../api/text-guard";
import type { CsvRecord } from "./csv-records";
import { assigneeNameOf, cell, dueDateOf, type HeaderMap, labelsOf, priorityOf } from "./export-columns";

export interface BadRow {
  line: number;
  message: string;
}

/** One row's command, decided: the task it creates and the event, with ids derived from the import and line. */
export interface PlannedTask {
  line: number;
  commandId: string;
  taskId: string;
  event: TaskEvent;
}

export interface ImportPlan {
  tasks: PlannedTask[];
  badRows: BadRow[];
  /** Lists or statuses the board has no column for, with how many rows went to the first column instead. */
  unknownColumns: { name: string; rows: number }[];
  /** People named who are not members of the project: those rows' tasks are left unassigned. */
  unknownAssignees: { name: string; rows: number }[];
}

export interface Member {
  id: string;
  name: string;
  email: string;
}

/**
 * Decides a CreateTask command for every row, with the task decider itself, so a row is checked by exactly
 * the rules task.create applies (title length, labels, due date, WIP limits, assignees are members). Rows
 * go to the bottom of their column in file order; each accepted row counts towards its column's WIP limit
 * for the rows after it. Pure: nothing is read or written here.
 *
 * A list or status the board has no column for goes to the board's first column (and is reported): an
 * import adds tasks, and changing the board's columns is a manager's decision, not an editor's side effect.
 */
export function planImport(args: {
  records: CsvRecord[];
  headers: HeaderMap;
  board: Board & { project: { id: string } };
  members: Member[];
  importId: string;
}): ImportPlan {
  const { records, headers, board, members, importId } = args;
  const projectId = board.project.id;
  const context = boardContext(board);
  const firstColumn = board.columns[0];
  const columnByName = new Map(board.columns.map((c) => [c.name.trim().toLowerCase(), c.id]));
  const lastRank = new Map(board.columns.map((c) => [c.id, columnTasks(board, c.id, { includeArchived: true }).at(-1)?.rank ?? null]));
  const memberByName = new Map<string, string>();
  for (const m of members) for (const key of [m.name, m.email, m.email.split("@")[0]!]) memberByName.set(key.toLowerCase(), m.id);
  const unknownColumns = new Map<string, number>();
  const unknownAssignees = new Map<string, number>();
  const tasks: PlannedTask[] = [];
  const badRows: BadRow[] = [];

  for (const record of records) {
    const bad = (message: string) => badRows.push({ line: record.line, message });
    if (hasUnstorableText(record.cells)) {
      bad("The row holds a NUL character or broken text");
      continue;
    }
    if (!firstColumn) {
      bad("The board has no columns; add one first");
      continue;
    }
    const columnName = cell(record, headers.column);
    let columnId = columnByName.get(columnName.toLowerCase());
    if (!columnId) {
      columnId = firstColumn.id;
      if (columnName) unknownColumns.set(columnName, (unknownColumns.get(columnName) ?? 0) + 1);
    }
    const priority = priorityOf(cell(record, headers.priority));
    if (typeof priority === "object") {
      bad(priority.error);
      continue;
    }
    const dueDate = dueDateOf(cell(record, headers.dueDate));
    if (dueDate !== null && typeof dueDate === "object") {
      bad(dueDate.error);
      continue;
    }
    const assigneeName = assigneeNameOf(cell(record, headers.assignee));
    const assigneeId = assigneeName ? (memberByName.get(assigneeName.toLowerCase()) ?? null) : null;
    const commandId = stableUuid(importId, record.line);
    const taskId = stableUuid(commandId, "task");
    const rank = rankBetween(lastRank.get(columnId) ?? null, null);
    try {
      const [event] = taskDecider.decide(
        {
          type: "CreateTask",
          taskId,
          projectId,
          columnId,
          rank,
          title: cell(record, headers.title),
          description: headers.description ? cellRaw(record, headers.description) : "",
          priority: priority as Priority,
          assigneeId,
          labels: labelsOf(cell(record, headers.labels)),
          dueDate,
          board: context,
        },
        taskDecider.initialState(),
      );
      tasks.push({ line: record.line, commandId, taskId, event: event! });
    } catch (error) {
      if (error instanceof ZodError) bad(zodMessage(error));
      else if (error instanceof DomainError) bad(error.message);
      else throw error;
      continue;
    }
    if (assigneeName && !assigneeId) unknownAssignees.set(assigneeName, (unknownAssignees.get(assigneeName) ?? 0) + 1);
    lastRank.set(columnId, rank);
    const counted = context.columns.find((c) => c.id === columnId)!;
    counted.taskCount += 1;
  }
  const listed = (counts: Map<string, number>) => [...counts].map(([name, rows]) => ({ name, rows }));
  return { tasks, badRows, unknownColumns: listed(unknownColumns), unknownAssignees: listed(unknownAssignees) };
}

/** A description keeps its line breaks and inner spacing; only a cell's outer blank lines go. */
function cellRaw(record: CsvRecord, header: string): string {
  const value = record.cells[header];
  return (Array.isArray(value) ? value.join("\n") : (value ?? "")).replace(/^\s*\n|\n\s*$/g, "");
}

const FIELD_NAMES: Record<string, string> = { labels: "Labels", title: "Title", description: "Description", dueDate: "Due date" };

function zodMessage(error: ZodError): string {
  const issue = error.issues[0]!;
  const field = FIELD_NAMES[String(issue.path[0])];
  if (issue.code === "too_big" && issue.path[0] === "labels" && issue.path.length === 1) return "More than 20 labels";
  // The shared field schemas' messages name the field already ("Title is longer than 200 characters").
  return field && !issue.message.startsWith(field.split(" ")[0]!) ? `${field}: ${issue.message}` : issue.message;
}
