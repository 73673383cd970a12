/**
 * The field delimiter of a CSV and its header row, from the start of the decoded text:
 * of comma, semicolon and tab, the one that occurs most often in the first line outside
 * double quotes (a comma by default). Outlook and Google write commas; Excel in French
 * or German locales writes semicolons; Thunderbird's .txt export uses tabs.
 */
export type Delimiter = ',' | ';' | '\t';

export interface HeaderLine {
  delimiter: Delimiter;
  /** The header's column names, unquoted (`""` → `"`), untrimmed. */
  names: string[];
  /** Whether the first line ended within the text given (false: a header longer than the sniffed bytes). */
  complete: boolean;
}

/** Finds the end of the first line outside quotes: the index of its CR or LF, or -1. */
function firstLineEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return i;
  }
  return -1;
}

export function detectDelimiter(line: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

function splitLine(line: string, delimiter: Delimiter): string[] {
  const names: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      names.push(field);
      field = '';
    } else field += c;
  }
  names.push(field);
  return names;
}

/** The header line of a CSV that starts with `text` (BOM already removed). */
export function readHeaderLine(text: string): HeaderLine {
  const end = firstLineEnd(text);
  const line = end === -1 ? text : text.slice(0, end);
  const delimiter = detectDelimiter(line);
  return { delimiter, names: splitLine(line, delimiter), complete: end !== -1 };
}
