-- Inspections (DOMAIN I1-I5): rubrics with sections and items (versioned), schemes that weigh
-- rubrics, inspections with their deductions and fixed results, rewards and penalties per person,
-- rectifications. Points are integer hundredths (*_centi), weights basis points (*_bp), money
-- integer yuan. Rubrics, schemes and the company's grade and reward settings are company-wide;
-- every operational table carries project_id.

-- A rubric version: editing a version that an inspection used makes a new version of the code.
CREATE TABLE rubric (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL,
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  source TEXT NOT NULL,
  max_centi BIGINT NOT NULL,
  built_in SMALLINT NOT NULL,
  latest SMALLINT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (code, version)
);

CREATE TABLE rubric_section (
  id INTEGER PRIMARY KEY,
  rubric_id BIGINT NOT NULL REFERENCES rubric(id),
  position BIGINT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (rubric_id, position)
);

CREATE TABLE rubric_item (
  id INTEGER PRIMARY KEY,
  rubric_id BIGINT NOT NULL REFERENCES rubric(id),
  section_id BIGINT NOT NULL REFERENCES rubric_section(id),
  position BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  standard TEXT NOT NULL,
  max_centi BIGINT NOT NULL,
  check_points BIGINT NOT NULL,
  rule TEXT NOT NULL,
  min_centi BIGINT NOT NULL,
  max_deduct_centi BIGINT NOT NULL,
  fixed_centi BIGINT NOT NULL,
  UNIQUE (rubric_id, code)
);
CREATE INDEX rubric_item_section ON rubric_item(section_id, position);

-- A scheme names rubrics by code: an inspection takes the latest version of each when it is
-- created and keeps it.
CREATE TABLE inspection_scheme (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  active SMALLINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE inspection_scheme_rubric (
  scheme_id BIGINT NOT NULL REFERENCES inspection_scheme(id),
  position BIGINT NOT NULL,
  rubric_code TEXT NOT NULL,
  weight_bp BIGINT NOT NULL,
  PRIMARY KEY (scheme_id, rubric_code)
);

-- The company's grade boundaries and recurrence window (one row).
CREATE TABLE inspection_setting (
  id BIGINT PRIMARY KEY,
  fail_below_centi BIGINT NOT NULL,
  excellent_above_centi BIGINT NOT NULL,
  bonus_from_centi BIGINT NOT NULL,
  recurrence_days BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO inspection_setting (id, fail_below_centi, excellent_above_centi, bonus_from_centi,
  recurrence_days, updated_at) VALUES (1, 8000, 9000, 9600, 90, 0);

-- Rewards and penalties per outcome (fail, good, excellent, bonus) and position (seed 001).
CREATE TABLE inspection_reward_rule (
  outcome TEXT NOT NULL,
  position TEXT NOT NULL,
  amount_yuan BIGINT NOT NULL,
  PRIMARY KEY (outcome, position)
);
INSERT INTO inspection_reward_rule (outcome, position, amount_yuan) VALUES
  ('fail', 'project_manager', -500),
  ('fail', 'deputy_manager', -400),
  ('fail', 'department_head', -300),
  ('fail', 'team_leader', -100),
  ('excellent', 'project_manager', 1000),
  ('excellent', 'deputy_manager', 800),
  ('excellent', 'department_head', 600),
  ('bonus', 'team', 3000);

CREATE TABLE inspection (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  scheme_id BIGINT NOT NULL REFERENCES inspection_scheme(id),
  kind TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target_id BIGINT NOT NULL,
  target_name TEXT NOT NULL,
  method TEXT NOT NULL,
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  score_centi BIGINT,
  grade TEXT,
  bonus SMALLINT NOT NULL,
  created_by BIGINT,
  submitted_by BIGINT,
  submitted_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX inspection_project_day ON inspection(project_id, day);
CREATE INDEX inspection_target ON inspection(target_kind, target_id, day);

CREATE TABLE inspection_inspector (
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (inspection_id, user_id)
);
CREATE INDEX inspection_inspector_user ON inspection_inspector(user_id);

-- The rubric versions an inspection uses, their weights, and their scores once submitted.
CREATE TABLE inspection_rubric (
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  position BIGINT NOT NULL,
  rubric_id BIGINT NOT NULL REFERENCES rubric(id),
  weight_bp BIGINT NOT NULL,
  raw_centi BIGINT,
  score_centi BIGINT,
  PRIMARY KEY (inspection_id, rubric_id)
);

-- One row per item found wanting: what was recorded and what it takes off.
CREATE TABLE inspection_deduction (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  item_id BIGINT NOT NULL REFERENCES rubric_item(id),
  amounts TEXT NOT NULL,
  occurrences BIGINT NOT NULL,
  failed SMALLINT NOT NULL,
  deduct_centi BIGINT NOT NULL,
  note TEXT NOT NULL,
  recurring SMALLINT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (inspection_id, item_id)
);
CREATE INDEX inspection_deduction_item ON inspection_deduction(item_id);

-- The amounts a submitted inspection earns each person (fixed at submission).
CREATE TABLE inspection_payment (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  staff_id BIGINT REFERENCES staff(id),
  name TEXT NOT NULL,
  position TEXT NOT NULL,
  outcome TEXT NOT NULL,
  amount_yuan BIGINT NOT NULL
);
CREATE INDEX inspection_payment_inspection ON inspection_payment(inspection_id);

-- 整改: a deduction to put right, by a responsible person before a deadline, then verified.
CREATE TABLE rectification (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  inspection_id BIGINT NOT NULL REFERENCES inspection(id),
  deduction_id BIGINT NOT NULL UNIQUE REFERENCES inspection_deduction(id),
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
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX rectification_project_status ON rectification(project_id, status, due_at);
