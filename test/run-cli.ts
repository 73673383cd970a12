/**
 * Runs the `liaison` command as a user does: a child process (from the sources,
 * through tsx), its output and exit code.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { expect } from 'vitest';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

export interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

export function liaison(args: string[], options: { cwd: string; env?: Record<string, string> }): Promise<Result> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', TSX, MAIN, ...args],
      { cwd: options.cwd, env: { ...process.env, LIAISON_DB: '', LIAISON_SECRET: 'cli-tests', ...options.env } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** An error is one sentence on one line, with no stack trace. */
export function expectOneSentence(result: Result, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}


/** A usage error (a flag's value the command cannot read): its sentence, then the pointer to --help. */
export function expectUsageError(result: Result, pattern: RegExp): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(pattern);
  expect(lines[1]).toBe('(add --help for usage)');
}
