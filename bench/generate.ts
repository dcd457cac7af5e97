/**
 * Synthetic schemas for benchmarks: N tables of 10 columns, 2 indexes and 1 foreign key each
 * (table i references table i-1), written as pgform YAML.
 */
/** `changedEvery`: every that many tables gain a column; with `checks`, also a check (added NOT VALID, then validated). */
export function syntheticSchema(n: number, changedEvery = 0, checks = false): string {
  const lines = ['tables:'];
  for (let i = 0; i < n; i++) {
    const t = `t${String(i).padStart(5, '0')}`;
    lines.push(`  ${t}:`, '    columns:');
    lines.push('      id: { type: bigint, identity: by_default, primary_key: true }');
    if (i > 0) lines.push(`      parent_id: { type: bigint, references: { table: t${String(i - 1).padStart(5, '0')}, on_delete: cascade } }`);
    else lines.push('      parent_id: bigint');
    lines.push(
      '      name: { type: varchar(200), not_null: true }',
      "      status: { type: text, not_null: true, default: \"'new'\" }",
      '      amount: numeric(12,2)',
      '      payload: jsonb',
      '      tags: "text[]"',
      '      created_at: { type: timestamptz, not_null: true, default: now() }',
      '      updated_at: timestamptz',
      '      flag: { type: boolean, not_null: true, default: "false" }',
    );
    if (changedEvery > 0 && i % changedEvery === 0) {
      lines.push('      note: text');
      if (checks) lines.push('    checks:', `      ${t}_amount_check: amount >= 0`);
    }
    lines.push('    indexes:', `      ${t}_name_idx: { columns: [name] }`, `      ${t}_created_idx: { columns: ["created_at DESC"] }`);
  }
  return lines.join('\n') + '\n';
}
