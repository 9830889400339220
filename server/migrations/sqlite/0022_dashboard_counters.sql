-- Counters the dashboards read instead of summing many rows (docs/performance.md, issue 7).
-- Both are kept by triggers, so every write path (the work-order writer, the import, the crud
-- of customers, the roll-up rebuild, the bench generator) keeps them without knowing of them.
-- Inner statements of a trigger end mid-line: the migration runner splits at a line's final ';'.

-- Month sums of kpi_daily: a month's figures are then one row per metric, not one per day.
CREATE TABLE kpi_monthly (
  project_id BIGINT NOT NULL REFERENCES project(id),
  month TEXT NOT NULL,
  metric TEXT NOT NULL,
  category TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (project_id, month, metric, category)
);
INSERT INTO kpi_monthly (project_id, month, metric, category, value)
  SELECT project_id, substr(day, 1, 7), metric, category, SUM(value) FROM kpi_daily
  GROUP BY project_id, substr(day, 1, 7), metric, category;
CREATE TRIGGER kpi_daily_monthly_insert AFTER INSERT ON kpi_daily BEGIN
  INSERT INTO kpi_monthly (project_id, month, metric, category, value)
  VALUES (NEW.project_id, substr(NEW.day, 1, 7), NEW.metric, NEW.category, NEW.value)
  ON CONFLICT (project_id, month, metric, category) DO UPDATE SET value = kpi_monthly.value + excluded.value
  ; END;
CREATE TRIGGER kpi_daily_monthly_update AFTER UPDATE ON kpi_daily BEGIN
  UPDATE kpi_monthly SET value = value - OLD.value WHERE project_id = OLD.project_id
    AND month = substr(OLD.day, 1, 7) AND metric = OLD.metric AND category = OLD.category
  ; INSERT INTO kpi_monthly (project_id, month, metric, category, value)
  VALUES (NEW.project_id, substr(NEW.day, 1, 7), NEW.metric, NEW.category, NEW.value)
  ON CONFLICT (project_id, month, metric, category) DO UPDATE SET value = kpi_monthly.value + excluded.value
  ; END;
CREATE TRIGGER kpi_daily_monthly_delete AFTER DELETE ON kpi_daily BEGIN
  UPDATE kpi_monthly SET value = value - OLD.value WHERE project_id = OLD.project_id
    AND month = substr(OLD.day, 1, 7) AND metric = OLD.metric AND category = OLD.category
  ; END;

-- Customers per project now (the denominator of "customers called back"); no row for a project
-- without customers, so the counter never stands in the way of deleting a project.
CREATE TABLE kpi_customers (
  project_id BIGINT PRIMARY KEY,
  customers BIGINT NOT NULL
);
INSERT INTO kpi_customers (project_id, customers)
  SELECT project_id, COUNT(*) FROM customer GROUP BY project_id;
CREATE TRIGGER customer_count_insert AFTER INSERT ON customer BEGIN
  INSERT INTO kpi_customers (project_id, customers) VALUES (NEW.project_id, 1)
  ON CONFLICT (project_id) DO UPDATE SET customers = kpi_customers.customers + 1
  ; END;
CREATE TRIGGER customer_count_delete AFTER DELETE ON customer BEGIN
  UPDATE kpi_customers SET customers = customers - 1 WHERE project_id = OLD.project_id
  ; DELETE FROM kpi_customers WHERE project_id = OLD.project_id AND customers <= 0
  ; END;
CREATE TRIGGER customer_count_move AFTER UPDATE OF project_id ON customer
  WHEN NEW.project_id <> OLD.project_id BEGIN
  UPDATE kpi_customers SET customers = customers - 1 WHERE project_id = OLD.project_id
  ; DELETE FROM kpi_customers WHERE project_id = OLD.project_id AND customers <= 0
  ; INSERT INTO kpi_customers (project_id, customers) VALUES (NEW.project_id, 1)
  ON CONFLICT (project_id) DO UPDATE SET customers = kpi_customers.customers + 1
  ; END;
