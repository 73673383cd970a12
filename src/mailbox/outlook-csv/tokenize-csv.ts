/**
 * A streaming CSV tokenizer: decoded text goes in chunk by chunk (`push`, then `end`),
 * rows come out one at a time (`next`), each with the 1-based physical line it starts
 * on. It reads CSV exactly as csv-parse 6 does with the options the connector used
 * (`relax_quotes`, `relax_column_count`, `skip_records_with_error`, empty lines kept),
 * which a differential property test holds it to (`test/mailbox-csv-tokenizer.test.ts`):
 *
 * - The line end is found once, at the first CR or LF outside quotes: CRLF, LF or a bare
 *   CR. After that, only that sequence ends a row; any other CR or LF is a character of
 *   its value (a bare LF in a CRLF file, say).
 * - A value that starts with `"` is quoted: `""` in it is one `"`; delimiters and line
 *   ends in it are text. Its closing quote must be followed by the delimiter, the line
 *   end or the end of the text; when it is followed by anything else, the value goes on
 *   unquoted and keeps both quotes (`"ab"c` → `"ab"c`), except that a NUL closes it and
 *   is kept without them (`"ab"\0c` → `ab\0c`).
 * - A `"` inside a value that did not start with one is a character.
 * - A row may have any number of values; an empty line is a row of one empty value; the
 *   last row needs no line end.
 * - A quote that is never closed makes the rest of the text one record of kind
 *   `unclosed`, which starts on the line the row starts on.
 *
 * Beyond csv-parse: a row longer than `maxRowChars` (1 Mi characters by default, its
 * line end included) is not kept: it comes out as a record of kind `overlong` (or
 * `unclosed`, if it ends in an open quote at the end of the text), and reading goes on
 * after its line end (found with its quotes taken into account). So the tokenizer holds
 * at most one row (under the cap) plus the chunk being read.
 *
 * Speed: the text is searched with `indexOf` for the next quote, delimiter and line end
 * (the last two remembered until passed) rather than character by character, and values
 * go into one array reused from row to row (`fields`: read it before calling `next`
 * again).
 *
 * A physical line is counted at each LF, and in a file whose rows end with a bare CR, at
 * each of those CRs too.
 */

export const MAX_ROW_CHARS = 1024 * 1024;

export type CsvRecordKind = 'row' | 'unclosed' | 'overlong';

const QUOTE = 34;
const LF = 10;
const CR = 13;
const NUL = 0;

/** Line ends: not found yet, LF, CRLF, CR. */
const RD_UNKNOWN = 0;
const RD_LF = 1;
const RD_CRLF = 2;
const RD_CR = 3;

/** `#parseRecord` and `#rdAt`: the text ends before the answer is known. */
const NEED_MORE = -1;

export class CsvTokenizer {
  /** The values of the row `next` found (kind `row`); empty for the other kinds. Reused: read it before the next call. */
  readonly fields: string[] = [];
  /** What `next` found: a row, or a record that could not be read. */
  kind: CsvRecordKind = 'row';
  /** The 1-based physical line the record `next` found starts on. */
  line = 1;

  readonly #delimiter: string;
  readonly #delimiterCode: number;
  readonly #maxRowChars: number;

  #buf = '';
  /** Where the next record starts in `#buf` (while skipping: how far the skip has read). */
  #pos = 0;
  #ended = false;
  #rd = RD_UNKNOWN;

  /** Cached positions in `#buf` of the next delimiter, LF and CR (`#buf.length` when none; -1 when unknown). */
  #nextDelimiter = -1;
  #nextLf = -1;
  #nextCr = -1;

  /** LFs counted in the text before `#buf[#countedTo]`, and rows ended by a bare CR before the current one. */
  #lfs = 0;
  #countedTo = 0;
  /** The next LF at or after `#countedTo` (`#buf.length` when none; -1 when unknown). */
  #lfCursor = -1;
  #crRows = 0;
  /** The last character of all the text pushed (to tell the last line). */
  #lastChar = -1;

  /** Set while a row longer than the cap is being skipped. */
  #skip: { quoting: boolean; fieldStart: boolean; line: number } | null = null;

  constructor(delimiter: string, maxRowChars = MAX_ROW_CHARS) {
    if (delimiter.length !== 1 || '"\r\n'.includes(delimiter)) throw new Error(`bug: the CSV delimiter must be one character other than a quote or a line end, not ${JSON.stringify(delimiter)}`);
    this.#delimiter = delimiter;
    this.#delimiterCode = delimiter.charCodeAt(0);
    this.#maxRowChars = maxRowChars;
  }

  /** Adds the next chunk of text. Call `next` until it returns false first. */
  push(text: string): void {
    if (this.#ended) throw new Error('bug: CsvTokenizer.push after end');
    if (text.length === 0) return;
    this.#lastChar = text.charCodeAt(text.length - 1);
    this.#countLinesTo(this.#pos);
    const rest = this.#pos < this.#buf.length ? this.#buf.slice(this.#pos) : '';
    this.#buf = rest.length > 0 ? rest + text : text;
    this.#countedTo = 0;
    this.#pos = 0;
    this.#nextDelimiter = this.#nextLf = this.#nextCr = this.#lfCursor = -1;
  }

  /** Says that no more text will come: `next` then gives the last row. */
  end(): void {
    this.#ended = true;
  }

  /**
   * The last physical line of the text pushed so far (of the whole text, after `end`):
   * for a record of kind `unclosed`, the line its open quote runs to.
   */
  get lastLine(): number {
    const buf = this.#buf;
    let lfs = this.#lfs;
    for (let lf = buf.indexOf('\n', this.#countedTo); lf !== -1; lf = buf.indexOf('\n', lf + 1)) lfs++;
    // A final LF ends the last line rather than starting a new one.
    return 1 + lfs + this.#crRows - (this.#lastChar === LF ? 1 : 0);
  }

  /** Finds the next record: true when `fields`, `kind` and `line` tell it; false when more text is needed (or, after `end`, when there is none). */
  next(): boolean {
    if (this.#skip !== null) return this.#skipOn();
    const start = this.#pos;
    const length = this.#buf.length;
    if (start >= length) return false;
    const end = this.#parseRecord(start);
    if (end === NEED_MORE) {
      // The record will be read again from its start: forget what was found past it.
      this.#nextDelimiter = this.#nextLf = this.#nextCr = -1;
      if (this.#ended) {
        // Only an open quote leaves a record unfinished at the end of the text.
        this.#found('unclosed', start);
        this.fields.length = 0;
        this.#pos = length;
        return true;
      }
      if (length - start > this.#maxRowChars) {
        this.#skip = { quoting: false, fieldStart: true, line: this.#lineAt(start) };
        return this.#skipOn();
      }
      return false;
    }
    if (end - start > this.#maxRowChars) {
      this.#found('overlong', start);
      this.fields.length = 0;
    } else this.#found('row', start);
    this.#pos = end;
    if (this.#rd === RD_CR && this.#rowEndedByRd) this.#crRows++;
    return true;
  }

  #rowEndedByRd = false;

  #found(kind: CsvRecordKind, start: number): void {
    this.kind = kind;
    this.line = this.#lineAt(start);
  }

  #lineAt(position: number): number {
    this.#countLinesTo(position);
    return 1 + this.#lfs + this.#crRows;
  }

  #countLinesTo(position: number): void {
    if (position <= this.#countedTo) return;
    const buf = this.#buf;
    let lf = this.#lfCursor;
    if (lf < this.#countedTo) lf = buf.indexOf('\n', this.#countedTo);
    while (lf !== -1 && lf < position) {
      this.#lfs++;
      lf = buf.indexOf('\n', lf + 1);
    }
    this.#lfCursor = lf === -1 ? buf.length : lf;
    this.#countedTo = position;
  }

  /**
   * Reads the record that starts at `start` into `fields`: the position after its line
   * end (or the end of the text), or NEED_MORE when the text ends first.
   */
  #parseRecord(start: number): number {
    const buf = this.#buf;
    const length = buf.length;
    const delimiter = this.#delimiterCode;
    const fields = this.fields;
    let count = 0;
    let p = start;
    for (;;) {
      // One value, starting at p. `prefix`: what a quoted start gave, when the value goes on unquoted.
      let prefix = '';
      if (p < length && buf.charCodeAt(p) === QUOTE) {
        let from = p + 1;
        let q = from < length && buf.charCodeAt(from) === QUOTE ? from : buf.indexOf('"', from);
        let text = '';
        let closed = false;
        for (;;) {
          if (q === -1) return NEED_MORE;
          if (q + 1 >= length) {
            if (!this.#ended) return NEED_MORE;
            fields[count++] = text + buf.slice(from, q);
            fields.length = count;
            this.#rowEndedByRd = false;
            return length;
          }
          const c = buf.charCodeAt(q + 1);
          if (c === QUOTE) {
            text += buf.slice(from, q + 1);
            from = q + 2;
            q = buf.indexOf('"', from);
            continue;
          }
          if (c === delimiter) {
            closed = true;
            break;
          }
          const rd = this.#rdAt(q + 1);
          if (rd === NEED_MORE) return NEED_MORE;
          if (rd > 0) {
            fields[count++] = text + buf.slice(from, q);
            fields.length = count;
            this.#rowEndedByRd = true;
            return q + 1 + rd;
          }
          // Closed by a NUL, or not really closed: the value goes on unquoted.
          prefix = c === NUL ? text + buf.slice(from, q) : `"${text}${buf.slice(from, q)}"`;
          break;
        }
        if (closed) {
          fields[count++] = text.length === 0 ? buf.slice(from, q) : text + buf.slice(from, q);
          p = q + 2;
          continue;
        }
        p = q + 1;
      }
      // An unquoted value (or the rest of one), from p.
      const end = this.#valueEnd(p);
      if (end === NEED_MORE) return NEED_MORE;
      if (end === length) {
        if (!this.#ended) return NEED_MORE;
        fields[count++] = prefix + buf.slice(p, length);
        fields.length = count;
        this.#rowEndedByRd = false;
        return length;
      }
      fields[count++] = prefix.length === 0 ? buf.slice(p, end) : prefix + buf.slice(p, end);
      if (end === this.#nextDelimiter) {
        p = end + 1;
        continue;
      }
      fields.length = count;
      this.#rowEndedByRd = true;
      return end + this.#rdLength;
    }
  }

  /** Length of the line end `#valueEnd` last found. */
  #rdLength = 1;

  /**
   * Where the unquoted value at `p` ends: the position of the next delimiter (then
   * `#nextDelimiter`) or line end (its length in `#rdLength`), the buffer's length when
   * neither comes, NEED_MORE when a CR at the very end might start a CRLF.
   */
  #valueEnd(p: number): number {
    const buf = this.#buf;
    const length = buf.length;
    let delimiter = this.#nextDelimiter;
    if (delimiter < p) {
      delimiter = buf.indexOf(this.#delimiter, p);
      this.#nextDelimiter = delimiter = delimiter === -1 ? length : delimiter;
    }
    for (;;) {
      let lineEnd: number;
      const rd = this.#rd;
      if (rd === RD_LF) {
        lineEnd = this.#lfFrom(p);
      } else if (rd === RD_UNKNOWN) {
        const lf = this.#lfFrom(p);
        const cr = this.#crFrom(p);
        lineEnd = lf < cr ? lf : cr;
      } else lineEnd = this.#crFrom(p);
      if (delimiter < lineEnd) return delimiter;
      if (lineEnd === length) return length;
      const size = this.#rdAt(lineEnd);
      if (size === NEED_MORE) return NEED_MORE;
      if (size > 0) {
        this.#rdLength = size;
        return lineEnd;
      }
      // A CR that does not end rows here (a CRLF file): a character of the value.
      p = lineEnd + 1;
    }
  }

  #lfFrom(p: number): number {
    let lf = this.#nextLf;
    if (lf < p) {
      lf = this.#buf.indexOf('\n', p);
      this.#nextLf = lf = lf === -1 ? this.#buf.length : lf;
    }
    return lf;
  }

  #crFrom(p: number): number {
    let cr = this.#nextCr;
    if (cr < p) {
      cr = this.#buf.indexOf('\r', p);
      this.#nextCr = cr = cr === -1 ? this.#buf.length : cr;
    }
    return cr;
  }

  /** The length of the line end at `i` (0: none there), finding the file's line end on the first one; NEED_MORE when a CR is the last character so far. */
  #rdAt(i: number): number {
    const buf = this.#buf;
    const c = buf.charCodeAt(i);
    switch (this.#rd) {
      case RD_LF:
        return c === LF ? 1 : 0;
      case RD_CR:
        return c === CR ? 1 : 0;
      case RD_CRLF:
        if (c !== CR) return 0;
        if (i + 1 >= buf.length) return this.#ended ? 0 : NEED_MORE;
        return buf.charCodeAt(i + 1) === LF ? 2 : 0;
      default:
        if (c === LF) {
          this.#rd = RD_LF;
          return 1;
        }
        if (c !== CR) return 0;
        if (i + 1 >= buf.length && !this.#ended) return NEED_MORE;
        if (buf.charCodeAt(i + 1) === LF) {
          this.#rd = RD_CRLF;
          return 2;
        }
        this.#rd = RD_CR;
        return 1;
    }
  }

  /**
   * Reads on through a row too long to keep, keeping only where it stands (in quotes or
   * not, at the start of a value or not): true when the row has ended (its record is
   * then told), false when more text is needed.
   */
  #skipOn(): boolean {
    const skip = this.#skip!;
    const buf = this.#buf;
    const length = buf.length;
    let p = this.#pos;
    let end = -1;
    this.#rowEndedByRd = false;
    for (;;) {
      if (skip.quoting) {
        const q = buf.indexOf('"', p);
        if (q === -1) {
          p = length;
          break;
        }
        if (q + 1 >= length) {
          p = q;
          if (this.#ended) {
            skip.quoting = false;
            end = length;
          }
          break;
        }
        const c = buf.charCodeAt(q + 1);
        if (c === QUOTE) {
          p = q + 2;
          continue;
        }
        if (c === this.#delimiterCode) {
          skip.quoting = false;
          skip.fieldStart = true;
          p = q + 2;
          continue;
        }
        const rd = this.#rdAt(q + 1);
        if (rd === NEED_MORE) {
          p = q;
          break;
        }
        skip.quoting = false;
        if (rd > 0) {
          end = q + 1 + rd;
          this.#rowEndedByRd = true;
          break;
        }
        skip.fieldStart = false;
        p = q + 1;
        continue;
      }
      if (skip.fieldStart) {
        if (p >= length) {
          if (this.#ended) end = length;
          break;
        }
        skip.fieldStart = false;
        if (buf.charCodeAt(p) === QUOTE) {
          skip.quoting = true;
          p++;
          continue;
        }
      }
      const valueEnd = this.#valueEnd(p);
      if (valueEnd === NEED_MORE) {
        p = this.#nextCr;
        break;
      }
      if (valueEnd === length) {
        p = length;
        if (this.#ended) end = length;
        break;
      }
      if (valueEnd === this.#nextDelimiter) {
        skip.fieldStart = true;
        p = valueEnd + 1;
        continue;
      }
      end = valueEnd + this.#rdLength;
      this.#rowEndedByRd = true;
      break;
    }
    if (end === -1) {
      this.#pos = p;
      if (!this.#ended) return false;
      // The text ended inside quotes.
      end = length;
    }
    this.kind = skip.quoting ? 'unclosed' : 'overlong';
    this.line = skip.line;
    this.fields.length = 0;
    this.#skip = null;
    this.#pos = end;
    if (this.#rd === RD_CR && this.#rowEndedByRd) this.#crRows++;
    return true;
  }
}
