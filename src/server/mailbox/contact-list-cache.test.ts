import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMailbox } from '../../mailbox/open-mailbox.js';
import { ContactListCache } from './contact-list-cache.js';

const card = (uid: string, name: string) => `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:${uid}\r\nFN:${name}\r\nEMAIL:${uid}@example.org\r\nEND:VCARD\r\n`;

describe('the contact list kept between pages of the address-book view', () => {
  it('reads the mailbox once per minute and folder, and again once the minute is over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'liaison-list-'));
    const file = join(dir, 'book.vcf');
    writeFileSync(file, card('a', 'Ann'));
    let clock = 0;
    const cache = new ContactListCache(60_000, 8, () => clock);
    const mailbox = () => openMailbox('vcard', { path: dir }, 'me@example.org');
    const key = { userId: 1, mailboxId: 1, folder: undefined };
    expect((await cache.list(key, mailbox())).map((c) => c.name)).toEqual(['Ann']);

    writeFileSync(file, card('a', 'Ann') + card('b', 'Bob'));
    clock = 59_000;
    expect((await cache.list(key, mailbox())).map((c) => c.name)).toEqual(['Ann']);
    expect((await cache.list({ ...key, userId: 2 }, mailbox())).map((c) => c.name)).toEqual(['Ann', 'Bob']);
    clock = 60_000;
    expect((await cache.list(key, mailbox())).map((c) => c.name)).toEqual(['Ann', 'Bob']);
  });

  it('does not keep a read that failed', async () => {
    const cache = new ContactListCache();
    const dir = mkdtempSync(join(tmpdir(), 'liaison-list-'));
    const missing = openMailbox('vcard', { path: join(dir, 'gone') }, 'me@example.org');
    const key = { userId: 1, mailboxId: 1, folder: undefined };
    await expect(cache.list(key, missing)).rejects.toThrow();
    writeFileSync(join(dir, 'gone'), card('c', 'Cy'));
    expect((await cache.list(key, openMailbox('vcard', { path: join(dir, 'gone') }, 'me@example.org'))).map((c) => c.name)).toEqual(['Cy']);
  });
});
