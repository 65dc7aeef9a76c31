-- Up Migration

-- The review saga's time limits (server/workflows/review-saga/): one row per saga round, written by the saga's
-- orchestrator with its checkpoint. A scheduler fires due rows (FOR UPDATE SKIP LOCKED, so any number of app
-- instances may run it); being rows, they survive restarts.
CREATE TABLE saga_timeouts (
  saga_id         uuid NOT NULL,
  round           integer NOT NULL,
  project_id      uuid NOT NULL,
  task_id         uuid NOT NULL,
  due_at          timestamptz NOT NULL,
  -- The saga event that set the limit: the escalation's cause.
  scheduled_by    uuid NOT NULL,
  correlation_id  text NOT NULL,
  status          text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'fired', 'cancelled')),
  fired_at        timestamptz,
  PRIMARY KEY (saga_id, round)
);

CREATE INDEX saga_timeouts_due_idx ON saga_timeouts (due_at) WHERE status = 'scheduled';

-- Down Migration
DROP TABLE saga_timeouts;
