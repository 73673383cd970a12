/**
 * Password hashes with scrypt (Node's own, no native add-on): `scrypt$N$r$p$salt$key`,
 * salt and key in base64url. The cost is in the hash, so raising it later leaves old
 * hashes readable.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InvalidRecord, type CrmStore, type User } from '../crm/index.js';
import { ActingUserUnknown } from './tracking-errors.js';

const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;
/** Passwords longer than this are refused before hashing (scrypt of megabytes is a denial of service). */
export const MAX_PASSWORD_LENGTH = 1_024;
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, options: ScryptOptions, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, length, { ...options, maxmem: 64 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST, KEY_LENGTH);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether `password` matches `hash`; false for a hash in a form this module did not write. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const [scheme, n, r, p, salt, key] = hash.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) }, expected.length);
  return timingSafeEqual(actual, expected);
}

/** A password to print once for a user who has none (the demo user): 16 characters, about 95 bits. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** Sets a user's sign-in password (the CLI's `user password`, the admin's API); refuses one too short or too long. */
export async function setUserPassword(store: Pick<CrmStore, 'users'>, email: string, password: string): Promise<User> {
  const user = await store.users.findByEmail(email);
  if (!user) throw new ActingUserUnknown('unknown email', email);
  if (password.length < MIN_PASSWORD_LENGTH) throw new InvalidRecord('password', `it needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) throw new InvalidRecord('password', `it may have at most ${MAX_PASSWORD_LENGTH} characters`);
  await store.users.setPasswordHash(user.id, await hashPassword(password));
  return user;
}
