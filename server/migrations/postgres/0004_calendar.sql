-- The working-day calendar (DOMAIN W4): the days that differ from "Monday to Friday work,
-- Saturday and Sunday rest". working = 0 marks a weekday off (a public holiday), working = 1 a
-- weekend day worked (a make-up working day, 调休上班). Weekends off and weekdays worked are
-- never stored.
-- Company-wide on purpose: the official calendar of mainland China is the same for every
-- project, so this table deliberately has no project_id (an exception to the rule that every
-- operational table carries one). Each project's working hours live on project.
CREATE TABLE calendar_day (
  day TEXT PRIMARY KEY,
  working SMALLINT NOT NULL CHECK (working IN (0, 1)),
  note TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
-- 2025, from the State Council notice on the 2025 public holidays.
INSERT INTO calendar_day (day, working, note, updated_at) VALUES
  ('2025-01-01', 0, '元旦', 0),
  ('2025-01-26', 1, '调休上班', 0),
  ('2025-01-28', 0, '春节', 0),
  ('2025-01-29', 0, '春节', 0),
  ('2025-01-30', 0, '春节', 0),
  ('2025-01-31', 0, '春节', 0),
  ('2025-02-03', 0, '春节', 0),
  ('2025-02-04', 0, '春节', 0),
  ('2025-02-08', 1, '调休上班', 0),
  ('2025-04-04', 0, '清明节', 0),
  ('2025-04-27', 1, '调休上班', 0),
  ('2025-05-01', 0, '劳动节', 0),
  ('2025-05-02', 0, '劳动节', 0),
  ('2025-05-05', 0, '劳动节', 0),
  ('2025-06-02', 0, '端午节', 0),
  ('2025-09-28', 1, '调休上班', 0),
  ('2025-10-01', 0, '国庆节、中秋节', 0),
  ('2025-10-02', 0, '国庆节、中秋节', 0),
  ('2025-10-03', 0, '国庆节、中秋节', 0),
  ('2025-10-06', 0, '国庆节、中秋节', 0),
  ('2025-10-07', 0, '国庆节、中秋节', 0),
  ('2025-10-08', 0, '国庆节、中秋节', 0),
  ('2025-10-11', 1, '调休上班', 0);
-- 2026, from the State Council notice on the 2026 public holidays.
INSERT INTO calendar_day (day, working, note, updated_at) VALUES
  ('2026-01-01', 0, '元旦', 0),
  ('2026-01-02', 0, '元旦', 0),
  ('2026-01-04', 1, '调休上班', 0),
  ('2026-02-14', 1, '调休上班', 0),
  ('2026-02-16', 0, '春节', 0),
  ('2026-02-17', 0, '春节', 0),
  ('2026-02-18', 0, '春节', 0),
  ('2026-02-19', 0, '春节', 0),
  ('2026-02-20', 0, '春节', 0),
  ('2026-02-23', 0, '春节', 0),
  ('2026-02-28', 1, '调休上班', 0),
  ('2026-04-06', 0, '清明节', 0),
  ('2026-05-01', 0, '劳动节', 0),
  ('2026-05-04', 0, '劳动节', 0),
  ('2026-05-05', 0, '劳动节', 0),
  ('2026-05-09', 1, '调休上班', 0),
  ('2026-06-19', 0, '端午节', 0),
  ('2026-09-20', 1, '调休上班', 0),
  ('2026-09-25', 0, '中秋节', 0),
  ('2026-10-01', 0, '国庆节', 0),
  ('2026-10-02', 0, '国庆节', 0),
  ('2026-10-05', 0, '国庆节', 0),
  ('2026-10-06', 0, '国庆节', 0),
  ('2026-10-07', 0, '国庆节', 0),
  ('2026-10-10', 1, '调休上班', 0);
