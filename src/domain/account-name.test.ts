import { describe, expect, it } from 'vitest';
import { accountNameKey, sameAccountName } from './account-name.js';

describe('W3: account names compare case-insensitively after trimming, NFC and collapsing inner spaces', () => {
  it.each([
    ['Contoso Ltd ', 'contoso  ltd', true],
    ['  CONTOSO LTD', 'Contoso Ltd', true],
    ['Contoso\tLtd', 'Contoso Ltd', true],
    ['Contoso\u00a0Ltd', 'Contoso Ltd', true], // a no-break space is white space
    ['Cafe\u0301 Fleur', 'Café Fleur', true], // decomposed é = composed é (NFC)
    ['ÉCOLE NORMALE', 'école normale', true],
    ['Contoso Ltd', 'Contoso Ltd.', false], // punctuation is not folded
    ['Contoso, Inc.', 'Contoso Inc', false],
    ['Contoso', 'Contoso Ltd', false], // legal suffixes are not folded
    ['Fabrikam', 'Fabrikan', false], // nor near misses: those are proposals, not matches
  ])('%j vs %j → same: %s', (a, b, same) => {
    expect(sameAccountName(a, b)).toBe(same);
  });

  it('gives the key the store indexes', () => {
    expect(accountNameKey('  Contoso   Ltd ')).toBe('contoso ltd');
  });
});
