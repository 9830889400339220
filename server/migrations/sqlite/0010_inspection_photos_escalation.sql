-- Inspections, the remainder of DOMAIN I2-I4: photos of deductions, and the escalation of
-- overdue rectifications.

-- A photo taken during an inspection. Uploaded first (deduction_id NULL), then attached to a
-- deduction by recording it with `photoIds`. The bytes live in the data directory at `path`,
-- stored by the same code as work-order photos.
CREATE TABLE inspection_photo (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  deduction_id BIGINT REFERENCES inspection_deduction(id),
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  uploaded_by BIGINT REFERENCES app_user(id),
  uploaded_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX inspection_photo_inspection ON inspection_photo(inspection_id, id);
CREATE INDEX inspection_photo_deduction ON inspection_photo(deduction_id);

-- How far an overdue rectification has been escalated: 0 not yet, 1 told at the deadline,
-- 2 told again three days after it.
ALTER TABLE rectification ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;
CREATE INDEX rectification_escalation ON rectification(status, escalation_level, due_at);
