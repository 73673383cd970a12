import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { openCrmStore } from '../../crm/index.js';
import { buildServer } from '../../server/build-server.js';
import { DEMO_MAILBOX, generatePassword, prepareDemo, setUserPassword } from '../../tracking/index.js';
import { printNote, printResult } from '../output.js';
import { locationOf } from '../with-store.js';
import { SAMPLE_ADDRESS_BOOK } from './demo-command.js';

/** The built web app, beside `src/` and `dist/` alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
  return n;
};

export function serveCommand(): Command {
  return new Command('serve')
    .description('Serve the web app and the HTTP API (/api, reference at /api/docs) until stopped with Ctrl-C.')
    .option('--port <port>', 'the port to listen on (0: any free one)', port, 4300)
    .option('--host <host>', 'the address to listen on (0.0.0.0 for every interface; use HTTPS in front then)', '127.0.0.1')
    .option('--trust-proxy', 'behind a reverse proxy: trust its X-Forwarded-* headers (the session cookie is then Secure over HTTPS)')
    .option('--demo', 'also create the demo user and the sample mailbox on first start, and print the demo password once (what "npm start" runs)')
    .addHelpText(
      'after',
      `
Users sign in with their e-mail and a password set by "liaison user password <email>".
The database is --db, else LIAISON_DB, else ./liaison.db (created on first start).

Examples:
  liaison serve
  liaison serve --port 8080 --host 0.0.0.0 --trust-proxy`,
    )
    .action(async (options: { port: number; host: string; trustProxy?: boolean; demo?: boolean }, command: Command) => {
      const store = await openCrmStore(locationOf(command), { create: true });
      try {
        if (options.demo) await prepareDemoSignIn(store);
        const uploads = { dir: store.dialect === 'sqlite' ? join(dirname(store.location), 'liaison-uploads') : resolve('liaison-uploads') };
        const app = await buildServer({ store, webRoot: WEB_ROOT, trustProxy: options.trustProxy === true, uploads });
        let address: string;
        try {
          address = await app.listen({ port: options.port, host: options.host });
        } catch (error) {
          const refusal = listenRefusal(error as NodeJS.ErrnoException, options.host, options.port);
          if (!refusal) throw error;
          printNote(refusal);
          process.exitCode = 2;
          return;
        }
        printResult(`Liaison is running: open ${address.replace('0.0.0.0', '127.0.0.1')} in your browser. Ctrl-C stops it.`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        printNote('Stopping: waiting for the runs in progress to finish (Ctrl-C again stops at once; an interrupted run is resumed later under Runs).');
        await app.close();
      } finally {
        await store.close();
      }
    });
}

async function prepareDemoSignIn(store: Awaited<ReturnType<typeof openCrmStore>>): Promise<void> {
  const { user, created } = await prepareDemo(store, SAMPLE_ADDRESS_BOOK);
  if (created.mailbox) printNote(`Added the sample address book as the mailbox "${DEMO_MAILBOX}" of ${user.email}.`);
  if ((await store.users.passwordHash(user.id)) === null) {
    const password = generatePassword();
    await setUserPassword(store, user.email, password);
    printResult(`Sign in as ${user.email} with the password ${password}\n(shown only this once; set another with: npx liaison user password ${user.email})`);
  }
}

/** The sentence for an address the server cannot listen on, or null for another error. */
function listenRefusal(error: NodeJS.ErrnoException, host: string, port: number): string | null {
  const where = `${host}:${port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return `${where} is already in use (another Liaison, or another program): stop it, or choose another port with --port.`;
    case 'EACCES':
      return `This user may not listen on ${where}: choose a port above 1023 with --port.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
      return `${host} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 for every interface, with --host.`;
    default:
      return null;
  }
}
