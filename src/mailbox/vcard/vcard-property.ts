/**
 * The content lines of one card, `[group.]NAME[;param…]:value`, read from the card's
 * unfolded text. Only the properties the caller asks for are decoded further, so the
 * many that Liaison does not read (X-MS-OL-DESIGN, KEY, LABEL…) cost a name look-up.
 */
import { decodeQuotedPrintable, decodeText, type DecodeNote } from './vcard-text.js';

export interface VCardProperty {
  /** The group before the dot (`item1`), lower-cased, or null. */
  group: string | null;
  /** The property name, upper-cased. */
  name: string;
  /** Parameters by upper-cased name; bare 2.1 parameters (`;PREF;INTERNET`) go under TYPE, lower-cased. */
  params: ReadonlyMap<string, readonly string[]>;
  /** The value as text, QUOTED-PRINTABLE and CHARSET decoded, escapes still in. */
  value: string;
  /** The decoded bytes of a BASE64 / ENCODING=b value (a photo), else null. */
  binary: Buffer | null;
}

const SEMICOLON = 0x3b;
const COLON = 0x3a;
const DOT = 0x2e;
const QUOTE = 0x22;
const EQUALS = 0x3d;

/** 2.1 bare parameters that are encodings, not types. */
const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', '8BIT', '7BIT', 'B']);
const UTF8_NAMES = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

function addParam(params: Map<string, string[]>, key: string, values: string[]): void {
  const existing = params.get(key);
  if (existing) existing.push(...values);
  else params.set(key, values);
}

function splitQuoted(text: string, separator: string): string[] {
  if (!text.includes('"')) return text.split(separator);
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * Parsed parameter lists by their text. A mailbox repeats the same few lists
 * (`TYPE=INTERNET,pref`, `CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE`) on every card, so
 * each is parsed once. The maps are shared: nothing may change them.
 */
const PARAMS_CACHE = new Map<string, ReadonlyMap<string, readonly string[]>>();
const PARAMS_CACHE_SIZE = 2048;
const NO_PARAMS: ReadonlyMap<string, readonly string[]> = new Map();

export function cachedParams(text: string): ReadonlyMap<string, readonly string[]> {
  let params = PARAMS_CACHE.get(text);
  if (params === undefined) {
    params = parseParams(text);
    if (PARAMS_CACHE.size >= PARAMS_CACHE_SIZE) PARAMS_CACHE.clear();
    PARAMS_CACHE.set(text, params);
  }
  return params;
}

export function parseParams(text: string): Map<string, string[]> {
  const params = new Map<string, string[]>();
  for (const raw of splitQuoted(text, ';')) {
    const part = raw.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq === -1) {
      const upper = part.toUpperCase();
      if (BARE_ENCODINGS.has(upper)) params.set('ENCODING', [upper]);
      else addParam(params, 'TYPE', [part.toLowerCase()]);
      continue;
    }
    const key = part.slice(0, eq).trim().toUpperCase();
    const values: string[] = [];
    for (const value of splitQuoted(part.slice(eq + 1), ',')) {
      let v = value.trim();
      if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
      if (key === 'TYPE') {
        // `TYPE="work,voice"` (RFC 6350's own example) is a list, quotes or not.
        for (const type of v.toLowerCase().split(',')) if (type.trim() !== '') values.push(type.trim());
      } else if (v !== '') values.push(v);
    }
    addParam(params, key, values);
  }
  return params;
}

/** Where a line's name ends (the first `;` or `:`), and where its group's dot is; -1 when it has no `:` at all. */
export interface LineHead {
  group: string | null;
  name: string;
  /** Index of the `;` or `:` after the name. */
  end: number;
}

/** The upper-cased property name of a line, without decoding anything else; null for a line that is not a property. */
export function lineHead(line: string): LineHead | null {
  let dot = -1;
  let i = 0;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === SEMICOLON || code === COLON) break;
    if (code === DOT && dot === -1) dot = i;
  }
  if (i === line.length) return null;
  const name = (dot === -1 ? line.slice(0, i) : line.slice(dot + 1, i)).trim().toUpperCase();
  if (name === '') return null;
  return { group: dot === -1 ? null : line.slice(0, dot).trim().toLowerCase(), name, end: i };
}

/** Where the value starts: the index after the first `:` outside double quotes, or -1. */
function valueStart(line: string, from: number): number {
  if (line.charCodeAt(from) === COLON) return from + 1;
  let quoted = false;
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (code === COLON && !quoted) return i + 1;
  }
  return -1;
}

/** Whether a line is a QUOTED-PRINTABLE property whose value goes on to the next line (a soft `=` break). */
export function continuesQuotedPrintable(line: string, head: LineHead): boolean {
  if (line.charCodeAt(line.length - 1) !== EQUALS) return false;
  const colon = valueStart(line, head.end);
  return colon !== -1 && /QUOTED-PRINTABLE/i.test(line.slice(head.end, colon));
}

/**
 * Reads the parameters and value of a line. `latin1` says the card's text holds bytes
 * (it was not UTF-8). Returns null for a line without a `:`.
 */
export function parseProperty(line: string, head: LineHead, latin1: boolean, note?: DecodeNote): VCardProperty | null {
  const start = valueStart(line, head.end);
  if (start === -1) return null;
  const params = start - 1 > head.end ? cachedParams(line.slice(head.end + 1, start - 1)) : NO_PARAMS;
  const raw = line.slice(start);
  const encoding = params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding === 'BASE64' || encoding === 'B') {
    return { group: head.group, name: head.name, params, value: '', binary: Buffer.from(raw, 'base64') };
  }
  const charset = params.get('CHARSET')?.[0];
  let value = raw;
  if (encoding === 'QUOTED-PRINTABLE') {
    value = decodeText(decodeQuotedPrintable(Buffer.from(raw, latin1 ? 'latin1' : 'utf8')), charset, note);
  } else if (latin1) {
    value = decodeText(Buffer.from(raw, 'latin1'), charset, note);
  } else if (charset !== undefined && !UTF8_NAMES.has(charset.toLowerCase())) {
    value = decodeText(Buffer.from(raw, 'utf8'), charset, note);
  }
  return { group: head.group, name: head.name, params, value, binary: null };
}
