/**
 * Streams a CSV file's rows as mailbox records: file → decoder (`csv-decoder.ts`) →
 * tokenizer (`tokenize-csv.ts`), one row at a time, so memory stays flat whatever the
 * file's size (one row, at most 1 Mi characters, plus the chunk being read).
 *
 * - The header row picks the layout (`csv-layout.ts`); columns Liaison does not know
 *   are told once, in a notice before the first contact.
 * - Each data row becomes a contact, with the 1-based physical line it starts on (a
 *   quoted value with new lines spans several lines; a line is counted at each LF, or
 *   at each CR in a file that uses bare CRs to end its rows).
 * - A row that says nothing about who it is, a row with more values than the header
 *   has columns, a row longer than 1 Mi characters and a quote never closed become
 *   unreadable records; the read goes on (after a quote never closed there is nothing
 *   left to read: the rest of the file was inside it). A row whose every value is empty
 *   (or Outlook's empty date `0/0/00`) is skipped without a word.
 */
import { createReadStream } from 'node:fs';
import { contactVersion } from '../contact-version.js';
import { FallbackIdAllocator } from '../fallback-item-id.js';
import type { MailboxRecord } from '../mailbox.js';
import { MailboxError, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox-errors.js';
import { CsvDecoder, DECODE_CHUNK } from './csv-decoder.js';
import { detectLayout, type CsvLayout } from './csv-layout.js';
import { hasIdentity, mapCsvRow } from './map-csv-row.js';
import { reasonOf, unknownHeaderReason, type CsvSniff } from './sniff-csv-file.js';
import { CsvTokenizer, MAX_ROW_CHARS } from './tokenize-csv.js';

const READ_CHUNK = 256 * 1024;
const DELIMITER_NAME = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** Every value from `from` on empty, or Outlook's empty date `0/0/00` (which Outlook writes in every row). */
function isBlank(record: readonly string[], from = 0): boolean {
  for (let i = from; i < record.length; i++) {
    const value = record[i]!;
    if (value !== '' && value !== '0/0/00' && value.trim() !== '') return false;
  }
  return true;
}

/**
 * The records of the CSV at `file` (an absolute path), read as `sniff` says, in folder
 * `folder`. Throws MailboxSourceUnreadable when the file cannot be read to its end.
 */
export async function* readCsvRows(file: string, sniff: CsvSniff, folder: string): AsyncGenerator<MailboxRecord> {
  const decoder = new CsvDecoder(sniff.encoding);
  const tokenizer = new CsvTokenizer(sniff.delimiter);
  const ids = new FallbackIdAllocator();
  let layout: CsvLayout | null = null;
  let lastLine = 0; // the line the last record read starts on, for messages

  const unreadable = (line: number, reason: string): MailboxRecord => ({ kind: 'unreadable', folder, source: { file, line }, reason });

  /** The record for the row the tokenizer holds; null for the header and for blank rows. */
  function recordOfRow(): MailboxRecord | null {
    const line = tokenizer.line;
    lastLine = line;
    if (tokenizer.kind === 'unclosed') {
      return unreadable(
        line,
        `a quoted value that starts in this row is never closed, so the rest of the file (to line ${tokenizer.lastLine}) could not be read; look for a stray " in this row`,
      );
    }
    if (tokenizer.kind === 'overlong') {
      return unreadable(line, `the row is longer than ${MAX_ROW_CHARS / (1024 * 1024)} Mi characters, which no contact needs; look for a stray " before it or in it`);
    }
    const record = tokenizer.fields;
    if (layout === null) {
      layout = detectLayout(record);
      if (layout === null) throw new MailboxFormatUnknown(file, unknownHeaderReason(record.join(','), record));
      const unknown = layout.unknown.filter((name) => name !== '');
      if (unknown.length === 0) return null;
      return {
        kind: 'notice',
        folder,
        source: { file, line },
        message: `read as ${layout.table.label}; ${unknown.length} column(s) Liaison does not know were not read: ${unknown.map((n) => `"${n}"`).join(', ')}`,
      };
    }
    if (isBlank(record)) return null;
    if (record.length > layout.width && !isBlank(record, layout.width)) {
      return unreadable(
        line,
        `the row has ${record.length} values where the header has ${layout.width} columns; a value holding a ${DELIMITER_NAME[sniff.delimiter]} is probably not quoted`,
      );
    }
    const { fields, warnings } = mapCsvRow(record, layout);
    if (!hasIdentity(fields)) return unreadable(line, 'the row has no name and no e-mail (nor a company), so there is nothing to add it by');
    return {
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

  try {
    for await (const bytes of createReadStream(file, { highWaterMark: READ_CHUNK }) as AsyncIterable<Buffer>) {
      for (let at = 0; at < bytes.length; at += DECODE_CHUNK) {
        tokenizer.push(decoder.write(bytes.subarray(at, at + DECODE_CHUNK)));
        while (tokenizer.next()) {
          const record = recordOfRow();
          if (record !== null) yield record;
        }
      }
    }
    tokenizer.push(decoder.end());
    tokenizer.end();
    while (tokenizer.next()) {
      const record = recordOfRow();
      if (record !== null) yield record;
    }
    if (layout === null) throw new MailboxFormatUnknown(file, 'the file has no header row');
  } catch (error) {
    if (error instanceof MailboxError) throw error;
    if ((error as NodeJS.ErrnoException).syscall !== undefined) throw new MailboxSourceUnreadable(file, reasonOf(error));
    throw new MailboxFormatUnknown(file, `it could not be read as CSV after line ${lastLine}: ${(error as Error).message}`);
  }
}
