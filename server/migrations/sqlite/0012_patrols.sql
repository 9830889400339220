-- Patrols, routine checks and readings (DOMAIN P1-P4); see docs/patrols.md. Instants are UTC epoch
-- seconds, local minutes of a day are *_min (0-1440), reading values are integers scaled by
-- 10^decimals of their metric (*_scaled). Slots are computed from a plan's schedule, not stored:
-- a check stores the slot it was placed in.

-- A place that is checked; a facility also has opening hours and is stopped by an open alarm.
CREATE TABLE patrol_checkpoint (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  place TEXT NOT NULL,
  opens_min BIGINT,
  closes_min BIGINT,
  active SMALLINT NOT NULL,
  stopped SMALLINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, code)
);

-- What a reading measures: company-wide; the first three are built in.
CREATE TABLE patrol_metric (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  decimals BIGINT NOT NULL,
  builtin SMALLINT NOT NULL,
  created_at BIGINT NOT NULL
);
INSERT INTO patrol_metric (code, name, unit, decimals, builtin, created_at) VALUES
  ('free_chlorine', '余氯', 'mg/L', 2, 1, 0),
  ('ph', 'pH', '', 1, 1, 0),
  ('water_temp', '水温', '°C', 1, 1, 0);

-- The limits of a metric at a checkpoint in a period (always, open_morning, open_afternoon, closed).
CREATE TABLE patrol_limit (
  id INTEGER PRIMARY KEY,
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  metric_id BIGINT NOT NULL REFERENCES patrol_metric(id),
  period TEXT NOT NULL,
  low_scaled BIGINT,
  high_scaled BIGINT,
  UNIQUE (checkpoint_id, metric_id, period)
);

-- A check plan: schedule and quota are JSON as the API shows them (validated on the way in).
CREATE TABLE patrol_plan (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  name TEXT NOT NULL,
  assignee_kind TEXT NOT NULL,
  assignee_role TEXT NOT NULL,
  assignee_team_id BIGINT REFERENCES team(id),
  assignee_user_id BIGINT REFERENCES app_user(id),
  schedule TEXT NOT NULL,
  grace_min BIGINT NOT NULL,
  quota TEXT NOT NULL,
  active SMALLINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX patrol_plan_project ON patrol_plan(project_id, active);

CREATE TABLE patrol_plan_checkpoint (
  plan_id BIGINT NOT NULL REFERENCES patrol_plan(id),
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  position BIGINT NOT NULL,
  PRIMARY KEY (plan_id, checkpoint_id)
);
CREATE INDEX patrol_plan_checkpoint_cp ON patrol_plan_checkpoint(checkpoint_id);

-- A checklist item; retired items stay for the checks that answered them.
CREATE TABLE patrol_plan_item (
  id INTEGER PRIMARY KEY,
  plan_id BIGINT NOT NULL REFERENCES patrol_plan(id),
  position BIGINT NOT NULL,
  label TEXT NOT NULL,
  kind TEXT NOT NULL,
  metric_id BIGINT REFERENCES patrol_metric(id),
  retired SMALLINT NOT NULL
);
CREATE INDEX patrol_plan_item_plan ON patrol_plan_item(plan_id, position);

-- A check record. client_id makes a resent record land once; placement is done, late or
-- unscheduled, for the slot [slot_start, slot_end) it was placed in.
CREATE TABLE patrol_check (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  client_id TEXT NOT NULL UNIQUE,
  plan_id BIGINT NOT NULL REFERENCES patrol_plan(id),
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  user_id BIGINT REFERENCES app_user(id),
  user_name TEXT NOT NULL,
  made_at BIGINT NOT NULL,
  received_at BIGINT NOT NULL,
  late_arrival SMALLINT NOT NULL,
  slot_start BIGINT,
  slot_end BIGINT,
  placement TEXT NOT NULL,
  note TEXT NOT NULL,
  not_ok BIGINT NOT NULL
);
CREATE INDEX patrol_check_slot ON patrol_check(plan_id, checkpoint_id, slot_start);
CREATE INDEX patrol_check_project ON patrol_check(project_id, made_at);
CREATE INDEX patrol_check_user ON patrol_check(user_id, made_at);

-- The answer to one item: ok for checks, value_scaled for readings.
CREATE TABLE patrol_result (
  id INTEGER PRIMARY KEY,
  check_id BIGINT NOT NULL REFERENCES patrol_check(id),
  item_id BIGINT NOT NULL REFERENCES patrol_plan_item(id),
  ok SMALLINT,
  value_scaled BIGINT,
  note TEXT NOT NULL,
  work_order_id BIGINT REFERENCES work_order(id),
  UNIQUE (check_id, item_id)
);

-- A photo taken on a round: uploaded first (result_id NULL, also while offline: the phone sends
-- it when the network returns), then attached to an item's result by the check that names it
-- in photoIds. The bytes live in the data directory at `path`, stored by the shared photo code.
CREATE TABLE patrol_photo (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  result_id BIGINT REFERENCES patrol_result(id),
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  uploaded_by BIGINT REFERENCES app_user(id),
  uploaded_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX patrol_photo_result ON patrol_photo(result_id);

-- A reading judged by the limits of its period at the time it was made.
CREATE TABLE patrol_reading (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  check_id BIGINT NOT NULL REFERENCES patrol_check(id),
  result_id BIGINT NOT NULL REFERENCES patrol_result(id),
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  metric_id BIGINT NOT NULL REFERENCES patrol_metric(id),
  made_at BIGINT NOT NULL,
  value_scaled BIGINT NOT NULL,
  period TEXT NOT NULL,
  low_scaled BIGINT,
  high_scaled BIGINT,
  within_limits SMALLINT NOT NULL,
  alarm_id BIGINT
);
CREATE INDEX patrol_reading_series ON patrol_reading(checkpoint_id, metric_id, made_at);

-- An alarm: open until a treatment is recorded and a later reading is within limits.
CREATE TABLE patrol_alarm (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  metric_id BIGINT NOT NULL REFERENCES patrol_metric(id),
  reading_id BIGINT NOT NULL REFERENCES patrol_reading(id),
  check_id BIGINT NOT NULL REFERENCES patrol_check(id),
  value_scaled BIGINT NOT NULL,
  low_scaled BIGINT,
  high_scaled BIGINT,
  status TEXT NOT NULL,
  raised_at BIGINT NOT NULL,
  raised_by_name TEXT NOT NULL,
  last_out_at BIGINT NOT NULL,
  last_treated_at BIGINT,
  closed_at BIGINT,
  closing_reading_id BIGINT,
  work_order_id BIGINT REFERENCES work_order(id)
);
CREATE INDEX patrol_alarm_open ON patrol_alarm(checkpoint_id, metric_id, status);
CREATE INDEX patrol_alarm_project ON patrol_alarm(project_id, status, raised_at);

CREATE TABLE patrol_treatment (
  id INTEGER PRIMARY KEY,
  alarm_id BIGINT NOT NULL REFERENCES patrol_alarm(id),
  note TEXT NOT NULL,
  user_id BIGINT REFERENCES app_user(id),
  user_name TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX patrol_treatment_alarm ON patrol_treatment(alarm_id, at);

-- Too few readings in a period, notified once.
CREATE TABLE patrol_shortfall_notice (
  plan_id BIGINT NOT NULL REFERENCES patrol_plan(id),
  checkpoint_id BIGINT NOT NULL REFERENCES patrol_checkpoint(id),
  period_start BIGINT NOT NULL,
  made BIGINT NOT NULL,
  notified_at BIGINT NOT NULL,
  PRIMARY KEY (plan_id, checkpoint_id, period_start)
);
