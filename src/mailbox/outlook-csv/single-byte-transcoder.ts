/**
 * A fast path from a single-byte code page (Windows-1252, Windows-1250, CP850…) straight
 * to UTF-8 bytes: a 256-entry table built once from iconv-lite, then one pass per chunk
 * that copies ASCII as is. It avoids iconv's decode → string → UTF-8 encode round trip,
 * which cost a third of the read time of a Windows-1252 export.
 */
import iconv from 'iconv-lite';

export type Transcode = (chunk: Buffer) => Buffer;

const cache = new Map<string, Transcode | null>();

/** A transcoder for `encoding`, or null when it is not a single-byte code page (Shift-JIS, GBK…). */
export function singleByteTranscoder(encoding: string): Transcode | null {
  const key = encoding.toLowerCase();
  if (cache.has(key)) return cache.get(key)!;
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  const text = iconv.decode(all, encoding);
  let transcode: Transcode | null = null;
  if (text.length === 256 && [...text].length === 256) {
    const table: Buffer[] = [];
    let single = true;
    for (let i = 0; i < 256; i++) {
      const one = iconv.decode(Buffer.from([i]), encoding);
      if (one !== text[i]) single = false;
      table.push(Buffer.from(text[i]!, 'utf8'));
    }
    if (single && table.slice(0, 128).every((bytes, i) => bytes.length === 1 && bytes[0] === i)) transcode = makeTranscoder(table);
  }
  cache.set(key, transcode);
  return transcode;
}

function makeTranscoder(table: readonly Buffer[]): Transcode {
  const lengths = Uint8Array.from(table, (bytes) => bytes.length);
  return (chunk) => {
    let extra = 0;
    let high = false;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte >= 0x80) {
        high = true;
        extra += lengths[byte]! - 1;
      }
    }
    if (!high) return chunk;
    const out = Buffer.allocUnsafe(chunk.length + extra);
    let o = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (byte < 0x80) out[o++] = byte;
      else {
        const bytes = table[byte]!;
        for (let k = 0; k < bytes.length; k++) out[o++] = bytes[k]!;
      }
    }
    return out;
  };
}
