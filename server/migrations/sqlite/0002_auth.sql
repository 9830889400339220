-- Accounts and sessions. Roles and their permissions are defined in code (modules/auth/roles.cpp).
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  region_id BIGINT REFERENCES region(id),
  staff_id BIGINT REFERENCES staff(id),
  customer_id BIGINT REFERENCES customer(id),
  active SMALLINT NOT NULL,
  password_changed_at BIGINT NOT NULL,
  last_login_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE user_project (
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  project_id BIGINT NOT NULL REFERENCES project(id),
  PRIMARY KEY (user_id, project_id)
);
CREATE INDEX user_project_project ON user_project(project_id);

-- Only a SHA-256 of each token is stored: a stolen database yields no usable session.
CREATE TABLE auth_session (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT,
  address TEXT NOT NULL
);
CREATE INDEX auth_session_user ON auth_session(user_id);
