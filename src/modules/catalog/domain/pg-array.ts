/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for passing a whole list as one text parameter
 * (`$1::text[]`), which both drivers accept unchanged — unlike JS arrays, whose encoding differs.
 */
export function pgArrayLiteral(values: readonly (string | number | boolean | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return 'NULL';
    if (typeof v === 'number' || typeof v === 'boolean') return String(v);
    return `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  });
  return `{${items.join(',')}}`;
}
