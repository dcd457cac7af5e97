/**
 * PostgreSQL's own parser (libpg-query compiled to WebAssembly), loaded on first use: commands
 * that never read schema files do not pay for it.
 */

/** A node of the parse tree: `{ NodeType: { field: value } }`, as libpg-query returns it. */
export type ParseNode = Readonly<Record<string, unknown>>;

export interface ParsedSql {
  /** The top-level statements, each as its node (`{ SelectStmt: {...} }`). */
  readonly statements: readonly ParseNode[];
}

export interface SqlSyntaxError {
  readonly message: string;
  /** 0-based offset into the parsed text, when PostgreSQL gives one. */
  readonly position: number | null;
}

/** Parses SQL text; never runs anything. */
export type SqlParse = (sql: string) => ParsedSql | SqlSyntaxError;

/** One token of PostgreSQL's scanner: its text and kind (`SQL_COMMENT`, `ASCII_59` for `;`, `SCONST`...). */
export interface SqlToken {
  readonly text: string;
  readonly kind: string;
}

export interface SqlParser {
  readonly parse: SqlParse;
  /** The tokens, comments included; null when the text does not scan (an unterminated string). */
  readonly scan: (sql: string) => readonly SqlToken[] | null;
}

let loaded: SqlParser | null = null;
let loading: Promise<SqlParser> | null = null;

/** Loads the parser once per process. */
export function loadSqlParser(): Promise<SqlParser> {
  if (loaded !== null) return Promise.resolve(loaded);
  loading ??= (async () => {
    const lib = await import('libpg-query');
    await lib.loadModule();
    const parse: SqlParse = (sql) => {
      try {
        const result = lib.parseSync(sql) as { stmts?: { stmt: ParseNode }[] };
        return { statements: (result.stmts ?? []).map((s) => s.stmt) };
      } catch (e) {
        const details = (e as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
        const position = details?.cursorPosition;
        return { message: (e as Error).message, position: typeof position === 'number' && position >= 0 ? position : null };
      }
    };
    const scan = (sql: string): readonly SqlToken[] | null => {
      try {
        return lib.scanSync(sql).tokens.map((t) => ({ text: t.text, kind: t.tokenName }));
      } catch {
        return null;
      }
    };
    loaded = { parse, scan };
    return loaded;
  })();
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** The parser, which `loadSqlParser` must have loaded: checking SQL never silently does nothing. */
export function sqlParser(): SqlParser {
  if (loaded === null) throw new Error('internal: the SQL parser is not loaded (await loadSqlParser() first)');
  return loaded;
}

export function isSyntaxError(r: ParsedSql | SqlSyntaxError): r is SqlSyntaxError {
  return 'message' in r;
}
