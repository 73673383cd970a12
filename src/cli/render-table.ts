/**
 * A plain aligned text table for the terminal: a header, a rule, one line per row.
 * Cells longer than `maxWidth` characters end in `…`; `--json` is there for the rest.
 */
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

/** Characters shown: colour escapes take no room. */
const width = (text: string) => [...text.replace(/\u001b\[[0-9;]*m/g, '')].length;

function fit(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}
