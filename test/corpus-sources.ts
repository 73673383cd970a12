/**
 * The table of `../shared/corpus/SOURCES.md`, read so tests check the counts written
 * there rather than copies of them.
 */
import { readFileSync } from 'node:fs';
import { corpusAvailable, corpusPath } from './corpus.js';

export interface CorpusEntry {
  /** Path under the corpus root, e.g. `vcard/khard_post.vcf`. */
  file: string;
  kind: string;
  encoding: string;
  /** The "contacts/items" cell, e.g. `6 contacts`, `4 data rows`. */
  items: string;
  /** The number at the start of the items cell. */
  count: number;
  edgeCases: string;
}

export function corpusEntries(kind: string): CorpusEntry[] {
  if (!corpusAvailable) return [];
  const entries: CorpusEntry[] = [];
  for (const line of readFileSync(corpusPath('SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    // | file | kind | application | encoding | items | edge cases | bytes | source | license |
    if (cells.length < 10 || cells[2] !== kind) continue;
    const count = /^(\d+)/.exec(cells[5]!);
    if (!count) continue;
    entries.push({ file: cells[1]!, kind: cells[2]!, encoding: cells[4]!, items: cells[5]!, count: Number(count[1]), edgeCases: cells[6]! });
  }
  return entries;
}
