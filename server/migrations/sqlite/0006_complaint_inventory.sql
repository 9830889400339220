-- The daily inventory of open complaints (DOMAIN W6, 投诉日盘点): for each open complaint and
-- day, who checked it, and for an overdue one its root cause and the next step.
CREATE TABLE complaint_check (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  day TEXT NOT NULL,
  checked_by BIGINT,
  checked_by_name TEXT NOT NULL,
  checked_at BIGINT NOT NULL,
  overdue SMALLINT NOT NULL,
  note TEXT NOT NULL,
  root_cause TEXT NOT NULL,
  next_step TEXT NOT NULL,
  UNIQUE (order_id, day)
);
CREATE INDEX complaint_check_day ON complaint_check(project_id, day);
