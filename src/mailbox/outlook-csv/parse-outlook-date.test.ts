import { describe, expect, it } from 'vitest';
import { parseCsvDate } from './parse-outlook-date.js';

describe('parseCsvDate', () => {
  it.each([
    ['Outlook English month/day/year', '4/15/1980', 'MDY', '1980-04-15'],
    ['Outlook English with a time', '4/15/1980 0:00:00', 'MDY', '1980-04-15'],
    ['an ambiguous English date reads month first', '4/5/1980', 'MDY', '1980-04-05'],
    ['an ambiguous French date reads day first', '4/5/1980', 'DMY', '1980-05-04'],
    ['French day/month/year', '15/04/1980', 'DMY', '1980-04-15'],
    ['German dots', '15.04.1980', 'DMY', '1980-04-15'],
    ['Dutch dashes', '15-04-1980', 'DMY', '1980-04-15'],
    ['a two-digit year 80 is 1980', '15.04.80', 'DMY', '1980-04-15'],
    ['a two-digit year 05 is 2005', '1/2/05', 'MDY', '2005-01-02'],
    ['a day/month order that cannot be is swapped', '4/15/1980', 'DMY', '1980-04-15'],
    ['ISO in any language', '1975-12-12', 'DMY', '1975-12-12'],
    ['Google without a year', '--12-12', 'ISO', '--12-12'],
    ['29 February of a leap year', '2/29/2000', 'MDY', '2000-02-29'],
  ] as const)('%s: %s', (_name, text, order, expected) => {
    expect(parseCsvDate(text, order)).toBe(expected);
  });

  it.each([['0/0/00'], ['00.00.0000'], [''], ['   ']])('"%s" means no date', (text) => {
    expect(parseCsvDate(text, 'MDY')).toBe('');
  });

  it.each([['soon'], ['13/13/1980'], ['2/30/1980'], ['2/29/1900'], ['1980'], ['4/15']])('"%s" is not a date', (text) => {
    expect(parseCsvDate(text, 'MDY')).toBeNull();
  });
});
