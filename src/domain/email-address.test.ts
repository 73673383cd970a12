import { describe, expect, it } from 'vitest';
import { emailKey, looksLikeEmail } from './email-address.js';

describe('e-mail addresses', () => {
  it.each([
    ['Ada@Example.org', 'ada@example.org'],
    ['  ada@example.org\t', 'ada@example.org'],
    ['ÉLODIE@exemple.fr', 'élodie@exemple.fr'],
  ])('the key of %j is %j', (address, key) => {
    expect(emailKey(address)).toBe(key);
  });

  it.each([
    ['ada@example.org', true],
    ['o\'brien+crm@mail.example.co.uk', true],
    ['ada', false],
    ['ada @example.org', false],
    ['@example.org', false],
  ])('%j looks like an e-mail: %s', (address, expected) => {
    expect(looksLikeEmail(address)).toBe(expected);
  });
});
