/**
 * One CSV row → the contact's S1 fields and the warnings about it, following the plan
 * `csv-layout.ts` made from the header. Values are trimmed (CRLF inside a value becomes
 * LF); empty values are left out, never kept as empty strings.
 *
 * What is read and how:
 * - name parts, company, department, job title, nickname, web page, spouse, manager,
 *   assistant, notes: as written; when a layout has two columns for one field (Google's
 *   Website 1 and 2), the first filled one wins;
 * - e-mails 1–3 in order; an Outlook e-mail whose type is `EX` (or that looks like an
 *   X.500 DN, `/O=…`) is an Exchange address, not an SMTP one: left out, with a warning;
 * - the ten phone slots; a phone without a slot of its own (Car Phone, Primary Phone…)
 *   takes `other` when that is free, else it is left out with a warning;
 * - addresses: Street, Street 2 and Street 3 joined with new lines;
 * - birthday and anniversary: see `parse-outlook-date.ts`; an unreadable one is left out
 *   with a warning;
 * - categories split on `;`, Google groups on ` ::: ` (system groups dropped).
 */
import { MAX_EMAILS, PHONE_KINDS, type AddressKind, type ContactFields, type PhoneKind, type PostalAddress } from '../../domain/contact.js';
import type { AddressPart, CsvLayout } from './csv-layout.js';
import { isoDate, parseCsvDate } from './parse-outlook-date.js';

export interface RowReading {
  fields: ContactFields;
  warnings: string[];
}

/** Google's own groups, which say nothing about the contact. */
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts', 'starred', 'all contacts']);

function clean(value: string): string {
  const trimmed = value.trim();
  return trimmed.includes('\r') ? trimmed.replace(/\r\n?/g, '\n') : trimmed;
}

function splitList(value: string, separator: string | RegExp, into: string[]): void {
  for (const part of value.split(separator)) {
    const item = part.trim();
    if (item !== '' && !into.includes(item)) into.push(item);
  }
}

function googleGroups(value: string, into: string[]): void {
  for (const part of value.split(':::')) {
    let group = part.trim();
    if (group.startsWith('*')) {
      group = group.slice(1).trim();
      if (GOOGLE_SYSTEM_GROUPS.has(group.toLowerCase())) continue;
    }
    if (group !== '' && !into.includes(group)) into.push(group);
  }
}

/** The slots a Google phone label may take, most fitting first. */
function googlePhoneSlots(label: string): PhoneKind[] {
  const l = label.replace(/^\*\s*/, '').trim().toLowerCase();
  if (l.includes('fax')) return l.includes('home') ? ['other'] : ['businessFax', 'other'];
  if (l === 'mobile' || l === 'cell') return ['mobile', 'other'];
  if (l === 'work') return ['business', 'business2', 'other'];
  if (l === 'home') return ['home', 'home2', 'other'];
  if (l === 'main' || l === 'company main') return ['companyMain', 'other'];
  if (l === 'pager') return ['pager', 'other'];
  if (l === 'assistant') return ['assistant', 'other'];
  return ['other'];
}

function googleAddressKind(label: string): AddressKind {
  const l = label.replace(/^\*\s*/, '').trim().toLowerCase();
  return l === 'work' ? 'business' : l === 'home' ? 'home' : 'other';
}

const DATE_HINT = { MDY: 'month/day/year', DMY: 'day/month/year', ISO: 'year-month-day' } as const;
const FIELD_WORD = { birthday: 'birthday', anniversary: 'anniversary' } as const;

export function mapCsvRow(record: readonly string[], layout: CsvLayout): RowReading {
  const fields: ContactFields = {};
  const warnings: string[] = [];
  let emails: (string | undefined)[] | undefined;
  let emailTypes: (string | undefined)[] | undefined;
  let phones: Partial<Record<PhoneKind, string>> | undefined;
  let extraPhones: { name: string; value: string }[] | undefined;
  let addresses: Partial<Record<AddressKind, Partial<Record<AddressPart, string>>>> | undefined;
  let categories: string[] | undefined;
  let google: Map<string, Record<string, string>> | undefined;
  let googleEmails: string[] | undefined;
  let birth: { year?: string; month?: string; day?: string } | undefined;

  for (const column of layout.plan) {
    const raw = record[column.index];
    if (raw === undefined || raw === '') continue;
    const value = clean(raw);
    if (value === '') continue;
    const target = column.target;
    switch (target.kind) {
      case 'text':
        if (fields[target.field] === undefined) fields[target.field] = value;
        break;
      case 'date': {
        if (value === '0/0/00') break; // Outlook's "no date", in nearly every row
        const date = parseCsvDate(value, layout.dateOrder);
        if (date === null) {
          warnings.push(`the ${FIELD_WORD[target.field]} "${value}" (column "${column.name}") is not a date Liaison can read (${DATE_HINT[layout.dateOrder]}); it was left out`);
        } else if (date !== '' && fields[target.field] === undefined) fields[target.field] = date;
        break;
      }
      case 'email':
        (emails ??= [])[target.slot] = value;
        break;
      case 'emailType':
        (emailTypes ??= [])[target.slot] = value;
        break;
      case 'phone':
        if (target.phone === '*') (extraPhones ??= []).push({ name: column.name, value });
        else (phones ??= {})[target.phone] ??= value;
        break;
      case 'address':
        ((addresses ??= {})[target.address] ??= {})[target.part] ??= value;
        break;
      case 'categories':
        splitList(value, ';', (categories ??= []));
        break;
      case 'groups':
        googleGroups(value, (categories ??= []));
        break;
      case 'gemail':
        splitList(value, ':::', (googleEmails ??= []));
        break;
      case 'gphone':
      case 'gaddr':
      case 'grel': {
        const key = `${target.kind}:${target.n}`;
        const entry = (google ??= new Map()).get(key) ?? {};
        entry[target.part] = value;
        google.set(key, entry);
        break;
      }
      case 'birth':
        (birth ??= {})[target.part] = value;
        break;
    }
  }

  if (emails !== undefined || googleEmails !== undefined) {
    const kept: string[] = [];
    for (let slot = 0; slot < (emails?.length ?? 0); slot++) {
      const address = emails![slot];
      if (address === undefined) continue;
      const type = emailTypes?.[slot]?.trim().toUpperCase();
      if (type === 'EX' || /^\/o=/i.test(address)) {
        warnings.push(`e-mail ${slot + 1} is an Exchange (X.500) address, not an SMTP address, and was left out: ${address}`);
        continue;
      }
      kept.push(address);
    }
    for (const address of googleEmails ?? []) if (!kept.includes(address)) kept.push(address);
    if (kept.length > MAX_EMAILS) {
      warnings.push(`only ${MAX_EMAILS} e-mails are kept; left out: ${kept.slice(MAX_EMAILS).join(', ')}`);
      kept.length = MAX_EMAILS;
    }
    if (kept.length > 0) fields.emails = kept;
  }

  if (google !== undefined) readGoogleGroups(google, fields, (phones ??= {}), (addresses ??= {}), warnings);
  if (extraPhones !== undefined) {
    for (const { name, value } of extraPhones) {
      if ((phones ??= {}).other === undefined) phones.other = value;
      else warnings.push(`the phone "${value}" (column "${name}") was left out: it has no slot of its own and "other" is taken`);
    }
  }
  if (phones !== undefined) {
    const ordered: Partial<Record<PhoneKind, string>> = {};
    let any = false;
    for (const kind of PHONE_KINDS) {
      const number = phones[kind];
      if (number !== undefined) {
        ordered[kind] = number;
        any = true;
      }
    }
    if (any) fields.phones = ordered;
  }
  if (addresses !== undefined) {
    const out: Partial<Record<AddressKind, PostalAddress>> = {};
    let any = false;
    for (const kind of ['business', 'home', 'other'] as const) {
      const parts = addresses[kind];
      if (parts === undefined) continue;
      const address: PostalAddress = {};
      const street = [parts.street, parts.street2, parts.street3].filter((s) => s !== undefined).join('\n');
      if (street !== '') address.street = street;
      if (parts.city !== undefined) address.city = parts.city;
      if (parts.region !== undefined) address.region = parts.region;
      if (parts.postalCode !== undefined) address.postalCode = parts.postalCode;
      if (parts.country !== undefined) address.country = parts.country;
      out[kind] = address;
      any = true;
    }
    if (any) fields.addresses = out;
  }
  if (categories !== undefined && categories.length > 0) fields.categories = categories;
  if (birth !== undefined) readBirthParts(birth, fields, warnings);
  return { fields, warnings };
}

/** Google's numbered Phone/Address/Relation label–value pairs, in number order. */
function readGoogleGroups(
  google: Map<string, Record<string, string>>,
  fields: ContactFields,
  phones: Partial<Record<PhoneKind, string>>,
  addresses: Partial<Record<AddressKind, Partial<Record<AddressPart, string>>>>,
  warnings: string[],
): void {
  for (const [key, entry] of google) {
    if (key.startsWith('gphone:')) {
      if (entry.value === undefined) continue;
      for (const number of entry.value.split(':::').map((n) => n.trim()).filter(Boolean)) {
        const slot = googlePhoneSlots(entry.label ?? '').find((kind) => phones[kind] === undefined);
        if (slot !== undefined) phones[slot] = number;
        else warnings.push(`the phone "${number}" (${entry.label ?? 'no label'}) was left out: its slots are taken`);
      }
    } else if (key.startsWith('gaddr:')) {
      const kind = googleAddressKind(entry.label ?? '');
      if (addresses[kind] !== undefined) continue;
      const { street, city, region, postalCode, country } = entry;
      const parts: Partial<Record<AddressPart, string>> = {};
      if (street !== undefined) parts.street = street;
      if (city !== undefined) parts.city = city;
      if (region !== undefined) parts.region = region;
      if (postalCode !== undefined) parts.postalCode = postalCode;
      if (country !== undefined) parts.country = country;
      if (Object.keys(parts).length > 0) addresses[kind] = parts;
    } else if (key.startsWith('grel:') && entry.value !== undefined) {
      const label = (entry.label ?? '').replace(/^\*\s*/, '').trim().toLowerCase();
      const field = label === 'spouse' || label === 'partner' ? 'spouse' : label === 'manager' ? 'manager' : label === 'assistant' ? 'assistantName' : null;
      if (field !== null && fields[field] === undefined) fields[field] = entry.value;
    }
  }
}

/** Thunderbird's Birth Year / Birth Month / Birth Day. */
function readBirthParts(birth: { year?: string; month?: string; day?: string }, fields: ContactFields, warnings: string[]): void {
  if (birth.month === undefined || birth.day === undefined) {
    if (birth.year !== undefined || birth.month !== undefined || birth.day !== undefined) {
      warnings.push(`the birthday (year "${birth.year ?? ''}", month "${birth.month ?? ''}", day "${birth.day ?? ''}") has no month or day; it was left out`);
    }
    return;
  }
  const numeric = (text: string | undefined) => (text !== undefined && /^\d{1,4}$/.test(text) ? Number(text) : NaN);
  const year = birth.year === undefined ? null : numeric(birth.year);
  const date = year !== null && Number.isNaN(year) ? null : isoDate(year, numeric(birth.month), numeric(birth.day));
  if (date === null) warnings.push(`the birthday (year "${birth.year ?? ''}", month "${birth.month}", day "${birth.day}") is not a real date; it was left out`);
  else fields.birthday = date;
}

/** Whether a contact says who it is: a name (any part), a nickname, an e-mail or a company. */
export function hasIdentity(fields: ContactFields): boolean {
  return (
    fields.firstName !== undefined || fields.lastName !== undefined || fields.middleName !== undefined ||
    fields.fullName !== undefined || fields.nickname !== undefined || fields.emails !== undefined || fields.company !== undefined
  );
}
