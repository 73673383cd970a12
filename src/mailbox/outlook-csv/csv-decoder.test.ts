import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvDecoder } from './csv-decoder.js';
import { detectEncoding, type SniffedEncoding } from './detect-encoding.js';
import { singleByteDecoder } from './single-byte-decoder.js';

/** Decodes `bytes` cut into pieces of `size` bytes. */
function decodeInPieces(bytes: Buffer, sniffed: SniffedEncoding, size: number): string {
  const decoder = new CsvDecoder(sniffed);
  let text = '';
  for (let at = 0; at < bytes.length; at += size) text += decoder.write(bytes.subarray(at, at + size));
  return text + decoder.end();
}

const known = (encoding: string): SniffedEncoding => ({ encoding, bomLength: 0, undecided: false, because: 'given' });

describe('CsvDecoder', () => {
  const textArb = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r\n', 'é', 'ß', '€', 'œ', '«', 'Ł', '😀', '日本'), maxLength: 200 });

  it.each(['utf-8', 'utf-16le', 'utf-16be', 'shift_jis'])('gives the same text in %s however the bytes are cut', (encoding) => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 1, max: 17 }), (text, size) => {
        const representable = encoding === 'shift_jis' ? text.replace(/[éß€œ«Ł😀]/gu, 'x') : text;
        const bytes = iconv.encode(representable, encoding);
        expect(decodeInPieces(bytes, known(encoding), size)).toBe(representable);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it.each(['windows-1252', 'windows-1250', 'cp850', 'iso-8859-15'])('decodes every byte of %s as iconv-lite does', (encoding) => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(singleByteDecoder(encoding)).not.toBeNull();
    expect(decodeInPieces(all, known(encoding), 7)).toBe(iconv.decode(all, encoding));
  });

  it('decides at the first non-ASCII chunk: UTF-8 when it is valid UTF-8, else the code page', () => {
    const ascii = Buffer.from('First Name,Notes\r\n'.repeat(10));
    const undecided = detectEncoding(ascii);
    expect(undecided.undecided).toBe(true);
    expect(decodeInPieces(Buffer.concat([ascii, Buffer.from('Zoë €\r\n')]), undecided, 64)).toBe(`${ascii.toString()}Zoë €\r\n`);
    expect(decodeInPieces(Buffer.concat([ascii, iconv.encode('Zoë €\r\n', 'windows-1252')]), undecided, 64)).toBe(`${ascii.toString()}Zoë €\r\n`);
  });

  it('skips the BOM it was told of and keeps a second one as a character', () => {
    const bytes = Buffer.from('\uFEFF\uFEFFa', 'utf8');
    expect(decodeInPieces(bytes, { encoding: 'utf-8', bomLength: 3, undecided: false, because: 'bom' }, 2)).toBe('\uFEFFa');
  });

  it('turns invalid UTF-8 and a lone UTF-16 surrogate into U+FFFD', () => {
    expect(decodeInPieces(Buffer.from([0x61, 0xff, 0x2c, 0xe2, 0x82]), known('utf-8'), 1)).toBe('a\uFFFD,\uFFFD');
    expect(decodeInPieces(Buffer.from([0x61, 0x00, 0x00, 0xd8, 0x2c, 0x00]), known('utf-16le'), 3)).toBe('a\uFFFD,');
  });
});
