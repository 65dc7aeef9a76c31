-- Up Migration

-- Proof without trusting the server (README, "Merkle tree and signed checkpoints"). Written only by the
-- sealer (server/audit), in chain order, under its advisory lock.

-- Every complete subtree of each project's Merkle tree (RFC 9162 §2.1): level 0 holds the leaf hashes,
-- level L the hash of leaves [idx·2^L, (idx+1)·2^L). Proofs read O(log n) of these rows.
CREATE TABLE merkle_nodes (
  project_id  uuid NOT NULL,
  level       smallint NOT NULL CHECK (level >= 0 AND level < 63),
  idx         bigint NOT NULL CHECK (idx >= 0),
  hash        bytea NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (project_id, level, idx)
);

-- The salt of each event's payload commitment (the leaf holds SHA-256(salt ‖ JCS(payload)), not the
-- payload). Erasing a person's data later deletes the salt with the plaintext; changing one is refused.
CREATE TABLE leaf_salts (
  position  bigint PRIMARY KEY,
  salt      text NOT NULL CHECK (salt ~ '^[0-9a-f]{32}$')
);

-- How far each project's tree has grown and when it was last checkpointed: lets the sealer find trees
-- with changes older than the checkpoint interval without scanning. A cache: proofs read merkle_nodes.
CREATE TABLE merkle_trees (
  project_id  uuid PRIMARY KEY,
  size        bigint NOT NULL,
  grown_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- The installation's Ed25519 keys: the newest unretired one signs; retired ones stay for old signatures.
-- private_key is null for a key given by setting (CHRONOBOARD_AUDIT_SIGNING_KEY).
CREATE TABLE audit_keys (
  fingerprint  text PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  public_key   text NOT NULL,
  private_key  text,
  created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
  retired_at   timestamptz
);
CREATE UNIQUE INDEX audit_keys_one_active ON audit_keys ((true)) WHERE retired_at IS NULL;

-- Signed checkpoints: a project's tree size and root at a time, signed by one key.
CREATE TABLE audit_checkpoints (
  project_id       uuid NOT NULL,
  tree_size        bigint NOT NULL CHECK (tree_size >= 0),
  root_hash        text NOT NULL CHECK (root_hash ~ '^[0-9a-f]{64}$'),
  signed_at        text NOT NULL,
  key_fingerprint  text NOT NULL CHECK (key_fingerprint ~ '^[0-9a-f]{64}$'),
  signature        text NOT NULL,
  PRIMARY KEY (project_id, tree_size)
);

-- The checkpoint each compliance export ended at: the next export of the project carries the consistency
-- proof from it.
CREATE TABLE audit_exports (
  export_event_id  uuid PRIMARY KEY,
  project_id       uuid NOT NULL,
  tree_size        bigint NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_exports_project_idx ON audit_exports (project_id, created_at);

CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER merkle_nodes_no_update_delete BEFORE UPDATE OR DELETE ON merkle_nodes
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER merkle_nodes_no_truncate BEFORE TRUNCATE ON merkle_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_update_delete BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_exports_no_update_delete BEFORE UPDATE OR DELETE ON audit_exports
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
-- A salt may be deleted (erasure), never changed.
CREATE TRIGGER leaf_salts_no_update BEFORE UPDATE ON leaf_salts
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON merkle_nodes, audit_checkpoints, audit_exports FROM chronoboard_app;
REVOKE UPDATE, TRUNCATE ON leaf_salts FROM chronoboard_app;

-- Down Migration
DROP TABLE audit_exports;
DROP TABLE audit_checkpoints;
DROP TABLE audit_keys;
DROP TABLE merkle_trees;
DROP TABLE leaf_salts;
DROP TABLE merkle_nodes;
DROP FUNCTION audit_append_only();
