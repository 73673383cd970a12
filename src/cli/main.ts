#!/usr/bin/env node
/**
 * The `liaison` executable: runs the program, turns any error into one sentence on
 * stderr and an exit code (render-error.ts).
 */
import { buildProgram } from './program.js';
import { renderError } from './render-error.js';

export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    // A command that refused after printing its answer (runs undo --json, serve on a busy port) set the code itself.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    const { message, exitCode } = renderError(error);
    if (message) process.stderr.write(`${message}\n`);
    if (argv.includes('--debug') && error instanceof Error && error.stack && exitCode !== 0) {
      process.stderr.write(`${error.stack}\n`);
    }
    return exitCode;
  }
}

// `liaison … | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await runCli(process.argv);
