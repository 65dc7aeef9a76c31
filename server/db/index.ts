export { type Db, isUniqueViolation } from "./db";
export { databaseUrl, getLockPool, getPool } from "./pool";
