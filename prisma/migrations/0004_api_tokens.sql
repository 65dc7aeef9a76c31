-- Up Migration

-- Personal API tokens for the read-only HTTP API and automated exports. Only a SHA-256 of the token is
-- kept; the token itself is shown once when it is created.
CREATE TABLE api_tokens (
  id            uuid PRIMARY KEY,
  user_id       text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name          text NOT NULL,
  token_hash    text NOT NULL UNIQUE,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id);

-- Down Migration
DROP TABLE api_tokens;
