-- Up Migration

-- Where each projector (server/projections/runner/) stands in the ordered feed: the last (transaction_id,
-- position) it applied. Written in the same transaction as the read model's changes, so a crash loses or
-- repeats nothing.
CREATE TABLE projection_checkpoints (
  name            text PRIMARY KEY,
  transaction_id  xid8 NOT NULL,
  position        bigint NOT NULL,
  updated_at      timestamptz NOT NULL DEFAULT now()
);

-- Events a projector could not apply (parked after its retries) and the later events of the same aggregate
-- held behind them, so a read model never sees an aggregate's events out of order (README, "Projections").
CREATE TABLE dead_letters (
  projector        text NOT NULL,
  event_id         uuid NOT NULL,
  position         bigint NOT NULL,
  project_id       uuid NOT NULL,
  aggregate_type   text NOT NULL,
  aggregate_id     uuid NOT NULL,
  -- The event's version in its aggregate: held events are released in this order.
  version          integer NOT NULL,
  error            text NOT NULL,
  attempts         integer NOT NULL,
  first_failed_at  timestamptz NOT NULL DEFAULT now(),
  last_failed_at   timestamptz NOT NULL DEFAULT now(),
  status           text NOT NULL CHECK (status IN ('parked', 'held', 'retrying', 'resolved', 'skipped')),
  PRIMARY KEY (projector, event_id)
);

CREATE INDEX dead_letters_aggregate_idx ON dead_letters (projector, aggregate_type, aggregate_id, version);
CREATE INDEX dead_letters_project_idx ON dead_letters (project_id, status);

-- Read model: one row per task (server/projections/task-list/), for search and filters.
CREATE TABLE task_list (
  task_id      uuid PRIMARY KEY,
  project_id   uuid NOT NULL,
  title        text NOT NULL,
  column_id    uuid NOT NULL,
  assignee_id  text,
  priority     text NOT NULL,
  labels       text[] NOT NULL,
  due_date     date,
  archived     boolean NOT NULL,
  -- The task stream's version last applied: events at or below it are not applied again.
  version      integer NOT NULL,
  updated_at   timestamptz NOT NULL
);

-- Named as CREATE TABLE … (LIKE … INCLUDING ALL) names it, so a rebuilt table's indexes get these names back.
CREATE INDEX task_list_project_id_column_id_idx ON task_list (project_id, column_id);

-- Down Migration
DROP TABLE task_list;
DROP TABLE dead_letters;
DROP TABLE projection_checkpoints;
