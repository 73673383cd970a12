/**
 * The version of a mailbox contact: a hash of its canonical content, so that it
 * changes when, and only when, the content does, whatever order or spelling of
 * properties the writing program used.
 */
import crypto, { createHash } from 'node:crypto';
import { ADDRESS_KINDS, ADDRESS_PARTS, PHONE_KINDS, type ContactFields } from '../domain/contact.js';
import type { ContactPhoto } from './mailbox.js';

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted at every level: the same content, the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => byCodeUnit(a, b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sorted = <T extends string>(keys: readonly T[]): T[] => [...keys].sort(byCodeUnit);
const FIELD_KEYS = sorted<keyof ContactFields>([
  'prefix', 'firstName', 'middleName', 'lastName', 'suffix', 'fullName', 'nickname', 'company', 'department', 'jobTitle',
  'emails', 'phones', 'addresses', 'webPage', 'birthday', 'anniversary', 'spouse', 'manager', 'assistantName', 'notes', 'categories',
]);
const NESTED_KEYS: Record<string, readonly string[]> = { phones: sorted(PHONE_KINDS), addresses: sorted(ADDRESS_KINDS) };
const PART_KEYS = sorted(ADDRESS_PARTS);

/** `length:text`: unambiguous without escaping, so no value can pass for two. */
const item = (text: string) => `${text.length}:${text}`;

function objectText(value: object, keys: readonly string[], inner: (v: unknown) => string): string {
  let out = '{';
  let known = 0;
  for (const key of keys) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    known++;
    out += `${key}=${inner(v)}`;
  }
  let count = 0;
  for (const key in value) if ((value as Record<string, unknown>)[key] !== undefined) count++;
  // Keys outside the known ones still count, in the generic (sorted JSON) form.
  if (count !== known) out += `+${item(canonicalJson(Object.fromEntries(Object.entries(value).filter(([k]) => !keys.includes(k)))))}`;
  return `${out}}`;
}

const leafText = (v: unknown): string => (typeof v === 'string' ? item(v) : item(canonicalJson(v)));
const addressText = (v: unknown): string => (v !== null && typeof v === 'object' && !Array.isArray(v) ? objectText(v, PART_KEYS, leafText) : leafText(v));

function fieldText(key: string, value: unknown): string {
  if (typeof value === 'string') return item(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return `[${value.map(item).join('')}]`;
  const nested = NESTED_KEYS[key];
  if (nested && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return objectText(value, nested, key === 'addresses' ? addressText : leafText);
  }
  return item(canonicalJson(value));
}

/**
 * The canonical text of a contact's fields, the input of its version: keys in sorted
 * order, each value length-prefixed (no escaping), missing values left out. Two
 * contacts have the same text exactly when their sorted JSON is the same (a property
 * test holds it to that), but it is written without sorting or JSON on the hot path of
 * reading a mailbox, where it runs once per contact.
 */
export function canonicalContactText(fields: ContactFields): string {
  let out = '';
  let known = 0;
  for (const key of FIELD_KEYS) {
    const value = fields[key];
    if (value === undefined) continue;
    known++;
    out += `${key}=${fieldText(key, value)}`;
  }
  let count = 0;
  for (const key in fields) if ((fields as Record<string, unknown>)[key] !== undefined) count++;
  if (count !== known) {
    const others = Object.entries(fields).filter(([k]) => !(FIELD_KEYS as string[]).includes(k));
    out += `+${item(canonicalJson(Object.fromEntries(others)))}`;
  }
  return out;
}

/** `crypto.hash` (Node 20.12+) hashes a string in one call, without a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const sha256Hex = (text: string): string => (oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex'));

/** 16 hex digits of SHA-256 over the canonical fields (and the photo's type and bytes). */
export function contactVersion(fields: ContactFields, photo: ContactPhoto | null = null): string {
  const text = canonicalContactText(fields);
  if (!photo) return sha256Hex(text).slice(0, 16);
  const hash = createHash('sha256').update(text);
  hash.update(`\0photo\0${photo.mediaType ?? ''}\0`).update(photo.bytes);
  return hash.digest('hex').slice(0, 16);
}
