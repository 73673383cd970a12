/**
 * Where the key for mailbox secrets comes from, in this order:
 * 1. `LIAISON_SECRET`: any text; the key is derived from it with scrypt, so a
 *    passphrase works and the same text gives the same key on every machine;
 * 2. a key file, `LIAISON_KEY_FILE` or `~/.config/liaison/secret.key`
 *    (`$XDG_CONFIG_HOME` is honoured): 32 random bytes, base64, created on first use
 *    with mode 0600; one readable by other users is refused, as ssh does.
 */
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { randomBytes, scryptSync } from 'node:crypto';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { SecretKeyProblem } from './crm-errors.js';
import { SecretBox } from './secret-box.js';

const SALT = 'liaison/mailbox-secrets/v1';

export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIAISON_KEY_FILE) return env.LIAISON_KEY_FILE;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'liaison', 'secret.key');
}

export function secretBoxFromEnvironment(env: NodeJS.ProcessEnv = process.env): SecretBox {
  if (env.LIAISON_SECRET) return new SecretBox(scryptSync(env.LIAISON_SECRET, SALT, 32));
  return new SecretBox(readOrCreateKeyFile(defaultKeyFile(env)));
}

function readOrCreateKeyFile(path: string): Buffer {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const fd = openSync(path, 'wx', 0o600);
    try {
      writeSync(fd, `${randomBytes(32).toString('base64')}\n`);
    } finally {
      closeSync(fd);
    }
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
      throw new SecretKeyProblem(
        `cannot create the key file ${path} (${(error as Error).message})`,
        'set LIAISON_KEY_FILE to a writable path, or LIAISON_SECRET to a passphrase',
      );
    }
  }
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new SecretKeyProblem(
      `the key file ${path} can be read by other users (mode ${mode.toString(8).padStart(4, '0')})`,
      `run: chmod 600 ${path}`,
    );
  }
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new SecretKeyProblem(`the key file ${path} does not hold a 32-byte base64 key`, 'restore it from a backup, or set LIAISON_SECRET');
  }
  return key;
}
