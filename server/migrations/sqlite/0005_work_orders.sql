-- Work orders (DOMAIN W1-W9): one register for every request, its clocks, its timeline.

-- The company's dictionary of categories.
CREATE TABLE wo_category (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  sort_order BIGINT NOT NULL,
  active SMALLINT NOT NULL
);
INSERT INTO wo_category (code, name, name_en, sort_order, active) VALUES
  ('water', '给排水', 'Water and drains', 10, 1),
  ('electricity', '供电', 'Electricity', 20, 1),
  ('doors_windows', '门窗', 'Doors and windows', 30, 1),
  ('lighting', '照明', 'Lighting', 40, 1),
  ('lift', '电梯', 'Lift', 50, 1),
  ('cleaning', '环境卫生', 'Cleaning', 60, 1),
  ('greening', '绿化', 'Landscaping', 70, 1),
  ('noise', '噪音', 'Noise', 80, 1),
  ('parking', '停车', 'Parking', 90, 1),
  ('security', '安全秩序', 'Security', 100, 1),
  ('facilities', '公共设施', 'Common facilities', 110, 1),
  ('fees', '收费', 'Fees', 120, 1),
  ('service', '服务态度', 'Service attitude', 130, 1),
  ('other', '其他', 'Other', 900, 1);

-- Service-level rules: the clock `clock` of orders matching kind/category/priority/channel
-- ('' matches any; the most specific rule wins) is due `amount` `unit`s after it starts.
CREATE TABLE sla_rule (
  id INTEGER PRIMARY KEY,
  clock TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  priority TEXT NOT NULL,
  channel TEXT NOT NULL,
  amount BIGINT NOT NULL,
  unit TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (clock, kind, category, priority, channel)
);
INSERT INTO sla_rule (clock, kind, category, priority, channel, amount, unit, created_at, updated_at) VALUES
  ('handle', '', '', '', '', 12, 'hour', 0, 0),
  ('onsite', 'repair', '', 'emergency', '', 30, 'minute', 0, 0),
  ('contact', 'repair', '', 'normal', '', 1, 'working_day', 0, 0),
  ('handover', 'complaint', '', '', '', 24, 'hour', 0, 0),
  ('acknowledge', 'complaint', '', '', 'online', 2, 'hour', 0, 0),
  ('feedback', 'complaint', '', '', '', 2, 'working_day', 0, 0),
  ('resolve', 'repair', '', '', '', 3, 'working_day', 0, 0),
  ('resolve', 'repair', 'water', '', '', 4, 'hour', 0, 0),
  ('resolve', 'repair', 'electricity', '', '', 4, 'hour', 0, 0),
  ('resolve', 'repair', 'lift', '', '', 2, 'hour', 0, 0),
  ('resolve', 'repair', 'security', '', '', 2, 'hour', 0, 0),
  ('resolve', 'repair', 'lighting', '', '', 1, 'working_day', 0, 0),
  ('resolve', 'repair', 'cleaning', '', '', 4, 'hour', 0, 0),
  ('resolve', 'repair', 'doors_windows', '', '', 2, 'working_day', 0, 0),
  ('resolve', 'repair', '', 'emergency', '', 4, 'hour', 0, 0),
  ('resolve', 'complaint', '', '', '', 5, 'working_day', 0, 0),
  ('visit', 'repair', '', '', '', 1, 'working_day', 0, 0),
  ('visit', 'complaint', '', '', '', 1, 'working_day', 0, 0);

CREATE TABLE wo_code_seq (
  project_id BIGINT NOT NULL REFERENCES project(id),
  day TEXT NOT NULL,
  last BIGINT NOT NULL,
  PRIMARY KEY (project_id, day)
);

CREATE TABLE work_order (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  code TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL REFERENCES wo_category(code),
  priority TEXT NOT NULL,
  channel TEXT NOT NULL,
  status TEXT NOT NULL,
  unit_id BIGINT REFERENCES unit(id),
  building_id BIGINT REFERENCES building(id),
  zone_id BIGINT REFERENCES zone(id),
  location TEXT NOT NULL,
  customer_id BIGINT REFERENCES customer(id),
  reporter_name TEXT NOT NULL,
  reporter_phone_enc TEXT NOT NULL,
  reporter_phone_index TEXT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  assignee_staff_id BIGINT REFERENCES staff(id),
  assignee_team_id BIGINT REFERENCES team(id),
  department TEXT NOT NULL,
  responsible_department TEXT NOT NULL,
  responsible_person TEXT NOT NULL,
  root_cause TEXT NOT NULL,
  valid_complaint SMALLINT,
  result TEXT NOT NULL,
  satisfaction TEXT,
  rework_of_id BIGINT REFERENCES work_order(id),
  reported_at BIGINT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  completed_at BIGINT,
  closed_at BIGINT,
  next_due_at BIGINT,
  UNIQUE (project_id, code)
);
CREATE INDEX work_order_due ON work_order(project_id, next_due_at);
CREATE INDEX work_order_status ON work_order(project_id, status, next_due_at);
CREATE INDEX work_order_reported ON work_order(project_id, reported_at);
CREATE INDEX work_order_assignee ON work_order(assignee_staff_id, status);
CREATE INDEX work_order_customer ON work_order(customer_id);
CREATE INDEX work_order_rework ON work_order(rework_of_id);

CREATE TABLE wo_clock (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  clock TEXT NOT NULL,
  rule_id BIGINT NOT NULL,
  amount BIGINT NOT NULL,
  unit TEXT NOT NULL,
  start_at BIGINT NOT NULL,
  paused_seconds BIGINT NOT NULL,
  paused_since BIGINT,
  done_at BIGINT,
  stopped SMALLINT NOT NULL,
  due_at BIGINT NOT NULL,
  remind_at BIGINT NOT NULL,
  reminded SMALLINT NOT NULL,
  breach_notified SMALLINT NOT NULL,
  UNIQUE (order_id, clock)
);
CREATE INDEX wo_clock_remind ON wo_clock(remind_at) WHERE reminded = 0 AND done_at IS NULL;
CREATE INDEX wo_clock_breach ON wo_clock(due_at) WHERE breach_notified = 0 AND done_at IS NULL;
CREATE INDEX wo_clock_rule ON wo_clock(rule_id) WHERE done_at IS NULL;

-- The timeline: every step with who and when.
CREATE TABLE wo_event (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  at BIGINT NOT NULL,
  actor_user_id BIGINT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  note TEXT NOT NULL,
  data_json TEXT NOT NULL
);
CREATE INDEX wo_event_order ON wo_event(order_id, id);

-- Counters kept in the same transaction as each change, so statistics never scan the orders.
CREATE TABLE wo_daily_stat (
  project_id BIGINT NOT NULL REFERENCES project(id),
  day TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  metric TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (project_id, day, kind, category, metric)
);

-- In-app notifications (the bell).
CREATE TABLE notification (
  id INTEGER PRIMARY KEY,
  project_id BIGINT REFERENCES project(id),
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  order_id BIGINT REFERENCES work_order(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX notification_user ON notification(user_id, read_at, id);
