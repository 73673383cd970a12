/**
 * Dates as vCards write them (BDAY, ANNIVERSARY, X-MS-ANNIVERSARY, X-ABDATE), read into
 * the contact's ISO form: `YYYY-MM-DD`, or `--MM-DD` when the year is unknown.
 *
 * Accepted: `1980-03-22`, `19800322`, `--0322`, `--03-22`, any of them followed by a
 * time (`T…`), and Apple's year 1604, which means "no year".
 */
const FULL = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/;
const NO_YEAR = /^--(\d{2})-?(\d{2})(?:[T ].*)?$/;
/** Apple writes this year (with X-APPLE-OMIT-YEAR) for a birthday without one. */
const APPLE_NO_YEAR = '1604';

function validDay(month: string, day: string, year?: string): boolean {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = year === undefined || (Number(year) % 4 === 0 && (Number(year) % 100 !== 0 || Number(year) % 400 === 0));
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The ISO date, or null when the text is not a date this reader knows. */
export function parseVCardDate(text: string): string | null {
  const value = text.trim();
  const full = FULL.exec(value);
  if (full) {
    const [, year, month, day] = full as unknown as [string, string, string, string];
    if (year === APPLE_NO_YEAR) return validDay(month, day) ? `--${month}-${day}` : null;
    return validDay(month, day, year) ? `${year}-${month}-${day}` : null;
  }
  const noYear = NO_YEAR.exec(value);
  if (noYear) {
    const [, month, day] = noYear as unknown as [string, string, string];
    return validDay(month, day) ? `--${month}-${day}` : null;
  }
  return null;
}
