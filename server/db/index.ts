export { type Db, isUniqueViolation } from "./db";
export { databaseUrl, directDatabaseUrl, getLockPool, getPool, isConnectionLost, isDatabaseUnavailable, newPool, newSessionClient, statementName } from "./pool";
export { hasReplica, historySource, LSN_PATTERN, type ReadSource, readHistory, writerFor, writtenLsn } from "./replica";
