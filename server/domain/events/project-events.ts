import { z } from "zod";
import { defineEvent } from "./define";
import { ReviewTimeout, RuleAction, RuleName, RuleTrigger } from "./automation-rule";
import { ColumnName, ExportFormat, Id, Instant, Label, LabelColour, Position, ProjectName, ProjectorName, Reason, Role, Sha256Hex, UserId, WipLimit } from "./fields";

export const ProjectCreated = defineEvent("ProjectCreated", 1, { name: ProjectName, ownerId: UserId });
export const ProjectRenamed = defineEvent("ProjectRenamed", 1, { name: ProjectName });
export const MemberAdded = defineEvent("MemberAdded", 1, { userId: UserId, role: Role });
/** previousRole is kept so the log alone says what changed (who: the metadata's userId). */
export const MemberRoleChanged = defineEvent("MemberRoleChanged", 1, { userId: UserId, previousRole: Role, role: Role });
/** role is the one the member had until then. */
export const MemberRemoved = defineEvent("MemberRemoved", 1, { userId: UserId, role: Role });
export const ColumnAdded = defineEvent("ColumnAdded", 1, { columnId: Id, name: ColumnName, wipLimit: WipLimit });
export const ColumnRenamed = defineEvent("ColumnRenamed", 1, { columnId: Id, name: ColumnName });
/** toIndex is the column's place in the board's column order after the move (0 = first). */
export const ColumnMoved = defineEvent("ColumnMoved", 1, { columnId: Id, toIndex: z.number().int().min(0) });
export const ColumnRemoved = defineEvent("ColumnRemoved", 1, { columnId: Id });
export const WipLimitSet = defineEvent("WipLimitSet", 1, { columnId: Id, wipLimit: WipLimit });
/**
 * A label's colour on this project's board, chosen once for every task that carries the label (who: the
 * metadata's userId). previousColour (null: none chosen yet) is kept so the log alone says what changed.
 */
export const LabelColourSet = defineEvent("LabelColourSet", 1, { label: Label, previousColour: LabelColour.nullable(), colour: LabelColour });
/**
 * A compliance export was handed out (who: the metadata's userId). It names the part of the hash chain it
 * holds, so the archive can later be matched to this record; it changes nothing on the board.
 */
export const ExportGenerated = defineEvent("ExportGenerated", 1, {
  format: ExportFormat,
  from: Instant.nullable(),
  to: Instant.nullable(),
  eventCount: z.number().int().min(0),
  firstPosition: Position.nullable(),
  lastPosition: Position.nullable(),
  hashBeforeRange: Sha256Hex,
  lastHash: Sha256Hex,
});
/**
 * The installation's audit signing key changed (README, "Signing key"): checkpoints from now on are signed
 * by `fingerprint`; those signed by `previousFingerprint` (null: the first key) stay verifiable with it.
 */
export const SigningKeyRotated = defineEvent("SigningKeyRotated", 1, { previousFingerprint: Sha256Hex.nullable(), fingerprint: Sha256Hex });
/**
 * An operator's decision about an event of this project that a projector parked (who and when: the
 * metadata and timestamp): apply it again after a fix, or leave it out of the read model for good. Read
 * models change through the projector; the board does not.
 */
export const DeadLetterRetried = defineEvent("DeadLetterRetried", 1, { projector: ProjectorName, eventId: Id, reason: Reason });
export const DeadLetterSkipped = defineEvent("DeadLetterSkipped", 1, { projector: ProjectorName, eventId: Id, reason: Reason });

/** Automation rules (choreography) a project owner or admin defined; the rule engine follows them. */
export const AutomationRuleAdded = defineEvent("AutomationRuleAdded", 1, { ruleId: Id, name: RuleName, trigger: RuleTrigger, action: RuleAction });
export const AutomationRuleRemoved = defineEvent("AutomationRuleRemoved", 1, { ruleId: Id });
/**
 * The review saga's settings: tasks entering columnId get a reviewer with reviewerRole, who has timeoutSeconds
 * to approve or request changes before the saga escalates. columnId null turns the saga off.
 */
export const ReviewSagaConfigured = defineEvent("ReviewSagaConfigured", 1, { columnId: Id.nullable(), reviewerRole: Role, timeoutSeconds: ReviewTimeout });

export const projectEventSchemas = [
  ProjectCreated,
  ProjectRenamed,
  MemberAdded,
  MemberRoleChanged,
  MemberRemoved,
  ColumnAdded,
  ColumnRenamed,
  ColumnMoved,
  ColumnRemoved,
  WipLimitSet,
  LabelColourSet,
  ExportGenerated,
  SigningKeyRotated,
  DeadLetterRetried,
  DeadLetterSkipped,
  AutomationRuleAdded,
  AutomationRuleRemoved,
  ReviewSagaConfigured,
] as const;

export const ProjectEvent = z.discriminatedUnion("type", projectEventSchemas);
export type ProjectEvent = z.infer<typeof ProjectEvent>;
