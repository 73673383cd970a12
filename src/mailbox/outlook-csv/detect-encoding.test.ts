import { describe, expect, it } from 'vitest';
import { detectEncoding, isUtf8Prefix } from './detect-encoding.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('detectEncoding', () => {
  it.each([
    ['a UTF-8 BOM', Buffer.concat([bytes(0xef, 0xbb, 0xbf), Buffer.from('Name,é')]), undefined, 'utf-8', 3, false],
    ['a UTF-16LE BOM', Buffer.concat([bytes(0xff, 0xfe), Buffer.from('Name', 'utf16le')]), undefined, 'utf-16le', 2, false],
    ['a UTF-16BE BOM', Buffer.concat([bytes(0xfe, 0xff), Buffer.from('Name', 'utf16le').swap16()]), undefined, 'utf-16be', 2, false],
    ['UTF-16LE without a BOM', Buffer.from('"First Name","Last Name"', 'utf16le'), undefined, 'utf-16le', 0, false],
    ['UTF-8 without BOM, with accents', Buffer.from('Prénom,Nom\nRenée,Müller'), 'windows-1250', 'utf-8', 0, false],
    ['Windows-1252 bytes (é = E9, € = 80)', bytes(0x4e, 0xe9, 0x2c, 0x80), undefined, 'windows-1252', 0, false],
    ['a code page given with --encoding', bytes(0x4e, 0x82, 0x2c, 0x41), 'cp850', 'cp850', 0, false],
    ['only ASCII so far: undecided, default Windows-1252', Buffer.from('First Name,Last Name\n'), undefined, 'windows-1252', 0, true],
  ] as const)('%s', (_name, head, given, encoding, bomLength, undecided) => {
    const sniffed = detectEncoding(head, given);
    expect(sniffed.encoding).toBe(encoding);
    expect(sniffed.bomLength).toBe(bomLength);
    expect(sniffed.undecided).toBe(undecided);
  });

  it('accepts UTF-8 cut in the middle of a character at the end of the sniffed bytes', () => {
    const euro = Buffer.from('€'); // E2 82 AC
    expect(isUtf8Prefix(Buffer.concat([Buffer.from('abc'), euro.subarray(0, 2)]))).toBe(true);
    expect(isUtf8Prefix(bytes(0x61, 0xe9, 0x61))).toBe(false);
  });
});
