/**
 * Where the CLI writes: results to stdout (a table, a sentence, or with `--json` one
 * JSON document), everything else (notes, progress, errors) to stderr, so
 * `liaison … --json | jq` always gets clean JSON.
 */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function printResult(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function printNote(text: string): void {
  process.stderr.write(`${text}\n`);
}

/**
 * Writes to stdout and waits when the pipe is full, so a long stream of rows (100,000
 * contacts to `jq`) neither piles up in memory nor gets cut off.
 */
export async function writeOut(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}
