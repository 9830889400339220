-- Patrols, third part: alarms as rectifications, and when a plan starts to be due.

-- An alarm becomes a rectification (DOMAIN P4), beside the not-ok item of a check (0014). An
-- alarm-born rectification is a patrol rectification like the item's: the check and the result
-- are those of the reading that raised the alarm, with its checkpoint, so 0014's CHECK holds as
-- it is; patrol_alarm_id says it came from the alarm, at most once per alarm.
ALTER TABLE rectification ADD COLUMN patrol_alarm_id BIGINT REFERENCES patrol_alarm(id);
CREATE UNIQUE INDEX rectification_patrol_alarm ON rectification(patrol_alarm_id);

-- A plan is due from when it starts (docs/patrols.md, "When a plan starts"): its creation, or
-- local midnight of the day it is given to start on. Plans made before keep their creation.
ALTER TABLE patrol_plan ADD COLUMN starts_at BIGINT NOT NULL DEFAULT 0;
UPDATE patrol_plan SET starts_at = created_at;
ALTER TABLE patrol_plan ALTER COLUMN starts_at DROP DEFAULT;
