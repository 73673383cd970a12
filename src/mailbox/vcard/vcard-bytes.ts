/**
 * The bytes of a vCard file as UTF-8-compatible bytes for the splitter: a UTF-8 BOM is
 * dropped, and UTF-16 (with a BOM, or without one when the file starts `B\0E\0`, as
 * some Windows tools write) is transcoded to UTF-8 as it streams.
 */
import iconv from 'iconv-lite';

type Utf16 = 'utf-16le' | 'utf-16be';

function utf16Of(first: Buffer): { encoding: Utf16; skip: number } | null {
  if (first[0] === 0xff && first[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (first[0] === 0xfe && first[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  // No BOM: ASCII text in UTF-16 has every other byte zero.
  if (first.length >= 4 && first[0] !== 0 && first[1] === 0 && first[2] !== 0 && first[3] === 0) return { encoding: 'utf-16le', skip: 0 };
  if (first.length >= 4 && first[0] === 0 && first[1] !== 0 && first[2] === 0 && first[3] !== 0) return { encoding: 'utf-16be', skip: 0 };
  return null;
}

const CR = 0x0d;
const LF = 0x0a;

/** Old Mac files end lines with CR alone: turn each into LF. */
function crToLf(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  for (let i = copy.indexOf(CR); i !== -1; i = copy.indexOf(CR, i + 1)) copy[i] = LF;
  return copy;
}

export async function* normalisedVCardBytes(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: ReturnType<typeof iconv.getDecoder> | null = null;
  let first = true;
  let crOnly = false;
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (first) {
      first = false;
      const utf16 = utf16Of(bytes);
      if (utf16) {
        decoder = iconv.getDecoder(utf16.encoding);
        bytes = bytes.subarray(utf16.skip);
      } else if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        bytes = bytes.subarray(3);
      }
      crOnly = !decoder && bytes.includes(CR) && !bytes.includes(LF);
    }
    if (crOnly) bytes = crToLf(bytes);
    if (decoder) {
      const text = decoder.write(bytes);
      if (text.length > 0) yield Buffer.from(text, 'utf8');
    } else if (bytes.length > 0) {
      yield bytes;
    }
  }
  if (decoder) {
    const rest = decoder.end();
    if (rest) yield Buffer.from(rest, 'utf8');
  }
}
