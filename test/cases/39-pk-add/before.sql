CREATE TABLE audit_entries (
  id           bigint NOT NULL,
  happened_at  timestamptz NOT NULL,
  message      text
);

INSERT INTO audit_entries VALUES (1, '2024-01-01 00:00:00+00', 'login'), (2, '2024-01-02 00:00:00+00', 'logout');
