/**
 * The text layer of vCard values: QUOTED-PRINTABLE, character sets, backslash escapes,
 * and the `;`/`,` separators of structured and list values. Works on one value at a
 * time; the line layer (folding) is `split-vcards.ts`.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

const EQUALS = 0x3d;

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

/**
 * Decodes QUOTED-PRINTABLE bytes. Soft line breaks were already joined by the splitter;
 * a `=` not followed by two hex digits is kept as it is (Outlook writes stray ones).
 */
export function decodeQuotedPrintable(bytes: Buffer): Buffer {
  if (bytes.indexOf(EQUALS) === -1) return bytes;
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === EQUALS && i + 2 < bytes.length) {
      const high = hexValue(bytes[i + 1]!);
      const low = hexValue(bytes[i + 2]!);
      if (high >= 0 && low >= 0) {
        out[n++] = high * 16 + low;
        i += 2;
        continue;
      }
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** What decoding a value's bytes found worth telling the user. */
export interface DecodeNote {
  unknownCharset?: string;
  guessedWindows1252?: boolean;
}

/**
 * Turns a value's bytes into text: through the CHARSET the card names (any code page
 * iconv-lite knows), else as UTF-8, falling back to Windows-1252 for bytes that are not
 * UTF-8 (Outlook's 2.1 export without CHARSET writes the ANSI code page).
 */
export function decodeText(bytes: Buffer, charset: string | undefined, note?: DecodeNote): string {
  if (charset !== undefined) {
    const name = charset.toLowerCase();
    if (!UTF8_NAMES.has(name)) {
      if (iconv.encodingExists(name)) return iconv.decode(bytes, name);
      if (note) note.unknownCharset = charset;
    }
  }
  const text = bytes.toString('utf8');
  if (text.includes('\uFFFD') && !isUtf8(bytes)) {
    if (note) note.guessedWindows1252 = true;
    return iconv.decode(bytes, 'windows-1252');
  }
  return text;
}

const ESCAPE = /\\([\s\S])/g;
const unescapeOne = (_match: string, ch: string) => (ch === 'n' || ch === 'N' ? '\n' : ch);

/** Undoes vCard 3.0/4.0 escapes: `\n` `\N` → newline, `\\` `\,` `\;` `\:` → the character. */
export function unescapeText(value: string): string {
  return value.includes('\\') ? value.replace(ESCAPE, unescapeOne) : value;
}

/**
 * Splits a value on a separator that is not escaped with a backslash, leaving the
 * escapes in the parts (unescape each part afterwards).
 */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  if (!value.includes(separator)) return [value];
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\') i++;
    else if (ch === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** Escapes text for a vCard 3.0/4.0 value (RFC 6350 §3.4). */
export function escapeText(value: string): string {
  return value.replace(/[\\,;\n]|\r\n?/g, (ch) => (ch === '\\' ? '\\\\' : ch === ',' ? '\\,' : ch === ';' ? '\\;' : '\\n'));
}
