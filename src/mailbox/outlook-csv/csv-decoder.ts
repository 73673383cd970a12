/**
 * Turns a CSV's bytes, in whatever encoding `detect-encoding.ts` found, into text, chunk
 * by chunk (a character cut between two chunks comes whole with the second):
 *
 * - UTF-8 through Node's TextDecoder (invalid bytes become U+FFFD; a BOM after the one
 *   skipped is kept as a character);
 * - UTF-16LE through Node's StringDecoder;
 * - a single-byte code page through `single-byte-decoder.ts` (never Node's TextDecoder:
 *   Node 20's `windows-1252` is Latin-1, which turns 0x80 into U+0080 instead of €);
 * - anything else (UTF-16BE, Shift-JIS, GBK…) through iconv-lite's streaming decoder.
 *
 * A lone UTF-16 surrogate becomes U+FFFD, as it did when the text went to the parser as
 * UTF-8. While the file has shown only ASCII (`undecided`), the first chunk with a byte
 * ≥ 0x80 decides: UTF-8 when the bytes from there are valid UTF-8, else the code page.
 *
 * Speed: callers should hand it chunks of at most `DECODE_CHUNK` bytes; V8 makes strings
 * over 128 KB in its large-object space, which costs ten times as much per character.
 */
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import { firstNonAscii, isUtf8Prefix, type SniffedEncoding } from './detect-encoding.js';
import { singleByteDecoder } from './single-byte-decoder.js';

/** The largest chunk worth decoding at once (see above). */
export const DECODE_CHUNK = 32 * 1024;

interface Decoder {
  write(chunk: Buffer): string;
  end(): string;
}

interface WellFormed {
  isWellFormed(): boolean;
  toWellFormed(): string;
}
const wellFormed = (text: string): string => ((text as unknown as WellFormed).isWellFormed() ? text : (text as unknown as WellFormed).toWellFormed());

/**
 * A decoder whose text may hold lone surrogates, made to give well-formed text: a high
 * surrogate at the end of a chunk waits for the next one (its low half may start it).
 */
function wellFormedDecoder(write: (chunk: Buffer) => string, end: () => string): Decoder {
  let pending = '';
  const settle = (text: string, last: boolean): string => {
    if (pending !== '') {
      text = pending + text;
      pending = '';
    }
    const tail = text.length > 0 ? text.charCodeAt(text.length - 1) : 0;
    if (!last && tail >= 0xd800 && tail <= 0xdbff) {
      pending = text.slice(-1);
      text = text.slice(0, -1);
    }
    return wellFormed(text);
  };
  return { write: (chunk) => settle(write(chunk), false), end: () => settle(end(), true) };
}

function decoderFor(encoding: string): Decoder {
  const name = encoding.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (name === 'utf8') {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  if (name === 'utf16le' || name === 'ucs2') {
    const decoder = new StringDecoder('utf16le');
    return wellFormedDecoder((chunk) => decoder.write(chunk), () => decoder.end());
  }
  const decode = singleByteDecoder(encoding);
  if (decode) return { write: decode, end: () => '' };
  const decoder = iconv.getDecoder(encoding);
  return wellFormedDecoder((chunk) => decoder.write(chunk), () => decoder.end() ?? '');
}

export class CsvDecoder {
  #skip: number;
  #undecided: boolean;
  #decoder: Decoder | null;
  readonly #fallback: string;
  /** The encoding in use once decided (for messages and tests). */
  encoding: string;

  constructor(sniffed: SniffedEncoding) {
    this.#skip = sniffed.bomLength;
    this.#undecided = sniffed.undecided;
    this.#fallback = sniffed.encoding;
    this.encoding = sniffed.undecided ? 'ascii' : sniffed.encoding;
    this.#decoder = sniffed.undecided ? null : decoderFor(sniffed.encoding);
  }

  /** The text of the next chunk of bytes (without what a multi-byte character cut at its end still needs). */
  write(chunk: Buffer): string {
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, chunk.length);
      this.#skip -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return '';
    }
    if (this.#undecided) {
      if (isAscii(chunk)) return chunk.toString('latin1');
      const start = firstNonAscii(chunk);
      this.#undecided = false;
      this.encoding = isUtf8Prefix(chunk.subarray(start)) ? 'utf-8' : this.#fallback;
      this.#decoder = decoderFor(this.encoding);
    }
    return this.#decoder!.write(chunk);
  }

  /** What the decoder still holds at the end of the file (a cut character becomes U+FFFD). */
  end(): string {
    return this.#decoder?.end() ?? '';
  }
}

/** Decodes a whole (small) buffer the same way, for sniffing the header. */
export function decodeHead(bytes: Buffer, sniffed: SniffedEncoding): string {
  const body = bytes.subarray(sniffed.bomLength);
  if (sniffed.undecided) return body.toString('utf8');
  const decoder = decoderFor(sniffed.encoding);
  return decoder.write(body);
}
