import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_KINDS, PHONE_KINDS, type ContactFields } from '../domain/contact.js';
import { canonicalContactJson, canonicalJson, contactVersion } from './contact-version.js';

describe('the version of a mailbox contact', () => {
  it('is the same whatever the order of the fields', () => {
    expect(contactVersion({ firstName: 'Ada', lastName: 'Lovelace', emails: ['a@x.org'] })).toBe(
      contactVersion({ emails: ['a@x.org'], lastName: 'Lovelace', firstName: 'Ada' }),
    );
  });

  it('changes with any field, the order of e-mails, or the photo', () => {
    const base = contactVersion({ firstName: 'Ada', emails: ['a@x.org', 'b@x.org'] });
    expect(contactVersion({ firstName: 'Ada ', emails: ['a@x.org', 'b@x.org'] })).not.toBe(base);
    expect(contactVersion({ firstName: 'Ada', emails: ['b@x.org', 'a@x.org'] })).not.toBe(base);
    expect(contactVersion({ firstName: 'Ada', emails: ['a@x.org', 'b@x.org'] }, { mediaType: 'image/png', bytes: new Uint8Array([1]) })).not.toBe(base);
  });

  it('writes nested objects with sorted keys and leaves out undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: undefined }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"f":1}]},"b":1}');
  });

  it('the fast canonical form of a contact is exactly the generic one (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const fields: fc.Arbitrary<ContactFields> = fc.record(
      {
        firstName: text,
        lastName: text,
        fullName: text,
        company: text,
        notes: text,
        emails: fc.array(text, { maxLength: 3 }),
        categories: fc.array(text, { maxLength: 3 }),
        phones: fc.dictionary(fc.constantFrom(...PHONE_KINDS), text),
        addresses: fc.dictionary(fc.constantFrom(...ADDRESS_KINDS), fc.record({ street: text, city: text, country: text }, { requiredKeys: [] })),
        birthday: text,
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(fields, (f) => canonicalContactJson(f) === canonicalJson(f)));
    expect(canonicalContactJson({ lastName: 'L', firstName: 'F', extra: 1 } as ContactFields)).toBe('{"extra":1,"firstName":"F","lastName":"L"}');
  });
});
