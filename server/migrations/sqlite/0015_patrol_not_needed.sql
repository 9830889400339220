-- Patrols, second part (docs/patrols.md): checkpoint codes unique whatever their case, a plan's
-- checks read by slot, and slots a supervisor marked as not needed.

-- "cs-pool-01" is the code "CS-POOL-01": unique within the project whatever the case, and looked
-- up by UPPER(code) through this index.
CREATE UNIQUE INDEX patrol_checkpoint_code_ci ON patrol_checkpoint(project_id, UPPER(code));

-- Coverage and the dashboard read a plan's placed checks by slot start over a range of days.
CREATE INDEX patrol_check_plan_slot ON patrol_check(plan_id, slot_start);

-- A slot, or every slot of a local day, of a plan that need not be done (the facility closed,
-- rain for an outdoor round), with the reason: neither due nor missed in coverage.
CREATE TABLE patrol_not_needed (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  plan_id BIGINT NOT NULL REFERENCES patrol_plan(id),
  day BIGINT NOT NULL,
  slot_start BIGINT,
  checkpoint_id BIGINT REFERENCES patrol_checkpoint(id),
  reason TEXT NOT NULL,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  user_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX patrol_not_needed_plan ON patrol_not_needed(plan_id, day);
CREATE INDEX patrol_not_needed_project ON patrol_not_needed(project_id, day);
