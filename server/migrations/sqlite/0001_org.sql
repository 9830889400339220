-- Organisation (DOMAIN O1-O3): company -> region -> project -> zone -> building -> unit,
-- customers on units, staff and teams per project.
CREATE TABLE region (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE project (
  id INTEGER PRIMARY KEY,
  region_id BIGINT NOT NULL REFERENCES region(id),
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  time_zone TEXT NOT NULL,
  work_start_min BIGINT NOT NULL,
  work_end_min BIGINT NOT NULL,
  address TEXT NOT NULL,
  service_phone TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX project_region ON project(region_id);

CREATE TABLE zone (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE building (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  zone_id BIGINT REFERENCES zone(id),
  name TEXT NOT NULL,
  floors BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, zone_id, name)
);
CREATE INDEX building_zone ON building(zone_id);

CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  building_id BIGINT NOT NULL REFERENCES building(id),
  name TEXT NOT NULL,
  floor BIGINT NOT NULL,
  area_centi BIGINT NOT NULL,
  vacant SMALLINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (building_id, name)
);
CREATE INDEX unit_project ON unit(project_id, building_id, name);

-- Phones and ID numbers are encrypted (AES-256-GCM); phone_index is a keyed hash of the whole
-- number and phone_tail its last four digits, so a front desk can find a caller without the
-- number ever being stored in clear (DOMAIN O4).
CREATE TABLE customer (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  phone_enc TEXT NOT NULL,
  phone_index TEXT NOT NULL,
  phone_tail TEXT NOT NULL,
  id_number_enc TEXT NOT NULL,
  key_customer SMALLINT NOT NULL,
  note TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX customer_unit ON customer(unit_id);
CREATE INDEX customer_phone_index ON customer(project_id, phone_index);
CREATE INDEX customer_phone_tail ON customer(project_id, phone_tail);
CREATE INDEX customer_project_name ON customer(project_id, name);

CREATE TABLE team (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  leader_staff_id BIGINT REFERENCES staff(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, name)
);

CREATE TABLE staff (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  role TEXT NOT NULL,
  team_id BIGINT REFERENCES team(id),
  employer TEXT NOT NULL,
  active SMALLINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_project ON staff(project_id, team_id);
