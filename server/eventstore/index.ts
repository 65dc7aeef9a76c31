export * from "./types";
export * from "./errors";
export { appendToStream, streamVersion, type AppendInput } from "./append";
export { readStream, readProject, readByType, readByCorrelation, latestProjectPosition } from "./read";
export { projectNotifications } from "./notifications";
export { readFeed, checkpointOf, FEED_START, type FeedCheckpoint } from "./feed";
export type { Db } from "./db";
