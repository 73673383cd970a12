/**
 * Empties a folder that a generator is about to fill with a vCard tree. It refuses a
 * folder holding anything but .vcf files and folders of them, so a mistyped `--out`
 * (the project's root, a home folder) is never wiped.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

async function foreignEntry(directory: string): Promise<string | null> {
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      const found = await foreignEntry(path);
      if (found !== null) return found;
    } else if (!(entry.isFile() && entry.name.endsWith('.vcf'))) {
      return path;
    }
  }
  return null;
}

/** Makes `directory` an empty folder (creating it when missing); throws when it holds other files. */
export async function clearVCardTree(directory: string): Promise<void> {
  await mkdir(directory, { recursive: true });
  const foreign = await foreignEntry(directory);
  if (foreign !== null) {
    throw new Error(`${directory} holds ${foreign}, which is not a .vcf file; it was left alone. Choose an empty folder or one of generated vCards.`);
  }
  await rm(directory, { recursive: true });
  await mkdir(directory, { recursive: true });
}
