/**
 * The shared test corpus (`../shared/corpus`, see its SOURCES.md): real files written by
 * real programs. Tests read it in place; it is never copied into the project.
 *
 * Where the corpus is missing (a clone outside the workspace) the suites that need it
 * do not run and one line says why; under `CI=true` a missing corpus fails instead.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the corpus is: LIAISON_CORPUS, else `../shared/corpus` beside the project, else
 * the workspace's `/work/shared/corpus` (a CI clone may live elsewhere).
 */
export const CORPUS_ROOT = resolve(
  process.env.LIAISON_CORPUS ||
    [join(PROJECT_ROOT, '..', 'shared', 'corpus'), '/work/shared/corpus'].find((candidate) =>
      existsSync(join(candidate, 'SOURCES.md')),
    ) ||
    join(PROJECT_ROOT, '..', 'shared', 'corpus'),
);

export const corpusAvailable = existsSync(join(CORPUS_ROOT, 'SOURCES.md'));

if (!corpusAvailable && process.env.CI === 'true') {
  throw new Error(`The test corpus is missing at ${CORPUS_ROOT}; under CI=true its tests may not be skipped (set LIAISON_CORPUS).`);
}

/** The absolute path of a corpus file or folder. */
export function corpusPath(...parts: string[]): string {
  return join(CORPUS_ROOT, ...parts);
}

/** The files of a corpus folder whose names end with `extension` (not recursive), sorted. */
export function corpusFiles(folder: string, extension: string): string[] {
  if (!corpusAvailable) return [];
  return readdirSync(corpusPath(folder))
    .filter((name) => name.toLowerCase().endsWith(extension))
    .sort()
    .map((name) => corpusPath(folder, name));
}

let told = false;
/** A `describe` that runs only when the corpus is there (see above). */
export function describeCorpus(name: string, body: () => void): void {
  if (!corpusAvailable && !told) {
    told = true;
    console.log(`Corpus tests not run: no corpus at ${CORPUS_ROOT} (set LIAISON_CORPUS to its folder).`);
  }
  describe.runIf(corpusAvailable)(name, body);
}
