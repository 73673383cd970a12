/**
 * How a contact becomes rows and rows become a contact: one `contacts` row with every
 * scalar S1 field, up to three `contact_emails` rows and one `contact_phones` row per
 * phone slot. The single-row path (Kysely) and both bulk paths (prepared statements,
 * COPY) share these functions, so the three write the same rows.
 */
import {
  ADDRESS_KINDS,
  ADDRESS_PARTS,
  CONTACT_TEXT_FIELDS,
  MAX_EMAILS,
  PHONE_KINDS,
  type ContactFields,
  type PhoneKind,
  type PostalAddress,
} from '../../domain/contact.js';
import { emailKey } from '../../domain/email-address.js';
import { phoneKey } from '../../domain/phone-number.js';
import { InvalidRecord } from '../crm-errors.js';
import type { Contact, ContactState, ParentRef } from '../crm-records.js';

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

const ADDRESS_COLUMNS = ADDRESS_KINDS.flatMap((kind) => ADDRESS_PARTS.map((part) => ({ kind, part })));

/** The `contacts` columns that hold S1 fields, in the order of {@link contactFieldValues}. */
export const CONTACT_FIELD_COLUMNS: readonly string[] = [
  ...CONTACT_TEXT_FIELDS.map(snake),
  'categories',
  ...ADDRESS_COLUMNS.map(({ kind, part }) => `${kind}_${snake(part)}`),
];

/** The `contacts` columns a new row sets, in the order of {@link contactRowValues}. */
export const CONTACT_WRITE_COLUMNS: readonly string[] = [
  'owner_id',
  'state',
  'parent_account_id',
  'parent_contact_id',
  ...CONTACT_FIELD_COLUMNS,
  'row_version',
  'created_at',
  'modified_at',
];

const PHONE_KIND_SET: ReadonlySet<string> = new Set(PHONE_KINDS);

const clean = (value: string | undefined | null): string | null => {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Refuses what the schema cannot hold, with the field's name. */
export function checkNewContact(contact: { fields: ContactFields; parent?: ParentRef | null }): void {
  const emails = (contact.fields.emails ?? []).filter((e) => clean(e) !== null);
  if (emails.length > MAX_EMAILS) {
    throw new InvalidRecord('emails', `a contact has at most ${MAX_EMAILS} e-mail addresses, not ${emails.length}`);
  }
  for (const kind of Object.keys(contact.fields.phones ?? {})) {
    if (!PHONE_KIND_SET.has(kind)) throw new InvalidRecord('phones', `"${kind}" is not a phone slot (${PHONE_KINDS.join(', ')})`);
  }
  const parent = contact.parent;
  if (parent && parent.kind !== 'account' && parent.kind !== 'contact') {
    throw new InvalidRecord('parent', `a parent is an account or a contact, not "${String(parent.kind)}"`);
  }
}

/** A parent as its two columns, `[parent_account_id, parent_contact_id]`. */
export function parentColumns(parent: ParentRef | null | undefined): [number | null, number | null] {
  return [parent?.kind === 'account' ? parent.id : null, parent?.kind === 'contact' ? parent.id : null];
}

/** The parent that the two columns hold, or null. */
export function parentRef(accountId: number | null, contactId: number | null): ParentRef | null {
  if (accountId !== null) return { kind: 'account', id: accountId };
  return contactId === null ? null : { kind: 'contact', id: contactId };
}

/** The values of a new `contacts` row, in {@link CONTACT_WRITE_COLUMNS} order. */
export function contactRowValues(
  contact: { ownerId: number; state?: ContactState; parent?: ParentRef | null; fields: ContactFields },
  rowVersion: number,
  createdAt: string,
  modifiedAt: string,
): unknown[] {
  return [
    contact.ownerId,
    contact.state ?? 'active',
    ...parentColumns(contact.parent),
    ...contactFieldValues(contact.fields),
    rowVersion,
    createdAt,
    modifiedAt,
  ];
}

/** The S1 field values of a `contacts` row, in {@link CONTACT_FIELD_COLUMNS} order. */
export function contactFieldValues(f: ContactFields): unknown[] {
  const categories = (f.categories ?? []).map((c) => c.trim()).filter((c) => c !== '');
  return [
    ...CONTACT_TEXT_FIELDS.map((field) => clean(f[field])),
    categories.length > 0 ? JSON.stringify(categories) : null,
    ...ADDRESS_COLUMNS.map(({ kind, part }) => clean(f.addresses?.[kind]?.[part])),
  ];
}

/** `[position, address, addressKey]` for each e-mail, blanks dropped. */
export function emailRows(fields: ContactFields): [number, string, string][] {
  const rows: [number, string, string][] = [];
  for (const address of fields.emails ?? []) {
    const value = clean(address);
    if (value !== null) rows.push([rows.length + 1, value, emailKey(value)]);
  }
  return rows;
}

/** `[kind, number, numberKey]` for each phone slot that has a number. */
export function phoneRows(fields: ContactFields): [PhoneKind, string, string][] {
  const rows: [PhoneKind, string, string][] = [];
  for (const kind of PHONE_KINDS) {
    const value = clean(fields.phones?.[kind]);
    if (value !== null) rows.push([kind, value, phoneKey(value)]);
  }
  return rows;
}

/** A `contacts` row as read through Kysely (camelCase keys). */
export type ContactRow = Record<string, unknown> & {
  id: number;
  ownerId: number;
  state: ContactState;
  parentAccountId: number | null;
  parentContactId: number | null;
  categories: string | null;
  rowVersion: number;
  createdAt: string;
  modifiedAt: string;
};

/** Rebuilds a contact from its row, e-mail rows (by position) and phone rows. */
export function toContact(
  row: ContactRow,
  emails: readonly { position: number; address: string }[],
  phones: readonly { kind: string; number: string }[],
): Contact {
  const contact: Contact = {
    id: row.id,
    ownerId: row.ownerId,
    state: row.state,
    parent: parentRef(row.parentAccountId, row.parentContactId),
    rowVersion: row.rowVersion,
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
  };
  for (const field of CONTACT_TEXT_FIELDS) {
    const value = row[field];
    if (typeof value === 'string') contact[field] = value;
  }
  if (row.categories !== null) contact.categories = JSON.parse(row.categories) as string[];
  if (emails.length > 0) contact.emails = [...emails].sort((a, b) => a.position - b.position).map((e) => e.address);
  if (phones.length > 0) {
    contact.phones = {};
    for (const phone of phones) contact.phones[phone.kind as PhoneKind] = phone.number;
  }
  for (const kind of ADDRESS_KINDS) {
    const address: PostalAddress = {};
    for (const part of ADDRESS_PARTS) {
      const value = row[`${kind}${part[0]!.toUpperCase()}${part.slice(1)}`];
      if (typeof value === 'string') address[part] = value;
    }
    if (Object.keys(address).length > 0) (contact.addresses ??= {})[kind] = address;
  }
  return contact;
}
