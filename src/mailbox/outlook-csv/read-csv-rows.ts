/**
 * Streams a CSV file's rows as mailbox records: file → decoder → csv-parse, one row at a
 * time, so memory stays flat whatever the file's size.
 *
 * - The header row picks the layout (`csv-layout.ts`); columns Liaison does not know
 *   are told once, in a notice before the first contact.
 * - Each data row becomes a contact, with the 1-based physical line it starts on (a
 *   quoted value with new lines spans several lines; a line is counted at each LF, or
 *   at each CR in a file that uses bare CRs to end its rows).
 * - A row that says nothing about who it is, a row with more values than the header
 *   has columns, and a quote never closed become unreadable records; the read goes on.
 *   A row whose every value is empty (or Outlook's empty date `0/0/00`) is skipped
 *   without a word.
 *
 * Limit: a quote that is never closed makes the rest of the file one value, which
 * csv-parse holds in memory until the end of the file (then reports it as one
 * unreadable record).
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { contactVersion } from '../contact-version.js';
import { FallbackIdAllocator } from '../fallback-item-id.js';
import type { MailboxRecord } from '../mailbox.js';
import { MailboxError, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox-errors.js';
import { CsvDecoder } from './csv-decoder.js';
import { detectLayout, type CsvLayout } from './csv-layout.js';
import { hasIdentity, mapCsvRow } from './map-csv-row.js';
import { reasonOf, unknownHeaderReason, type CsvSniff } from './sniff-csv-file.js';

const READ_CHUNK = 256 * 1024;
const DELIMITER_NAME = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) count++;
  return count;
}

/** Every value empty, or Outlook's empty date `0/0/00` (which Outlook writes in every row). */
function isBlank(record: readonly string[]): boolean {
  for (const value of record) if (value !== '' && value !== '0/0/00' && value.trim() !== '') return false;
  return true;
}

/** The reason for a row csv-parse could not read. */
function skipReason(error: CsvError, lastLine: number): string {
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `a quoted value that starts in this row is never closed, so the rest of the file (to line ${lastLine}) could not be read; look for a stray " in this row`;
  }
  return `the row is not valid CSV: ${error.message}`;
}

/**
 * The records of the CSV at `file` (an absolute path), read as `sniff` says, in folder
 * `folder`. Throws MailboxSourceUnreadable when the file cannot be read to its end.
 */
export async function* readCsvRows(file: string, sniff: CsvSniff, folder: string): AsyncGenerator<MailboxRecord> {
  const skips: CsvError[] = [];
  const parser = parse({
    delimiter: sniff.delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_records_with_error: true,
    skip_empty_lines: false,
    on_skip: (error) => {
      if (error) skips.push(error);
      return undefined;
    },
  });
  let failure: unknown = null;
  const flowing = pipeline(createReadStream(file, { highWaterMark: READ_CHUNK }), new CsvDecoder(sniff.encoding), parser).catch(
    (error: unknown) => {
      failure ??= error;
    },
  );

  const ids = new FallbackIdAllocator();
  let layout: CsvLayout | null = null;
  let emitted = 0; // rows csv-parse has given, header included
  let nextLine = 1; // the physical line the next row starts on

  const unreadable = (line: number, reason: string): MailboxRecord => ({ kind: 'unreadable', folder, source: { file, line }, reason });
  function* skipped(upTo: number): Generator<MailboxRecord> {
    while (skips.length > 0 && Number(skips[0]!.records ?? 0) <= upTo) {
      const error = skips.shift()!;
      // csv-parse counts a CRLF inside quotes as two lines: its figure is an upper bound.
      const lastLine = Math.max(nextLine, Number(error.lines ?? nextLine));
      yield unreadable(nextLine, skipReason(error, lastLine));
      nextLine = lastLine + 1;
    }
  }

  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      yield* skipped(emitted);
      emitted++;
      // Each row ends with one line break; its quoted values may hold more. (Empty lines
      // come as rows of one empty value, so they are counted too.)
      const line = nextLine;
      let breaks = 0;
      for (let i = 0; i < record.length; i++) {
        const value = record[i]!;
        if (value.length > 1 && value.indexOf('\n') !== -1) breaks += countChar(value, '\n');
      }
      nextLine = line + 1 + breaks;

      if (layout === null) {
        layout = detectLayout(record);
        if (layout === null) throw new MailboxFormatUnknown(file, unknownHeaderReason(record.join(','), record));
        const unknown = layout.unknown.filter((name) => name !== '');
        if (unknown.length > 0) {
          yield {
            kind: 'notice',
            folder,
            source: { file, line },
            message: `read as ${layout.table.label}; ${unknown.length} column(s) Liaison does not know were not read: ${unknown.map((n) => `"${n}"`).join(', ')}`,
          };
        }
        continue;
      }
      if (isBlank(record)) continue;
      if (record.length > layout.width && !isBlank(record.slice(layout.width))) {
        yield unreadable(
          line,
          `the row has ${record.length} values where the header has ${layout.width} columns; a value holding a ${DELIMITER_NAME[sniff.delimiter]} is probably not quoted`,
        );
        continue;
      }
      const { fields, warnings } = mapCsvRow(record, layout);
      if (!hasIdentity(fields)) {
        yield unreadable(line, 'the row has no name and no e-mail (nor a company), so there is nothing to add it by');
        continue;
      }
      yield {
        kind: 'contact',
        itemId: ids.next(fields),
        version: contactVersion(fields, null),
        folder,
        fields,
        photo: null,
        source: { file, line },
        warnings,
      };
    }
    await flowing;
    if (failure !== null) throw failure;
    yield* skipped(Number.POSITIVE_INFINITY);
    if (layout === null) throw new MailboxFormatUnknown(file, 'the file has no header row');
  } catch (error) {
    const cause = failure ?? error;
    if (cause instanceof MailboxError) throw cause;
    if ((cause as NodeJS.ErrnoException).syscall !== undefined) throw new MailboxSourceUnreadable(file, reasonOf(cause));
    throw new MailboxFormatUnknown(file, `it could not be read as CSV after line ${nextLine - 1}: ${(cause as Error).message}`);
  } finally {
    parser.destroy();
  }
}
