/** A run's failures as CSV (RFC 4180), for the Summary's download: one row per failure. */
import type { RunFailure } from '../../tracking/index.js';

const cell = (value: string | null): string => {
  const text = value ?? '';
  // A leading =, +, - or @ would be a formula in a spreadsheet: quoted with a ' first.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function failuresCsv(failures: readonly RunFailure[]): string {
  const rows = [['id', 'name', 'folder', 'reason'], ...failures.map((f) => [f.id, f.name, f.folder, f.reason])];
  return `\ufeff${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
