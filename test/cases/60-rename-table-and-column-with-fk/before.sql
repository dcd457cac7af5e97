CREATE TABLE clients (
  id    integer GENERATED ALWAYS AS IDENTITY,
  name  text NOT NULL,
  CONSTRAINT client_pk PRIMARY KEY (id)
);

CREATE TABLE invoices (
  id         integer GENERATED ALWAYS AS IDENTITY,
  client_id  integer NOT NULL,
  amount     numeric(10,2) NOT NULL,
  CONSTRAINT invoice_pk PRIMARY KEY (id),
  CONSTRAINT invoice_client_fk FOREIGN KEY (client_id) REFERENCES clients (id)
);

INSERT INTO clients (name) VALUES ('Acme'), ('Globex');
INSERT INTO invoices (client_id, amount) VALUES (1, 10.00), (2, 20.00), (1, 30.00);
