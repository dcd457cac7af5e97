CREATE TABLE shipments (
  id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  carrier     text NOT NULL
);

INSERT INTO shipments (carrier) VALUES ('DHL'), ('UPS');
