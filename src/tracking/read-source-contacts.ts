/**
 * The contacts of the wizard's source (PRODUCT.md W1, P2): the chosen folder (the
 * default one unless another is named) and its subfolders but the excluded ones, read
 * as the mailbox streams them. A folder of another person's mailbox is refused.
 */
import type { MailboxContact, MailboxFolder, MailboxNotice, UnreadableRecord } from '../mailbox/mailbox.js';
import type { TrackingMailbox } from './open-tracking-mailbox.js';
import { MailboxFolderNotFound } from '../mailbox/mailbox-errors.js';
import { ForeignFolder } from './tracking-errors.js';
import type { WizardSource } from './wizard-choices.js';

export interface ResolvedSource {
  folder: string;
  excluded: string[];
  /** Every folder read: the chosen one and the subfolders kept. */
  folders: MailboxFolder[];
}

const within = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Checks the folder choice against the mailbox's folders (W1, P2). */
export async function resolveSource(opened: TrackingMailbox, source: Pick<WizardSource, 'folder' | 'excludeSubfolders'>): Promise<ResolvedSource> {
  const all = await opened.mailbox.folders();
  const paths = all.map((f) => f.path);
  const chosen = source.folder === undefined ? all.find((f) => f.isDefault) : all.find((f) => f.path === source.folder);
  if (!chosen) throw new MailboxFolderNotFound(source.folder ?? '(default)', paths);
  const excluded = source.excludeSubfolders ?? [];
  for (const path of excluded) {
    if (!paths.includes(path) || path === chosen.path || !within(path, chosen.path)) throw new MailboxFolderNotFound(path, paths.filter((p) => within(p, chosen.path) && p !== chosen.path));
  }
  const folders = all.filter((f) => within(f.path, chosen.path) && !excluded.some((ex) => within(f.path, ex)));
  const mailboxAddress = opened.stored.ownerAddress;
  for (const folder of folders) {
    if (folder.ownerAddress !== undefined && folder.ownerAddress.trim().toLowerCase() !== mailboxAddress.trim().toLowerCase()) {
      throw new ForeignFolder(folder.path, folder.ownerAddress, mailboxAddress);
    }
  }
  return { folder: chosen.path, excluded, folders };
}

export type SourceRecord = MailboxContact | UnreadableRecord | MailboxNotice;

/** The records of the resolved source, in the mailbox's order, excluded subfolders left out. */
export async function* readSource(opened: TrackingMailbox, source: ResolvedSource): AsyncGenerator<SourceRecord> {
  for await (const record of opened.mailbox.contacts({ folder: source.folder, includeSubfolders: true })) {
    if (source.excluded.some((ex) => within(record.folder, ex))) continue;
    yield record;
  }
}
