CREATE TABLE parcels (id integer PRIMARY KEY, label text NOT NULL, weight numeric(8,2) NOT NULL);
INSERT INTO parcels VALUES (1, 'books', 2.50), (2, 'lamp', 1.00);
