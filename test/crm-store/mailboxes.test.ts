import { describe, expect, it } from 'vitest';
import { InvalidRecord, SecretBox, SecretKeyProblem, openCrmStore, type CrmStore, type User } from '../../src/crm/index.js';
import { DIALECTS, rawQuery, useFreshStore } from '../crm-dialects.js';
import { newUser } from '../store-fixtures.js';

describe.each(DIALECTS)('mailboxes on %s', (dialect) => {
  let store: CrmStore;
  let location: string;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, location, owner } = t));

  const imap = (name = 'Work') => ({
    name,
    ownerAddress: owner.email,
    connector: { kind: 'imap', settings: { host: '127.0.0.1', port: 1143, user: 'ada' } },
    secrets: { password: 'hunter2-very-secret' },
  });

  it('keeps connector secrets encrypted at rest and gives them back decrypted', async () => {
    const mailbox = await store.mailboxes.add({ ownerId: owner.id, ...imap() });
    expect(mailbox).toMatchObject({ name: 'Work', hasSecrets: true, connector: { kind: 'imap', settings: { host: '127.0.0.1', port: 1143, user: 'ada' } } });
    expect(JSON.stringify(mailbox)).not.toContain('hunter2');
    const [row] = await rawQuery<{ secrets: string; settings: string }>(location, 'select secrets, settings from mailboxes where id = $1', [mailbox.id]);
    expect(row!.secrets).toMatch(/^v1\./);
    expect(row!.secrets).not.toContain('hunter2');
    expect(row!.settings).not.toContain('hunter2');
    expect(await store.mailboxes.readSecrets(mailbox.id)).toEqual({ password: 'hunter2-very-secret' });
  });

  it('refuses to decrypt with another key, saying which key to set', async () => {
    const mailbox = await store.mailboxes.add({ ownerId: owner.id, ...imap() });
    const other = await openCrmStore(location, { secretBox: () => new SecretBox(Buffer.alloc(32, 9)) });
    try {
      await expect(other.mailboxes.readSecrets(mailbox.id)).rejects.toThrow(SecretKeyProblem);
    } finally {
      await other.close();
    }
  });

  it('lists a user’s mailboxes only, by name; a name is unique per user', async () => {
    const bob = await newUser(store, 'bob@example.org');
    await store.mailboxes.add({ ownerId: owner.id, ...imap('Work') });
    await store.mailboxes.add({ ownerId: owner.id, ...imap('Archive'), secrets: null });
    await store.mailboxes.add({ ownerId: bob.id, ...imap('Work'), ownerAddress: 'bob@example.org' });
    expect((await store.mailboxes.list(owner.id)).map((m) => m.name)).toEqual(['Archive', 'Work']);
    expect((await store.mailboxes.list(bob.id)).map((m) => m.name)).toEqual(['Work']);
    expect(await store.mailboxes.findByName(owner.id, 'Archive')).toMatchObject({ hasSecrets: false });
    await expect(store.mailboxes.add({ ownerId: owner.id, ...imap('Work') })).rejects.toThrow(InvalidRecord);
  });
});
