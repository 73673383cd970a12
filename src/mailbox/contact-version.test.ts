import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_KINDS, PHONE_KINDS, type ContactFields } from '../domain/contact.js';
import { canonicalContactText, canonicalJson, contactVersion } from './contact-version.js';

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

  it('the canonical text of two contacts is the same exactly when their sorted JSON is (property)', () => {
    const text = fc.constantFrom('', 'a', 'b', 'a1', '1:a', '{', '}', '=', 'é', '[', ']');
    const fields: fc.Arbitrary<ContactFields> = fc.record(
      {
        firstName: text,
        lastName: text,
        company: text,
        notes: text,
        emails: fc.array(text, { maxLength: 2 }),
        categories: fc.array(text, { maxLength: 2 }),
        phones: fc.dictionary(fc.constantFrom(...PHONE_KINDS.slice(0, 3)), text, { maxKeys: 2 }),
        addresses: fc.dictionary(fc.constantFrom(...ADDRESS_KINDS), fc.record({ street: text, city: text }, { requiredKeys: [] }), { maxKeys: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fields, fields, (f, g) => (canonicalContactText(f) === canonicalContactText(g)) === (canonicalJson(f) === canonicalJson(g))),
      { numRuns: 5000 },
    );
  });

  it('keeps keys a contact should not have in its canonical text, so they still change the version', () => {
    const plain = canonicalContactText({ firstName: 'F' });
    expect(canonicalContactText({ firstName: 'F', extra: 1 } as ContactFields)).not.toBe(plain);
    expect(canonicalContactText({ firstName: 'F', phones: { odd: 'x' } } as unknown as ContactFields)).not.toBe(canonicalContactText({ firstName: 'F', phones: {} }));
    expect(canonicalContactText({ firstName: 'F', notes: undefined })).toBe(plain);
  });
});
