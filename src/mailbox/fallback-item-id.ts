/**
 * The item id of a contact whose source gives it none (a vCard without UID, a CSV row):
 * a hash of its normalised full name and first e-mail, so that the same person read
 * again from the same source gets the same id, whatever the rest of the card says.
 *
 * Normalising: the display name (full name, else the name parts, else the company) in
 * Unicode NFC, trimmed, inner white space collapsed, lower-cased; the first e-mail
 * trimmed and lower-cased. Two contacts with the same name and first e-mail in one
 * source are told apart by the reader, which adds `-2`, `-3`… in reading order.
 */
import { hash } from 'node:crypto';
import type { ContactFields } from '../domain/contact.js';

/** Printable ASCII words with single spaces between them: nothing for NFC or collapsing to change. */
const ALREADY_NORMAL = /^[!-~]+(?: [!-~]+)*$/;

function normalised(text: string | undefined): string {
  if (text === undefined || text === '') return '';
  if (ALREADY_NORMAL.test(text)) return text.toLowerCase();
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

export function fallbackItemId(fields: ContactFields): string {
  const name =
    fields.fullName ??
    ([fields.firstName, fields.middleName, fields.lastName].filter(Boolean).join(' ') || fields.company);
  const key = `${normalised(name)}\u0000${normalised(fields.emails?.[0])}`;
  return `h-${hash('sha256', key, 'hex').slice(0, 20)}`;
}

/**
 * Hands out fallback ids for one source, adding `-2`, `-3`… to an id already given, so
 * two identical rows of one CSV are two items.
 */
export class FallbackIdAllocator {
  private readonly seen = new Map<string, number>();

  next(fields: ContactFields): string {
    const id = fallbackItemId(fields);
    const count = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  }
}
