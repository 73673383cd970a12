/**
 * Writes a contact as a vCard 3.0 (RFC 2426) or 4.0 (RFC 6350) card: UTF-8, CRLF, lines
 * folded at 75 octets without splitting a character, text escaped. Reading the card back
 * with `readCard` gives the same fields and photo (a property test holds it to that).
 */
import { ADDRESS_KINDS, PHONE_KINDS, displayName, type AddressKind, type ContactFields, type PhoneKind } from '../../domain/contact.js';
import type { ContactPhoto } from '../mailbox.js';
import { DERIVED_FN_MARKER, PHONE_SLOT_PARAM } from './vcard-to-contact.js';
import { escapeText } from './vcard-text.js';

export type VCardVersion = '3.0' | '4.0';

export interface CardToWrite {
  uid: string;
  fields: ContactFields;
  photo?: ContactPhoto | null;
}

const MAX_LINE_OCTETS = 75;

/** The TYPE values each phone slot is written with; the slot parameter makes it exact. */
const PHONE_TYPES: Record<PhoneKind, string> = {
  business: 'work,voice',
  business2: 'work,voice',
  home: 'home,voice',
  home2: 'home,voice',
  mobile: 'cell',
  other: 'voice',
  pager: 'pager',
  businessFax: 'work,fax',
  companyMain: 'x-company-main',
  assistant: 'x-assistant',
};

const ADDRESS_TYPES: Record<AddressKind, string | null> = { business: 'work', home: 'home', other: null };

/** Folds one content line: continuation lines start with a space; UTF-8 sequences stay whole. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= MAX_LINE_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = MAX_LINE_OCTETS;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Back off to a character boundary (a byte that is not 10xxxxxx).
    while (end < bytes.length && end > start && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.toString('utf8', start, end));
    start = end;
    limit = MAX_LINE_OCTETS - 1;
  }
  return parts.join('\r\n ');
}

function structured(parts: (string | undefined)[]): string {
  return parts.map((part) => escapeText(part ?? '')).join(';');
}

function base64Photo(photo: ContactPhoto): string {
  return Buffer.from(photo.bytes.buffer, photo.bytes.byteOffset, photo.bytes.byteLength).toString('base64');
}

export function writeVCard(card: CardToWrite, version: VCardVersion = '4.0'): string {
  const f = card.fields;
  const v4 = version === '4.0';
  const lines: string[] = ['BEGIN:VCARD', `VERSION:${version}`, `UID:${escapeText(card.uid)}`];
  const add = (name: string, value: string | undefined, params = '') => {
    if (value !== undefined) lines.push(`${name}${params}:${escapeText(value)}`);
  };
  // FN is required. A contact without a full name gets its display name there, and a
  // marker so that Liaison reading the card back does not take it for a full name.
  lines.push(`FN:${escapeText(f.fullName ?? displayName(f))}`);
  if (f.fullName === undefined) lines.push(`${DERIVED_FN_MARKER}:TRUE`);
  if (f.lastName || f.firstName || f.middleName || f.prefix || f.suffix) {
    lines.push(`N:${structured([f.lastName, f.firstName, f.middleName, f.prefix, f.suffix])}`);
  }
  add('NICKNAME', f.nickname);
  if (f.company !== undefined || f.department !== undefined) lines.push(`ORG:${structured([f.company, f.department])}`);
  add('TITLE', f.jobTitle);
  f.emails?.forEach((email, i) => {
    const pref = i === 0 ? (v4 ? ';PREF=1' : ';TYPE=internet,pref') : v4 ? '' : ';TYPE=internet';
    add('EMAIL', email, pref);
  });
  for (const kind of PHONE_KINDS) {
    const phone = f.phones?.[kind];
    if (phone !== undefined) add('TEL', phone, `;TYPE=${PHONE_TYPES[kind]};${PHONE_SLOT_PARAM}=${kind}`);
  }
  for (const kind of ADDRESS_KINDS) {
    const address = f.addresses?.[kind];
    if (address === undefined) continue;
    const type = ADDRESS_TYPES[kind];
    lines.push(`ADR${type ? `;TYPE=${type}` : ''}:${structured(['', '', address.street, address.city, address.region, address.postalCode, address.country])}`);
  }
  add('URL', f.webPage);
  if (f.birthday !== undefined) lines.push(`BDAY:${f.birthday}`);
  if (f.anniversary !== undefined) lines.push(`${v4 ? 'ANNIVERSARY' : 'X-ANNIVERSARY'}:${f.anniversary}`);
  if (v4) add('RELATED', f.spouse, ';TYPE=spouse;VALUE=text');
  else add('X-SPOUSE', f.spouse);
  add('X-MANAGER', f.manager);
  add('X-ASSISTANT', f.assistantName);
  add('NOTE', f.notes);
  if (f.categories && f.categories.length > 0) lines.push(`CATEGORIES:${f.categories.map(escapeText).join(',')}`);
  if (card.photo) {
    const mediaType = card.photo.mediaType ?? 'application/octet-stream';
    if (v4) lines.push(`PHOTO:data:${card.photo.mediaType ?? ''};base64,${base64Photo(card.photo)}`);
    else lines.push(`PHOTO;ENCODING=b${card.photo.mediaType ? `;TYPE=${mediaType.replace(/^image\//, '').toUpperCase()}` : ''}:${base64Photo(card.photo)}`);
  }
  lines.push('END:VCARD');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
