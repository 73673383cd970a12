/**
 * A plain aligned text table for the terminal: a header, a rule, one line per row.
 * Cells wider than `maxWidth` columns end in `…`; `--json` is there for the rest.
 */
import stringWidth from 'string-width';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

export function renderTable<T>(rows: readonly T[], columns: readonly Column<T>[], maxWidth = 40): string {
  const cells = rows.map((row) => columns.map((column) => fit(String(column.value(row) ?? ''), maxWidth)));
  const widths = columns.map((column, i) => Math.max(width(column.header), ...cells.map((line) => width(line[i]!))));
  const format = (line: readonly string[]) =>
    line
      .map((cell, i) => (columns[i]!.align === 'right' ? pad(cell, widths[i]!, true) : pad(cell, widths[i]!, false)))
      .join('  ')
      .trimEnd();
  return [
    format(columns.map((c) => c.header)),
    format(widths.map((w) => '─'.repeat(w))),
    ...cells.map(format),
  ].join('\n');
}

/**
 * One row of a table whose column widths are fixed in advance, for output that is
 * streamed row by row (the widths cannot be measured first).
 */
export function renderFixedRow(cells: readonly (string | number | null | undefined)[], widths: readonly number[]): string {
  return cells
    .map((cell, i) => {
      const text = fit(String(cell ?? ''), widths[i] ?? 40);
      return i === cells.length - 1 ? text : pad(text, widths[i] ?? 40, false);
    })
    .join('  ')
    .trimEnd();
}

/** Columns a text takes in a terminal: colour escapes none, CJK and emoji two (string-width). */
const width = (text: string) => stringWidth(text);

/** The text on one line, cut to at most `max` columns with `…` at the end. */
function fit(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  if (width(flat) <= max) return flat;
  let cut = '';
  for (const { segment } of graphemes.segment(flat)) {
    if (width(cut + segment) > max - 1) break;
    cut += segment;
  }
  return `${cut}…`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}
