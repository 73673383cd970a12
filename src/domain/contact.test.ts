import { describe, expect, it } from 'vitest';
import { displayName } from './contact.js';

describe('the name shown for a contact', () => {
  it.each([
    [{ fullName: 'Dr. Ada Lovelace', firstName: 'Ada' }, 'Dr. Ada Lovelace'],
    [{ firstName: 'Ada', middleName: 'King', lastName: 'Lovelace' }, 'Ada King Lovelace'],
    [{ emails: ['ada@example.org'] }, 'ada@example.org'],
    [{ company: 'Contoso' }, 'Contoso'],
    [{}, '(no name)'],
  ])('%j → %j', (contact, expected) => {
    expect(displayName(contact)).toBe(expected);
  });
});
