CREATE TABLE shipments (id integer PRIMARY KEY, total_weight integer NOT NULL DEFAULT 0);
CREATE TABLE shipment_items (id integer PRIMARY KEY, shipment_id integer NOT NULL REFERENCES shipments (id), weight integer NOT NULL);
