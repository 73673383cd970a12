/**
 * Which character encoding a CSV is in, from its first bytes. Outlook writes its CSV in
 * the Windows "ANSI" code page (Windows-1252 for English and French), or UTF-16LE with
 * a BOM when the user picks "Unicode"; Google and Thunderbird write UTF-8.
 *
 * In order:
 * 1. a BOM decides: EF BB BF → UTF-8, FF FE → UTF-16LE, FE FF → UTF-16BE;
 * 2. no BOM but every other byte of the start is zero → UTF-16 (LE or BE);
 * 3. bytes that are valid UTF-8 and not all ASCII → UTF-8 (text in a single-byte code
 *    page with accented letters is practically never valid UTF-8);
 * 4. otherwise the code page the user gave (`--encoding`), else Windows-1252.
 *
 * When the sniffed bytes are all ASCII, rule 3 cannot decide yet: the decoder
 * (`csv-decoder.ts`) applies it to the first chunk that holds a non-ASCII byte.
 */
import { isUtf8 } from 'node:buffer';

export const DEFAULT_CODE_PAGE = 'windows-1252';

export interface SniffedEncoding {
  /** An iconv-lite encoding name (`utf-8`, `utf-16le`, `utf-16be`, `windows-1252`…). */
  encoding: string;
  /** Bytes of BOM to skip at the start. */
  bomLength: number;
  /** True when only ASCII was seen: UTF-8 or `encoding` is decided at the first non-ASCII byte. */
  undecided: boolean;
  /** How the encoding was chosen, for messages. */
  because: 'bom' | 'utf-16 zeros' | 'valid utf-8' | 'given' | 'default';
}

/** Whether `bytes` is valid UTF-8, allowing a sequence cut off at the very end (a chunk boundary). */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  let end = bytes.length;
  // Back off over an incomplete last sequence: at most 3 continuation bytes after a lead byte.
  for (let back = 1; back <= 4 && back <= bytes.length; back++) {
    const byte = bytes[bytes.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    if (byte >= 0xc0) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      if (back < need) end = bytes.length - back;
    }
    break;
  }
  return isUtf8(bytes.subarray(0, end));
}

/** The index of the first byte ≥ 0x80, or -1. */
export function firstNonAscii(bytes: Uint8Array, from = 0): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
}

function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.length, 512) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/** The encoding of a file that starts with `head` (its first 64 KB, say). `given` must exist in iconv-lite. */
export function detectEncoding(head: Uint8Array, given?: string): SniffedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3, undecided: false, because: 'bom' };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2, undecided: false, because: 'bom' };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2, undecided: false, because: 'bom' };
  const utf16 = utf16WithoutBom(head);
  if (utf16) return { encoding: utf16, bomLength: 0, undecided: false, because: 'utf-16 zeros' };
  const fallback = given ?? DEFAULT_CODE_PAGE;
  const because = given === undefined ? 'default' : 'given';
  const start = firstNonAscii(head);
  if (start === -1) return { encoding: fallback, bomLength: 0, undecided: true, because };
  if (isUtf8Prefix(head.subarray(start))) return { encoding: 'utf-8', bomLength: 0, undecided: false, because: 'valid utf-8' };
  return { encoding: fallback, bomLength: 0, undecided: false, because };
}
