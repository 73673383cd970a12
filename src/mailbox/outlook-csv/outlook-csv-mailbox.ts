/**
 * A mailbox read from one CSV export of an address book: Outlook's "Comma Separated
 * Values" (English, French, German, Spanish, Italian, Portuguese or Dutch headers),
 * Google Contacts CSV (old and current layouts) or Thunderbird's CSV/tab export.
 *
 * A CSV file is one folder, `Contacts`. `folders()` checks the file first (it exists,
 * its encoding and header are known) and throws a MailboxError when it is not;
 * `contacts()` streams its rows (see `read-csv-rows.ts`).
 *
 * Item ids: a CSV row has no id of its own, so each contact's id is a hash of its
 * normalised full name and first e-mail (`fallback-item-id.ts`), with `-2`, `-3`… for
 * duplicates in one file, in reading order.
 */
import { resolve } from 'node:path';
import type { ContactQuery, Mailbox, MailboxFolder, MailboxRecord } from '../mailbox.js';
import { MailboxFolderNotFound } from '../mailbox-errors.js';
import { readCsvRows } from './read-csv-rows.js';
import { sniffCsvFile, type CsvSniff } from './sniff-csv-file.js';

export const CSV_FOLDER = 'Contacts';

export interface OutlookCsvMailboxOptions {
  /** The .csv (or tab-separated .txt) file, absolute or relative to the working directory. */
  path: string;
  ownerAddress: string;
  /** The code page of a file without BOM that is not UTF-8 (default Windows-1252); an iconv-lite name. */
  encoding?: string | undefined;
}

export class OutlookCsvMailbox implements Mailbox {
  readonly ownerAddress: string;
  readonly #path: string;
  readonly #encoding: string | undefined;

  constructor({ path, ownerAddress, encoding }: OutlookCsvMailboxOptions) {
    this.#path = resolve(path);
    this.ownerAddress = ownerAddress;
    this.#encoding = encoding;
  }

  async folders(): Promise<MailboxFolder[]> {
    await this.#sniff();
    return [{ path: CSV_FOLDER, name: CSV_FOLDER, isDefault: true }];
  }

  async *contacts(query: ContactQuery = {}): AsyncIterable<MailboxRecord> {
    const sniff = await this.#sniff();
    const folder = query.folder ?? CSV_FOLDER;
    if (folder !== CSV_FOLDER) throw new MailboxFolderNotFound(folder, [CSV_FOLDER]);
    yield* readCsvRows(this.#path, sniff, CSV_FOLDER);
  }

  /** Sniffed afresh on each call: the file may have changed between reads. */
  #sniff(): Promise<CsvSniff> {
    return sniffCsvFile(this.#path, this.#encoding);
  }
}
