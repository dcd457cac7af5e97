CREATE TABLE tickets (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title  text NOT NULL
);

INSERT INTO tickets (title) VALUES ('Printer on fire'), ('Password reset');
