import { printable, UserError } from '../errors.ts';

/** One thing wrong with the schema files, pointing at where it is. */
export interface Problem {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  /** Key path inside the file, e.g. `tables.users.columns.email`; '' for syntax errors. */
  readonly path: string;
  readonly message: string;
}

/** `file:line:column: path.to.key: message` (the path part is left out when there is none). */
export function formatProblem(p: Problem): string {
  const where = `${printable(p.file, false)}:${p.line}:${p.column}`;
  return printable(p.path === '' ? `${where}: ${p.message}` : `${where}: ${printable(p.path, false)}: ${p.message}`, false);
}

/** Every problem found in the schema files; the message lists them all, one a line. */
export class YamlError extends UserError {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'YamlError';
    this.problems = problems;
  }
}

/** Orders problems by file (in the order files were read), then line and column. */
export function sortProblems(problems: readonly Problem[], files: readonly string[]): Problem[] {
  const rank = (f: string) => {
    const i = files.indexOf(f);
    return i < 0 ? files.length : i;
  };
  return [...problems].sort((a, b) => rank(a.file) - rank(b.file) || a.line - b.line || a.column - b.column);
}
