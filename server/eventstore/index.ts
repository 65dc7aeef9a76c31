export * from "./types";
export * from "./errors";
export { appendToStream, streamVersion, type AppendInput } from "./append";
export { readStream, readProject, readByType, readByCorrelation } from "./read";
export { readFeed, checkpointOf, FEED_START, type FeedCheckpoint } from "./feed";
export type { Db } from "./db";
