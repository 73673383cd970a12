/**
 * Issue 5, point 1, as a new user meets it: `liaison serve --demo` (what `npm start`
 * runs) creates the database, the demo user and the sample mailbox, prints the demo
 * password once and the URL to open; signing in with that password works; a second
 * start prints no password. `liaison user password` sets one.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectOneSentence, liaison } from './run-cli.js';

const MAIN = resolve(import.meta.dirname, '../src/cli/main.ts');
const TSX = import.meta.resolve('tsx');

/** Starts `liaison serve --demo --port 0` and waits for its URL line; `stop()` sends SIGINT and waits for it to end. */
async function serve(cwd: string): Promise<{ url: string; stdout: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN, 'serve', '--demo', '--port', '0'], { cwd, env: { ...process.env, LIAISON_DB: '', LIAISON_SECRET: 'cli-tests' } });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
  const url = await new Promise<string>((done, fail) => {
    child.stdout.setEncoding('utf8').on('data', (t: string) => {
      stdout += t;
      const found = /open (http:\/\/127\.0\.0\.1:\d+) in your browser/.exec(stdout);
      if (found) done(found[1]!);
    });
    child.on('exit', (code) => fail(new Error(`liaison serve ended (${code}): ${stderr}`)));
  });
  return {
    url,
    stdout,
    stop: () =>
      new Promise((done) => {
        child.once('exit', (code) => done(code));
        child.kill('SIGINT');
      }),
  };
}

const signIn = (url: string, password: string) =>
  fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@liaison.example', password }) });

describe('liaison serve', () => {
  it('--demo prints the demo password once and the URL; the password signs in; Ctrl-C stops it', { timeout: 60_000 }, async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'liaison-serve-'));
    const first = await serve(cwd);
    const password = /Sign in as demo@liaison\.example with the password (\S+)/.exec(first.stdout)?.[1];
    expect(password).toMatch(/^[\w-]{16}$/);
    expect(first.stdout).toContain('shown only this once');
    expect((await signIn(first.url, password!)).status).toBe(200);
    expect((await signIn(first.url, 'wrong-password')).status).toBe(401);
    const mailboxes = await fetch(`${first.url}/api/mailboxes`, { headers: { cookie: (await signIn(first.url, password!)).headers.get('set-cookie')!.split(';')[0]! } });
    expect(((await mailboxes.json()) as { items: { name: string }[] }).items.map((m) => m.name)).toEqual(['Sample address book']);
    expect(await first.stop()).toBe(0);

    const second = await serve(cwd);
    expect(second.stdout).not.toContain('password');
    expect((await signIn(second.url, password!)).status).toBe(200);
    expect(await second.stop()).toBe(0);

    const changed = await liaison(['user', 'password', 'demo@liaison.example', '--generate'], { cwd });
    expect(changed.code).toBe(0);
    expect(changed.stdout).toMatch(/^The password of demo@liaison\.example is now: [\w-]{16}\nIt is shown only this once\.\n$/);
  });

  it('refuses a port that is not one, a port in use, and a password too short, in one sentence', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'liaison-serve-'));
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const port = (busy.address() as AddressInfo).port;
    const inUse = await liaison(['serve', '--port', String(port)], { cwd });
    busy.close();
    expectOneSentence(inUse, new RegExp(`^127\\.0\\.0\\.1:${port} is already in use \\(another Liaison, or another program\\): stop it, or choose another port with --port\\.$`));
    const badPort = await liaison(['serve', '--port', 'eighty'], { cwd });
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('a port is a whole number from 0 to 65535.');
    expect((await liaison(['init'], { cwd })).code).toBe(0);
    expect((await liaison(['user', 'add', 'ada@example.org', '--name', 'Ada'], { cwd })).code).toBe(0);
    const short = await new Promise<{ code: number; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', TSX, MAIN, 'user', 'password', 'ada@example.org'], { cwd, env: { ...process.env, LIAISON_DB: '', LIAISON_SECRET: 'cli-tests' } });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      child.on('exit', (code) => done({ code: code ?? 1, stderr }));
      child.stdin.end('short\n');
    });
    expectOneSentence({ ...short, stdout: '' }, /^Invalid password: it needs at least 8 characters\.$/);
  });
});
