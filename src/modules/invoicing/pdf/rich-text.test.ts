import { describe, expect, it } from 'vitest';
import { clean, fontFor, visualRuns } from './rich-text.ts';

describe('bidi runs for the PDF', () => {
  it('puts an Urdu label before its number on a right-to-left line: the number to the left, read left to right', () => {
    expect(visualRuns('انوائس نمبر INV-100042', true)).toEqual([
      { text: 'INV-100042', font: 'latin' },
      { text: ' ', font: 'latin' },
      { text: 'نمبر', font: 'arabic' },
      { text: ' ', font: 'latin' },
      { text: 'انوائس', font: 'arabic' },
    ]);
  });

  it('keeps Arabic-Indic digits in reading order although fontkit reverses Arabic-script runs', () => {
    // fontkit lays out Arabic-script text right to left, so a left-to-right number in Arabic digits is pre-reversed.
    expect(visualRuns('١٢٣', true)).toEqual([{ text: '٣٢١', font: 'arabic' }]);
  });

  it('leaves a left-to-right line alone and picks a font per script', () => {
    expect(visualRuns('Total AED 57.75', false)).toEqual([{ text: 'Total AED 57.75', font: 'latin' }]);
    expect(fontFor('ব')).toBe('bengali');
    expect(fontFor('।')).toBe('bengali');
    expect(fontFor('ی')).toBe('arabic');
    expect(clean('\u200f57.75\u00a0AED')).toBe('57.75 AED');
  });
});
