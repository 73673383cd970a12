/**
 * Which program and language wrote a CSV, from its header row, and what each column
 * fills: the header is compared with every table of `csv-header-tables.ts` and the
 * table that knows most of its columns wins. The result is compiled once per file into
 * a plan (column index → target), so a row is mapped without looking up any name.
 */
import { ADDRESS_KINDS, PHONE_KINDS, type AddressKind, type PhoneKind } from '../../domain/contact.js';
import { HEADER_TABLES, type DateOrder, type HeaderTable } from './csv-header-tables.js';

export type TextTarget =
  | 'prefix' | 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'fullName' | 'nickname' | 'company'
  | 'department' | 'jobTitle' | 'webPage' | 'spouse' | 'manager' | 'assistantName' | 'notes';
const TEXT_TARGETS: ReadonlySet<string> = new Set<TextTarget>([
  'prefix', 'firstName', 'middleName', 'lastName', 'suffix', 'fullName', 'nickname', 'company',
  'department', 'jobTitle', 'webPage', 'spouse', 'manager', 'assistantName', 'notes',
]);
export type AddressPart = 'street' | 'street2' | 'street3' | 'city' | 'region' | 'postalCode' | 'country';
const ADDRESS_PARTS: ReadonlySet<string> = new Set(['street', 'street2', 'street3', 'city', 'region', 'postalCode', 'country']);

export type ColumnTarget =
  | { kind: 'text'; field: TextTarget }
  | { kind: 'date'; field: 'birthday' | 'anniversary' }
  | { kind: 'email'; slot: number }
  | { kind: 'emailType'; slot: number }
  | { kind: 'phone'; phone: PhoneKind | '*' }
  | { kind: 'address'; address: AddressKind; part: AddressPart }
  | { kind: 'categories' }
  | { kind: 'groups' }
  | { kind: 'gemail'; n: number }
  | { kind: 'gphone'; n: number; part: 'label' | 'value' }
  | { kind: 'gaddr'; n: number; part: 'label' | Exclude<AddressPart, 'street2' | 'street3'> }
  | { kind: 'grel'; n: number; part: 'label' | 'value' }
  | { kind: 'birth'; part: 'year' | 'month' | 'day' };

export interface PlannedColumn {
  index: number;
  /** The header as written (trimmed), for messages. */
  name: string;
  target: ColumnTarget;
}

export interface CsvLayout {
  table: HeaderTable;
  dateOrder: DateOrder;
  /** How many columns the header has. */
  width: number;
  /** The columns Liaison reads, in column order. */
  plan: PlannedColumn[];
  /** Header names no table of this layout knows, as written (trimmed), in column order. */
  unknown: string[];
}

/** NFC, trimmed, inner white space collapsed, lower-cased; a BOM left at the start is dropped. */
export function headerKey(text: string): string {
  return text.replace(/^\uFEFF/, '').normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Parses a target code of the tables (see `csv-header-tables.ts`); null for `-`. */
export function parseTarget(code: string): ColumnTarget | null {
  if (code === '-') return null;
  if (TEXT_TARGETS.has(code)) return { kind: 'text', field: code as TextTarget };
  if (code === 'birthday' || code === 'anniversary') return { kind: 'date', field: code };
  if (code === 'categories' || code === 'groups') return { kind: code };
  const [head, a, b] = code.split(/[:.]/) as [string, string | undefined, string | undefined];
  if (head === 'email' || head === 'emailType') return { kind: head, slot: Number(a) - 1 };
  if (head === 'phone' && (a === '*' || (PHONE_KINDS as readonly string[]).includes(a!))) return { kind: 'phone', phone: a as PhoneKind | '*' };
  if ((ADDRESS_KINDS as readonly string[]).includes(head) && ADDRESS_PARTS.has(a!)) {
    return { kind: 'address', address: head as AddressKind, part: a as AddressPart };
  }
  if (head === 'gemail') return { kind: 'gemail', n: Number(a) };
  if (head === 'gphone' || head === 'grel') return { kind: head, n: Number(a), part: b as 'label' | 'value' };
  if (head === 'gaddr') return { kind: 'gaddr', n: Number(a), part: b as 'label' | 'street' };
  if (head === 'birth') return { kind: 'birth', part: a as 'year' | 'month' | 'day' };
  throw new Error(`bug: unknown CSV column target "${code}"`);
}

interface CompiledTable {
  table: HeaderTable;
  /** header key → targets by occurrence (null = known, not read). */
  columns: Map<string, (ColumnTarget | null)[]>;
}

const COMPILED: CompiledTable[] = HEADER_TABLES.map((table) => ({
  table,
  columns: new Map(
    Object.entries(table.columns).map(([header, codes]) => [
      headerKey(header),
      (typeof codes === 'string' ? [codes] : codes).map(parseTarget),
    ]),
  ),
}));

/** Targets that say who a row is: a layout must have at least one to be read. */
function identifies(target: ColumnTarget | null): boolean {
  if (target === null) return false;
  if (target.kind === 'text') return ['firstName', 'lastName', 'fullName', 'company', 'nickname', 'middleName'].includes(target.field);
  return target.kind === 'email' || target.kind === 'gemail';
}

function compile(compiled: CompiledTable, header: readonly string[]): { layout: CsvLayout; known: number; identity: boolean } {
  const seen = new Map<string, number>();
  const plan: PlannedColumn[] = [];
  const unknown: string[] = [];
  let known = 0;
  let identity = false;
  header.forEach((name, index) => {
    const key = headerKey(name);
    const targets = compiled.columns.get(key);
    if (targets === undefined) {
      unknown.push(name.trim());
      return;
    }
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const target = targets[Math.min(occurrence, targets.length - 1)]!;
    if (key !== '') known += 1;
    if (identifies(target)) identity = true;
    if (target !== null) plan.push({ index, name: name.trim(), target });
  });
  return { layout: { table: compiled.table, dateOrder: compiled.table.dateOrder, width: header.length, plan, unknown }, known, identity };
}

/**
 * The layout of a CSV whose first row is `header`, or null when no table knows at least
 * two of its columns, one of them a name, an e-mail or a company.
 */
export function detectLayout(header: readonly string[]): CsvLayout | null {
  let best: { layout: CsvLayout; known: number } | null = null;
  for (const compiled of COMPILED) {
    const result = compile(compiled, header);
    if (!result.identity || result.known < Math.min(2, header.filter((h) => h.trim() !== '').length)) continue;
    if (best === null || result.known > best.known) best = result;
  }
  return best?.layout ?? null;
}
