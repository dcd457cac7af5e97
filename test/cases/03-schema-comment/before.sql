CREATE SCHEMA sales;
CREATE SCHEMA crm;
COMMENT ON SCHEMA sales IS 'Orders and invoices';
COMMENT ON SCHEMA crm IS 'Customer records';
