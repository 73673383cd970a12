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
