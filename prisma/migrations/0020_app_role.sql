-- Up Migration

-- The application's privileges, as a group role that cannot log in. The app connects as a login role
-- that is a member of it (scripts/with-db.ts makes chronoboard_app_login; production creates its own),
-- while migrations and operator tasks that change the schema run as the owner of the tables.
-- The app may read and write its tables, but may only INSERT and SELECT the event log and the hash
-- chain: UPDATE, DELETE and TRUNCATE are not granted, a lock that holds even where the append-only
-- triggers are disabled (session_replication_role = replica, or a trigger dropped by mistake).
DO $$
BEGIN
  CREATE ROLE chronoboard_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- roles belong to the whole server: another database made it already
END
$$;

GRANT USAGE ON SCHEMA public TO chronoboard_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO chronoboard_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO chronoboard_app;
REVOKE UPDATE, DELETE, TRUNCATE ON events, event_hashes FROM chronoboard_app;
-- The migration ledger is the owner's.
REVOKE ALL ON pgmigrations FROM chronoboard_app;

-- Tables later migrations create get the same grants; a migration adding an append-only table revokes
-- UPDATE and DELETE on it as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO chronoboard_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO chronoboard_app;

-- Down Migration
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM chronoboard_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM chronoboard_app;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM chronoboard_app;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM chronoboard_app;
REVOKE USAGE ON SCHEMA public FROM chronoboard_app;
-- The role itself stays: other databases on the server may still use it.
