CREATE TABLE page_views (id bigint PRIMARY KEY, path text NOT NULL, viewed_at timestamptz NOT NULL DEFAULT now());
INSERT INTO page_views (id, path) VALUES (1, '/'), (2, '/'), (3, '/about');
