export { loadFlow } from "./analytics/load-flow";
export { bucketMs, sampleCount } from "./analytics/time-buckets";
export { foldBoard, loadBoard, snapshotBoard } from "./board";
export { boardHeadTasks } from "./board-heads";
export type { LoadedBoard } from "./loaded-board";
export { type CommandBoard, loadCommandBoard } from "./command-board";
export { loadTaskAsOf } from "./task-as-of";
export { taskComments } from "./task-comments";
export { taskHistory } from "./task-history";
