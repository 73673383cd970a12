/**
 * The version of a mailbox contact: a hash of its canonical content, so that it
 * changes when, and only when, the content does, whatever order or spelling of
 * properties the writing program used.
 */
import { createHash } from 'node:crypto';
import type { ContactFields } from '../domain/contact.js';
import type { ContactPhoto } from './mailbox.js';

/** JSON with object keys sorted at every level: the same content, the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 16 hex digits of SHA-256 over the canonical fields (and the photo's bytes). */
export function contactVersion(fields: ContactFields, photo: ContactPhoto | null = null): string {
  const hash = createHash('sha256').update(canonicalJson(fields));
  if (photo) hash.update('\0photo\0').update(photo.bytes);
  return hash.digest('hex').slice(0, 16);
}
