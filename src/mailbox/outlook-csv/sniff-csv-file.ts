/**
 * The first look at a CSV file, before any row is read: can it be opened, which
 * encoding and delimiter it uses, and is its header one Liaison knows (Outlook in one
 * of its languages, Google Contacts, Thunderbird)? Each "no" is a typed error whose
 * reason says what to do.
 */
import { open } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox-errors.js';
import { decodeHead } from './csv-decoder.js';
import { detectLayout, type CsvLayout } from './csv-layout.js';
import { detectEncoding, type SniffedEncoding } from './detect-encoding.js';
import { readHeaderLine, type Delimiter } from './detect-delimiter.js';

export const SNIFF_BYTES = 64 * 1024;

export interface CsvSniff {
  encoding: SniffedEncoding;
  delimiter: Delimiter;
  layout: CsvLayout;
}

/** Why a file could not be read, in words (ENOENT → "there is no such file"). */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a CSV file';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (error as Error).message;
}

/** Throws MailboxFormatUnknown when `encoding` is not a name iconv-lite knows. */
export function checkEncodingName(path: string, encoding: string | undefined): void {
  if (encoding !== undefined && !iconv.encodingExists(encoding)) {
    throw new MailboxFormatUnknown(
      path,
      `"${encoding}" is not a character encoding Liaison knows; give a code page such as windows-1252, windows-1250, cp850, iso-8859-15 or utf-8`,
    );
  }
}

async function readHead(path: string): Promise<Buffer> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(SNIFF_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw new MailboxSourceUnreadable(path, reasonOf(error));
  }
}

const EXPORT_HINT =
  'export the contacts again as CSV with its header row (Outlook: File → Open & Export → Import/Export → Export to a file → ' +
  'Comma Separated Values; Google Contacts: Export → Google CSV; Thunderbird: Tools → Export → CSV)';

/** A reason for a header no table knows, naming what the file seems to be instead. */
export function unknownHeaderReason(text: string, names: readonly string[]): string {
  const start = text.trimStart().slice(0, 200);
  if (/^(dn|version)\s*:/i.test(start)) {
    return 'it looks like an LDIF file (an LDAP or Thunderbird LDIF export), not a CSV; export the address book as CSV or vCard instead';
  }
  if (/^begin:vcard/i.test(start)) return 'it is a vCard file, not a CSV; add it as a vCard mailbox instead';
  if (text.includes('\u0000') || /[\u0001-\u0008\u000e-\u001f]/.test(start)) {
    return `it does not look like text (it holds control characters); ${EXPORT_HINT}`;
  }
  const shown = names.slice(0, 4).map((n) => `"${n.trim().slice(0, 40)}"`).join(', ');
  return `its first line (${shown}${names.length > 4 ? ', …' : ''}) is not the header of an Outlook, Google Contacts or Thunderbird CSV; ${EXPORT_HINT}`;
}

/** Opens the file, finds its encoding, delimiter and layout, or throws a MailboxError. */
export async function sniffCsvFile(path: string, givenEncoding: string | undefined): Promise<CsvSniff> {
  checkEncodingName(path, givenEncoding);
  const head = await readHead(path);
  if (head.length === 0) throw new MailboxFormatUnknown(path, `the file is empty; ${EXPORT_HINT}`);
  const encoding = detectEncoding(head, givenEncoding);
  const text = decodeHead(head, encoding);
  const header = readHeaderLine(text);
  const layout = text.includes('\u0000') ? null : detectLayout(header.names);
  if (layout === null) throw new MailboxFormatUnknown(path, unknownHeaderReason(text, header.names));
  return { encoding, delimiter: header.delimiter, layout };
}
