import { versionSuite } from './support.ts';

// PostgreSQL 17 and 18 (pg14-pg16.test.ts has the others: the two test workers share them).
versionSuite(17);
versionSuite(18);
