-- The dashboards count running clocks past their deadline (kpi/figures.cpp) by project, clock and
-- the month each started. With ten million orders the largest project has about a thousand such
-- clocks in a year, and reading each one's row, then its order's, was two random page reads per
-- clock: most of a project dashboard's time once the database outgrows memory. The index now
-- holds what that read needs, so only a resolve clock's order (for its kind) is still looked up.
-- (The columns of the partial condition are in it too: SQLite reads the row for any column the
-- statement names that the index lacks, even one the condition fixes.)
DROP INDEX wo_clock_open_due;
CREATE INDEX wo_clock_open_due ON wo_clock(project_id, clock, due_at, start_at, order_id, done_at, stopped,
  paused_since) WHERE done_at IS NULL AND stopped = 0 AND paused_since IS NULL;
