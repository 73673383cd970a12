/**
 * A mailbox read from vCard files: one .vcf file (one folder), or a folder tree in the
 * vdir layout khard and vdirsyncer use, where the root is the default "Contacts" folder
 * and each subdirectory a subfolder. A file may hold one card or many. Hidden files and
 * folders (a leading dot: vdirsyncer's status, a writer's temporary file) are skipped;
 * symbolic links to folders are not followed.
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FallbackIdAllocator } from '../fallback-item-id.js';
import type { ContactQuery, Mailbox, MailboxFolder, MailboxRecord } from '../mailbox.js';
import { MailboxFolderNotFound, MailboxFormatUnknown, MailboxSourceUnreadable } from '../mailbox-errors.js';
import { readVCardFile, type ItemIds } from './read-vcard-file.js';

export const ROOT_FOLDER = 'Contacts';
const SNIFF_BYTES = 64 * 1024;

export interface VCardMailboxOptions {
  /** A .vcf file or a folder (absolute, or relative to the working directory). */
  path: string;
  ownerAddress: string;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many symbolic links';
  return (error as Error).message;
}

const isVcf = (name: string) => !name.startsWith('.') && /\.(vcf|vcard)$/i.test(name);

export class VCardMailbox implements Mailbox {
  readonly ownerAddress: string;
  private readonly path: string;
  /** Folder path → directory on disk (a single file maps its one folder to the file). */
  private tree: Map<string, string> | null = null;
  private single = false;

  constructor(options: VCardMailboxOptions) {
    this.path = options.path;
    this.ownerAddress = options.ownerAddress;
  }

  async folders(): Promise<MailboxFolder[]> {
    const tree = await this.loadTree();
    return [...tree.keys()].map((path) => ({ path, name: path.slice(path.lastIndexOf('/') + 1), isDefault: path === ROOT_FOLDER }));
  }

  async *contacts(query: ContactQuery = {}): AsyncIterable<MailboxRecord> {
    const tree = await this.loadTree();
    const folder = query.folder ?? ROOT_FOLDER;
    if (!tree.has(folder)) throw new MailboxFolderNotFound(folder, [...tree.keys()]);
    const ids: ItemIds = { fallback: new FallbackIdAllocator(), seenUids: new Map() };
    const chosen = [...tree.keys()].filter(
      (path) => path === folder || (query.includeSubfolders !== false && path.startsWith(`${folder}/`)),
    );
    for (const path of chosen) {
      const location = tree.get(path)!;
      if (this.single) {
        for await (const batch of readVCardFile(location, path, ids)) yield* batch;
        continue;
      }
      let names: string[];
      try {
        names = (await readdir(location, { withFileTypes: true }))
          .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isVcf(entry.name))
          .map((entry) => entry.name)
          .sort();
      } catch (error) {
        yield { kind: 'unreadable', folder: path, source: { file: location, line: 0 }, reason: `the folder cannot be read: ${reasonOf(error)}` };
        continue;
      }
      for (const name of names) {
        const file = join(location, name);
        try {
          for await (const batch of readVCardFile(file, path, ids)) yield* batch;
        } catch (error) {
          // The file went away or cannot be opened: say so and go on with the others.
          yield { kind: 'unreadable', folder: path, source: { file, line: 0 }, reason: `the file cannot be read: ${reasonOf(error)}` };
        }
      }
    }
  }

  private async loadTree(): Promise<Map<string, string>> {
    if (this.tree) return this.tree;
    let info;
    try {
      info = await stat(this.path);
    } catch (error) {
      throw new MailboxSourceUnreadable(this.path, reasonOf(error));
    }
    const tree = new Map<string, string>();
    if (info.isFile()) {
      await this.checkIsVCard();
      this.single = true;
      tree.set(ROOT_FOLDER, this.path);
    } else if (info.isDirectory()) {
      await this.walk(this.path, ROOT_FOLDER, tree);
    } else {
      throw new MailboxSourceUnreadable(this.path, 'it is neither a file nor a folder');
    }
    this.tree = tree;
    return tree;
  }

  private async walk(directory: string, folder: string, tree: Map<string, string>): Promise<void> {
    tree.set(folder, directory);
    let entries;
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch (error) {
      throw new MailboxSourceUnreadable(directory, reasonOf(error));
    }
    const children = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
    for (const child of children) await this.walk(join(directory, child), `${folder}/${child}`, tree);
  }

  /** A single file must look like a vCard: its first 64 KB hold BEGIN:VCARD, or nothing at all. */
  private async checkIsVCard(): Promise<void> {
    let head: Buffer;
    try {
      const handle = await open(this.path, 'r');
      try {
        const buffer = Buffer.alloc(SNIFF_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
        head = buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw new MailboxSourceUnreadable(this.path, reasonOf(error));
    }
    const text = (head.includes(0) ? head.toString('latin1').replace(/\0/g, '') : head.toString('latin1')).toUpperCase();
    if (text.trim().replace(/^\u00EF\u00BB\u00BF|^\u00FF\u00FE|^\u00FE\u00FF/, '') === '') return;
    if (!text.includes('BEGIN:VCARD')) {
      throw new MailboxFormatUnknown(this.path, 'it has no BEGIN:VCARD line in its first 64 KB; export the contacts as vCard (.vcf) and try again');
    }
  }
}
