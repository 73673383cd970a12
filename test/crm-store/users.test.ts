import { describe, expect, it } from 'vitest';
import { DuplicateUserEmail, InvalidRecord, RecordNotFound, type CrmStore } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';

describe.each(DIALECTS)('users on %s', (dialect) => {
  let store: CrmStore;
  useFreshStore(dialect, (t) => ({ store } = t));

  it('adds a user and finds it by e-mail in any case', async () => {
    const ada = await store.users.add({ email: 'Ada.Lovelace@Example.org', name: 'Ada Lovelace', role: 'admin' });
    expect(ada).toMatchObject({ email: 'Ada.Lovelace@Example.org', name: 'Ada Lovelace', role: 'admin' });
    expect(await store.users.findByEmail(' ada.lovelace@EXAMPLE.ORG ')).toEqual(ada);
    expect(await store.users.getOrThrow(ada.id)).toEqual(ada);
  });

  it.each([
    ['ada@example.org', 'ada@example.org'],
    ['ada@example.org', 'ADA@Example.ORG'],
    ['ada@example.org', '  ada@example.org  '],
  ])('refuses a second user with %j as %j', async (first, second) => {
    await store.users.add({ email: first, name: 'Ada' });
    await expect(store.users.add({ email: second, name: 'Another Ada' })).rejects.toThrow(DuplicateUserEmail);
    expect((await store.users.list()).map((u) => u.name)).toEqual(['Owner', 'Ada']);
  });

  it('refuses a user without a usable e-mail or name', async () => {
    await expect(store.users.add({ email: 'not-an-address', name: 'X' })).rejects.toThrow(InvalidRecord);
    await expect(store.users.add({ email: 'x@example.org', name: '  ' })).rejects.toThrow(InvalidRecord);
  });

  it('says which user does not exist', async () => {
    await expect(store.users.getOrThrow(999)).rejects.toThrow(RecordNotFound);
  });
});
