/**
 * The key phone numbers are looked up by: the digits only, with a leading `+` kept.
 * `+44 (0)20 7946-0018` and `+4402079460018` share a key; no country rules are
 * applied, so a number written with and without its country code are different keys.
 *
 * ### Examples
 * ```ts
 * phoneKey('+1 (425) 555-0100') // '+14255550100'
 * ```
 */
export function phoneKey(number: string): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D+/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
