import { describe, expect, it } from 'vitest';
import { canonicalJson, contactVersion } from './contact-version.js';

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
});
