-- Up Migration

-- Wakes live subscribers (every app instance LISTENs) when a statement appends events. The payload is the
-- comma-separated ids of the projects that changed; NOTIFY is delivered at commit, never for a rollback.
CREATE FUNCTION events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('chronoboard_events', (SELECT string_agg(DISTINCT project_id::text, ',') FROM new_events));
  RETURN NULL;
END;
$$;

CREATE TRIGGER events_notify_after_insert
  AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION events_notify();

-- Down Migration
DROP TRIGGER events_notify_after_insert ON events;
DROP FUNCTION events_notify();
