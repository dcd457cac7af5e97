import { versionSuite } from './support.ts';

// PostgreSQL 14 and 16 (pg17-pg18.test.ts has the others: the two test workers share them).
versionSuite(14);
versionSuite(16);
