export * from "./events";
export { DomainError } from "./errors";
export { type Decider, decideAll } from "./decider";
export { rankBetween } from "./rank";

export * from "./project/commands";
export { decideProject } from "./project/decide";
export { evolveProject } from "./project/evolve";
export { projectDecider } from "./project/decider";
export { type Column, initialProjectState, type ProjectState } from "./project/state";

export * from "./task/commands";
export { decideTask } from "./task/decide";
export { evolveTask } from "./task/evolve";
export { taskDecider } from "./task/decider";
export { initialTaskState, type TaskState } from "./task/state";
export { type FieldChange, taskChanges, taskFields } from "./task/changes";
export { commandsToRevert } from "./task/revert";

export {
  type Board,
  type BoardEventInput,
  type BoardTask,
  boardContext,
  byRank,
  columnTasks,
  emptyBoard,
  evolveBoard,
} from "./board";

export * from "./review-saga/commands";
export { reviewSagaDecider } from "./review-saga/decider";
export { initialReviewSagaState, type ReviewSagaState } from "./review-saga/state";
export { type Actor, actorOf, reviewSagaActor, ruleActor } from "./automation/actors";
export { pickMember } from "./automation/pick-member";
export type { AutomationRule, ReviewSagaSettings } from "./project/state";
export { RuleAction, RuleTrigger } from "./events/automation-rule";
export { ReviewTimeout, RuleName } from "./events/automation-rule";
export { ColumnName, CommentBody, Description, DueDate, ExportFormat, Id, Label, LabelColour, labelColours, Position, Priority, ProjectName, ProjectorName, Reason, Role, Title, UserId, UserName, WipLimit } from "./events/fields";
export { TaskCreatedV1 } from "./events/upcasting/task-created-v1";
export { TaskMovedV1 } from "./events/upcasting/task-moved-v1";
export { upcast } from "./events/upcasting/upcast";
