/**
 * SQL: whether a session advisory lock, keyed by hashtextextended(the text in the given parameter), is held by
 * some session of this database (pg_locks lists every database's locks, and another installation on the same
 * server uses the same keys; it splits a bigint key in two oids).
 */
export const advisoryLockHeld = (parameter: string) => `EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
  AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${parameter}, 0))`;
