import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../model/fingerprint.ts';
import { CHECKSUM_FILE } from './names.ts';

/**
 * `pgform.sum`: one line per plan file, `<sha256 hex>  <file name>`, sorted by name (the format of
 * `sha256sum`, so `sha256sum -c pgform.sum` checks it too on LF checkouts).
 */
export type Checksums = ReadonlyMap<string, string>;

/** Line endings are normalized first: a CRLF checkout of the same plan is the same plan. */
export function fileChecksum(text: string): string {
  return sha256(text.replace(/\r\n/g, '\n'));
}

export interface ParsedChecksums {
  readonly sums: Checksums;
  /** Lines that are not `<64 hex>  <name>`, with their line numbers. */
  readonly badLines: readonly string[];
}

export function parseChecksums(text: string): ParsedChecksums {
  const sums = new Map<string, string>();
  const badLines: string[] = [];
  text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!m) badLines.push(`line ${i + 1}: ${line}`);
      else sums.set(m[2]!, m[1]!);
    });
  return { sums, badLines };
}

export function renderChecksums(sums: Checksums): string {
  return [...sums]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([file, sum]) => `${sum}  ${file}\n`)
    .join('');
}

/** Null when the folder has no checksum file yet. */
export function readChecksums(dir: string): ParsedChecksums | null {
  const file = join(dir, CHECKSUM_FILE);
  return existsSync(file) ? parseChecksums(readFileSync(file, 'utf8')) : null;
}

/** Written whole through a temporary file, so a crash never leaves half a checksum file. */
export function writeChecksums(dir: string, sums: Checksums): void {
  const file = join(dir, CHECKSUM_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, renderChecksums(sums));
  renameSync(tmp, file);
}
