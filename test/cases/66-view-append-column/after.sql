CREATE TABLE members (id integer PRIMARY KEY, email text NOT NULL, joined date NOT NULL DEFAULT current_date, banned boolean NOT NULL DEFAULT false);
CREATE VIEW member_list AS SELECT id, email, joined FROM members WHERE NOT banned;
CREATE VIEW member_count AS SELECT count(*) AS n FROM member_list;
