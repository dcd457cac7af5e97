import { loadSqlParser } from '../../src/sql/parser.ts';

// Loading schema files parses their SQL fragments: the parser is loaded once per test file.
await loadSqlParser();
