-- Up Migration

-- Sign-in attempts counted per key (an account at one client address, a client address, an account from
-- everywhere) in fixed windows. In the database rather than in each process, so that a limit holds however
-- many app instances share the load (README, "Roles and security").
CREATE TABLE sign_in_attempts (
  key text PRIMARY KEY,
  window_seconds integer NOT NULL,
  window_start timestamptz NOT NULL,
  attempts integer NOT NULL
);
-- Ended windows are swept by age.
CREATE INDEX sign_in_attempts_window_start ON sign_in_attempts (window_start);

-- Down Migration
DROP TABLE sign_in_attempts;
