DO $$ BEGIN CREATE ROLE c97_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;

CREATE TABLE events (id integer PRIMARY KEY, kind text NOT NULL, at timestamptz NOT NULL DEFAULT now());
CREATE VIEW recent_events AS SELECT id, kind FROM events WHERE at > now() - interval '1 day';
CREATE MATERIALIZED VIEW event_kinds AS SELECT kind, count(*) AS n FROM events GROUP BY kind;
CREATE FUNCTION stamp_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.at := now(); RETURN NEW; END $$;
CREATE PROCEDURE prune_events(keep interval) LANGUAGE sql AS $$ DELETE FROM events WHERE at < now() - keep $$;
CREATE TRIGGER events_stamp BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION stamp_event();
GRANT SELECT ON events TO c97_app;
CREATE POLICY events_read ON events FOR SELECT TO c97_app USING (kind <> 'secret');
ALTER TABLE events ENABLE ROW LEVEL SECURITY;

COMMENT ON VIEW recent_events IS 'Events of the last day';
COMMENT ON COLUMN recent_events.kind IS 'What happened';
COMMENT ON MATERIALIZED VIEW event_kinds IS 'Counts per kind';
COMMENT ON FUNCTION stamp_event() IS 'Sets the event time';
COMMENT ON PROCEDURE prune_events(interval) IS 'Deletes old events';
COMMENT ON TRIGGER events_stamp ON events IS 'Server time, not client time';
COMMENT ON POLICY events_read ON events IS 'Secret events stay hidden';
