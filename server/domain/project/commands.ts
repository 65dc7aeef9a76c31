import { z } from "zod";
import { AutomationRuleAdded, ReviewSagaConfigured } from "../events/project-events";
import { DeadLetterRetried, DeadLetterSkipped, ExportGenerated, SigningKeyRotated } from "../events/project-events";
import { ColumnName, Id, Label, LabelColour, ProjectName, Role, UserId, WipLimit } from "../events/fields";

/** Every command names its project: the handler loads that stream to decide on it. */
const command = <const T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), projectId: Id, ...shape });

/** The caller chooses the starting columns (e.g. To do / Doing / Done). */
export const CreateProject = command("CreateProject", {
  name: ProjectName,
  ownerId: UserId,
  columns: z.array(z.object({ columnId: Id, name: ColumnName, wipLimit: WipLimit.default(null) })),
});
export const RenameProject = command("RenameProject", { name: ProjectName });
export const AddMember = command("AddMember", { userId: UserId, role: Role });
/** actorId is who asks: only owners touch the owner role, owners and admins the others. */
export const ChangeMemberRole = command("ChangeMemberRole", { actorId: UserId, userId: UserId, role: Role });
export const RemoveMember = command("RemoveMember", { actorId: UserId, userId: UserId });
/** New columns go to the end of the board; MoveColumn places them elsewhere. */
export const AddColumn = command("AddColumn", { columnId: Id, name: ColumnName, wipLimit: WipLimit.default(null) });
export const RenameColumn = command("RenameColumn", { columnId: Id, name: ColumnName });
/** toIndex is the column's place after the move (0 = first). */
export const MoveColumn = command("MoveColumn", { columnId: Id, toIndex: z.number().int().min(0) });
/**
 * The handler fills tasksInColumn from the board read side, archived tasks
 * included: restoring a task puts it back in its column, so that must still exist.
 */
export const RemoveColumn = command("RemoveColumn", { columnId: Id, tasksInColumn: z.number().int().min(0) });
/** null removes the limit. */
export const SetWipLimit = command("SetWipLimit", { columnId: Id, wipLimit: WipLimit });
/** actorId is who asks: the decider lets owners, admins and members choose (see decide.ts). */
export const SetLabelColour = command("SetLabelColour", { actorId: UserId, label: Label, colour: LabelColour });
/** Records a compliance export that is being handed out; the fields are those of ExportGenerated. */
export const RecordExport = command("RecordExport", ExportGenerated.shape.data.shape);
/** Records on the project's log that the installation's signing key changed; the fields are those of the event. */
export const RecordSigningKeyRotation = command("RecordSigningKeyRotation", SigningKeyRotated.shape.data.shape);
/** An operator's decision about a parked event of this project; the fields are those of the event. */
export const RetryDeadLetter = command("RetryDeadLetter", DeadLetterRetried.shape.data.shape);
export const SkipDeadLetter = command("SkipDeadLetter", DeadLetterSkipped.shape.data.shape);

/** The fields are those of the events; the decider checks that columns and users exist. */
export const AddAutomationRule = command("AddAutomationRule", AutomationRuleAdded.shape.data.shape);
export const RemoveAutomationRule = command("RemoveAutomationRule", { ruleId: Id });
export const ConfigureReviewSaga = command("ConfigureReviewSaga", ReviewSagaConfigured.shape.data.shape);

export const ProjectCommand = z.discriminatedUnion("type", [
  CreateProject,
  RenameProject,
  AddMember,
  ChangeMemberRole,
  RemoveMember,
  AddColumn,
  RenameColumn,
  MoveColumn,
  RemoveColumn,
  SetWipLimit,
  SetLabelColour,
  RecordExport,
  RecordSigningKeyRotation,
  RetryDeadLetter,
  SkipDeadLetter,
  AddAutomationRule,
  RemoveAutomationRule,
  ConfigureReviewSaga,
]);
/** What callers send; optional fields get their defaults when decide parses it. */
export type ProjectCommand = z.input<typeof ProjectCommand>;
