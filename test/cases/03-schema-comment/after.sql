CREATE SCHEMA sales;
CREATE SCHEMA crm;
COMMENT ON SCHEMA sales IS 'Orders, invoices and refunds';
