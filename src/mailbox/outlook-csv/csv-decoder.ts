/**
 * A stream that turns a CSV's bytes, in whatever encoding `detect-encoding.ts` found,
 * into UTF-8 bytes for csv-parse (which works on bytes and decodes fields as UTF-8).
 * UTF-8 input passes through untouched; anything else goes through iconv-lite's
 * streaming decoder (never Node's TextDecoder: Node 20's `windows-1252` is Latin-1,
 * which turns 0x80 into U+0080 instead of €).
 */
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { firstNonAscii, isUtf8Prefix, type SniffedEncoding } from './detect-encoding.js';
import { singleByteTranscoder } from './single-byte-transcoder.js';

/** Bytes in → UTF-8 bytes out; `end` gives what a multi-byte decoder still holds. */
interface Decoder {
  write(chunk: Buffer): Buffer;
  end(): Buffer | null;
}

function decoderFor(encoding: string): Decoder | null {
  if (isUtf8Name(encoding)) return null;
  const transcode = singleByteTranscoder(encoding);
  if (transcode) return { write: transcode, end: () => null };
  const decoder = iconv.getDecoder(encoding);
  return {
    write: (chunk) => Buffer.from(decoder.write(chunk), 'utf8'),
    end: () => {
      const rest = decoder.end();
      return rest ? Buffer.from(rest, 'utf8') : null;
    },
  };
}

export class CsvDecoder extends Transform {
  #skip: number;
  #undecided: boolean;
  #decoder: Decoder | null;
  readonly #fallback: string;
  /** The encoding in use once decided (for messages and tests). */
  encoding: string;

  constructor(sniffed: SniffedEncoding) {
    super();
    this.#skip = sniffed.bomLength;
    this.#undecided = sniffed.undecided;
    this.#fallback = sniffed.encoding;
    this.encoding = sniffed.undecided ? 'ascii' : sniffed.encoding;
    this.#decoder = sniffed.undecided ? null : decoderFor(sniffed.encoding);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.#skip > 0) {
      const skipped = Math.min(this.#skip, chunk.length);
      this.#skip -= skipped;
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return done();
    }
    if (this.#undecided) {
      const start = firstNonAscii(chunk);
      if (start === -1) return done(null, chunk);
      this.#undecided = false;
      if (isUtf8Prefix(chunk.subarray(start))) this.encoding = 'utf-8';
      else {
        this.encoding = this.#fallback;
        this.#decoder = decoderFor(this.#fallback);
      }
    }
    if (this.#decoder === null) return done(null, chunk);
    const bytes = this.#decoder.write(chunk);
    done(null, bytes.length > 0 ? bytes : undefined);
  }

  override _flush(done: TransformCallback): void {
    const rest = this.#decoder?.end();
    done(null, rest && rest.length > 0 ? rest : undefined);
  }
}

function isUtf8Name(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  return n === 'utf8';
}

/** Decodes a whole (small) buffer the same way, for sniffing the header. */
export function decodeHead(bytes: Buffer, sniffed: SniffedEncoding): string {
  const body = bytes.subarray(sniffed.bomLength);
  if (sniffed.undecided || isUtf8Name(sniffed.encoding)) return body.toString('utf8');
  return iconv.getDecoder(sniffed.encoding).write(body);
}
