/**
 * The contact as both sides know it: every field of PRODUCT.md S1.
 *
 * Missing values are left out (never empty strings), so two contacts compare equal
 * field by field whatever side they came from.
 */

/** The ten phone slots Outlook has, in its own order. */
export const PHONE_KINDS = [
  'business',
  'business2',
  'home',
  'home2',
  'mobile',
  'other',
  'pager',
  'businessFax',
  'companyMain',
  'assistant',
] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

/** The three postal addresses a contact can have. */
export const ADDRESS_KINDS = ['business', 'home', 'other'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

export interface PostalAddress {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** A contact has at most this many e-mail addresses (S1: e-mails 1–3). */
export const MAX_EMAILS = 3;

export interface ContactFields {
  prefix?: string;
  firstName?: string;
  middleName?: string;
  lastName?: string;
  suffix?: string;
  fullName?: string;
  nickname?: string;
  /** The company as text; the CRM parent account is a separate link (T4). */
  company?: string;
  department?: string;
  jobTitle?: string;
  /** E-mails 1–3, in order. */
  emails?: string[];
  phones?: Partial<Record<PhoneKind, string>>;
  addresses?: Partial<Record<AddressKind, PostalAddress>>;
  webPage?: string;
  /** ISO date `YYYY-MM-DD`, or `--MM-DD` when the year is unknown. */
  birthday?: string;
  anniversary?: string;
  spouse?: string;
  manager?: string;
  assistantName?: string;
  notes?: string;
  categories?: string[];
}

/** The scalar text fields of {@link ContactFields}, in S1 order. */
export const CONTACT_TEXT_FIELDS = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'fullName',
  'nickname',
  'company',
  'department',
  'jobTitle',
  'webPage',
  'birthday',
  'anniversary',
  'spouse',
  'manager',
  'assistantName',
  'notes',
] as const satisfies readonly (keyof ContactFields)[];
export type ContactTextField = (typeof CONTACT_TEXT_FIELDS)[number];

/** The parts of a {@link PostalAddress}, in the order an envelope reads. */
export const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const;

/**
 * The name to show for a contact: its full name, else its name parts, else its first
 * e-mail, else `(no name)`.
 *
 * ### Examples
 * ```ts
 * displayName({ firstName: 'Ada', lastName: 'Lovelace' }) // 'Ada Lovelace'
 * displayName({ emails: ['ada@example.org'] })            // 'ada@example.org'
 * ```
 */
export function displayName(contact: ContactFields): string {
  if (contact.fullName) return contact.fullName;
  const parts = [contact.firstName, contact.middleName, contact.lastName].filter(Boolean);
  if (parts.length > 0) return parts.join(' ');
  return contact.emails?.[0] ?? contact.company ?? '(no name)';
}
