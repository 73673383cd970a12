import type { CrmStore, User, UserRole } from '../crm/index.js';

/**
 * Adds a CRM user. The first user of a CRM is its administrator unless a role is
 * given; later users are plain users unless made admins.
 */
export async function addUser(
  store: Pick<CrmStore, 'users'>,
  input: { email: string; name: string; role?: UserRole },
): Promise<User> {
  const role = input.role ?? ((await store.users.list()).length === 0 ? 'admin' : 'user');
  return store.users.add({ email: input.email, name: input.name, role });
}
