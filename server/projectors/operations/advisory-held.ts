/**
 * SQL: whether a session advisory lock, keyed by hashtextextended(the text in the given parameter), is held by
 * some session of the server (pg_locks splits a bigint key in two oids).
 */
export const advisoryLockHeld = (parameter: string) => `EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
  AND ((classid::bigint << 32) | objid::bigint) = hashtextextended(${parameter}, 0))`;
