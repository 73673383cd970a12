/**
 * Splits a stream of vCard bytes into cards, on bytes: lines end at LF (CRs before it
 * are dropped), and folded lines (a line starting with a space or a tab) are joined to
 * the line before *before* any text decoding, so a writer that folds inside a
 * multi-byte UTF-8 character is read right. Each card's body is then decoded once:
 * as UTF-8 when it is valid UTF-8, else as Latin-1 (one character per byte, so the
 * card reader can still get every byte back and decode it by the card's CHARSET).
 *
 * It holds at most one card (up to `maxCardBytes`) and one chunk in memory.
 */
import { isUtf8 } from 'node:buffer';

/** One card's body: the lines between `BEGIN:VCARD` and `END:VCARD`, unfolded and decoded. */
export interface RawCard {
  kind: 'card';
  /** 1-based line of `BEGIN:VCARD`. */
  line: number;
  /** The body's lines, unfolded, joined by LF (CRs dropped). */
  text: string;
  /** True when the body was not valid UTF-8 and `text` holds its bytes as Latin-1. */
  latin1: boolean;
}

/** A card that cannot be read as a whole (no `END:VCARD`, too big). */
export interface BrokenCard {
  kind: 'broken';
  line: number;
  reason: string;
}

export type SplitItem = RawCard | BrokenCard;

/** What the splitter saw of the whole stream. */
export interface SplitStats {
  /** Whether any `BEGIN:VCARD` line was met. */
  sawBegin: boolean;
  /** Whether any line with something other than white space was met outside a card. */
  sawContent: boolean;
}

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;
/** Outside a card, a line this long cannot be `BEGIN:VCARD`: it is dropped as it comes. */
const MAX_LINE_OUTSIDE_CARD = 64 * 1024;
const BEGIN = 'BEGIN:VCARD';
const END = 'END:VCARD';

/** Whether bytes [start, end) are `word`, any case, with white space around it. */
function isWord(buf: Buffer, start: number, end: number, word: string, trimStart: boolean): boolean {
  if (trimStart) while (start < end && (buf[start] === SPACE || buf[start] === TAB)) start++;
  while (end > start && (buf[end - 1] === SPACE || buf[end - 1] === TAB)) end--;
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) {
    let byte = buf[start + i]!;
    if (byte >= 0x61 && byte <= 0x7a) byte -= 0x20;
    if (byte !== word.charCodeAt(i)) return false;
  }
  return true;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const byte = buf[i];
    if (byte !== SPACE && byte !== TAB && byte !== CR) return false;
  }
  return true;
}

/**
 * The body with CRs dropped and folds undone (each LF followed by a space or a tab is
 * removed with that one character), in one pass over its bytes.
 */
function cleanBody(body: Buffer): Buffer {
  const out = Buffer.allocUnsafe(body.length);
  let n = 0;
  const length = body.length;
  for (let i = 0; i < length; i++) {
    const byte = body[i]!;
    if (byte === CR) continue;
    if (byte === LF && i + 1 < length) {
      const next = body[i + 1];
      if (next === SPACE || next === TAB) {
        i++;
        continue;
      }
    }
    out[n++] = byte;
  }
  return out.subarray(0, n);
}

export class VCardSplitter {
  readonly stats: SplitStats = { sawBegin: false, sawContent: false };
  /** Bytes kept from the last chunk: the current card's body so far, or a partial line. */
  private pending: Buffer | null = null;
  /** Where, in `pending`, the lines not yet looked at start. */
  private scanFrom = 0;
  private line = 0;
  private inCard = false;
  private cardLine = 0;
  private folded = false;
  /** The current card went over the size cap: its bytes are dropped until its END. */
  private oversized = false;
  /** A line too long to keep is being dropped until its LF. */
  private droppingLine = false;

  constructor(private readonly maxCardBytes: number) {}

  /** Takes the next chunk; returns the cards it completed. */
  push(chunk: Buffer): SplitItem[] {
    const out: SplitItem[] = [];
    let buf = chunk;
    let pos = 0;
    if (this.droppingLine) {
      const nl = buf.indexOf(LF);
      if (nl === -1) return out;
      this.droppingLine = false;
      this.line++;
      pos = nl + 1;
    } else if (this.pending) {
      buf = Buffer.concat([this.pending, chunk]);
      pos = this.scanFrom;
    }
    let bodyStart = this.inCard && !this.oversized ? 0 : -1;
    const length = buf.length;
    for (let nl = pos; ; nl = pos) {
      while (nl < length && buf[nl] !== LF) nl++;
      if (nl === length) break;
      this.line++;
      let end = nl;
      while (end > pos && buf[end - 1] === CR) end--;
      if (!this.inCard) {
        if (isWord(buf, pos, end, BEGIN, true)) {
          this.startCard();
          bodyStart = nl + 1;
        } else if (!this.stats.sawContent && !isBlank(buf, pos, end)) {
          this.stats.sawContent = true;
        }
      } else {
        const first = buf[pos];
        if (first === SPACE || first === TAB) {
          this.folded = true;
        } else if ((first === 0x45 || first === 0x65) && isWord(buf, pos, end, END, false)) {
          out.push(
            this.oversized
              ? { kind: 'broken', line: this.cardLine, reason: `the card is bigger than ${this.maxCardBytes} bytes and was not read` }
              : this.card(buf.subarray(bodyStart, pos)),
          );
          this.inCard = false;
          bodyStart = -1;
        } else if ((first === 0x42 || first === 0x62) && isWord(buf, pos, end, BEGIN, false)) {
          out.push({ kind: 'broken', line: this.cardLine, reason: `the card has no END:VCARD before the next BEGIN:VCARD (line ${this.line})` });
          this.startCard();
          bodyStart = nl + 1;
        }
        if (this.inCard && !this.oversized && nl + 1 - bodyStart > this.maxCardBytes) {
          this.oversized = true;
          bodyStart = -1;
        }
      }
      pos = nl + 1;
    }
    // Keep what is still needed: the card's body so far, or the partial last line.
    const keepFrom = this.inCard && !this.oversized ? bodyStart : pos;
    const partial = buf.length - pos;
    const limit = this.inCard ? (this.oversized ? MAX_LINE_OUTSIDE_CARD : this.maxCardBytes - (pos - keepFrom)) : MAX_LINE_OUTSIDE_CARD;
    if (partial > limit) {
      // A line that cannot fit: drop it as it comes.
      this.droppingLine = true;
      this.pending = null;
      this.scanFrom = 0;
      if (this.inCard) this.oversized = true;
      else this.stats.sawContent = true;
      return out;
    }
    this.pending = keepFrom < buf.length ? buf.subarray(keepFrom) : null;
    this.scanFrom = pos - keepFrom;
    return out;
  }

  /** The end of the stream: a last line without LF, and a card left open. */
  end(): SplitItem[] {
    const out = this.pending && !this.droppingLine ? this.push(Buffer.from('\n')) : [];
    if (this.inCard) {
      out.push({
        kind: 'broken',
        line: this.cardLine,
        reason: this.oversized
          ? `the card is bigger than ${this.maxCardBytes} bytes and has no END:VCARD`
          : 'the card has no END:VCARD (the file ends inside it; truncated?)',
      });
      this.inCard = false;
    }
    return out;
  }

  private startCard(): void {
    this.stats.sawBegin = true;
    this.inCard = true;
    this.cardLine = this.line;
    this.folded = false;
    this.oversized = false;
  }

  private card(body: Buffer): RawCard {
    const bytes = this.folded || body.includes(CR) ? cleanBody(body) : body;
    const utf8 = isUtf8(bytes);
    return { kind: 'card', line: this.cardLine, text: bytes.toString(utf8 ? 'utf8' : 'latin1'), latin1: !utf8 };
  }
}

/** Splits a whole stream; for tests and small inputs. */
export async function* splitVCards(chunks: AsyncIterable<Uint8Array>, options: { maxCardBytes: number }, stats?: SplitStats): AsyncGenerator<SplitItem> {
  const splitter = new VCardSplitter(options.maxCardBytes);
  for await (const chunk of chunks) yield* splitter.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  yield* splitter.end();
  if (stats) Object.assign(stats, splitter.stats);
}
