-- Staff spot checks and the monthly front-desk score (DOMAIN I7), campaigns (专项活动, DOMAIN I6).
-- A spot check scores one person with a small rubric: the rubric tables of 0009 hold it, so the
-- same rules and arithmetic score it. Points are integer hundredths (*_centi); days are the
-- project's local dates "YYYY-MM-DD".

-- The kinds of spot check, with the rubric (by code) each uses and the daily quota per project
-- (seed 000: phone answering at least 5 a day). A company setting: quality edits the quota.
CREATE TABLE spot_check_kind (
  code TEXT PRIMARY KEY,
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  rubric_code TEXT NOT NULL,
  daily_quota BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO spot_check_kind (code, position, name, name_en, rubric_code, daily_quota, updated_at) VALUES
  ('phone', 1, '电话抽查', 'Phone answering', 'SPOT-PHONE', 5, 0),
  ('morning_bi', 2, '晨会行为规范检查', 'Morning-meeting behaviour (BI)', 'SPOT-BI', 1, 0),
  ('front_desk', 3, '前台服务检查', 'Front-desk service', 'SPOT-FRONT', 3, 0);

CREATE TABLE spot_check (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  staff_id BIGINT NOT NULL REFERENCES staff(id),
  kind TEXT NOT NULL REFERENCES spot_check_kind(code),
  rubric_id BIGINT NOT NULL REFERENCES rubric(id),
  checked_at BIGINT NOT NULL,
  day TEXT NOT NULL,
  raw_centi BIGINT NOT NULL,
  max_centi BIGINT NOT NULL,
  score_centi BIGINT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX spot_check_project_day ON spot_check(project_id, day, kind);
CREATE INDEX spot_check_staff_day ON spot_check(staff_id, day);
CREATE INDEX spot_check_rubric ON spot_check(rubric_id);

CREATE TABLE spot_check_deduction (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  spot_check_id BIGINT NOT NULL REFERENCES spot_check(id),
  item_id BIGINT NOT NULL REFERENCES rubric_item(id),
  amounts TEXT NOT NULL,
  occurrences BIGINT NOT NULL,
  failed SMALLINT NOT NULL,
  deduct_centi BIGINT NOT NULL,
  note TEXT NOT NULL,
  UNIQUE (spot_check_id, item_id)
);

-- A campaign: company-wide (no rows in campaign_project) or for chosen projects.
CREATE TABLE campaign (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  goal TEXT NOT NULL,
  slogans TEXT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT NOT NULL,
  company_wide SMALLINT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE campaign_project (
  campaign_id BIGINT NOT NULL REFERENCES campaign(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  PRIMARY KEY (campaign_id, project_id)
);
CREATE INDEX campaign_project_project ON campaign_project(project_id);

CREATE TABLE campaign_phase (
  id INTEGER PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaign(id),
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  start_day TEXT NOT NULL,
  end_day TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX campaign_phase_campaign ON campaign_phase(campaign_id, position);

-- A task of the action plan: a team's, owned by a person, due by the end of a local day.
CREATE TABLE campaign_task (
  id INTEGER PRIMARY KEY,
  campaign_id BIGINT NOT NULL REFERENCES campaign(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  team_id BIGINT REFERENCES team(id),
  phase_id BIGINT REFERENCES campaign_phase(id),
  title TEXT NOT NULL,
  detail TEXT NOT NULL,
  owner_staff_id BIGINT NOT NULL REFERENCES staff(id),
  deadline_day TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL,
  done_at BIGINT,
  done_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX campaign_task_campaign ON campaign_task(campaign_id, project_id);
CREATE INDEX campaign_task_project ON campaign_task(project_id, status, due_at);
