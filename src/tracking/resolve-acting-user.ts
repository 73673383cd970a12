import type { CrmStore, User } from '../crm/index.js';
import { ActingUserUnknown } from './tracking-errors.js';

/**
 * The user a command acts as: the one whose e-mail is given, else the only user of
 * the CRM. With no users, or several and none named, says so (`ActingUserUnknown`).
 */
export async function resolveActingUser(store: Pick<CrmStore, 'users'>, email?: string): Promise<User> {
  if (email !== undefined) {
    const user = await store.users.findByEmail(email);
    if (!user) throw new ActingUserUnknown('unknown email', email);
    return user;
  }
  const users = await store.users.list();
  if (users.length === 0) throw new ActingUserUnknown('no users');
  if (users.length > 1) throw new ActingUserUnknown('several users');
  return users[0]!;
}
