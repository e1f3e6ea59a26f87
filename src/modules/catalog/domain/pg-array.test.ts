import { describe, expect, it } from 'vitest';
import { pgArrayLiteral } from './pg-array.ts';

describe('pgArrayLiteral', () => {
  it.each([
    [[], '{}'],
    [['a', 'b'], '{"a","b"}'],
    [['say "hi"', 'back\\slash', 'x,y', 'NULL'], '{"say \\"hi\\"","back\\\\slash","x,y","NULL"}'],
    [[1, 2, null], '{1,2,NULL}'],
    [[true, false], '{true,false}'],
  ])('%j → %s', (values, literal) => expect(pgArrayLiteral(values)).toBe(literal));
});
