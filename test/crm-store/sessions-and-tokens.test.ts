import { describe, expect, it } from 'vitest';
import { RecordNotFound, type CrmStore, type User } from '../../src/crm/index.js';
import { DIALECTS, useFreshStore } from '../crm-dialects.js';

const HOUR = 3_600_000;
const at = (ms: number) => new Date(Date.UTC(2026, 10, 28) + ms).toISOString();

describe.each(DIALECTS)('sign-in records on %s', (dialect) => {
  let store: CrmStore;
  let owner: User;
  useFreshStore(dialect, (t) => ({ store, owner } = t));

  it('keeps a password hash per user, none by default, and refuses an unknown user', async () => {
    expect(await store.users.passwordHash(owner.id)).toBeNull();
    await store.users.setPasswordHash(owner.id, 'scrypt$hash');
    expect(await store.users.passwordHash(owner.id)).toBe('scrypt$hash');
    const withPassword = await store.users.add({ email: 'bo@example.org', name: 'Bo', passwordHash: 'scrypt$other' });
    expect(await store.users.passwordHash(withPassword.id)).toBe('scrypt$other');
    expect(withPassword).not.toHaveProperty('passwordHash');
    await expect(store.users.setPasswordHash(9_999, 'x')).rejects.toThrow(RecordNotFound);
  });

  it('finds a session by its token hash only until it expires; extending and removing it', async () => {
    const session = await store.sessions.add({ tokenHash: 'a'.repeat(64), userId: owner.id, csrfToken: 'csrf-1', expiresAt: at(HOUR) });
    expect(await store.sessions.findLive('a'.repeat(64), at(0))).toEqual(session);
    expect(await store.sessions.findLive('a'.repeat(64), at(HOUR))).toBeUndefined();
    expect(await store.sessions.findLive('b'.repeat(64), at(0))).toBeUndefined();

    await store.sessions.extend(session.id, at(2 * HOUR));
    expect(await store.sessions.findLive('a'.repeat(64), at(HOUR))).toMatchObject({ id: session.id, csrfToken: 'csrf-1' });

    await store.sessions.add({ tokenHash: 'c'.repeat(64), userId: owner.id, csrfToken: 'csrf-2', expiresAt: at(HOUR / 2) });
    expect(await store.sessions.removeExpired(at(HOUR))).toBe(1);
    await store.sessions.remove(session.id);
    expect(await store.sessions.findLive('a'.repeat(64), at(0))).toBeUndefined();
  });

  it('keeps API tokens per user by hash; only their owner revokes them', async () => {
    const other = await store.users.add({ email: 'bo@example.org', name: 'Bo' });
    const token = await store.apiTokens.add({ tokenHash: 'd'.repeat(64), userId: owner.id, name: 'nightly import' });
    expect(token).toMatchObject({ userId: owner.id, name: 'nightly import', lastUsedAt: null });
    expect(await store.apiTokens.findByTokenHash('d'.repeat(64))).toEqual(token);
    await store.apiTokens.markUsed(token.id);
    expect((await store.apiTokens.list(owner.id))[0]!.lastUsedAt).not.toBeNull();
    expect(await store.apiTokens.list(other.id)).toEqual([]);

    expect(await store.apiTokens.remove(other.id, token.id)).toBe(false);
    expect(await store.apiTokens.findByTokenHash('d'.repeat(64))).toBeDefined();
    expect(await store.apiTokens.remove(owner.id, token.id)).toBe(true);
    expect(await store.apiTokens.findByTokenHash('d'.repeat(64))).toBeUndefined();
  });
});
