import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_FILE } from '../config/project.ts';
import { note } from './context.ts';


const PROJECT_TEMPLATE = `# pgform project settings; paths are relative to this file.
schema_dir: schema
# database_url: \${DATABASE_URL}     # default: DATABASE_URL, else the embedded database .pgform/db
# managed_schemas: [public]          # default: the schemas the YAML declares or uses, plus public
# lock_timeout: 5s
# statement_timeout: 1h
`;

const SCHEMA_TEMPLATE = `# The desired database: any number of .yaml files in this folder (see the README's YAML reference).
tables: {}
`;

/** The line `.gitignore` needs: `.pgform/` holds the embedded database and caches, never committed. */
const IGNORED = '.pgform/';

export async function initCommand(dir: string | undefined): Promise<number> {
  const root = resolve(process.cwd(), dir ?? '.');
  mkdirSync(root, { recursive: true });
  const made: string[] = [];
  const writeNew = (path: string, text: string): void => {
    if (existsSync(path)) return;
    writeFileSync(path, text);
    made.push(path);
  };
  writeNew(join(root, PROJECT_FILE), PROJECT_TEMPLATE);
  for (const sub of ['schema', 'plans']) {
    if (!existsSync(join(root, sub))) {
      mkdirSync(join(root, sub));
      made.push(`${join(root, sub)}/`);
    }
  }
  writeNew(join(root, 'schema', 'schema.yaml'), SCHEMA_TEMPLATE);
  const gitignore = join(root, '.gitignore');
  if (!existsSync(gitignore)) writeNew(gitignore, `${IGNORED}\n`);
  else {
    const text = readFileSync(gitignore, 'utf8');
    const lines = text.split(/\r?\n/).map((l) => l.trim());
    if (!lines.some((l) => l === IGNORED || l === '.pgform' || l === '/.pgform/' || l === '/.pgform')) {
      appendFileSync(gitignore, `${text.length > 0 && !text.endsWith('\n') ? '\n' : ''}${IGNORED}\n`);
      made.push(`${gitignore} (added ${IGNORED})`);
    }
  }
  note(made.length === 0 ? `${root} is already a pgform project: nothing to do` : `created ${made.join(', ')}`);
  note('next: describe tables in schema/*.yaml, then pgform plan');
  return 0;
}
