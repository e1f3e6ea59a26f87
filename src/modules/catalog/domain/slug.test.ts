import { describe, expect, it } from 'vitest';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it.each([
    ['Claw Hammer 16oz', 'claw-hammer-16oz'],
    ['  Größe — Ünïcode!  ', 'grosse-unicode'],
    ['---', ''],
    ['a'.repeat(130), 'a'.repeat(120)],
  ])('%j → %j', (name, slug) => expect(slugify(name)).toBe(slug));
});
