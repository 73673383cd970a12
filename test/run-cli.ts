/**
 * Runs the `liaison` command as a user does: a child process (from the sources,
 * through tsx), its output and exit code.
 */
import { execFile, spawn } from 'node:child_process';
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

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', space: ' ', down: '\u001b[B', up: '\u001b[A' } as const;

/** A `liaison` run inside a pseudo-terminal, driven key by key like a person at the keyboard. */
export interface TerminalSession {
  /** Waits until the screen output written since the last `press` matches, and returns that output (escapes removed). */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Types keys; what is waited for next is what the program writes after them. */
  press(...keys: string[]): void;
  /** Waits for the program to end: its exit code and all it wrote, escapes removed. */
  exit(): Promise<{ code: number; screen: string }>;
}

const ESCAPES = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g;

/**
 * Runs `liaison` in a pseudo-terminal made by util-linux `script` (stdin and stdout are a
 * TTY there, 120 columns wide), so the interactive wizard runs as it does for a user.
 */
export function liaisonInTerminal(args: string[], options: { cwd: string; env?: Record<string, string> }): TerminalSession {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const command = ['stty cols 120 rows 50;', 'exec', ...[process.execPath, '--import', TSX, MAIN, ...args].map(quote)].join(' ');
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', command, '/dev/null'], {
    cwd: options.cwd,
    env: { ...process.env, LIAISON_DB: '', LIAISON_SECRET: 'cli-tests', NO_COLOR: '', ...options.env },
  });
  let screen = '';
  let from = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString('utf8');
  });
  const ended = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  return {
    async waitFor(pattern, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = screen.slice(from).replace(ESCAPES, '');
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`The terminal never showed ${pattern}; it last showed:\n${text.slice(-3000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    press(...keys) {
      from = screen.length;
      for (const key of keys) child.stdin.write(key);
    },
    async exit() {
      child.stdin.end();
      return { code: await ended, screen: screen.replace(ESCAPES, '') };
    },
  };
}
