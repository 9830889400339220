-- Targets and dashboards (DOMAIN Q2, W9, S2): the company's targets, and the roll-ups that
-- dashboards read instead of scanning orders. Every roll-up row is kept in the same transaction
-- as the work-order change that moves it (modules/kpi/rollups.cpp); `steward rollups` rebuilds
-- them from the orders.

-- A target: the figure a project must reach (hundredths: 8500 = 85 %, 9100 = 91 points) and the
-- margin below it that is still amber rather than red.
CREATE TABLE kpi_target (
  code TEXT PRIMARY KEY,
  target BIGINT NOT NULL,
  amber_margin BIGINT NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
INSERT INTO kpi_target (code, target, amber_margin, updated_by, updated_at) VALUES
  ('satisfaction', 8500, 500, NULL, 0),
  ('handover_24h', 9500, 500, NULL, 0),
  ('return_visit', 10000, 500, NULL, 0),
  ('customers_called', 2000, 500, NULL, 0),
  ('handled_12h', 10000, 500, NULL, 0),
  ('valid_complaints_handled', 10000, 500, NULL, 0),
  ('inspection_score', 9100, 1100, NULL, 0);

-- Numerators and denominators per project and local day (the day each figure belongs to, see
-- docs/dashboards.md); category is '' except for the per-category complaint counts.
CREATE TABLE kpi_daily (
  project_id BIGINT NOT NULL REFERENCES project(id),
  day TEXT NOT NULL,
  metric TEXT NOT NULL,
  category TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (project_id, day, metric, category)
);

-- Orders per project, kind and status, now (open ones by status; byStatus of the statistics).
CREATE TABLE kpi_status (
  project_id BIGINT NOT NULL REFERENCES project(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (project_id, kind, status)
);

-- Customers called back in a month (S2: distinct customers, so a count per customer and month).
CREATE TABLE kpi_customer_month (
  project_id BIGINT NOT NULL REFERENCES project(id),
  month TEXT NOT NULL,
  customer_id BIGINT NOT NULL,
  visits BIGINT NOT NULL,
  PRIMARY KEY (project_id, month, customer_id)
);

-- Set when the roll-ups must be rebuilt from the orders (a database with orders from before this
-- migration); the server does it at start.
CREATE TABLE kpi_rollup_state (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO kpi_rollup_state (name, value) SELECT 'rebuild', 1 WHERE EXISTS (SELECT 1 FROM work_order);

-- When the return visit was made (satisfaction and customers called back count on that day).
ALTER TABLE work_order ADD COLUMN visited_at BIGINT;
UPDATE work_order SET visited_at = (SELECT MAX(e.at) FROM wo_event e WHERE e.order_id = work_order.id
  AND e.action = 'visit') WHERE satisfaction IS NOT NULL;

-- Clocks running past their deadline, per project and clock: the overdue part of the on-time
-- targets and the overdue list, read through this index only.
CREATE INDEX wo_clock_open_due ON wo_clock(project_id, clock, due_at) WHERE done_at IS NULL AND stopped = 0;
