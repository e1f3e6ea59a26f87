import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.ts';
import { decodeCursor, encodeCursor, toPage } from './pagination.ts';

describe('cursor pagination', () => {
  it('round-trips a sort key through an opaque cursor', () => {
    const c = encodeCursor(['Hammer', 'prd_01']);
    expect(c).not.toContain('Hammer');
    expect(decodeCursor(c)).toEqual(['Hammer', 'prd_01']);
  });

  it.each(['not-base64!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[{}]').toString('base64url')])('rejects a forged cursor %s with BAD_CURSOR', (bad) => {
    expect(() => decodeCursor(bad)).toThrow(AppError);
    try {
      decodeCursor(bad);
    } catch (e) {
      expect((e as AppError).code).toBe('BAD_CURSOR');
      expect((e as AppError).field).toBe('cursor');
    }
  });

  it('uses the extra row only to know a next page exists', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(toPage(rows, 2, (r) => [r.id])).toEqual({ items: [{ id: 'a' }, { id: 'b' }], nextCursor: encodeCursor(['b']) });
    expect(toPage(rows, 3, (r) => [r.id]).nextCursor).toBeNull();
  });
});
