import { describe, expect, it } from 'vitest';
import { contactFieldLines } from './contact-fields';

describe('a contact’s fields (S1)', () => {
  it('lists the fields with a value, in order, e-mails numbered, addresses on lines', () => {
    const lines = contactFieldLines({
      firstName: 'Ada',
      lastName: 'Lovelace',
      company: '',
      emails: ['ada@example.org', 'ada@home.example'],
      phones: { mobile: '+44 1' },
      addresses: { business: { street: '1 Main St', city: 'London' } },
      categories: ['VIP', 'Press'],
    });
    expect(lines).toEqual([
      { label: 'field.firstName', value: 'Ada' },
      { label: 'field.lastName', value: 'Lovelace' },
      { label: 'field.email1', value: 'ada@example.org' },
      { label: 'field.email2', value: 'ada@home.example' },
      { label: 'field.phone.mobile', value: '+44 1' },
      { label: 'field.address.business', value: '1 Main St\nLondon' },
      { label: 'field.categories', value: 'VIP, Press' },
    ]);
  });
});
