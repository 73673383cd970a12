/**
 * The version of a mailbox contact: a hash of its canonical content, so that it
 * changes when, and only when, the content does, whatever order or spelling of
 * properties the writing program used.
 */
import crypto, { createHash } from 'node:crypto';
import { ADDRESS_KINDS, ADDRESS_PARTS, PHONE_KINDS, type ContactFields } from '../domain/contact.js';
import type { ContactPhoto } from './mailbox.js';

/** `crypto.hash` (Node 20.12+) hashes a string in one call, without a Hash object. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
const oneShotSha256 = (text: string): string => (oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex'));

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

/** Every key of ContactFields, in canonical (sorted) order. */
const FIELD_KEYS = sorted<keyof ContactFields>([
  'prefix', 'firstName', 'middleName', 'lastName', 'suffix', 'fullName', 'nickname', 'company', 'department', 'jobTitle',
  'emails', 'phones', 'addresses', 'webPage', 'birthday', 'anniversary', 'spouse', 'manager', 'assistantName', 'notes', 'categories',
]);
const FIELD_PREFIX = new Map(FIELD_KEYS.map((key) => [key, `${JSON.stringify(key)}:`]));
const PHONE_KEYS = sorted(PHONE_KINDS);
const ADDRESS_KEYS = sorted(ADDRESS_KINDS);
const PART_KEYS = sorted(ADDRESS_PARTS);

/** `{"k":"v",…}` over `keys` in order, or null when the object has a key or a value that is not a string outside them. */
function flatObject(object: Record<string, unknown>, keys: readonly string[]): string | null {
  let out = '{';
  let seen = 0;
  for (const key of keys) {
    const value = object[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return null;
    seen++;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${JSON.stringify(value)}`;
  }
  return seen === Object.keys(object).length ? `${out}}` : null;
}

function fastValue(key: keyof ContactFields, value: unknown): string | null {
  if (typeof value === 'string') return JSON.stringify(value);
  if (key === 'emails' || key === 'categories') {
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? JSON.stringify(value) : null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (key === 'phones') return flatObject(value as Record<string, unknown>, PHONE_KEYS);
  if (key !== 'addresses') return null;
  let out = '{';
  let seen = 0;
  for (const kind of ADDRESS_KEYS) {
    const address = (value as Record<string, unknown>)[kind];
    if (address === undefined) continue;
    if (address === null || typeof address !== 'object') return null;
    const text = flatObject(address as Record<string, unknown>, PART_KEYS);
    if (text === null) return null;
    seen++;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(kind)}:${text}`;
  }
  return seen === Object.keys(value).length ? `${out}}` : null;
}

/**
 * {@link canonicalJson} of a contact's fields, written for the hot path of reading a
 * mailbox (one call per contact): keys in fixed sorted orders instead of sorting them
 * each time. It gives exactly canonicalJson's text (a property test holds it to that);
 * anything ContactFields does not have (another key, a value of another type) goes the
 * generic way.
 */
export function canonicalContactJson(fields: ContactFields): string {
  let out = '{';
  let seen = 0;
  for (const key of FIELD_KEYS) {
    const value = fields[key];
    if (value === undefined) continue;
    const text = fastValue(key, value);
    if (text === null) return canonicalJson(fields);
    seen++;
    out += `${out.length > 1 ? ',' : ''}${FIELD_PREFIX.get(key)!}${text}`;
  }
  if (seen !== Object.keys(fields).length) return canonicalJson(fields);
  return `${out}}`;
}

/** 16 hex digits of SHA-256 over the canonical fields (and the photo's type and bytes). */
export function contactVersion(fields: ContactFields, photo: ContactPhoto | null = null): string {
  const text = canonicalContactJson(fields);
  if (!photo) return oneShotSha256(text).slice(0, 16);
  const hash = createHash('sha256').update(text);
  hash.update(`\0photo\0${photo.mediaType ?? ''}\0`).update(photo.bytes);
  return hash.digest('hex').slice(0, 16);
}
