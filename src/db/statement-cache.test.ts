import { describe, expect, it } from 'vitest';
import { withName } from './statement-cache.ts';

const nameOf = (c: unknown) => (c as { name?: string }).name;

describe('statement names', () => {
  it('gives the same parameterised text the same name on every connection, and different texts different names', () => {
    const a = withName(new Set(), { text: 'select * from orders where id = $1' }, ['ord_1']);
    const b = withName(new Set(), 'select * from orders where id = $1', ['ord_2']);
    const c = withName(new Set(), { text: 'select * from orders where company_id = $1' }, ['co_1']);
    expect(nameOf(a)).toMatch(/^precis_/);
    expect(nameOf(b)).toBe(nameOf(a));
    expect(nameOf(c)).not.toBe(nameOf(a));
  });

  it('leaves alone what must stay unnamed: no parameters (simple protocol, scripts), already named, cursors, many parameters', () => {
    const script = 'create table x (a int); insert into x values (1)';
    expect(withName(new Set(), script, undefined)).toBe(script);
    const named = { text: 'select $1::int', name: 'mine' };
    expect(withName(new Set(), named, [1])).toBe(named);
    const cursor = { text: 'select $1::int', submit: () => undefined };
    expect(withName(new Set(), cursor, [1])).toBe(cursor);
    const wide = { text: 'insert into t values ' + Array.from({ length: 101 }, (_, i) => `($${i + 1})`).join(', ') };
    expect(nameOf(withName(new Set(), wide, Array.from({ length: 101 }, () => 1)))).toBeUndefined();
  });

  it('names at most 400 texts per connection, then runs new texts unnamed while the known ones keep their names', () => {
    const named = new Set<string>();
    for (let i = 0; i < 400; i++) expect(nameOf(withName(named, `select $1::int + ${i}`, [1]))).toBeDefined();
    expect(nameOf(withName(named, 'select $1::int + 400', [1]))).toBeUndefined();
    expect(nameOf(withName(named, 'select $1::int + 7', [1]))).toBeDefined();
    expect(named.size).toBe(400);
  });
});
