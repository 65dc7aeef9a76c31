-- Up Migration

-- Each label's chosen colour (LabelColourSet events), as the board draws it: { label: colour }.
ALTER TABLE board_projects ADD COLUMN label_colours jsonb NOT NULL DEFAULT '{}';

-- Who made each card's last change, so the board can point out a teammate's change. Filled here from the log
-- for the cards already projected (what the projector would have written), so the live table and a rebuild agree.
ALTER TABLE board_cards ADD COLUMN updated_by text NOT NULL DEFAULT '';
UPDATE board_cards c SET updated_by = coalesce(
  (SELECT e.metadata ->> 'userId' FROM events e
   WHERE e.aggregate_type = 'task' AND e.aggregate_id = c.task_id AND e.version = c.version), '');
ALTER TABLE board_cards ALTER COLUMN updated_by DROP DEFAULT;
ALTER TABLE board_projects ALTER COLUMN label_colours DROP DEFAULT;

-- Down Migration
ALTER TABLE board_cards DROP COLUMN updated_by;
ALTER TABLE board_projects DROP COLUMN label_colours;
