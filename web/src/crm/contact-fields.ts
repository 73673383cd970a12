/** The S1 fields of a CRM contact, in order, as label key and display text. */
import type { MessageKey } from '../i18n/en';

const TEXT_FIELDS = ['prefix', 'firstName', 'middleName', 'lastName', 'suffix', 'fullName', 'nickname', 'company', 'department', 'jobTitle'] as const;
const LATER_FIELDS = ['webPage', 'birthday', 'anniversary', 'spouse', 'manager', 'assistantName', 'notes'] as const;
const PHONE_KINDS = ['business', 'business2', 'home', 'home2', 'mobile', 'other', 'pager', 'businessFax', 'companyMain', 'assistant'] as const;
const ADDRESS_KINDS = ['business', 'home', 'other'] as const;
const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const;

export interface FieldLine {
  label: MessageKey;
  value: string;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null);

/** Every field of the contact that has a value; empty ones are left out. */
export function contactFieldLines(contact: Record<string, unknown>): FieldLine[] {
  const lines: FieldLine[] = [];
  const push = (label: MessageKey, value: string | null) => {
    if (value !== null) lines.push({ label, value });
  };
  for (const field of TEXT_FIELDS) push(`field.${field}`, text(contact[field]));
  const emails = Array.isArray(contact.emails) ? (contact.emails as unknown[]) : [];
  emails.slice(0, 3).forEach((email, i) => push(`field.email${i + 1}` as MessageKey, text(email)));
  const phones = (contact.phones ?? {}) as Record<string, unknown>;
  for (const kind of PHONE_KINDS) push(`field.phone.${kind}`, text(phones[kind]));
  const addresses = (contact.addresses ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const kind of ADDRESS_KINDS) {
    const address = addresses[kind];
    if (!address) continue;
    const parts = ADDRESS_PARTS.map((p) => text(address[p])).filter((p): p is string => p !== null);
    push(`field.address.${kind}`, parts.length ? parts.join('\n') : null);
  }
  for (const field of LATER_FIELDS) push(`field.${field}`, text(contact[field]));
  const categories = Array.isArray(contact.categories) ? (contact.categories as unknown[]).map(text).filter((c): c is string => c !== null) : [];
  push('field.categories', categories.length ? categories.join(', ') : null);
  return lines;
}
