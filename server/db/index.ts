export { type Db, isUniqueViolation } from "./db";
export { databaseUrl, getLockPool, getPool } from "./pool";
export { hasReplica, historySource, LSN_PATTERN, type ReadSource, readHistory, writerFor, writtenLsn } from "./replica";
