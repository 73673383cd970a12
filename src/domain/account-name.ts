/**
 * The key account (company) names are compared by, PRODUCT.md W3: Unicode NFC,
 * trimmed, inner white space collapsed to one space, case-insensitive. Nothing else
 * is folded: "Contoso Ltd" and "Contoso Ltd." stay different names; the looser
 * variant key that proposes merges lives elsewhere and never decides on its own.
 *
 * ### Examples
 * ```ts
 * accountNameKey('Contoso Ltd ')  // 'contoso ltd'
 * accountNameKey('contoso  ltd')  // 'contoso ltd'
 * accountNameKey('Contoso Ltd.')  // 'contoso ltd.'
 * ```
 */
export function accountNameKey(name: string): string {
  return tidyAccountName(name).toLowerCase().normalize('NFC');
}

/**
 * An account name as it is stored: NFC, trimmed, inner white space collapsed; its case
 * is kept.
 *
 * ### Examples
 * ```ts
 * tidyAccountName('  Contoso \t Ltd ') // 'Contoso Ltd'
 * ```
 */
export function tidyAccountName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** Whether two account names are the same name under {@link accountNameKey}. */
export function sameAccountName(a: string, b: string): boolean {
  return accountNameKey(a) === accountNameKey(b);
}
