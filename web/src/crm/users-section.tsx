/** Settings, for administrators: the CRM's users, and adding one who signs in with the password given. */
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { currentSession } from '../api/session-api';
import { addUser, listUsers } from '../api/users-api';
import type { User } from '../api/types';
import { ErrorMessage } from '../components/error-message';
import { useT } from '../i18n/use-t';

export function UsersSection() {
  const t = useT();
  const ids = { email: useId(), name: useId(), password: useId(), role: useId() };
  const [admin, setAdmin] = useState(false);
  const [users, setUsers] = useState<User[] | null>(null);
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'user' as User['role'] });
  const [error, setError] = useState<unknown>(null);
  const [added, setAdded] = useState<string | null>(null);
  const load = useCallback(() => listUsers().then(setUsers, setError), []);
  useEffect(() => {
    currentSession().then((session) => {
      if (session?.user.role !== 'admin') return;
      setAdmin(true);
      void load();
    }, setError);
  }, [load]);
  if (!admin) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setAdded(null);
    try {
      const user = await addUser({ ...form, email: form.email.trim(), name: form.name.trim() });
      setAdded(t('users.added', { name: user.name }));
      setForm({ email: '', name: '', password: '', role: 'user' });
      void load();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t('users.title')}</h2>
      <p className="hint">{t('users.intro')}</p>
      {users && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{u.role === 'admin' ? t('users.roleAdmin') : t('users.roleUser')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={ids.email}>{t('users.email')}</label>
          <input id={ids.email} type="email" required autoComplete="off" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.name}>{t('users.name')}</label>
          <input id={ids.name} type="text" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('users.password')}</label>
          <input id={ids.password} type="password" required minLength={8} autoComplete="new-password" value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('users.role')}</label>
          <select id={ids.role} value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as User['role'] })}>
            <option value="user">{t('users.roleUser')}</option>
            <option value="admin">{t('users.roleAdmin')}</option>
          </select>
        </div>
        <button type="submit" className="primary">
          {t('users.add')}
        </button>
      </form>
      <ErrorMessage error={error} />
      <div role="status">{added && <p className="banner success">{added}</p>}</div>
    </section>
  );
}
