-- Up Migration

-- The audit hash chain (README, "Audit trail"): one row per event, written by the sealer
-- (server/audit/sealer.ts) in each project's feed order. hash = SHA-256(prev_hash ‖ RFC 8785 bytes of the
-- event's envelope); prev_hash of a project's first event is the genesis value (64 zeros).
CREATE TABLE event_hashes (
  -- The event's position. No foreign key: it would make TRUNCATE events fail on the key rather than on
  -- the append-only trigger, and only the sealer writes here, from events it has just read.
  position        bigint PRIMARY KEY,
  project_id      uuid NOT NULL,
  -- The event's transaction: the sealer resumes the feed after the greatest (transaction_id, position) sealed.
  transaction_id  xid8 NOT NULL,
  -- 1, 2, 3… per project, in chain order; an export's event count is the difference of two of them.
  chain_index     bigint NOT NULL CHECK (chain_index >= 1),
  prev_hash       text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash            text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  sealed_at       timestamptz NOT NULL DEFAULT clock_timestamp(),
  CONSTRAINT event_hashes_chain_key UNIQUE (project_id, chain_index)
);

CREATE INDEX event_hashes_feed_idx ON event_hashes (transaction_id, position);

-- Append-only like the events table: a recorded hash can never be changed or removed.
CREATE FUNCTION event_hashes_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'event hashes are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER event_hashes_no_update_delete
  BEFORE UPDATE OR DELETE ON event_hashes
  FOR EACH ROW EXECUTE FUNCTION event_hashes_reject_change();

CREATE TRIGGER event_hashes_no_truncate
  BEFORE TRUNCATE ON event_hashes
  FOR EACH STATEMENT EXECUTE FUNCTION event_hashes_reject_change();

-- Down Migration
DROP TABLE event_hashes;
DROP FUNCTION event_hashes_reject_change();
