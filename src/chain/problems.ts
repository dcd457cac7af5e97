/** Why a plans folder cannot be trusted as it is: what is wrong and how to fix it. */
export interface ChainProblem {
  readonly kind:
    | 'bad_file_name'
    | 'duplicate_number'
    | 'gap'
    | 'missing_file'
    | 'unreadable'
    | 'edited'
    | 'checksum_mismatch'
    | 'not_in_checksums'
    | 'checksum_file_lists_missing'
    | 'bad_checksum_file'
    | 'no_checksum_file'
    | 'link'
    | 'replay'
    | 'yaml_changed';
  readonly message: string;
  readonly fix: string;
}

export function renderProblems(problems: readonly ChainProblem[]): string {
  return problems.map((p) => `- ${p.message}\n  fix: ${p.fix}`).join('\n');
}
