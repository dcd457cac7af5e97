CREATE TABLE customers (
  id    integer GENERATED ALWAYS AS IDENTITY,
  name  text NOT NULL,
  CONSTRAINT client_pk PRIMARY KEY (id)
);

CREATE TABLE invoices (
  id           integer GENERATED ALWAYS AS IDENTITY,
  customer_id  integer NOT NULL,
  amount       numeric(10,2) NOT NULL,
  CONSTRAINT invoice_pk PRIMARY KEY (id),
  CONSTRAINT invoice_client_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
);
