/**
 * Company-name variants, PRODUCT.md W3: names the wizard *proposes* to merge, never
 * merges on its own. Two names are proposed together when they have the same loose key
 * (case, accents, punctuation and legal forms set aside: "Contoso Ltd" and
 * "CONTOSO, Inc."), or when their loose keys are a small edit distance apart
 * ("Northwind Trader" and "Northwind Traders") and hold the same numbers.
 */
import { distance } from 'fastest-levenshtein';
import { accountNameKey, tidyAccountName } from './account-name.js';

/** Legal forms dropped from the end of a loose key, in any number ("Co., Ltd."). */
const LEGAL_FORMS = new Set([
  'ab', 'ag', 'as', 'asa', 'bv', 'bvba', 'cie', 'co', 'company', 'corp', 'corporation', 'cv', 'eg', 'ev', 'gbr', 'gmbh',
  'inc', 'incorporated', 'kg', 'kk', 'limited', 'llc', 'llp', 'lp', 'ltd', 'ltda', 'nv', 'oy', 'oyj', 'plc', 'pty', 'sa',
  'sarl', 'sas', 'se', 'spa', 'sl', 'srl', 'ug',
]);

/** German letters written out the way German writers do without them ("Müller" is "Mueller"). */
const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * The loose key of a company name: lower-case, German umlauts written out, other
 * accents removed, `&` read as "and", punctuation as spaces, legal forms at the end
 * dropped. A name that is nothing but a legal form keeps it.
 *
 * ### Examples
 * ```ts
 * looseCompanyKey('Contoso, Inc.')          // 'contoso'
 * looseCompanyKey('Müller & Söhne GmbH')    // 'mueller and soehne'
 * looseCompanyKey("Société Générale d'Études") // 'societe generale d etudes'
 * ```
 */
export function looseCompanyKey(name: string): string {
  const words = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => TRANSLITERATION[ch]!)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let end = words.length;
  while (end > 1 && LEGAL_FORMS.has(words[end - 1]!)) end--;
  return words.slice(0, end).join(' ');
}

const digitsOf = (key: string) => key.replace(/\D+/g, ' ').trim();

/** How many neighbours in sorted order each loose key is compared with. */
const WINDOW = 8;

/** The largest edit distance between loose keys that still proposes a merge. */
function allowedDistance(length: number): number {
  if (length <= 5) return 0;
  return length <= 12 ? 1 : 2;
}

/** One company name as the contacts spell it, with how many contacts have it. */
export interface CompanyName {
  name: string;
  count: number;
}

export interface VariantProposal {
  /** The name an accepted merge uses: the most used spelling (ties: the first in sort order). */
  canonical: string;
  /** Every spelling in the proposal, most used first, with its count and loose key: the evidence. */
  names: (CompanyName & { looseKey: string })[];
  /** Why they were put together. */
  reason: 'same-loose-key' | 'edit-distance';
}

/**
 * Proposes merges among company names. Names are first taken as W3 names (the same
 * name under {@link accountNameKey} counts once, its counts added); each proposal holds
 * two or more different W3 names.
 */
export function proposeCompanyVariants(input: readonly CompanyName[]): VariantProposal[] {
  const byKey = new Map<string, CompanyName & { looseKey: string }>();
  for (const { name, count } of input) {
    const key = accountNameKey(name);
    if (key === '') continue;
    const known = byKey.get(key);
    if (known) known.count += count;
    else byKey.set(key, { name: tidyAccountName(name), count, looseKey: looseCompanyKey(name) });
  }
  const names = [...byKey.values()];
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };

  // Same loose key.
  const byLoose = new Map<string, number>();
  names.forEach((entry, i) => {
    const first = byLoose.get(entry.looseKey);
    if (first === undefined) byLoose.set(entry.looseKey, i);
    else union(i, first);
  });

  // Small edit distance between loose keys, compared with their neighbours in sorted
  // order and in sorted order of the reversed keys (the sorted-neighbourhood method):
  // a variant differs in a letter or two, so it sorts near its twin one way or the
  // other, and n names cost n × 2 × WINDOW distances, not n².
  const looseKeys = [...byLoose.keys()];
  const compareNeighbours = (order: string[], original: (key: string) => string) => {
    for (let a = 0; a < order.length; a++) {
      for (let b = a + 1; b < Math.min(order.length, a + 1 + WINDOW); b++) {
        const x = original(order[a]!);
        const y = original(order[b]!);
        const limit = allowedDistance(Math.min(x.length, y.length));
        if (limit === 0 || Math.abs(x.length - y.length) > limit) continue;
        // "Studio 54" and "Studio 55" are two companies: numbers must be the same.
        if (digitsOf(x) !== digitsOf(y)) continue;
        if (distance(x, y) <= limit) union(byLoose.get(x)!, byLoose.get(y)!);
      }
    }
  };
  const reverse = (key: string) => [...key].reverse().join('');
  compareNeighbours([...looseKeys].sort(), (key) => key);
  const reversed = new Map(looseKeys.map((key) => [reverse(key), key]));
  compareNeighbours([...reversed.keys()].sort(), (key) => reversed.get(key)!);

  const clusters = new Map<number, number[]>();
  names.forEach((_, i) => {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(i);
    else clusters.set(root, [i]);
  });
  const proposals: VariantProposal[] = [];
  for (const members of clusters.values()) {
    if (members.length < 2) continue;
    const spelled = members
      .map((i) => names[i]!)
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const sameLoose = spelled.every((entry) => entry.looseKey === spelled[0]!.looseKey);
    proposals.push({ canonical: spelled[0]!.name, names: spelled, reason: sameLoose ? 'same-loose-key' : 'edit-distance' });
  }
  return proposals.sort((a, b) => (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : 0));
}
