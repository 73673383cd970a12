import { describe, expect, it } from 'vitest';
import type { CrmStore, User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';

describe.each(DIALECTS)('accounts on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  it.each([
    ['Contoso Ltd ', 'contoso  ltd', true],
    ['Contoso Ltd', 'CONTOSO LTD', true],
    ['Cafe\u0301 de Flore', 'Café de Flore', true],
    ['Contoso Ltd', 'Contoso Ltd.', false],
    ['Contoso Ltd', 'Contoso', false],
  ])('W3: an account named %j is found by name %j: %s', async (stored, searched, found) => {
    const account = await store.accounts.add({ name: stored, ownerId: owner.id });
    const matches = await store.accounts.findByName(searched);
    expect(matches.map((a) => a.id)).toEqual(found ? [account.id] : []);
  });

  it('lists every account of the same name, oldest first', async () => {
    const first = await store.accounts.add({ name: 'Fabrikam', ownerId: owner.id });
    const second = await store.accounts.add({ name: 'FABRIKAM ', ownerId: owner.id });
    expect((await store.accounts.findByName('fabrikam')).map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it('stores the tidy name, website, owner and parent account', async () => {
    const parent = await store.accounts.add({ name: 'Contoso Group', ownerId: owner.id });
    const child = await store.accounts.add({
      name: '  Contoso   Europe ',
      ownerId: owner.id,
      website: 'https://contoso.example',
      parentAccountId: parent.id,
    });
    expect(await store.accounts.getOrThrow(child.id)).toMatchObject({
      name: 'Contoso Europe',
      ownerId: owner.id,
      website: 'https://contoso.example',
      parentAccountId: parent.id,
    });
  });

  it('searches names in any case, with % and _ taken literally', async () => {
    await store.accounts.add({ name: 'Contoso Ltd', ownerId: owner.id });
    await store.accounts.add({ name: '100% Organic', ownerId: owner.id });
    await store.accounts.add({ name: '1000 Organic', ownerId: owner.id });
    expect((await store.accounts.list({ search: 'CONTO' })).map((a) => a.name)).toEqual(['Contoso Ltd']);
    expect((await store.accounts.list({ search: '0%' })).map((a) => a.name)).toEqual(['100% Organic']);
    expect(await store.accounts.count()).toBe(3);
    const [first, , third] = await store.accounts.list();
    expect((await store.accounts.findMany([third!.id, first!.id, 999])).map((a) => a.name)).toEqual(
      [first!, third!].sort((a, b) => a.id - b.id).map((a) => a.name),
    );
  });
});
