/**
 * One card's logical lines → the contact's S1 fields, its UID, photo and warnings.
 *
 * Reads 2.1, 3.0 and 4.0 alike: TYPE parameters or bare 2.1 ones, `TYPE=pref`, bare
 * `PREF` and `PREF=1`, grouped properties with Apple's `X-ABLabel`, and the X- names
 * Outlook, Evolution and Apple use for spouse, manager, assistant and anniversary.
 */
import { MAX_EMAILS, type ContactFields, type PhoneKind, type AddressKind, type PostalAddress, PHONE_KINDS } from '../../domain/contact.js';
import type { ContactPhoto } from '../mailbox.js';
import { parseVCardDate } from './vcard-date.js';
import { continuesQuotedPrintable, lineHead, parseProperty, type VCardProperty } from './vcard-property.js';
import { splitUnescaped, unescapeText, type DecodeNote } from './vcard-text.js';

const PHOTO_LINK_WARNING = 'the photo is a link to elsewhere, not kept';

/** A photo bigger than this is left out, with a warning (the contact is kept). */
export const MAX_PHOTO_BYTES = 1024 * 1024;

/** The property Liaison's writer adds when FN only repeats the display name (the contact has no full name). */
export const DERIVED_FN_MARKER = 'X-LIAISON-DERIVED-FN';

/** The parameter Liaison's writer adds to TEL so each phone goes back to its own slot. */
export const PHONE_SLOT_PARAM = 'X-LIAISON-SLOT';

export type CardReading =
  | { ok: true; uid: string | null; fields: ContactFields; photo: ContactPhoto | null; warnings: string[] }
  | { ok: false; reason: string };

/** The properties this reader looks at; every other line is skipped after its name. */
const READ = new Set([
  'VERSION', 'UID', 'FN', 'N', 'NICKNAME', 'ORG', 'TITLE', 'EMAIL', 'TEL', 'ADR', 'URL', 'BDAY', 'ANNIVERSARY',
  'X-ANNIVERSARY', 'X-MS-ANNIVERSARY', 'X-EVOLUTION-ANNIVERSARY', 'X-ABDATE', 'X-SPOUSE', 'X-MS-SPOUSE',
  'X-EVOLUTION-SPOUSE', 'X-MANAGER', 'X-MS-MANAGER', 'X-EVOLUTION-MANAGER', 'X-ASSISTANT', 'X-MS-ASSISTANT',
  'X-EVOLUTION-ASSISTANT', 'X-ABRELATEDNAMES', 'RELATED', 'NOTE', 'CATEGORIES', 'PHOTO', 'X-ABLABEL', DERIVED_FN_MARKER,
]);

const SPOUSE = new Set(['X-SPOUSE', 'X-MS-SPOUSE', 'X-EVOLUTION-SPOUSE']);
const MANAGER = new Set(['X-MANAGER', 'X-MS-MANAGER', 'X-EVOLUTION-MANAGER']);
const ASSISTANT = new Set(['X-ASSISTANT', 'X-MS-ASSISTANT', 'X-EVOLUTION-ASSISTANT']);
const ANNIVERSARY = new Set(['ANNIVERSARY', 'X-ANNIVERSARY', 'X-MS-ANNIVERSARY', 'X-EVOLUTION-ANNIVERSARY']);

/** Apple wraps its standard labels as `_$!<Spouse>!$_`. */
function labelOf(props: Map<string, string>, group: string | null): string {
  if (group === null) return '';
  const label = props.get(group);
  if (label === undefined) return '';
  return label.replace(/^_\$!<(.*)>!\$_$/, '$1').trim().toLowerCase();
}

/** Lower = more preferred: `PREF=1` (4.0), `TYPE=pref` and bare `PREF` (2.1/3.0) count as 1. */
function preference(property: VCardProperty): number {
  const pref = property.params.get('PREF')?.[0];
  if (pref !== undefined && /^\d+$/.test(pref)) return Number(pref);
  return property.params.get('TYPE')?.includes('pref') ? 1 : 100;
}

function byPreference(properties: VCardProperty[]): VCardProperty[] {
  return properties.length < 2 ? properties : properties.map((p, i) => ({ p, i, pref: preference(p) })).sort((a, b) => a.pref - b.pref || a.i - b.i).map((x) => x.p);
}

function types(property: VCardProperty): readonly string[] {
  return property.params.get('TYPE') ?? [];
}

/** The slots a phone may take, most fitting first; it takes the first one free. */
function phoneSlots(property: VCardProperty, label: string): PhoneKind[] {
  const slot = property.params.get(PHONE_SLOT_PARAM)?.[0];
  if (slot !== undefined && (PHONE_KINDS as readonly string[]).includes(slot)) return [slot as PhoneKind, 'other'];
  const t = new Set(types(property));
  if (label) t.add(label);
  const fax = t.has('fax') || label.includes('fax');
  if (t.has('assistant') || t.has('x-assistant')) return ['assistant', 'other'];
  if (t.has('main') || t.has('x-company-main') || t.has('company main') || t.has('company')) return ['companyMain', 'other'];
  if (t.has('pager')) return ['pager', 'other'];
  if (fax) return t.has('home') || label === 'home fax' ? ['other'] : ['businessFax', 'other'];
  if (t.has('cell') || t.has('mobile') || t.has('iphone')) return ['mobile', 'other'];
  if (t.has('work')) return ['business', 'business2', 'other'];
  if (t.has('home')) return ['home', 'home2', 'other'];
  return ['other'];
}

function addressKind(property: VCardProperty, label: string): AddressKind {
  const t = types(property);
  if (t.includes('work') || label === 'work') return 'business';
  if (t.includes('home') || label === 'home') return 'home';
  return 'other';
}

/** `text` trimmed, or undefined when nothing is left (the contact leaves missing values out). */
function present(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const trimmed = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
  return trimmed === '' ? undefined : trimmed;
}

function mediaTypeOf(property: VCardProperty): string | null {
  const explicit = property.params.get('MEDIATYPE')?.[0];
  if (explicit) return explicit.toLowerCase();
  const type = types(property).find((t) => t !== 'pref');
  if (!type) return null;
  if (type.includes('/')) return type;
  return `image/${type === 'jpg' ? 'jpeg' : type}`;
}

function readPhoto(property: VCardProperty, warnings: string[]): ContactPhoto | null {
  if (property.binary) {
    if (property.binary.length > MAX_PHOTO_BYTES) {
      warnings.push(`the photo (${property.binary.length} bytes) is bigger than ${MAX_PHOTO_BYTES} bytes and was left out`);
      return null;
    }
    return property.binary.length === 0 ? null : { mediaType: mediaTypeOf(property), bytes: new Uint8Array(property.binary) };
  }
  // A data: URI is not text, but some writers (khard) escape its comma anyway.
  const value = property.value.trim().replace(/\\,/g, ',');
  const data = /^data:([^;,]*)(;base64)?,(.*)$/is.exec(value);
  if (data) {
    const bytes = data[2] ? Buffer.from(data[3]!, 'base64') : Buffer.from(decodeURIComponent(data[3]!), 'utf8');
    if (bytes.length > MAX_PHOTO_BYTES) {
      warnings.push(`the photo (${bytes.length} bytes) is bigger than ${MAX_PHOTO_BYTES} bytes and was left out`);
      return null;
    }
    return bytes.length === 0 ? null : { mediaType: data[1] ? data[1].toLowerCase() : null, bytes: new Uint8Array(bytes) };
  }
  // Some writers (Thunderbird's v3 binary photos) put base64 bytes with no ENCODING.
  if (value.length >= 32 && !/^[a-z][a-z0-9+.-]*:/i.test(value) && /^[A-Za-z0-9+/\s]+=*$/.test(value)) {
    return readPhoto({ ...property, binary: Buffer.from(value, 'base64') }, warnings);
  }
  if (value !== '') warnings.push(PHOTO_LINK_WARNING);
  return null;
}

/** A text value trimmed, escapes undone (not in 2.1, which has none but `\;`). */
function textOf(property: VCardProperty, legacy: boolean): string | undefined {
  return present(legacy ? property.value : unescapeText(property.value));
}

/** The `;`-separated parts of a structured value (N, ORG, ADR), each unescaped and trimmed. */
function componentsOf(property: VCardProperty, legacy: boolean): (string | undefined)[] {
  return splitUnescaped(property.value, ';').map((part) => present(legacy ? part.replace(/\\;/g, ';') : unescapeText(part)));
}

/**
 * Reads one card from its unfolded body text, lines joined by LF (see `split-vcards.ts`). A card with
 * neither a name, nor an e-mail, nor a company is not a contact.
 */
export function readCard(body: string, latin1 = false): CardReading {
  const warnings: string[] = [];
  const note: DecodeNote = {};
  const properties: VCardProperty[] = [];
  const labels = new Map<string, string>();
  let version = '3.0';
  let derivedFn = false;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const head = lineHead(line);
    if (head === null) continue;
    // A vCard 2.1 QUOTED-PRINTABLE value goes on after a soft `=` line break.
    while (continuesQuotedPrintable(line, head) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i]!;
    }
    if (!READ.has(head.name)) continue;
    const property = parseProperty(line, head, latin1, note);
    if (property === null) continue;
    if (property.name === 'VERSION') version = property.value.trim();
    else if (property.name === DERIVED_FN_MARKER) derivedFn = true;
    else if (property.name === 'X-ABLABEL') {
      if (property.group !== null) labels.set(property.group, property.value);
    } else properties.push(property);
  }
  const legacy = version === '2.1';

  const fields: ContactFields = {};
  let uid: string | null = null;
  let photo: ContactPhoto | null = null;
  const emails: VCardProperty[] = [];
  const phones: VCardProperty[] = [];
  const addresses: VCardProperty[] = [];
  const urls: VCardProperty[] = [];
  const categories: string[] = [];

  for (const property of properties) {
    const name = property.name;
    switch (name) {
      case 'UID':
        uid ??= textOf(property, legacy) ?? null;
        break;
      case 'FN':
        fields.fullName ??= textOf(property, legacy);
        break;
      case 'N': {
        if (fields.lastName || fields.firstName) break;
        const [last, first, middle, prefix, suffix] = componentsOf(property, legacy);
        if (last) fields.lastName = last;
        if (first) fields.firstName = first;
        if (middle) fields.middleName = middle;
        if (prefix) fields.prefix = prefix;
        if (suffix) fields.suffix = suffix;
        break;
      }
      case 'NICKNAME':
        fields.nickname ??= present(splitUnescaped(property.value, ',').map((n) => (legacy ? n : unescapeText(n))).find((n) => n.trim() !== ''));
        break;
      case 'ORG': {
        if (fields.company !== undefined) break;
        const [company, ...units] = componentsOf(property, legacy);
        if (company) fields.company = company;
        const department = units.filter(Boolean).join(', ');
        if (department) fields.department = department;
        break;
      }
      case 'TITLE':
        fields.jobTitle ??= textOf(property, legacy);
        break;
      case 'EMAIL':
        emails.push(property);
        break;
      case 'TEL':
        phones.push(property);
        break;
      case 'ADR':
        addresses.push(property);
        break;
      case 'URL':
        urls.push(property);
        break;
      case 'BDAY':
      case 'X-ABDATE':
      case 'ANNIVERSARY':
      case 'X-ANNIVERSARY':
      case 'X-MS-ANNIVERSARY':
      case 'X-EVOLUTION-ANNIVERSARY': {
        const isBirthday = name === 'BDAY';
        const isAnniversary = ANNIVERSARY.has(name) || (name === 'X-ABDATE' && labelOf(labels, property.group) === 'anniversary');
        if (!isBirthday && !isAnniversary) break;
        const field = isBirthday ? 'birthday' : 'anniversary';
        if (fields[field] !== undefined) break;
        const raw = textOf(property, legacy);
        if (raw === undefined) break;
        const date = parseVCardDate(raw);
        if (date) fields[field] = date;
        else warnings.push(`the ${field} "${raw}" is not a date Liaison reads and was left out`);
        break;
      }
      case 'RELATED':
      case 'X-ABRELATEDNAMES': {
        const label = name === 'RELATED' ? types(property).join(',') : labelOf(labels, property.group);
        const value = textOf(property, legacy);
        if (label.includes('spouse')) fields.spouse ??= value;
        else if (label.includes('manager')) fields.manager ??= value;
        else if (label.includes('assistant')) fields.assistantName ??= value;
        break;
      }
      case 'NOTE':
        fields.notes ??= textOf(property, legacy);
        break;
      case 'CATEGORIES':
        for (const part of splitUnescaped(property.value, ',')) {
          for (const category of legacy ? part.split(';') : [unescapeText(part)]) {
            const trimmed = present(category);
            if (trimmed && !categories.includes(trimmed)) categories.push(trimmed);
          }
        }
        break;
      case 'PHOTO':
        photo ??= readPhoto(property, warnings);
        break;
      default:
        if (SPOUSE.has(name)) fields.spouse ??= textOf(property, legacy);
        else if (MANAGER.has(name)) fields.manager ??= textOf(property, legacy);
        else if (ASSISTANT.has(name)) fields.assistantName ??= textOf(property, legacy);
    }
  }

  const emailValues: string[] = [];
  for (const property of byPreference(emails)) {
    const value = present(textOf(property, legacy)?.replace(/^mailto:/i, ''));
    if (value && !emailValues.some((known) => known.toLowerCase() === value.toLowerCase())) emailValues.push(value);
  }
  if (emailValues.length > MAX_EMAILS) {
    warnings.push(`the card has ${emailValues.length} e-mails; the first ${MAX_EMAILS} were kept (${emailValues.slice(MAX_EMAILS).join(', ')} left out)`);
  }
  if (emailValues.length > 0) fields.emails = emailValues.slice(0, MAX_EMAILS);

  if (phones.length > 0) {
    const slots: Partial<Record<PhoneKind, string>> = {};
    for (const property of byPreference(phones)) {
      const value = present(textOf(property, legacy)?.replace(/^tel:/i, ''));
      if (!value) continue;
      const slot = phoneSlots(property, labelOf(labels, property.group)).find((kind) => slots[kind] === undefined);
      if (slot) slots[slot] = value;
      else warnings.push(`the phone ${value} was left out: its kind of slot is taken`);
    }
    if (Object.keys(slots).length > 0) fields.phones = slots;
  }

  if (addresses.length > 0) {
    const kept: Partial<Record<AddressKind, PostalAddress>> = {};
    for (const property of byPreference(addresses)) {
      const [poBox, extended, street, city, region, postalCode, country] = componentsOf(property, legacy);
      const address: PostalAddress = {};
      const streetLines = [street, extended, poBox].filter(Boolean).join('\n');
      if (streetLines) address.street = streetLines;
      if (city) address.city = city;
      if (region) address.region = region;
      if (postalCode) address.postalCode = postalCode;
      if (country) address.country = country;
      if (Object.keys(address).length === 0) continue;
      const kind = addressKind(property, labelOf(labels, property.group));
      if (kept[kind] === undefined) kept[kind] = address;
      else if (kept.other === undefined) kept.other = address;
      else warnings.push(`an address (${Object.values(address).join(', ').replace(/\n/g, ' ')}) was left out: a contact keeps three`);
    }
    if (Object.keys(kept).length > 0) fields.addresses = kept;
  }

  if (urls.length > 0) {
    const url = byPreference(urls).map((p) => textOf(p, legacy)).find(Boolean);
    if (url) fields.webPage = url;
  }
  if (categories.length > 0) fields.categories = categories;
  if (derivedFn) delete fields.fullName;
  // A card may give its photo as a link and again as bytes (ical.js's sample does): the bytes win, silently.
  if (photo !== null && warnings.includes(PHOTO_LINK_WARNING)) warnings.splice(warnings.indexOf(PHOTO_LINK_WARNING), 1);

  if (note.unknownCharset) warnings.push(`the character set "${note.unknownCharset}" is unknown; its text was read as UTF-8`);
  if (note.guessedWindows1252) warnings.push('some text was not UTF-8 and names no CHARSET; it was read as Windows-1252');

  const hasName = fields.fullName || fields.firstName || fields.lastName || fields.middleName || fields.nickname;
  if (!hasName && !fields.emails && !fields.company) {
    return { ok: false, reason: 'the card has no name and no e-mail (nor a company), so there is nothing to add it by' };
  }
  return { ok: true, uid, fields, photo, warnings };
}
