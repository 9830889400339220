-- Photos of work orders (DOMAIN W1-W5: at registration and at completion) and the deliveries of
-- notifications to a company's webhook (W4).

-- One uploaded photo. The bytes live in the data directory at `path` (relative to it).
CREATE TABLE wo_photo (
  id INTEGER PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES project(id),
  order_id BIGINT NOT NULL REFERENCES work_order(id),
  stage TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  uploaded_by BIGINT REFERENCES app_user(id),
  uploaded_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX wo_photo_order ON wo_photo(order_id, stage, id);

-- A notification waiting to be POSTed to the webhook, or the outcome of doing so.
CREATE TABLE webhook_delivery (
  id INTEGER PRIMARY KEY,
  notification_id BIGINT NOT NULL REFERENCES notification(id),
  url TEXT NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  status TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  delivered_at BIGINT
);
CREATE INDEX webhook_delivery_due ON webhook_delivery(status, next_attempt_at, id);
