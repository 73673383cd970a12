/**
 * A second process for the claim-account tests: opens the store at `location`, says
 * `ready`, waits for a line on stdin, claims each name for `runId` as `ownerId`, then
 * prints the claims as one JSON line: `[{ name, id, created }]`.
 *
 * Usage: tsx claim-accounts-process.ts <location> <runId> <ownerId> <name>...
 */
import { once } from 'node:events';
import { openCrmStore } from '../../src/crm/index.js';

const [location, runId, ownerId, ...names] = process.argv.slice(2);
if (!location || !runId || !ownerId) throw new Error('usage: claim-accounts-process.ts <location> <runId> <ownerId> <name>...');
const store = await openCrmStore(location);
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  process.stdin.destroy(); // or the open pipe keeps the process alive
  const claims = [];
  for (const name of names) {
    const { account, created } = await store.runs.claimAccount(Number(runId), name, Number(ownerId));
    claims.push({ name, id: account.id, created });
  }
  process.stdout.write(`${JSON.stringify(claims)}\n`);
} finally {
  await store.close();
}
