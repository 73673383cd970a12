/**
 * Encrypts mailbox secrets (passwords, tokens) at rest with AES-256-GCM.
 *
 * A sealed text reads `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key
 * id, the first 8 bytes of the key's SHA-256, lets a wrong key be told apart from
 * damaged data. The key comes from `secret-key.ts`.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { SecretKeyProblem } from './crm-errors.js';

export class SecretBox {
  readonly #key: Buffer;
  readonly keyId: string;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new Error(`bug: a secret box key has 32 bytes, not ${key.length}`);
    this.#key = key;
    this.keyId = createHash('sha256').update(key).digest().subarray(0, 8).toString('base64url');
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', this.keyId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, keyId, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) {
      throw new SecretKeyProblem('a stored mailbox secret is damaged', 'add the mailbox again with its credentials');
    }
    if (keyId !== this.keyId) {
      throw new SecretKeyProblem(
        `the mailbox secrets were encrypted with another key (id ${keyId}, this one is ${this.keyId})`,
        'set LIAISON_SECRET or LIAISON_KEY_FILE to the key used when the mailbox was added',
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretKeyProblem('a stored mailbox secret is damaged', 'add the mailbox again with its credentials');
    }
  }
}
