/** Issue 5's bad input: a mailbox added by upload; a file that is not a mailbox file and an oversized one are refused with a sentence, and nothing is kept. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../crm-dialects.js';
import { cardText } from '../tracking/wizard-fixtures.js';
import { useTestServer, type TestServer } from './server-harness.js';

const uploadDir = mkdtempSync(join(tmpdir(), 'liaison-uploads-'));
const files = () => readdirSync(uploadDir, { recursive: true }).filter((f) => String(f).includes('.'));

describe.each(DIALECTS)('adding a mailbox by upload on %s', (dialect) => {
  let server: TestServer;
  useTestServer(dialect, (s) => (server = s), { uploads: { dir: uploadDir, limit: 64 * 1024 } });

  it('adds a vCard file as a mailbox of the signed-in user, owned by their address', async () => {
    const bo = await server.signedIn('bo');
    const before = files().length;
    const body = [cardText({ uid: 'u1', name: 'Uma Upload', email: 'uma@example.org' }), cardText({ uid: 'u2', name: 'Ugo Upload', email: 'ugo@example.org' })].join('');
    const added = await bo.post('/api/mailboxes?name=My%20cards&format=vcard', body, { 'content-type': 'text/vcard' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'My cards', ownerAddress: 'bo@example.org', connector: { kind: 'vcard' }, contacts: 2 });
    expect(files().length).toBe(before + 1);
    const contacts = await bo.get(`/api/mailboxes/${added.body.id}/contacts`);
    expect(contacts.body.items.map((c: { name: string }) => c.name)).toEqual(['Uma Upload', 'Ugo Upload']);
    const again = await bo.post('/api/mailboxes?name=My%20cards&format=vcard', body, { 'content-type': 'text/vcard' });
    expect(again.status).toBe(409);
  });

  it('refuses a file that is not a mailbox file, and keeps nothing', async () => {
    const bo = await server.signedIn('bo');
    const before = files().length;
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const refused = await bo.request('POST', '/api/mailboxes?name=Holiday&format=vcard', png, { 'content-type': 'application/octet-stream' });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toMatch(/^No contact could be read from this file as vCard.*: upload a \.vcf file or a CSV exported from Outlook\.$/);
    expect(files().length).toBe(before);
    expect((await bo.get('/api/mailboxes')).body.items).toEqual([]);
  });

  it('refuses a file over the upload limit (413) with the limit in the sentence', async () => {
    const bo = await server.signedIn('bo');
    const big = cardText({ uid: 'big', name: 'Big', email: 'big@example.org' }).repeat(2_000);
    const refused = await bo.post('/api/mailboxes?name=Big&format=vcard', big, { 'content-type': 'text/vcard' });
    expect(refused.status).toBe(413);
    expect(refused.body.detail).toBe('The file is larger than the 0.1 MB upload limit: split the address book, or add it from the command line (liaison mailbox add).');
  });
});
