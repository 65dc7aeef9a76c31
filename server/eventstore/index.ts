export * from "./types";
export * from "./errors";
export { appendToStream, streamVersion, type AppendInput } from "./append";
export { commandAtOrAfter, commandBefore, commandInstants, isSameCommand } from "./command-instant";
export {
  MILLISECOND,
  storedAsOf,
  commandInstantOf,
  readStream,
  readProject,
  readByType,
  readByCorrelation,
  readCausedBy,
  readEvents,
  latestProjectPosition,
  lastEventTimes,
  latestPosition,
  readMembershipsOf,
  readProjectsByType,
  preciseTimestamps,
  readPrecise,
} from "./read";
export { ANY_PROJECT, projectNotifications } from "./notifications";
export { readFeed, checkpointOf, FEED_START, type FeedCheckpoint } from "./feed";
export { followFeed } from "./feed-follower";
export { type ProjectCut, readProjectAfter } from "./project-cut";
export { projectRangeEnds, type ProjectRangeEnds } from "./project-range";
export { findProjectSnapshot, type ProjectSnapshot, readProjectSnapshotState, saveProjectSnapshot } from "./project-snapshots";
export { readProjectLog } from "./project-log";
export { toDomainEvent } from "./domain-event";
export { loadAggregate, snapshotAggregate } from "./aggregate";
export type { AggregateTarget } from "./snapshots";
export { snapshotPolicy, stateCache } from "./snapshot-policy";
export { backgroundWorkDone, inBackground } from "./background";
export { type CommandContext, type CommandResult, earlierAttempt, handleCommand, stableUuid } from "./command";
export { snapshotsPerDay } from "./snapshot-counts";
export { checkpointPassed, type FeedLag, feedLag } from "./feed-lag";
export { logSummary } from "./log-summary";
export { StateCache } from "./state-cache";
export { appendNewStreams, type NewStreamEvent } from "./append-new-streams";
export { announceChange } from "./change-announcer";
