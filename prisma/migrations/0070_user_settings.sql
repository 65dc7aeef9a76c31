-- Up Migration

-- A user's own preferences, kept with the account so they follow the user to every browser. Not project data:
-- nothing here is part of a project's log.
CREATE TABLE user_settings (
  user_id     text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  theme       text NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE user_settings;
