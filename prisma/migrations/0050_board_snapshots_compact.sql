-- Up Migration

-- Board snapshots are stored as compact JSON (server/projections/board-codec.ts), deflated by the app and
-- base64-encoded (server/projections/board-snapshots.ts): read whole for every "as of", a 10,000-task board
-- in jsonb cost more to turn back into text than to fold, and PostgreSQL's pglz took longer to inflate than
-- zlib in the app, so the column is text that PostgreSQL does not compress again (STORAGE EXTERNAL).
-- Snapshots are a cache and those of the old shape would be ignored (a raised BOARD_STATE_SCHEMA_VERSION),
-- so they are dropped.
DELETE FROM board_snapshots;
ALTER TABLE board_snapshots ALTER COLUMN state TYPE text;
ALTER TABLE board_snapshots ALTER COLUMN state SET STORAGE EXTERNAL;

-- Down Migration
DELETE FROM board_snapshots;
ALTER TABLE board_snapshots ALTER COLUMN state SET STORAGE EXTENDED;
ALTER TABLE board_snapshots ALTER COLUMN state TYPE jsonb USING state::jsonb;
