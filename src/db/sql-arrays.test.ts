import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { anyText, arrayLiteral, sqlArray, textArray } from './sql-arrays.ts';

const dialect = new PgDialect();

describe('arrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['a', 'b'], '{"a","b"}'],
    [['say "hi"', 'back\\slash', 'x,y', 'NULL'], '{"say \\"hi\\"","back\\\\slash","x,y","NULL"}'],
    [[1, 2, null], '{1,2,NULL}'],
    [[true, false], '{true,false}'],
  ])('%j → %s', (values, literal) => expect(arrayLiteral(values)).toBe(literal));
});

describe('array parameters', () => {
  it('send a whole list as one parameter with its cast, however long the list', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `id_${i}`);
    const q = dialect.sqlToQuery(sql`select 1 where ${anyText(sql`x.id`, ids)}`);
    expect(q.sql).toBe('select 1 where x.id = any($1::text[])');
    expect(q.params).toEqual([arrayLiteral(ids)]);
  });

  it('cast to the element type asked for', () => {
    const q = dialect.sqlToQuery(sql`select * from unnest(${textArray(['a'])}, ${sqlArray([3], 'int')})`);
    expect(q.sql).toBe('select * from unnest($1::text[], $2::int[])');
    expect(q.params).toEqual(['{"a"}', '{3}']);
  });
});
