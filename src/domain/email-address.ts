/**
 * The key e-mail addresses are compared by: trimmed and lower-cased.
 *
 * The local part is case-sensitive in theory (RFC 5321) and never in practice; every
 * mail program and CRM compares addresses this way, and so does Liaison, everywhere
 * ("which contacts have this address", a user's primary e-mail, P1).
 *
 * ### Examples
 * ```ts
 * emailKey('  Ada.Lovelace@Example.ORG ') // 'ada.lovelace@example.org'
 * ```
 */
export function emailKey(address: string): string {
  return address.trim().toLowerCase();
}

/**
 * Whether a text looks like an e-mail address: one `@` with something on each side
 * and no white space. Deliberately loose: real address books hold odd but working
 * addresses, and the CRM must not refuse them.
 */
export function looksLikeEmail(address: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(address.trim());
}
