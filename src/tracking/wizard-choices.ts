/**
 * What the user chooses in the Add Contacts wizard (PRODUCT.md W1–W8), as one value:
 * the CLI builds it from flags or prompts, the HTTP API from JSON, and a run stores it
 * so an interrupted run resumes with the same choices (W11).
 */
import type { Grouping } from '../domain/group-contacts.js';

/** W8 "Set account" for a group. */
export type AccountSetting = { kind: 'none' } | { kind: 'company' } | { kind: 'account'; id: number } | { kind: 'contact'; id: number };

export interface GroupSettings {
  /** Overrides W6 for the group's contacts. */
  account?: AccountSetting;
  /** Overrides W7 for the group's contacts. */
  includeCommunications?: boolean;
}

/** W1 and W2: where the contacts come from and how they are grouped. */
export interface WizardSource {
  /** The folder; by default the mailbox's default contacts folder. */
  folder?: string;
  /** Subfolders (with theirs) left out; all are included by default. */
  excludeSubfolders?: string[];
  groupBy: Grouping;
  /** Accepted company-name merges (W3): each `from` name is grouped and added as `to`. */
  merges?: { from: string; to: string }[];
}

export interface WizardChoices extends WizardSource {
  /** Group keys left unchecked (W4); every other group is added. */
  unchecked?: string[];
  /** W6 "Use company name as account name" (default: on). */
  companyAccount?: boolean;
  /** W7 "Track all communications for added contacts" (default: off). */
  trackCommunications?: boolean;
  /** W7 back-fill: track communications from this date (YYYY-MM-DD); null or absent: from now on. */
  communicationsSince?: string | null;
  /** W8, by group key. */
  groupSettings?: Record<string, GroupSettings>;
}

/** The account setting and communications a contact gets: its first checked group's settings over the options. */
export function settingsFor(choices: WizardChoices, groupKeys: readonly string[]): { account: AccountSetting; communications: boolean } {
  const companyDefault: AccountSetting = choices.companyAccount === false ? { kind: 'none' } : { kind: 'company' };
  let account: AccountSetting | undefined;
  let communications: boolean | undefined;
  for (const key of groupKeys) {
    const settings = choices.groupSettings?.[key];
    account ??= settings?.account;
    communications ??= settings?.includeCommunications;
  }
  return { account: account ?? companyDefault, communications: communications ?? choices.trackCommunications === true };
}
