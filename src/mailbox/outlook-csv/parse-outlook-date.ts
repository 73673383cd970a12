/**
 * Dates as address-book CSVs write them, read into the contact's ISO form
 * (`YYYY-MM-DD`, or `--MM-DD` without a year).
 *
 * - Empty, and Outlook's "no date" `0/0/00` (any all-zero date), mean no date.
 * - `YYYY-MM-DD` (Google), `--MM-DD`, and `YYYY/MM/DD` are read whatever the language.
 * - Otherwise three numbers separated by `/`, `.` or `-`, day and month in the order of
 *   the header's language: `MDY` for English Outlook (`4/15/1980`), `DMY` for the others
 *   (`15/04/1980`, `15.04.1980`). When that order gives no real date but the other one
 *   does (`4/15/1980` in a French file), the other one is taken: 15 cannot be a month.
 *   A date that fits both orders (`4/5/1980`) is read in the language's order.
 * - A two-digit year is read as Windows does: 00–29 → 2000–2029, 30–99 → 1930–1999.
 * - A time after the date (`4/15/1980 0:00:00`) is ignored.
 *
 * ### Examples
 * ```ts
 * parseCsvDate('4/15/1980', 'MDY')  // '1980-04-15'
 * parseCsvDate('15.04.80', 'DMY')   // '1980-04-15'
 * parseCsvDate('0/0/00', 'MDY')     // ''   (no date)
 * parseCsvDate('soon', 'MDY')       // null (not a date: the caller warns)
 * ```
 */
import type { DateOrder } from './csv-header-tables.js';

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const NO_YEAR = /^--(\d{2})-?(\d{2})$/;
const THREE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$/;
const ALL_ZERO = /^[0\s/.:-]+$/;

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export function isRealDay(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** `YYYY-MM-DD`, or `--MM-DD` when `year` is null; null when there is no such day. */
export function isoDate(year: number | null, month: number, day: number): string | null {
  if (!isRealDay(year, month, day)) return null;
  if (year === null) return `--${pad(month)}-${pad(day)}`;
  if (year < 1 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The ISO date; `''` for "no date"; null when the text is not a date this reader knows. */
export function parseCsvDate(text: string, order: DateOrder): string | null {
  let value = text.trim();
  if (value === '' || ALL_ZERO.test(value)) return '';
  const space = value.search(/[\sT]/);
  if (space > 0) value = value.slice(0, space);
  const iso = ISO.exec(value);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const noYear = NO_YEAR.exec(value);
  if (noYear) return isoDate(null, Number(noYear[1]), Number(noYear[2]));
  const three = THREE.exec(value);
  if (!three) return null;
  const a = Number(three[1]);
  const b = Number(three[3]);
  const yearText = three[4]!;
  let year = Number(yearText);
  if (yearText.length === 2) year += year < 30 ? 2000 : 1900;
  const [month, day] = order === 'DMY' ? [b, a] : [a, b];
  return isoDate(year, month, day) ?? isoDate(year, day, month);
}
