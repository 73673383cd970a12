/** API tokens for scripts: listed, created (shown once) and revoked. */
import { api } from './http';
import type { ApiToken, NewApiToken } from './types';

export const listTokens = () => api<{ items: ApiToken[] }>('/api/tokens').then((r) => r.items);
export const createToken = (name: string) => api<NewApiToken>('/api/tokens', { method: 'POST', body: { name } });
export const revokeToken = (id: number) => api<void>(`/api/tokens/${id}`, { method: 'DELETE' });
