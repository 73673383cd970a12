/**
 * A small vCard mailbox on disk for the wizard tests: a folder tree of cards written as
 * text, added to the store as a real mailbox of the test user.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CrmStore, Mailbox, User } from '../../src/crm/index.js';

export interface Card {
  uid: string;
  name?: string;
  email?: string | string[];
  company?: string;
  categories?: string[];
}

export function cardText(card: Card): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `UID:${card.uid}`];
  if (card.name) {
    const [first, ...rest] = card.name.split(' ');
    lines.push(`FN:${card.name}`, `N:${rest.join(' ')};${first};;;`);
  }
  for (const email of [card.email ?? []].flat()) lines.push(`EMAIL;TYPE=INTERNET:${email}`);
  if (card.company) lines.push(`ORG:${card.company.replace(/[,;]/g, (c) => `\\${c}`)}`);
  if (card.categories) lines.push(`CATEGORIES:${card.categories.join(',')}`);
  lines.push('END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}

/** Writes `files` (path under the root → cards or raw text) and returns the root folder. */
export function writeVcardTree(files: Record<string, Card[] | string>): string {
  const root = mkdtempSync(join(tmpdir(), 'liaison-wizard-'));
  for (const [path, content] of Object.entries(files)) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : content.map(cardText).join(''));
  }
  return root;
}

export async function addVcardMailbox(store: CrmStore, owner: User, root: string, name = 'Address book'): Promise<Mailbox> {
  return store.mailboxes.add({ ownerId: owner.id, name, ownerAddress: owner.email, connector: { kind: 'vcard', settings: { path: root } } });
}

/** A mailbox of 8 contacts over three companies (two spellings of Contoso), two folders, categories, one broken card. */
export function sampleTree(): string {
  return writeVcardTree({
    'team.vcf': [
      { uid: 'ada', name: 'Ada Lovelace', email: 'ada@contoso.com', company: 'Contoso Ltd', categories: ['Clients', 'Press'] },
      { uid: 'bob', name: 'Bob Martin', email: 'bob@contoso.com', company: 'contoso  ltd', categories: ['Clients'] },
      { uid: 'cho', name: 'Cho Yun', email: 'cho@contoso.com', company: 'Contoso, Inc.' },
      { uid: 'dan', name: 'Dan Brown', email: 'dan@fabrikam.com', company: 'Fabrikam' },
    ],
    'Clients/clients.vcf': [
      { uid: 'eve', name: 'Eve Adams', email: 'eve@gmail.com', categories: ['Press'] },
      { uid: 'fay', name: 'Fay Wong', email: 'fay@fabrikam.com', company: 'Fabrikam' },
    ],
    'Clients/Old/old.vcf': [{ uid: 'gus', name: 'Gus Grav', email: 'gus@northwind.com', company: 'Northwind' }],
    'Clients/broken.vcf': `${cardText({ uid: 'hal', name: 'Hal Jordan', email: 'hal@example.org' })}BEGIN:VCARD\r\nVERSION:3.0\r\nUID:nobody\r\nNOTE:no name\r\nEND:VCARD\r\n`,
  });
}
