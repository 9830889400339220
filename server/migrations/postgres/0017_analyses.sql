-- Analyses (W9): the monthly return-visit report reads a project's repairs completed in a month
-- through this index (project, completion time) instead of scanning the orders.
CREATE INDEX work_order_completed ON work_order(project_id, completed_at);
