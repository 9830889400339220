-- The number an order had in the system it was imported from (docs/import.md). The import used to
-- find orders already imported by reading every 'import' event's JSON at start; a column with a
-- unique index per project answers "is this one in already?" from the index, and makes a second
-- import of the same order impossible even when two imports race. Orders made in Steward have
-- none, so the index is partial and costs their inserts nothing.
ALTER TABLE work_order ADD COLUMN external_ref TEXT;
UPDATE work_order SET external_ref = (
  SELECT e.data_json::json ->> 'externalId' FROM wo_event e
  WHERE e.order_id = work_order.id AND e.action = 'import' ORDER BY e.id LIMIT 1)
WHERE id IN (SELECT order_id FROM wo_event WHERE action = 'import');
CREATE UNIQUE INDEX work_order_external_ref ON work_order (project_id, external_ref)
  WHERE external_ref IS NOT NULL;
