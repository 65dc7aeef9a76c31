-- Up Migration

-- The event log: the only source of truth. Every read model is derived from it.
CREATE TABLE events (
  -- Global position: a sequence value, unique but not gap-free and not visible in commit order.
  position        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  -- The writing transaction's id: readers order by (transaction_id, position) and only read below
  -- the oldest running transaction, so an event that commits late is never skipped.
  transaction_id  xid8 NOT NULL DEFAULT pg_current_xact_id(),
  event_id        uuid NOT NULL,
  event_type      text NOT NULL,
  event_version   integer NOT NULL CHECK (event_version >= 1),
  aggregate_type  text NOT NULL,
  aggregate_id    uuid NOT NULL,
  version         integer NOT NULL CHECK (version >= 1),
  project_id      uuid NOT NULL,
  "timestamp"     timestamptz NOT NULL DEFAULT clock_timestamp(),
  payload         jsonb NOT NULL,
  metadata        jsonb NOT NULL,
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_version_key UNIQUE (aggregate_type, aggregate_id, version)
);

CREATE INDEX events_type_time_idx ON events (event_type, "timestamp" DESC);
CREATE INDEX events_correlation_idx ON events ((metadata ->> 'correlationId'));
CREATE INDEX events_project_position_idx ON events (project_id, position);
CREATE INDEX events_project_time_idx ON events (project_id, "timestamp");
CREATE INDEX events_feed_idx ON events (transaction_id, position);

-- Append-only, enforced by the database: no role and no code path may change or remove an event.
CREATE FUNCTION events_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER events_no_update_delete
  BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION events_reject_change();

CREATE TRIGGER events_no_truncate
  BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION events_reject_change();

-- Down Migration
DROP TABLE events;
DROP FUNCTION events_reject_change();
