CREATE SEQUENCE invoice_number AS bigint
  INCREMENT BY 10 MINVALUE 1000 MAXVALUE 99999999 START WITH 1000 CACHE 20 NO CYCLE;

CREATE SEQUENCE month_ring AS smallint
  MINVALUE 1 MAXVALUE 12 CYCLE;

CREATE TABLE invoices (
  id      integer PRIMARY KEY,
  number  bigint DEFAULT nextval('invoice_number')
);
