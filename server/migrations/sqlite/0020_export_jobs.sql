-- Export jobs (issue 6 "Exports", docs/exports.md): a job and its file outlive a restart. A job
-- is its starter's only; status is queued, running, done or failed; done/total count rows;
-- file_name is the download's name (工单登记簿-2026-12-02), the file itself is
-- <dataDir>/exports/<id>.<format>. Jobs left queued or running by a stopped server are failed at
-- start; jobs and files go a day after they were started.
CREATE TABLE export_job (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  list TEXT NOT NULL,
  filters TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('xlsx', 'csv')),
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
  done BIGINT NOT NULL DEFAULT 0,
  total BIGINT NOT NULL DEFAULT 0,
  file_name TEXT NOT NULL,
  error TEXT,
  created_at BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE INDEX export_job_status ON export_job(status);
CREATE INDEX export_job_created ON export_job(created_at);
