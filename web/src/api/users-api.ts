/** Users, for administrators (GET/POST /api/users). */
import { api } from './http';
import type { User } from './types';

export const listUsers = () => api<{ items: User[] }>('/api/users').then((r) => r.items);

export const addUser = (user: { email: string; name: string; password: string; role: User['role'] }) => api<User>('/api/users', { method: 'POST', body: user });
