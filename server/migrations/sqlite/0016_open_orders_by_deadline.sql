-- The list of a project's open orders sorted by deadline (docs/performance.md): walked in the
-- list's order through this partial index, so a page of 20 reads 20 entries whatever the size of
-- the project. The expression and the status list are the ones work_orders/queries.cpp writes.
CREATE INDEX work_order_open_due ON work_order(project_id, next_due_at IS NULL, next_due_at, id DESC)
  WHERE status IN ('registered', 'dispatched', 'accepted', 'in_progress', 'waiting');
