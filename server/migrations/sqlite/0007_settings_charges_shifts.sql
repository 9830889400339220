-- Company settings (webhook, paid-repair limit), the price list and charges of paid repairs
-- (DOMAIN W7), and technicians' end-of-shift summaries and workload counters (W8).

CREATE TABLE company_setting (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);

-- The published price list of a project (有偿服务价格表).
CREATE TABLE price_item (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  price_fen BIGINT NOT NULL,
  category TEXT NOT NULL,
  active SMALLINT NOT NULL,
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, name)
);

-- What a completed order used and charged, priced when it was completed.
CREATE TABLE wo_material (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  name TEXT NOT NULL,
  quantity BIGINT NOT NULL,
  unit TEXT NOT NULL
);
CREATE INDEX wo_material_order ON wo_material(order_id);

CREATE TABLE wo_charge_line (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  price_item_id BIGINT NOT NULL REFERENCES price_item(id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  unit_price_fen BIGINT NOT NULL,
  quantity BIGINT NOT NULL,
  amount_fen BIGINT NOT NULL
);
CREATE INDEX wo_charge_line_order ON wo_charge_line(order_id);

-- One row per charged order: what is owed, whether it was paid, and the written explanation an
-- unpaid charge past the limit needs (未收费的需书面说明).
CREATE TABLE wo_charge (
  order_id BIGINT PRIMARY KEY REFERENCES work_order(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  total_fen BIGINT NOT NULL,
  charged_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  paid_at BIGINT,
  method TEXT NOT NULL,
  receipt_no TEXT NOT NULL,
  paid_by BIGINT,
  explanation TEXT NOT NULL,
  explained_at BIGINT
);
CREATE INDEX wo_charge_unpaid ON wo_charge(project_id, due_at) WHERE paid_at IS NULL;

-- A technician's end-of-shift summary: every unfinished order with its reason and plan.
CREATE TABLE shift_summary (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  staff_id BIGINT NOT NULL REFERENCES staff(id),
  day TEXT NOT NULL,
  note TEXT NOT NULL,
  submitted_at BIGINT NOT NULL,
  submitted_by BIGINT,
  UNIQUE (project_id, staff_id, day)
);
CREATE INDEX shift_summary_day ON shift_summary(project_id, day);

CREATE TABLE shift_summary_item (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  summary_id BIGINT NOT NULL REFERENCES shift_summary(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  status TEXT NOT NULL,
  reason TEXT NOT NULL,
  plan TEXT NOT NULL
);
CREATE INDEX shift_summary_item_summary ON shift_summary_item(summary_id);

-- Workload per technician and day (assigned, completed, visited, satisfied), kept with each step.
CREATE TABLE wo_staff_daily (
  project_id BIGINT NOT NULL REFERENCES project(id),
  day TEXT NOT NULL,
  staff_id BIGINT NOT NULL REFERENCES staff(id),
  metric TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (project_id, day, staff_id, metric)
);
