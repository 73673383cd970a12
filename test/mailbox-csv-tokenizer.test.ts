/**
 * The CSV tokenizer (`tokenize-csv.ts`) against csv-parse, which it replaced on the read
 * path and which stays here as the oracle, with the options the connector gave it:
 *
 * - random tables (values with quotes, commas, semicolons, tabs, CR, LF, non-ASCII,
 *   empty values; rows of any width) written as CSV with any delimiter and line end give
 *   back the table, the same rows as csv-parse, and each row's first physical line;
 * - random text over the characters that matter to CSV (quotes, delimiters, CR, LF, NUL…)
 *   gives the same rows as csv-parse, with an `unclosed` record exactly where csv-parse
 *   reports a quote never closed, however the text is cut into chunks;
 * - with a small row cap, rows over it come out as `overlong` and the rows around them
 *   are still csv-parse's;
 * - random byte damage to generated Outlook files, decoded as the connector decodes
 *   them, never makes the decoder or tokenizer throw or loop, and still matches
 *   csv-parse.
 */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { headerLine, rowLine } from '../bench/generate-outlook-csv.js';
import { CsvDecoder } from '../src/mailbox/outlook-csv/csv-decoder.js';
import { detectEncoding } from '../src/mailbox/outlook-csv/detect-encoding.js';
import { CsvTokenizer, type CsvRecordKind } from '../src/mailbox/outlook-csv/tokenize-csv.js';

type Delimiter = ',' | ';' | '\t';
type Token = { kind: CsvRecordKind; fields: string[]; line: number };

/** csv-parse with the options the connector used: its rows, and whether it reported a quote never closed. */
function oracle(text: string, delimiter: Delimiter): { rows: string[][]; unclosed: boolean } {
  const skipped: string[] = [];
  const rows = parse(text, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: false,
    on_skip: (error) => {
      if (error) skipped.push(error.code);
      return undefined;
    },
  }) as string[][];
  expect(skipped.every((code) => code === 'CSV_QUOTE_NOT_CLOSED')).toBe(true);
  return { rows, unclosed: skipped.length > 0 };
}

/** The tokenizer's records for `text` given in pieces cut at `cuts` (positions, any order). */
function tokenize(text: string, delimiter: Delimiter, cuts: number[] = [], maxRowChars?: number): Token[] {
  const tokenizer = new CsvTokenizer(delimiter, maxRowChars);
  const out: Token[] = [];
  const drain = () => {
    let guard = 0;
    while (tokenizer.next()) {
      out.push({ kind: tokenizer.kind, fields: [...tokenizer.fields], line: tokenizer.line });
      if (++guard > text.length + 2) throw new Error('the tokenizer does not stop');
    }
  };
  const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  let from = 0;
  for (const at of [...points, text.length]) {
    tokenizer.push(text.slice(from, at));
    drain();
    from = at;
  }
  tokenizer.end();
  drain();
  return out;
}

/** What the oracle says, as tokens without lines: rows, then `unclosed` if csv-parse reported it. */
function expectSameAsOracle(tokens: Token[], text: string, delimiter: Delimiter): void {
  const { rows, unclosed } = oracle(text, delimiter);
  const expected = rows.map((fields) => ({ kind: 'row', fields }));
  if (unclosed) expected.push({ kind: 'unclosed', fields: [] });
  expect(tokens.map(({ kind, fields }) => ({ kind, fields }))).toEqual(expected);
}

const delimiterArb = fc.constantFrom<Delimiter>(',', ';', '\t');
const lineEndArb = fc.constantFrom('\r\n', '\n', '\r');
const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

/** A value: empty, plain, or full of what CSV must quote, with non-ASCII (one and two UTF-16 units). */
const valueArb = fc.oneof(
  fc.constant(''),
  fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', 'é', '€', 'ß', '😀', '日'), maxLength: 8 }),
  fc.string({ unit: fc.constantFrom('"', ',', ';', '\t', '\n', '\r', '\r\n', 'x', 'é', ' ', '""'), maxLength: 10 }),
);
const tableArb = fc.array(fc.array(valueArb, { minLength: 1, maxLength: 6 }), { maxLength: 12 });

/** Writes `table` as CSV: a value is quoted when it must be, and sometimes when it need not be. */
function writeCsv(table: string[][], delimiter: Delimiter, lineEnd: string, finalLineEnd: boolean, quoteAll: boolean): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  table.forEach((row, index) => {
    starts.push(text.length);
    text += row
      .map((value) => (quoteAll || /["\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value))
      .join(delimiter);
    if (index < table.length - 1 || finalLineEnd) text += lineEnd;
  });
  return { text, starts };
}

/** The 1-based line a record starting at `offset` is on: LFs before it, plus bare-CR row ends. */
function lineAt(text: string, offset: number, lineEnd: string, rowIndex: number): number {
  const lfs = text.slice(0, offset).split('\n').length - 1;
  return 1 + lfs + (lineEnd === '\r' ? rowIndex : 0);
}

describe('CSV tokenizer: examples', () => {
  const rows = (text: string, delimiter: Delimiter = ',', cap?: number) => tokenize(text, delimiter, [], cap);

  it('reads quoted values with doubled quotes, delimiters and line ends, and a last row without line end', () => {
    expect(rows('a,"b ""c"", d",e\r\n"x\r\ny",,"z"\r\nlast,row')).toEqual([
      { kind: 'row', fields: ['a', 'b "c", d', 'e'], line: 1 },
      { kind: 'row', fields: ['x\r\ny', '', 'z'], line: 2 },
      { kind: 'row', fields: ['last', 'row'], line: 4 },
    ]);
  });

  it('keeps empty lines as rows of one empty value, and counts them', () => {
    expect(rows('a\n\nb\n').map((t) => [t.fields, t.line])).toEqual([[['a'], 1], [[''], 2], [['b'], 3]]);
  });

  it('takes the first line end outside quotes as the one that ends rows', () => {
    expect(rows('a\r\nb\nc\r\n').map((t) => t.fields)).toEqual([['a'], ['b\nc']]);
    expect(rows('"a\r\n"\nb\r\n').map((t) => t.fields)).toEqual([['a\r\n'], ['b\r']]);
    expect(rows('a\rb\r"c\nd"\r').map((t) => [t.fields, t.line])).toEqual([[['a'], 1], [['b'], 2], [['c\nd'], 3]]);
  });

  it('reads quotes as csv-parse does with relax_quotes', () => {
    expect(rows('O"Brien,x\n').map((t) => t.fields)).toEqual([['O"Brien', 'x']]);
    expect(rows('"ab"c,d\n').map((t) => t.fields)).toEqual([['"ab"c', 'd']]);
    expect(rows('"a""b"c"\n').map((t) => t.fields)).toEqual([['"a"b"c"']]);
    expect(rows('"ab"\u0000c,d\n').map((t) => t.fields)).toEqual([['ab\u0000c', 'd']]);
  });

  it('reports a quote never closed as one record at the line its row starts, to the end of the text', () => {
    const tokenizer = new CsvTokenizer(',');
    tokenizer.push('First,Notes\r\nAda,fine\r\nBob,"never closed\r\nCy,lost\r\n');
    tokenizer.end();
    const seen: [CsvRecordKind, number][] = [];
    while (tokenizer.next()) seen.push([tokenizer.kind, tokenizer.line]);
    expect(seen).toEqual([['row', 1], ['row', 2], ['unclosed', 3]]);
    expect(tokenizer.lastLine).toBe(4);
  });

  it('gives a row over the cap as overlong, finds its end with its quotes, and goes on', () => {
    const long = `x,"${'y'.repeat(50)}\n${'z'.repeat(50)}",w\n`;
    expect(rows(`a,b\n${long}c,d\n`, ',', 40).map((t) => [t.kind, t.fields, t.line])).toEqual([
      ['row', ['a', 'b'], 1],
      ['overlong', [], 2],
      ['row', ['c', 'd'], 4],
    ]);
    // Cut into pieces smaller than the row, so that the row is skipped as it streams.
    const pieces = tokenize(`a,b\n${long}c,d\n`, ',', [5, 10, 30, 60, 70, 100], 40);
    expect(pieces.map((t) => [t.kind, t.line])).toEqual([['row', 1], ['overlong', 2], ['row', 4]]);
    expect(rows(`a,b\n"${'q'.repeat(100)}\nc,d\n`, ',', 40).map((t) => t.kind)).toEqual(['row', 'unclosed']);
  });

  it('reuses one array for the values of each row', () => {
    const tokenizer = new CsvTokenizer(';');
    tokenizer.push('a;b;c\nd\n');
    expect(tokenizer.next()).toBe(true);
    const first = tokenizer.fields;
    expect(first).toEqual(['a', 'b', 'c']);
    expect(tokenizer.next()).toBe(true);
    expect(tokenizer.fields).toBe(first);
    expect(first).toEqual(['d']);
    expect(tokenizer.next()).toBe(false);
  });
});

describe('CSV tokenizer: the same rows as csv-parse', () => {
  it('random tables written as CSV come back as written, as csv-parse reads them, with their lines', () => {
    fc.assert(
      fc.property(tableArb, delimiterArb, lineEndArb, fc.boolean(), fc.boolean(), cutsArb, (table, delimiter, lineEnd, finalLineEnd, quoteAll, cuts) => {
        const { text, starts } = writeCsv(table, delimiter, lineEnd, finalLineEnd, quoteAll);
        const tokens = tokenize(text, delimiter, cuts);
        expectSameAsOracle(tokens, text, delimiter);
        // A last row of one empty value with no line end after it is no row at all.
        const written = !finalLineEnd && table.length > 0 && table.at(-1)!.length === 1 && table.at(-1)![0] === '' && !quoteAll ? table.slice(0, -1) : table;
        expect(tokens.map((t) => t.fields)).toEqual(written);
        expect(tokens.map((t) => t.line)).toEqual(written.map((_, i) => lineAt(text, starts[i]!, lineEnd, i)));
      }),
      { numRuns: 600, seed: 3 },
    );
  });

  it('random text over the characters that matter to CSV gives csv-parse rows, cut anywhere', () => {
    const textArb = fc.string({ unit: fc.constantFrom('"', '"', ',', ';', '\t', '\r', '\n', '\r\n', 'a', 'b', ' ', 'é', '😀', '\u0000', '\uFEFF'), maxLength: 60 });
    fc.assert(
      fc.property(textArb, delimiterArb, cutsArb, (text, delimiter, cuts) => {
        const tokens = tokenize(text, delimiter, cuts);
        expectSameAsOracle(tokens, text, delimiter);
        // Lines: each record starts on the line after the LFs before it.
        for (const token of tokens) expect(token.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('with a small cap, rows over it come out as overlong and every other row is csv-parse’s', () => {
    const textArb = fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r\n', 'a', 'bb', 'é', '\u0000'), maxLength: 80 });
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 12 }), cutsArb, (text, cap, cuts) => {
        const tokens = tokenize(text, ',', cuts, cap);
        const { rows, unclosed } = oracle(text, ',');
        expect(tokens.length).toBe(rows.length + (unclosed ? 1 : 0));
        rows.forEach((fields, i) => {
          const token = tokens[i]!;
          if (token.kind === 'row') expect(token.fields).toEqual(fields);
          else expect(token.kind).toBe('overlong');
          // A row whose values alone are longer than the cap cannot have been kept.
          if (fields.join(',').length > cap) expect(token.kind).toBe('overlong');
        });
        if (unclosed) expect(tokens.at(-1)!.kind).toBe('unclosed');
      }),
      { numRuns: 2000, seed: 5 },
    );
  });
});

describe('CSV decoder and tokenizer: damaged Outlook files', () => {
  const text = headerLine() + Array.from({ length: 12 }, (_, i) => rowLine(9, i)).join('');
  const files: [string, Buffer][] = [
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['Windows-1252', iconv.encode(text, 'windows-1252')],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
  ];
  const damageArb = (length: number) =>
    fc.array(
      fc.oneof(
        fc.record({ at: fc.nat(length - 1), bytes: fc.uint8Array({ minLength: 1, maxLength: 3 }), replace: fc.constant(true) }),
        fc.record({ at: fc.nat(length), bytes: fc.constantFrom(...['"', '""', '\n', '\r', '\r\n', ',', '\u0000', '\uFEFF'].map((s) => Buffer.from(s))), replace: fc.constant(false) }),
      ),
      { minLength: 1, maxLength: 10 },
    );

  it.each(files)('%s: never throws, never loops, and still matches csv-parse', (_name, base) => {
    fc.assert(
      fc.property(damageArb(base.length), fc.integer({ min: 1, max: 5000 }), fc.boolean(), (changes, chunk, cutLength) => {
        let bytes = Buffer.from(base);
        for (const { at, bytes: inserted, replace } of changes) {
          const end = replace ? Math.min(bytes.length, at + inserted.length) : at;
          bytes = Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(end)]);
        }
        if (cutLength) bytes = bytes.subarray(0, changes[0]!.at);
        const decoder = new CsvDecoder(detectEncoding(bytes.subarray(0, 64 * 1024)));
        let decoded = '';
        const cuts: number[] = [];
        for (let at = 0; at < bytes.length; at += chunk) {
          decoded += decoder.write(bytes.subarray(at, at + chunk));
          cuts.push(decoded.length);
        }
        decoded += decoder.end();
        const tokens = tokenize(decoded, ',', cuts);
        expectSameAsOracle(tokens, decoded, ',');
      }),
      { numRuns: 150, seed: 17 },
    );
  });
});
