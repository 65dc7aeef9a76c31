-- Up Migration

-- Read model: the board (server/projections/board-read-model/), what board.get answers. Three tables, rebuilt
-- and swapped in together. Each row keeps the stream version last applied: events at or below it are not
-- applied again.
CREATE TABLE board_projects (
  project_id  uuid PRIMARY KEY,
  name        text NOT NULL,
  owner_id    text NOT NULL,
  -- { userId: role }
  members     jsonb NOT NULL,
  version     integer NOT NULL,
  -- Global position of the project's last event applied (the board's "position").
  position    bigint NOT NULL,
  updated_at  timestamptz NOT NULL
);

CREATE TABLE board_columns (
  project_id  uuid NOT NULL,
  column_id   uuid NOT NULL,
  name        text NOT NULL,
  -- Board order, left to right, from 0.
  ordinal     integer NOT NULL,
  wip_limit   integer,
  -- Live (not archived) cards in the column, what the WIP limit is checked against.
  task_count  integer NOT NULL,
  PRIMARY KEY (project_id, column_id)
);

CREATE TABLE board_cards (
  task_id      uuid PRIMARY KEY,
  project_id   uuid NOT NULL,
  column_id    uuid NOT NULL,
  rank         text NOT NULL,
  title        text NOT NULL,
  description  text NOT NULL,
  priority     text NOT NULL,
  assignee_id  text,
  labels       text[] NOT NULL,
  due_date     date,
  archived     boolean NOT NULL,
  comment_count integer NOT NULL,
  reviewer_id  text,
  -- pending, approved or changes_requested; null without a reviewer
  review       text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL,
  version      integer NOT NULL
);

-- Named as CREATE TABLE … (LIKE … INCLUDING ALL) names it, so a rebuilt table's indexes get these names back.
CREATE INDEX board_cards_project_id_column_id_idx ON board_cards (project_id, column_id);

-- Down Migration
DROP TABLE board_cards;
DROP TABLE board_columns;
DROP TABLE board_projects;
