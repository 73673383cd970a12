/**
 * The address-book view pages through a folder's contacts; reading a 100,000-contact
 * mailbox takes seconds, so the list read for one page is kept for the next ones: per
 * user, mailbox and folder, for `ttlMs` after it was read (a change on disk shows within
 * that time), at most `capacity` lists. Whether each contact is tracked is not kept: it
 * is asked of the store on every page.
 */
import { displayName } from '../../domain/contact.js';
import type { Mailbox } from '../../mailbox/mailbox.js';

export interface ListedContact {
  id: string;
  name: string;
  email: string | null;
  company: string | null;
  folder: string;
  categories: string[];
  /** Lower-cased name, e-mail and company, for the search box. */
  searchText: string;
}

export class ContactListCache {
  readonly #lists = new Map<string, { readAt: number; contacts: Promise<ListedContact[]> }>();

  constructor(
    readonly ttlMs = 60_000,
    readonly capacity = 8,
    readonly now: () => number = Date.now,
  ) {}

  list(key: { userId: number; mailboxId: number; folder: string | undefined }, mailbox: Mailbox): Promise<ListedContact[]> {
    const id = `${key.userId}:${key.mailboxId}:${key.folder ?? ''}`;
    const found = this.#lists.get(id);
    if (found && this.now() - found.readAt < this.ttlMs) return found.contacts;
    while (this.#lists.size >= this.capacity) this.#lists.delete(this.#lists.keys().next().value!);
    const contacts = read(mailbox, key.folder);
    this.#lists.set(id, { readAt: this.now(), contacts });
    // A failed read is not kept: the next page asks the mailbox again.
    contacts.catch(() => this.#lists.get(id)?.contacts === contacts && this.#lists.delete(id));
    return contacts;
  }
}

async function read(mailbox: Mailbox, folder: string | undefined): Promise<ListedContact[]> {
  const contacts: ListedContact[] = [];
  for await (const record of mailbox.contacts({ folder })) {
    if (record.kind !== 'contact') continue;
    const name = displayName(record.fields);
    const email = record.fields.emails?.[0] ?? null;
    const company = record.fields.company ?? null;
    contacts.push({ id: record.itemId, name, email, company, folder: record.folder, categories: record.fields.categories ?? [], searchText: `${name}\n${email ?? ''}\n${company ?? ''}`.toLowerCase() });
  }
  return contacts;
}
