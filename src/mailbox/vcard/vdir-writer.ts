/**
 * Writes contacts into a vdir folder (the layout of khard and vdirsyncer): one
 * `<uid>.vcf` per contact. Each card goes to a hidden temporary file in the same folder,
 * is flushed to disk, then renamed over the target, so a crash at any moment leaves
 * either the old card or the new one, never half of one. Readers skip hidden files, so
 * a temporary file left by a crash is never read as a contact.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeVCard, type CardToWrite, type VCardVersion } from './write-vcard.js';

/** A UID that is safe as a file name as it is; any other UID is hashed. */
const SAFE_UID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,200}$/;

/** The file name a contact with this UID has in a vdir. */
export function vdirFileName(uid: string): string {
  if (SAFE_UID.test(uid) && !uid.endsWith('.')) return `${uid}.vcf`;
  return `${createHash('sha256').update(uid).digest('hex').slice(0, 32)}.vcf`;
}

export class VdirWriter {
  constructor(
    private readonly directory: string,
    private readonly version: VCardVersion = '4.0',
  ) {}

  /** Writes (or replaces) the card of `card.uid`; returns the file's path. */
  async write(card: CardToWrite): Promise<string> {
    const target = join(this.directory, vdirFileName(card.uid));
    const temporary = join(this.directory, `.${vdirFileName(card.uid)}.${randomBytes(6).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(writeVCard(card, this.version), 'utf8');
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return target;
  }

  /** Deletes the card of `uid`; a card that is already gone is not an error. */
  async remove(uid: string): Promise<void> {
    await rm(join(this.directory, vdirFileName(uid)), { force: true });
  }
}
