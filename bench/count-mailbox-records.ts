/**
 * Reads a mailbox folder by folder and counts what each yields: contacts and unreadable
 * records (kept whole, with their file, line and reason). The generators print it to
 * show what they wrote, and the tests hold the generated trees to it.
 */
import type { Mailbox, UnreadableRecord } from '../src/mailbox/mailbox.js';

export interface FolderRecords {
  /** The folder's path, as the mailbox names it (`Contacts/Clients`). */
  folder: string;
  /** Contacts in this folder, not counting its subfolders. */
  contacts: number;
  unreadable: UnreadableRecord[];
}

/** Every folder of `mailbox`, parents first, with what it holds. */
export async function countMailboxRecords(mailbox: Mailbox): Promise<FolderRecords[]> {
  const counts: FolderRecords[] = [];
  for (const { path } of await mailbox.folders()) {
    const folder: FolderRecords = { folder: path, contacts: 0, unreadable: [] };
    for await (const record of mailbox.contacts({ folder: path, includeSubfolders: false })) {
      if (record.kind === 'contact') folder.contacts++;
      else if (record.kind === 'unreadable') folder.unreadable.push(record);
    }
    counts.push(folder);
  }
  return counts;
}

/** The counts as an aligned table, then each unreadable record as `file:line: reason`. */
export function formatMailboxRecords(counts: readonly FolderRecords[], relativeTo: (file: string) => string = (file) => file): string {
  const width = Math.max(6, ...counts.map((c) => c.folder.length));
  const lines = [`${'folder'.padEnd(width)}  contacts  unreadable`];
  for (const c of counts) lines.push(`${c.folder.padEnd(width)}  ${String(c.contacts).padStart(8)}  ${String(c.unreadable.length).padStart(10)}`);
  const total = (pick: (c: FolderRecords) => number) => counts.reduce((sum, c) => sum + pick(c), 0);
  lines.push(`${'total'.padEnd(width)}  ${String(total((c) => c.contacts)).padStart(8)}  ${String(total((c) => c.unreadable.length)).padStart(10)}`);
  for (const record of counts.flatMap((c) => c.unreadable)) lines.push(`  ${relativeTo(record.source.file)}:${record.source.line}: ${record.reason}`);
  return lines.join('\n');
}
