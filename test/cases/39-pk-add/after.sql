CREATE TABLE audit_entries (
  id           bigint NOT NULL PRIMARY KEY,
  happened_at  timestamptz NOT NULL,
  message      text
);
