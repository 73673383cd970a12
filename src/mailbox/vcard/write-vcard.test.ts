import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADDRESS_KINDS, PHONE_KINDS, type ContactFields } from '../../domain/contact.js';
import type { ContactPhoto } from '../mailbox.js';
import { splitVCards, type RawCard } from './split-vcards.js';
import { readCard } from './vcard-to-contact.js';
import { foldLine, writeVCard, type VCardVersion } from './write-vcard.js';

/** Text as contacts hold it: trimmed, not empty, with the characters vCard escapes and non-ASCII. */
const ALPHABET = [...'aAzZ09 .-\'"', ...',;:\\\n\t', ...'éÉßøÅœ€«»', ...'中文日本語', ...'😀🇫🇷', 'Ł', 'ñ', '=', '\u00A0'];
const text = fc
  .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 40 })
  .map((chars) => chars.join('').trim())
  .filter((value) => value !== '');
const noBreak = text.map((value) => value.replace(/\s+/g, ' ')).filter((value) => value !== '');
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,10}$/), fc.constantFrom('example.org', 'société.fr', 'EXAMPLE.COM')).map(([local, domain]) => `${local}@${domain}`);
const date = fc.oneof(
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `--${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);
const address = fc
  .record({ street: text, city: noBreak, region: noBreak, postalCode: noBreak, country: noBreak }, { requiredKeys: [] })
  .filter((a) => Object.keys(a).length > 0);
const fieldsArbitrary: fc.Arbitrary<ContactFields> = fc
  .record(
    {
      prefix: noBreak,
      firstName: noBreak,
      middleName: noBreak,
      lastName: noBreak,
      suffix: noBreak,
      fullName: noBreak,
      nickname: noBreak,
      company: noBreak,
      department: noBreak,
      jobTitle: noBreak,
      emails: fc.uniqueArray(email, { minLength: 1, maxLength: 3, selector: (e) => e.toLowerCase() }),
      phones: fc.dictionary(fc.constantFrom(...PHONE_KINDS), fc.stringMatching(/^\+?[0-9][0-9 ()-]{2,15}[0-9]$/), { minKeys: 1 }),
      addresses: fc.dictionary(fc.constantFrom(...ADDRESS_KINDS), address, { minKeys: 1 }),
      webPage: fc.webUrl(),
      birthday: date,
      anniversary: date,
      spouse: noBreak,
      manager: noBreak,
      assistantName: noBreak,
      notes: text,
      categories: fc.uniqueArray(noBreak, { minLength: 1, maxLength: 4 }),
    },
    { requiredKeys: [] },
  )
  .filter((f) => Boolean(f.fullName || f.firstName || f.lastName || f.middleName || f.nickname || f.emails || f.company));
const photoArbitrary: fc.Arbitrary<ContactPhoto | null> = fc.option(
  fc.record({ mediaType: fc.constantFrom('image/jpeg', 'image/png', null), bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }) }),
);

async function cardsOf(text: string): Promise<RawCard[]> {
  const cards: RawCard[] = [];
  async function* chunks() {
    yield Buffer.from(text, 'utf8');
  }
  for await (const item of splitVCards(chunks(), { maxCardBytes: 1 << 20 })) {
    if (item.kind !== 'card') throw new Error(`broken card: ${item.reason}`);
    cards.push(item);
  }
  return cards;
}

describe('the vCard writer', () => {
  it.each<VCardVersion>(['3.0', '4.0'])('reading a written %s card gives back the same contact (property)', async (version) => {
    await fc.assert(
      fc.asyncProperty(fc.uuid(), fieldsArbitrary, photoArbitrary, async (uid, fields, photo) => {
        const written = writeVCard({ uid, fields, photo }, version);
        const [card, ...rest] = await cardsOf(written);
        expect(rest).toEqual([]);
        const read = readCard(card!.text, card!.latin1);
        if (!read.ok) throw new Error(read.reason);
        expect(read.uid).toBe(uid);
        expect(read.fields).toEqual(fields);
        expect(read.photo === null ? null : { mediaType: read.photo.mediaType, bytes: [...read.photo.bytes] }).toEqual(
          photo === null ? null : { mediaType: photo.mediaType, bytes: [...photo.bytes] },
        );
        expect(read.warnings).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('folds at 75 octets without cutting a character in two', () => {
    const line = `NOTE:${'é'.repeat(100)}😀${'a'.repeat(10)}`;
    const folded = foldLine(line).split('\r\n');
    for (const part of folded) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded.every((part) => !part.includes('\uFFFD'))).toBe(true);
  });

  it('writes what RFC 6350 asks: VERSION second, a UID, an FN, CRLF line ends, escaped text', () => {
    const written = writeVCard({ uid: 'u-1', fields: { company: 'Dupont, Fils; et Cie', notes: 'a\nb' } }, '4.0');
    expect(written.split('\r\n').slice(0, 4)).toEqual(['BEGIN:VCARD', 'VERSION:4.0', 'UID:u-1', 'FN:Dupont\\, Fils\\; et Cie']);
    expect(written).toContain('NOTE:a\\nb\r\n');
    expect(written.endsWith('END:VCARD\r\n')).toBe(true);
    expect(written.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
