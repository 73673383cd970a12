import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretKeyProblem } from './crm-errors.js';
import { SecretBox } from './secret-box.js';
import { defaultKeyFile, secretBoxFromEnvironment } from './secret-key.js';

describe('mailbox secrets are encrypted at rest', () => {
  const box = new SecretBox(Buffer.alloc(32, 1));

  it('opens what it sealed, and the sealed text does not contain the secret', () => {
    const sealed = box.seal('hunter2-p@ss');
    expect(sealed).not.toContain('hunter2');
    expect(box.open(sealed)).toBe('hunter2-p@ss');
  });

  it('seals the same text differently each time (random IV)', () => {
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('tells a wrong key apart from damaged data', () => {
    const sealed = box.seal('secret');
    const other = new SecretBox(Buffer.alloc(32, 2));
    expect(() => other.open(sealed)).toThrow(/encrypted with another key/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(/damaged/);
  });
});

describe('where the key comes from', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('derives the same key from the same LIAISON_SECRET', () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-key-'));
    const a = secretBoxFromEnvironment({ LIAISON_SECRET: 'correct horse battery staple' });
    const b = secretBoxFromEnvironment({ LIAISON_SECRET: 'correct horse battery staple' });
    expect(b.open(a.seal('x'))).toBe('x');
  });

  it('creates a key file with mode 0600 on first use, and reuses it', () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-key-'));
    const env = { XDG_CONFIG_HOME: dir };
    const path = defaultKeyFile(env);
    expect(path).toBe(join(dir, 'liaison', 'secret.key'));
    const first = secretBoxFromEnvironment(env);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(secretBoxFromEnvironment(env).open(first.seal('kept'))).toBe('kept');
  });

  it('refuses a key file other users can read, saying how to fix it', () => {
    dir = mkdtempSync(join(tmpdir(), 'liaison-key-'));
    const path = join(dir, 'secret.key');
    writeFileSync(path, `${Buffer.alloc(32, 3).toString('base64')}\n`);
    chmodSync(path, 0o644);
    expect(() => secretBoxFromEnvironment({ LIAISON_KEY_FILE: path })).toThrow(SecretKeyProblem);
    try {
      secretBoxFromEnvironment({ LIAISON_KEY_FILE: path });
    } catch (error) {
      expect((error as SecretKeyProblem).fix).toBe(`run: chmod 600 ${path}`);
    }
  });
});
