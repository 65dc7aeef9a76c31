import type { ProjectEvent } from "../events";
import { DomainError } from "../errors";
import type { Role } from "../events/fields";
import { parseCommand } from "../parse-command";
import { ProjectCommand } from "./commands";
import type { Column, ProjectState } from "./state";

/**
 * Turns a project command into events, or throws a DomainError.
 *
 * A command that would change nothing (renaming to the current name, setting the
 * current WIP limit, moving a column to where it already is, adding a member
 * with the role they already have) returns no events rather than an error: what
 * the user asked for already holds, and retried requests stay harmless.
 */
export function decideProject(input: ProjectCommand, state: ProjectState): ProjectEvent[] {
  const command = parseCommand(ProjectCommand, input);

  if (command.type === "CreateProject") {
    if (state.exists) throw new DomainError("This project already exists");
    const columnIds = new Set(command.columns.map((column) => column.columnId));
    if (columnIds.size !== command.columns.length) throw new DomainError("Each column needs its own id");
    return [
      { type: "ProjectCreated", data: { name: command.name, ownerId: command.ownerId } },
      { type: "MemberAdded", data: { userId: command.ownerId, role: "owner" } },
      ...command.columns.map(({ columnId, name, wipLimit }) => ({
        type: "ColumnAdded" as const,
        data: { columnId, name, wipLimit },
      })),
    ];
  }

  if (!state.exists) throw new DomainError("This project does not exist");

  switch (command.type) {
    case "RenameProject":
      if (command.name === state.name) return [];
      return [{ type: "ProjectRenamed", data: { name: command.name } }];

    case "AddMember": {
      const { userId, role } = command;
      const currentRole = state.members[userId];
      if (currentRole === role) return [];
      if (currentRole) throw new DomainError(`This user is already a member of the project, as ${currentRole}`);
      // An owner is made from a member (ChangeMemberRole), where the caller's own role is checked.
      if (role === "owner") throw new DomainError("Add the person with another role first, then make them an owner");
      return [{ type: "MemberAdded", data: { userId, role } }];
    }

    case "ChangeMemberRole": {
      const { userId, role } = command;
      const previousRole = memberRole(state, userId);
      if (previousRole === role) return [];
      checkMayManage(state, command.actorId, previousRole === "owner" || role === "owner");
      if (previousRole === "owner") checkAnotherOwner(state);
      return [{ type: "MemberRoleChanged", data: { userId, previousRole, role } }];
    }

    case "RemoveMember": {
      const { userId } = command;
      const role = memberRole(state, userId);
      checkMayManage(state, command.actorId, role === "owner");
      if (role === "owner") checkAnotherOwner(state);
      return [{ type: "MemberRemoved", data: { userId, role } }];
    }

    case "AddColumn": {
      const { columnId, name, wipLimit } = command;
      if (state.columns.some((column) => column.id === columnId)) throw new DomainError("This column already exists");
      return [{ type: "ColumnAdded", data: { columnId, name, wipLimit } }];
    }

    case "RenameColumn": {
      const column = findColumn(state, command.columnId);
      if (column.name === command.name) return [];
      return [{ type: "ColumnRenamed", data: { columnId: column.id, name: command.name } }];
    }

    case "MoveColumn": {
      const column = findColumn(state, command.columnId);
      const { toIndex } = command;
      const count = state.columns.length;
      if (toIndex >= count) {
        throw new DomainError(`Cannot move the column to position ${toIndex + 1}: the board has ${plural(count, "column")}`);
      }
      if (state.columns.indexOf(column) === toIndex) return [];
      return [{ type: "ColumnMoved", data: { columnId: column.id, toIndex } }];
    }

    case "RemoveColumn": {
      const column = findColumn(state, command.columnId);
      const { tasksInColumn } = command;
      if (tasksInColumn > 0) {
        throw new DomainError(
          `Column "${column.name}" still holds ${plural(tasksInColumn, "task")} (archived tasks count too); move them to another column before removing it`,
        );
      }
      return [{ type: "ColumnRemoved", data: { columnId: column.id } }];
    }

    case "SetWipLimit": {
      // A limit below the current task count is allowed: it only stops tasks coming in.
      const column = findColumn(state, command.columnId);
      if (column.wipLimit === command.wipLimit) return [];
      return [{ type: "WipLimitSet", data: { columnId: column.id, wipLimit: command.wipLimit } }];
    }

    case "SetLabelColour": {
      // Labels are the editors' (they add them to tasks), so their colour is too; viewers and auditors only look.
      const role = state.members[command.actorId];
      if (role !== "owner" && role !== "admin" && role !== "member") {
        throw new DomainError("Only owners, admins and members can choose label colours");
      }
      const previousColour = state.labelColours[command.label] ?? null;
      if (previousColour === command.colour) return [];
      return [{ type: "LabelColourSet", data: { label: command.label, previousColour, colour: command.colour } }];
    }

    case "RecordExport": {
      // Who may export is the API's role check; the log only has to say that it happened.
      const { type: _type, projectId: _projectId, ...data } = command;
      return [{ type: "ExportGenerated", data }];
    }

    case "RecordSigningKeyRotation": {
      const { previousFingerprint, fingerprint } = command;
      return [{ type: "SigningKeyRotated", data: { previousFingerprint, fingerprint } }];
    }

    // Whether the event is parked is the projection runner's to check; the log records the decision.
    case "RetryDeadLetter": {
      const { projector, eventId, reason } = command;
      return [{ type: "DeadLetterRetried", data: { projector, eventId, reason } }];
    }

    case "SkipDeadLetter": {
      const { projector, eventId, reason } = command;
      return [{ type: "DeadLetterSkipped", data: { projector, eventId, reason } }];
    }

    case "AddAutomationRule": {
      const { ruleId, name, trigger, action } = command;
      const existing = state.rules.find((rule) => rule.ruleId === ruleId);
      if (existing) {
        if (sameRule(existing, { ruleId, name, trigger, action })) return [];
        throw new DomainError("This rule already exists");
      }
      if (state.rules.length >= maxRules) throw new DomainError(`A project can have at most ${maxRules} automation rules`);
      if (trigger.type === "taskEnteredColumn") findColumn(state, trigger.columnId);
      if (action.type === "moveToColumn") {
        findColumn(state, action.columnId);
        if (trigger.type === "taskEnteredColumn" && trigger.columnId === action.columnId) {
          throw new DomainError("A rule cannot move a task into the column that triggers it");
        }
      }
      if (action.type === "assignUser" && !state.members[action.userId]) throw new DomainError("Only members of this project can be assigned tasks");
      return [{ type: "AutomationRuleAdded", data: { ruleId, name, trigger, action } }];
    }

    case "RemoveAutomationRule":
      if (!state.rules.some((rule) => rule.ruleId === command.ruleId)) return [];
      return [{ type: "AutomationRuleRemoved", data: { ruleId: command.ruleId } }];

    case "ConfigureReviewSaga": {
      const { columnId, reviewerRole, timeoutSeconds } = command;
      if (columnId !== null) findColumn(state, columnId);
      const current = state.reviewSaga;
      const unchanged = columnId === null ? current === null : sameRule(current, { columnId, reviewerRole, timeoutSeconds });
      if (unchanged) return [];
      return [{ type: "ReviewSagaConfigured", data: { columnId, reviewerRole, timeoutSeconds } }];
    }
  }
}

function memberRole(state: ProjectState, userId: string): Role {
  const role = state.members[userId];
  if (!role) throw new DomainError("This user is not a member of the project");
  return role;
}

/** Owners and admins manage members; granting or revoking the owner role is for owners only. */
function checkMayManage(state: ProjectState, actorId: string, touchesOwner: boolean) {
  const actorRole = state.members[actorId];
  if (touchesOwner && actorRole !== "owner") throw new DomainError("Only an owner can grant or take away the owner role");
  if (actorRole !== "owner" && actorRole !== "admin") throw new DomainError("Only owners and admins can manage members");
}

function checkAnotherOwner(state: ProjectState) {
  const owners = Object.values(state.members).filter((role) => role === "owner").length;
  if (owners < 2) throw new DomainError("A project needs at least one owner: make someone else an owner first");
}

export const maxRules = 50;

/** Whether a stored rule or setting already says what the command asks for (a retried request). */
function sameRule<T extends object>(current: T | null, asked: T): boolean {
  return current !== null && Object.entries(asked).every(([key, value]) => JSON.stringify(current[key as keyof T]) === JSON.stringify(value));
}

function findColumn(state: ProjectState, columnId: string): Column {
  const column = state.columns.find((candidate) => candidate.id === columnId);
  if (!column) throw new DomainError("This column does not exist on the board");
  return column;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
