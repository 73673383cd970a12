/** The CRM's accounts and contacts. */
import { api, query } from './http';
import type { Account, AccountDetail, ContactDetail, ContactSummary } from './types';

export const listAccounts = (params: { search?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
  api<{ items: Account[] }>(`/api/accounts${query(params)}`, { signal }).then((r) => r.items);
export const getAccount = (id: number) => api<AccountDetail>(`/api/accounts/${id}`);
export const listContacts = (params: { search?: string; offset?: number; limit?: number }, signal?: AbortSignal) =>
  api<{ items: ContactSummary[] }>(`/api/contacts${query(params)}`, { signal }).then((r) => r.items);
export const getContact = (id: number) => api<ContactDetail>(`/api/contacts/${id}`);
