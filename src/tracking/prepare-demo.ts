/**
 * The embedded default that `npm start` (the web app) and `npm run start:cli` (the terminal wizard) open: a demo user and the bundled
 * sample address book as that user's mailbox, created on first use and found again
 * afterwards, so a second start goes straight to the wizard.
 */
import type { CrmStore, Mailbox as StoredMailbox, User } from '../crm/index.js';
import { addMailbox } from './add-mailbox.js';
import { addUser } from './add-user.js';

export const DEMO_USER = { email: 'demo@liaison.example', name: 'Demo User' } as const;
export const DEMO_MAILBOX = 'Sample address book';

export interface DemoSetup {
  user: User;
  mailbox: StoredMailbox;
  /** What this call created: nothing on a second start. */
  created: { user: boolean; mailbox: boolean };
}

/** Finds or creates the demo user, then finds or adds the sample address book at `samplePath` as their mailbox. */
export async function prepareDemo(store: Pick<CrmStore, 'users' | 'mailboxes'>, samplePath: string): Promise<DemoSetup> {
  const knownUser = await store.users.findByEmail(DEMO_USER.email);
  const user = knownUser ?? (await addUser(store, { ...DEMO_USER }));
  const knownMailbox = await store.mailboxes.findByName(user.id, DEMO_MAILBOX);
  const mailbox =
    knownMailbox ?? (await addMailbox(store, { name: DEMO_MAILBOX, userEmail: user.email, ownerAddress: user.email, connector: 'vcard', path: samplePath }));
  return { user, mailbox, created: { user: knownUser === undefined, mailbox: knownMailbox === undefined } };
}
