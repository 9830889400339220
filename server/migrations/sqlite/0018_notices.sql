-- The notice board (公示栏, DOMAIN S3): a project publishes notices to its owners' pages:
-- complaint outcomes, works in progress with their dates, service standards, fees, service
-- hours. A notice is a draft, published or withdrawn; owners see the published ones whose
-- validity (project-local days, inclusive, either end open) covers today.
CREATE TABLE notice (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  valid_from TEXT,
  valid_to TEXT,
  pinned SMALLINT NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  published_at BIGINT,
  published_by BIGINT REFERENCES app_user(id),
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX notice_project_status ON notice(project_id, status);
