CREATE EXTENSION citext;
COMMENT ON EXTENSION citext IS 'Case-insensitive text for titles';
CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'Business intelligence';

CREATE TYPE mood AS ENUM ('happy', 'sad');

CREATE SEQUENCE report_no;
COMMENT ON SEQUENCE report_no IS 'Report numbers, one per month';

CREATE TABLE reporting.reports (
  id     integer PRIMARY KEY,
  title  citext NOT NULL,
  mood   mood,
  CONSTRAINT reports_title_check CHECK (title <> '')
);
COMMENT ON TABLE reporting.reports IS 'Monthly reports';
COMMENT ON COLUMN reporting.reports.id IS 'Report number';
COMMENT ON CONSTRAINT reports_pkey ON reporting.reports IS 'One row per report';
COMMENT ON CONSTRAINT reports_title_check ON reporting.reports IS 'Titles are never empty';

CREATE INDEX reports_title_idx ON reporting.reports (title);
COMMENT ON INDEX reporting.reports_title_idx IS 'Search by title';
