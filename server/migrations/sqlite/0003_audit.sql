-- Every change of state, written in the same transaction as the change (DOMAIN Q3).
-- before_json/after_json never hold personal data in clear: phones are masked there.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  project_id BIGINT,
  actor_user_id BIGINT,
  at BIGINT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  request_id TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_project ON audit_log(project_id, id);
