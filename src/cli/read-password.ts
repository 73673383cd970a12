/** A password from the user: asked for, hidden, in a terminal; else the first line of standard input. */
import * as p from '@clack/prompts';
import { text } from 'node:stream/consumers';

export async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const answer = await p.password({ message: 'New password (at least 8 characters)' });
    if (p.isCancel(answer)) throw new Error('cancelled');
    return answer;
  }
  return (await text(process.stdin)).split(/\r?\n/)[0] ?? '';
}
