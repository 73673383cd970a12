import { describe, expect, it } from 'vitest';
import { FallbackIdAllocator, fallbackItemId } from './fallback-item-id.js';

describe('fallbackItemId', () => {
  it('is h- and 20 hex digits, the same for the same name and first e-mail', () => {
    const id = fallbackItemId({ fullName: 'Jean Dupont', emails: ['jean@example.com'] });
    expect(id).toMatch(/^h-[0-9a-f]{20}$/);
    expect(fallbackItemId({ fullName: 'Jean Dupont', emails: ['jean@example.com', 'other@example.com'], company: 'Acme' })).toBe(id);
  });

  it.each([
    ['case and outer spaces', '  JEAN dupont ', ' Jean@Example.com '],
    ['inner runs of white space', 'Jean \t  Dupont', 'jean@example.com'],
  ])('ignores %s', (_, fullName, email) => {
    expect(fallbackItemId({ fullName, emails: [email] })).toBe(fallbackItemId({ fullName: 'Jean Dupont', emails: ['jean@example.com'] }));
  });

  it('reads composed and decomposed accents as one name', () => {
    const composed = 'Hélène Müller';
    expect(fallbackItemId({ fullName: composed.normalize('NFD') })).toBe(fallbackItemId({ fullName: composed }));
  });

  it('falls back to the name parts, then the company', () => {
    expect(fallbackItemId({ firstName: 'Jean', lastName: 'Dupont' })).toBe(fallbackItemId({ fullName: 'Jean Dupont' }));
    expect(fallbackItemId({ company: 'Acme' })).toBe(fallbackItemId({ fullName: 'Acme' }));
    expect(fallbackItemId({ fullName: 'Jean Dupont', emails: ['a@example.com'] })).not.toBe(fallbackItemId({ fullName: 'Jean Dupont', emails: ['b@example.com'] }));
  });

  it('tells identical contacts of one source apart by -2, -3', () => {
    const ids = new FallbackIdAllocator();
    const fields = { fullName: 'Jean Dupont' };
    const first = ids.next(fields);
    expect([ids.next(fields), ids.next(fields)]).toEqual([`${first}-2`, `${first}-3`]);
  });
});
