-- Rectifications from patrols (DOMAIN P4) and their evidence photos (I4).
-- A rectification now has a source: `inspection` (a deduction, as before) or `patrol` (a not-ok
-- item of a patrol check, with the checkpoint). Old rows are inspection rectifications: they keep
-- their inspection and deduction; the patrol columns stay NULL. SQLite cannot drop NOT NULL in
-- place, so the table is rebuilt (nothing references it yet).
CREATE TABLE rectification_new (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  source TEXT NOT NULL,
  inspection_id BIGINT REFERENCES inspection(id),
  deduction_id BIGINT UNIQUE REFERENCES inspection_deduction(id),
  patrol_check_id BIGINT REFERENCES patrol_check(id),
  patrol_result_id BIGINT UNIQUE REFERENCES patrol_result(id),
  checkpoint_id BIGINT REFERENCES patrol_checkpoint(id),
  source_title TEXT NOT NULL,
  source_finding TEXT NOT NULL,
  responsible_staff_id BIGINT NOT NULL REFERENCES staff(id),
  deadline_day TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  requirement TEXT NOT NULL,
  evidence TEXT NOT NULL,
  done_at BIGINT,
  verified_by BIGINT,
  verified_at BIGINT,
  reject_reason TEXT NOT NULL,
  recurring SMALLINT NOT NULL,
  escalation_level INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK ((source = 'inspection' AND inspection_id IS NOT NULL AND deduction_id IS NOT NULL)
      OR (source = 'patrol' AND patrol_result_id IS NOT NULL AND checkpoint_id IS NOT NULL))
);
INSERT INTO rectification_new (id, project_id, source, inspection_id, deduction_id,
  source_title, source_finding, responsible_staff_id, deadline_day, due_at, status, requirement,
  evidence, done_at, verified_by, verified_at, reject_reason, recurring, escalation_level,
  created_by, created_at, updated_at)
SELECT id, project_id, 'inspection', inspection_id, deduction_id, '', '', responsible_staff_id,
  deadline_day, due_at, status, requirement, evidence, done_at, verified_by, verified_at,
  reject_reason, recurring, escalation_level, created_by, created_at, updated_at
FROM rectification;
DROP TABLE rectification;
ALTER TABLE rectification_new RENAME TO rectification;
CREATE INDEX rectification_project_status ON rectification(project_id, status, due_at);
CREATE INDEX rectification_responsible ON rectification(responsible_staff_id, status);
CREATE INDEX rectification_escalation ON rectification(status, escalation_level, due_at);

-- A photo of a rectification: `evidence` uploaded by whoever completes it (attached = 1 once a
-- completion names it in photoIds), or `finding` carried over from a patrol item. The bytes live
-- in the data directory at `path`, stored by the shared photo code.
CREATE TABLE rectification_photo (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  rectification_id BIGINT NOT NULL REFERENCES rectification(id),
  role TEXT NOT NULL,
  attached SMALLINT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  uploaded_by BIGINT REFERENCES app_user(id),
  uploaded_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX rectification_photo_rect ON rectification_photo(rectification_id, id);

-- The built-in scheme's name as users read it (it said where it came from: "(seed 001)").
UPDATE inspection_scheme SET name = '物业基础服务管理品质检查验收' WHERE name = '物业基础服务管理品质检查验收(seed 001)';
