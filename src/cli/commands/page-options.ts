import { InvalidArgumentError, type Command } from 'commander';

export interface PageOptions {
  limit: number;
  offset: number;
}

function positiveInteger(name: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > max) throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}.`);
    return n;
  };
}

/** Adds `--limit` and `--offset` to a list command. */
export function withPageOptions(command: Command): Command {
  return command
    .option('--limit <n>', 'show at most n rows (up to 10000)', positiveInteger('--limit', 10_000), 100)
    .option('--offset <n>', 'skip the first n rows', positiveInteger('--offset', Number.MAX_SAFE_INTEGER), 0);
}

/** The footer under a table that shows part of a list. */
export function pageFooter(shown: number, total: number, page: PageOptions, noun: string): string | undefined {
  if (shown === total) return undefined;
  const from = shown === 0 ? 0 : page.offset + 1;
  return `Showing ${from}–${page.offset + shown} of ${total} ${noun}; use --offset and --limit to see more.`;
}
