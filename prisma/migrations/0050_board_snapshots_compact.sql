-- Up Migration

-- Board snapshots are stored as compact JSON text (server/projections/board-codec.ts): read whole for every
-- "as of", a 10,000-task board in jsonb cost more to turn back into text than to fold. Snapshots are a
-- cache and those of the old shape would be ignored (a raised BOARD_STATE_SCHEMA_VERSION), so they are dropped.
DELETE FROM board_snapshots;
ALTER TABLE board_snapshots ALTER COLUMN state TYPE text;

-- Down Migration
DELETE FROM board_snapshots;
ALTER TABLE board_snapshots ALTER COLUMN state TYPE jsonb USING state::jsonb;
