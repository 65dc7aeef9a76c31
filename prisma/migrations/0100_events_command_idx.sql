-- Up Migration

-- The rows of one command (command-instant.ts: one transaction, one stream, one metadata value) are looked up for
-- every event of an "as of" read, a board cut and the history. By (project_id, transaction_id) alone each lookup
-- read every event of the command's transaction: a bulk import writes thousands of tasks in one transaction, and
-- reading such a project's log became quadratic in its size. With the stream's id the lookup finds its own rows.
-- The (project_id, transaction_id) prefix still finds the events of transactions running when a cut was read.
CREATE INDEX events_project_command_idx ON events (project_id, transaction_id, aggregate_id);
DROP INDEX events_project_transaction_idx;

-- Down Migration
CREATE INDEX events_project_transaction_idx ON events (project_id, transaction_id);
DROP INDEX events_project_command_idx;
