CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount integer NOT NULL);
CREATE MATERIALIZED VIEW region_sales AS SELECT region, sum(amount) AS total, count(*) AS sales FROM sales GROUP BY region;
CREATE UNIQUE INDEX region_sales_region_idx ON region_sales (region);
