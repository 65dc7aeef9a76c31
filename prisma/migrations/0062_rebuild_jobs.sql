-- Up Migration

-- The latest background rebuild of each read model (the operations page's Rebuild button): kept here rather
-- than in the memory of the instance that runs it, so that every instance behind a load balancer shows the
-- same progress and refuses a second rebuild, and one whose instance died shows as interrupted.
CREATE TABLE rebuild_jobs (
  name text PRIMARY KEY,
  -- Which app instance runs it (its application_name, else host:pid).
  instance text NOT NULL,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  finished_at timestamptz,
  events bigint NOT NULL DEFAULT 0,
  position bigint NOT NULL DEFAULT 0,
  target bigint NOT NULL DEFAULT 0,
  error text
);

-- Down Migration
DROP TABLE rebuild_jobs;
