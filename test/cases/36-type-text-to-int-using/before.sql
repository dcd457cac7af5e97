CREATE TABLE inventory (
  id        integer PRIMARY KEY,
  sku       text NOT NULL,
  quantity  text NOT NULL
);

INSERT INTO inventory VALUES (1, 'BOLT-1', ' 12'), (2, 'NUT-7', '7 '), (3, 'GEAR-2', '0');
