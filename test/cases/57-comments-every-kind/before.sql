CREATE EXTENSION citext;
CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS 'BI views';

CREATE TYPE mood AS ENUM ('happy', 'sad');
COMMENT ON TYPE mood IS 'How it went';

CREATE SEQUENCE report_no;
COMMENT ON SEQUENCE report_no IS 'Report numbers';

CREATE TABLE reporting.reports (
  id     integer PRIMARY KEY,
  title  citext NOT NULL,
  mood   mood,
  CONSTRAINT reports_title_check CHECK (title <> '')
);
COMMENT ON TABLE reporting.reports IS 'Monthly reports';
COMMENT ON COLUMN reporting.reports.title IS 'Shown in the list';

CREATE INDEX reports_title_idx ON reporting.reports (title);

INSERT INTO reporting.reports VALUES (1, 'January', 'happy');
