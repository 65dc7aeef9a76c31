-- Up Migration

-- Read models can be rebuilt from the log at any time, also from the operations page: into fresh tables
-- that are then swapped in. So the app may create tables, and its role owns the read-model tables it drops
-- and renames. The log itself stays the owner's: SELECT and INSERT only (0020).
-- (Changing a table's owner needs a superuser or a member of chronoboard_app to run the migrations.)
GRANT CREATE ON SCHEMA public TO chronoboard_app;
ALTER TABLE task_list OWNER TO chronoboard_app;
ALTER TABLE board_projects OWNER TO chronoboard_app;
ALTER TABLE board_columns OWNER TO chronoboard_app;
ALTER TABLE board_cards OWNER TO chronoboard_app;

-- Down Migration
ALTER TABLE board_cards OWNER TO CURRENT_USER;
ALTER TABLE board_columns OWNER TO CURRENT_USER;
ALTER TABLE board_projects OWNER TO CURRENT_USER;
ALTER TABLE task_list OWNER TO CURRENT_USER;
REVOKE CREATE ON SCHEMA public FROM chronoboard_app;
