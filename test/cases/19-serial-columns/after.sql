CREATE TABLE events (
  id       bigserial PRIMARY KEY,
  seq_no   serial NOT NULL,
  shard    smallserial,
  payload  jsonb NOT NULL DEFAULT '{}'
);
