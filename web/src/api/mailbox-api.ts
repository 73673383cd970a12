/** The user's mailboxes, their folders and contacts, and tracking by hand (T1–T3). */
import { api, query } from './http';
import type { FolderList, Mailbox, MailboxContact, Page, RecordRef, RunSummary, UntrackOutcome } from './types';

export const listMailboxes = () => api<{ items: Mailbox[] }>('/api/mailboxes').then((r) => r.items);

export const listFolders = (mailboxId: number) => api<FolderList>(`/api/mailboxes/${mailboxId}/folders`);

export const listMailboxContacts = (mailboxId: number, params: { folder?: string; offset: number; limit: number; search?: string }, signal?: AbortSignal) =>
  api<Page<MailboxContact>>(`/api/mailboxes/${mailboxId}/contacts${query(params)}`, { signal });

export const trackContacts = (mailboxId: number, itemIds: string[], parent?: RecordRef) =>
  api<RunSummary>(`/api/mailboxes/${mailboxId}/track`, { method: 'POST', body: { itemIds, ...(parent ? { parent: { kind: parent.kind, id: parent.id } } : {}) } });

export const untrackContacts = (mailboxId: number, itemIds: string[], deleteCopy: boolean) =>
  api<{ items: UntrackOutcome[] }>(`/api/mailboxes/${mailboxId}/untrack`, { method: 'POST', body: { itemIds, delete: deleteCopy } });

/** Adds a mailbox from an address-book file (a .vcf, or an Outlook CSV export) the user picked. */
export const uploadMailbox = (name: string, format: 'vcard' | 'outlook-csv', file: Blob) =>
  api<Mailbox & { contacts: number }>(`/api/mailboxes${query({ name, format })}`, { method: 'POST', file });
