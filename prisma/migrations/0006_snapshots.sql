-- Up Migration

-- Snapshots of aggregate states (server/eventstore/snapshots.ts): the state a stream's decider folds from
-- its events 1..version. A cache of the log, never a source of truth: any row may be deleted, and rows of an
-- older state_schema_version are ignored by loads and dropped when a newer snapshot of the stream is taken.
CREATE TABLE snapshots (
  aggregate_type        text NOT NULL,
  aggregate_id          uuid NOT NULL,
  version               integer NOT NULL CHECK (version >= 1),
  state_schema_version  integer NOT NULL,
  state                 jsonb NOT NULL,
  taken_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (aggregate_type, aggregate_id, version)
);

-- Board snapshots (server/projections/board-snapshots.ts): a whole project's board as of covers_until,
-- i.e. folded from every event of the project stored at or before that instant by a transaction visible in
-- `visibility` (the reading statement's MVCC snapshot). Events that commit later with an earlier timestamp
-- are the ones not visible there, so "as of T" can replay exactly what the snapshot lacks.
CREATE TABLE board_snapshots (
  project_id            uuid NOT NULL,
  covers_until          timestamptz NOT NULL,
  visibility            pg_snapshot NOT NULL,
  -- The greatest position folded in (what the board reports as its position).
  position              bigint NOT NULL,
  state_schema_version  integer NOT NULL,
  state                 jsonb NOT NULL,
  taken_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, covers_until)
);

-- Finds the events of a project whose transactions were still running when a board snapshot was read.
CREATE INDEX events_project_transaction_idx ON events (project_id, transaction_id);

-- Down Migration
DROP INDEX events_project_transaction_idx;
DROP TABLE board_snapshots;
DROP TABLE snapshots;
