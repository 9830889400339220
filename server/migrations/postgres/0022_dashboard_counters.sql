-- Counters the dashboards read instead of summing many rows (docs/performance.md, issue 7).
-- Both are kept by triggers, so every write path (the work-order writer, the import, the crud
-- of customers, the roll-up rebuild, the bench generator) keeps them without knowing of them.
-- Inner statements of a function end mid-line: the migration runner splits at a line's final ';'.

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
CREATE FUNCTION kpi_monthly_upkeep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE kpi_monthly SET value = value - OLD.value WHERE project_id = OLD.project_id
      AND month = substr(OLD.day, 1, 7) AND metric = OLD.metric AND category = OLD.category
  ; END IF
  ; IF TG_OP <> 'DELETE' THEN
    INSERT INTO kpi_monthly (project_id, month, metric, category, value)
    VALUES (NEW.project_id, substr(NEW.day, 1, 7), NEW.metric, NEW.category, NEW.value)
    ON CONFLICT (project_id, month, metric, category) DO UPDATE SET value = kpi_monthly.value + EXCLUDED.value
  ; END IF
  ; RETURN NULL
  ; END
$$;
CREATE TRIGGER kpi_daily_monthly AFTER INSERT OR UPDATE OR DELETE ON kpi_daily
  FOR EACH ROW EXECUTE FUNCTION kpi_monthly_upkeep();

-- Customers per project now (the denominator of "customers called back"); no row for a project
-- without customers, so the counter never stands in the way of deleting a project.
CREATE TABLE kpi_customers (
  project_id BIGINT PRIMARY KEY,
  customers BIGINT NOT NULL
);
INSERT INTO kpi_customers (project_id, customers)
  SELECT project_id, COUNT(*) FROM customer GROUP BY project_id;
CREATE FUNCTION customer_count_upkeep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.project_id = OLD.project_id THEN RETURN NULL
  ; END IF
  ; IF TG_OP <> 'INSERT' THEN
    UPDATE kpi_customers SET customers = customers - 1 WHERE project_id = OLD.project_id
    ; DELETE FROM kpi_customers WHERE project_id = OLD.project_id AND customers <= 0
  ; END IF
  ; IF TG_OP <> 'DELETE' THEN
    INSERT INTO kpi_customers (project_id, customers) VALUES (NEW.project_id, 1)
    ON CONFLICT (project_id) DO UPDATE SET customers = kpi_customers.customers + 1
  ; END IF
  ; RETURN NULL
  ; END
$$;
CREATE TRIGGER customer_count AFTER INSERT OR UPDATE OF project_id OR DELETE ON customer
  FOR EACH ROW EXECUTE FUNCTION customer_count_upkeep();
