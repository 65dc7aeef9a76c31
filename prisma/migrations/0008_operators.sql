-- Up Migration

-- Operators run the installation: metrics, read-model rebuilds and the operations page span every project,
-- so they need a role outside any project. Granted from the command line (npm run operator:grant).
CREATE TABLE operators (
  user_id     text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  granted_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE operators;
