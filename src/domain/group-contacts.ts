/**
 * The wizard's groups, PRODUCT.md W2–W5: contacts grouped by company, e-mail domain or
 * category, each group with its count, how many of its contacts are already in the CRM
 * and the colour that says it. Pure: what is in the CRM comes in with the contacts.
 *
 * - company: the W3 name key (NFC, trimmed, inner white space collapsed, any case), after
 *   the merges the user accepted; the label is the matching CRM account's name when there
 *   is one, else the most used spelling.
 * - domain: the part after `@` of the first e-mail, lower-cased.
 * - category: every category of the contact (W3 comparison), so a contact with several
 *   is in several groups (and is added once if any of them is checked).
 * Contacts with no value form the group "(no company)", "(no e-mail)" or "(no category)",
 * whose key is that label; it sorts last.
 */
import { accountNameKey, tidyAccountName } from './account-name.js';
import { groupColour, type GroupColour } from './group-colour.js';

export const GROUPINGS = ['company', 'domain', 'category'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export const NO_VALUE_GROUP: Record<Grouping, string> = {
  company: '(no company)',
  domain: '(no e-mail)',
  category: '(no category)',
};

/** Why a contact is already in the CRM (W5), or null. */
export type InCrm = 'tracked' | 'matched' | null;

export interface GroupableContact {
  company?: string | undefined;
  emails?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
  inCrm: InCrm;
}

export interface ContactGroup {
  key: string;
  label: string;
  count: number;
  /** Tracked from this mailbox already. */
  tracked: number;
  /** Not tracked, but an active CRM contact has one of its e-mails (it would be linked). */
  matched: number;
  alreadyInCrm: number;
  colour: GroupColour;
  /** Indexes of the group's contacts in the input, in input order. */
  members: number[];
}

export interface GroupingContext {
  /** The accepted merges: a company name key → the canonical name it is merged into. */
  merges?: ReadonlyMap<string, string>;
  /** The CRM account name for a company name key, when an account has that name. */
  accountName?: (nameKey: string) => string | undefined;
}

/** The company name a contact is grouped under after the accepted merges, or undefined. */
export function mergedCompany(company: string | undefined, merges?: ReadonlyMap<string, string>): string | undefined {
  if (company === undefined) return undefined;
  const tidy = tidyAccountName(company);
  if (tidy === '') return undefined;
  return merges?.get(accountNameKey(tidy)) ?? tidy;
}

/** The e-mail domain of a contact's first e-mail, lower-cased, or undefined. */
export function emailDomain(emails: readonly string[] | undefined): string | undefined {
  const first = emails?.[0]?.trim();
  if (!first) return undefined;
  const at = first.lastIndexOf('@');
  const domain = at === -1 ? '' : first.slice(at + 1).toLowerCase();
  return domain === '' ? undefined : domain;
}

interface Building {
  key: string;
  spellings: Map<string, number>;
  members: number[];
  tracked: number;
  matched: number;
}

export function groupContacts(contacts: readonly GroupableContact[], grouping: Grouping, context: GroupingContext = {}): ContactGroup[] {
  const groups = new Map<string, Building>();
  const add = (key: string, spelling: string, index: number, inCrm: InCrm) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, spellings: new Map(), members: [], tracked: 0, matched: 0 }));
    group.spellings.set(spelling, (group.spellings.get(spelling) ?? 0) + 1);
    group.members.push(index);
    if (inCrm === 'tracked') group.tracked++;
    else if (inCrm === 'matched') group.matched++;
  };
  const none = NO_VALUE_GROUP[grouping];

  contacts.forEach((contact, index) => {
    if (grouping === 'company') {
      const company = mergedCompany(contact.company, context.merges);
      if (company === undefined) add(none, none, index, contact.inCrm);
      else add(accountNameKey(company), company, index, contact.inCrm);
    } else if (grouping === 'domain') {
      const domain = emailDomain(contact.emails);
      add(domain ?? none, domain ?? none, index, contact.inCrm);
    } else {
      const seen = new Set<string>();
      for (const category of contact.categories ?? []) {
        const tidy = tidyAccountName(category);
        const key = accountNameKey(tidy);
        if (key === '' || seen.has(key)) continue;
        seen.add(key);
        add(key, tidy, index, contact.inCrm);
      }
      if (seen.size === 0) add(none, none, index, contact.inCrm);
    }
  });

  const result: ContactGroup[] = [];
  for (const group of groups.values()) {
    const count = group.members.length;
    const alreadyInCrm = group.tracked + group.matched;
    const label = (grouping === 'company' && group.key !== none && context.accountName?.(group.key)) || mostUsed(group.spellings);
    result.push({ key: group.key, label, count, tracked: group.tracked, matched: group.matched, alreadyInCrm, colour: groupColour(alreadyInCrm, count), members: group.members });
  }
  return result.sort((a, b) => compareGroups(a, b, none));
}

/** The spelling most contacts use; ties go to the first in code-point order, so the label does not depend on reading order. */
function mostUsed(spellings: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && spelling < best)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** By label as people sort (accents and case set aside), the no-value group last. */
function compareGroups(a: ContactGroup, b: ContactGroup, none: string): number {
  if ((a.key === none) !== (b.key === none)) return a.key === none ? 1 : -1;
  return collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}
