export { type Db, isUniqueViolation } from "./db";
export { databaseUrl, directDatabaseUrl, getLockPool, getPool, isConnectionLost, newPool, newSessionClient, statementName } from "./pool";
