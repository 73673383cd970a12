/**
 * A fast decoder for single-byte code pages (Windows-1252, Windows-1250, CP850…): a
 * 256-entry table built once from iconv-lite, then per chunk Node's Latin-1 decoding
 * (a plain copy) and a regular expression that replaces only the bytes where the code
 * page differs from Latin-1 (for Windows-1252: 0x80–0x9F, so € is € and not U+0080).
 * An ASCII chunk is decoded without the replacement pass.
 */
import { isAscii } from 'node:buffer';
import iconv from 'iconv-lite';

export type DecodeBytes = (chunk: Buffer) => string;

const cache = new Map<string, DecodeBytes | null>();

/** A decoder for `encoding`, or null when it is not a single-byte code page (Shift-JIS, GBK, UTF-16…). */
export function singleByteDecoder(encoding: string): DecodeBytes | null {
  const key = encoding.toLowerCase();
  if (cache.has(key)) return cache.get(key)!;
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const text = iconv.decode(all, encoding);
  let decode: DecodeBytes | null = null;
  if (text.length === 256 && [...text].length === 256) {
    let single = true;
    for (let i = 0; i < 256; i++) if (iconv.decode(Buffer.from([i]), encoding) !== text[i]) single = false;
    let asciiSafe = true;
    for (let i = 0; i < 128; i++) if (text.charCodeAt(i) !== i) asciiSafe = false;
    if (single && asciiSafe) decode = makeDecoder(text);
  }
  cache.set(key, decode);
  return decode;
}

function makeDecoder(table: string): DecodeBytes {
  const replacements = new Map<string, string>();
  let differing = '';
  for (let byte = 0x80; byte < 0x100; byte++) {
    if (table.charCodeAt(byte) === byte) continue;
    const latin1 = String.fromCharCode(byte);
    replacements.set(latin1, table[byte]!);
    differing += `\\x${byte.toString(16)}`;
  }
  if (differing === '') return (chunk) => chunk.toString('latin1');
  const pattern = new RegExp(`[${differing}]`, 'g');
  const replace = (char: string): string => replacements.get(char)!;
  return (chunk) => {
    const text = chunk.toString('latin1');
    if (isAscii(chunk)) return text;
    pattern.lastIndex = 0;
    return pattern.test(text) ? text.replace(pattern, replace) : text;
  };
}
