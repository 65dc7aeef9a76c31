import { z } from "zod";
import { DomainError } from "./errors";

/**
 * Validates a command at the start of `decide`: commands may arrive unvalidated,
 * and parsing also normalises them (trimmed text, defaults). The first problem
 * becomes a DomainError. Field schemas carry their own messages; `describeIssue`
 * words the issues that have none.
 */
export function parseCommand<S extends z.ZodType>(schema: S, command: unknown): z.output<S> {
  const result = schema.safeParse(command, { error: describeIssue });
  if (result.success) return result.data;
  throw new DomainError(result.error.issues[0]?.message ?? "This request is invalid");
}

const fieldNames: Record<string, string> = {
  wipLimit: "WIP limit",
  toIndex: "Column position",
  tasksInColumn: "Number of tasks in the column",
};

function describeIssue(issue: z.core.$ZodRawIssue): string {
  const field = fieldName(issue.path ?? []);
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return `${field} is required`;
      return issue.expected === "int" ? `${field} must be a whole number` : `${field} is invalid`;
    case "too_small":
      if (issue.origin === "number") return `${field} must be at least ${issue.minimum}`;
      return `${field} is too short`;
    case "too_big":
      if (issue.origin === "number") return `${field} must be at most ${issue.maximum}`;
      if (issue.origin === "array") return `${field} can have at most ${issue.maximum} entries`;
      return `${field} is too long`;
    case "invalid_format":
      return issue.format === "date" ? `${field} must be a date like 2030-01-31` : `${field} is not valid`;
    case "invalid_value":
      return `${field} must be one of: ${issue.values.join(", ")}`;
    default:
      return `${field} is invalid`;
  }
}

/** ["board", "columns", 0, "taskCount"] → "Task count": the innermost named key wins. */
function fieldName(path: readonly PropertyKey[]): string {
  const key = path.findLast((segment): segment is string => typeof segment === "string");
  if (key === undefined) return "Request";
  const known = fieldNames[key];
  if (known) return known;
  const words = key.replace(/([A-Z])/g, " $1").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
