CREATE TABLE jobs (id integer PRIMARY KEY, finished boolean NOT NULL DEFAULT false, archived boolean NOT NULL DEFAULT false);
CREATE PROCEDURE archive_finished_jobs(INOUT archived_count integer DEFAULT NULL)
  LANGUAGE plpgsql
AS $$
BEGIN
  UPDATE jobs SET archived = true WHERE finished AND NOT archived;
  GET DIAGNOSTICS archived_count = ROW_COUNT;
END
$$;
COMMENT ON PROCEDURE archive_finished_jobs(integer) IS 'Run by the nightly maintenance';
