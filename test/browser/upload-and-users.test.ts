/**
 * Issue 5's bad input and point 2 in a real browser: an address book uploaded from the
 * wizard becomes a mailbox; a file that is not one is refused with the server's
 * sentence; an administrator adds a user who can then sign in.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardText } from '../tracking/wizard-fixtures.js';
import { CHROMIUM, signIn, startBrowserWorld, type BrowserWorld } from './browser-harness.js';

describe.skipIf(!CHROMIUM)('uploads and users in Chromium', () => {
  let world: BrowserWorld;
  beforeEach(async () => {
    world = await startBrowserWorld();
  }, 60_000);
  afterEach(async () => world?.close());

  it('adds an uploaded vCard file as a mailbox and selects it; refuses a picture with the reason', { timeout: 90_000 }, async () => {
    const { page } = await world.page();
    await signIn(page, world.url);
    await page.getByRole('heading', { level: 2, name: 'Mailbox' }).waitFor();
    await page.getByText('Upload an address book').click();

    await page.getByLabel('Address-book file').setInputFiles({ name: 'holiday.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') });
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText(/^No contact could be read from this file as vCard.*: upload a \.vcf file or a CSV exported from Outlook\.$/).waitFor();

    const cards = [cardText({ uid: 'u1', name: 'Uma Upload', email: 'uma@example.org', company: 'Upload Ltd' }), cardText({ uid: 'u2', name: 'Ugo Upload', email: 'ugo@example.org' })].join('');
    await page.getByLabel('Address-book file').setInputFiles({ name: 'friends.vcf', mimeType: 'text/vcard', buffer: Buffer.from(cards) });
    await page.getByLabel('Mailbox name').fill('Friends');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Added the mailbox "Friends" with 2 contacts.').waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Mailbox' }).inputValue()).not.toBe(String(world.demoMailbox.id));
    const selected = await page.getByRole('combobox', { name: 'Mailbox' }).locator('option:checked').textContent();
    expect(selected).toBe('Friends (demo@liaison.example)');
    expect((await world.store.mailboxes.list(world.demo.id)).map((m) => m.name)).toEqual(['Friends', 'Sample address book']);
  });

  it('lets the administrator add a user, who can sign in at once', { timeout: 90_000 }, async () => {
    expect(world.demo.role).toBe('admin'); // the first user of a CRM is its administrator
    const { page } = await world.page();
    await signIn(page, world.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Users' }).waitFor();
    const form = page.getByRole('region', { name: 'Users' });
    await form.getByLabel('E-mail').fill('cy@example.org');
    await form.getByLabel('Name').fill('Cy');
    await form.getByLabel('Password (at least 8 characters)').fill('cy-password-1');
    await form.getByRole('button', { name: 'Add user' }).click();
    await page.getByText('Added Cy: they can sign in now.').waitFor();
    expect(await page.getByTestId('user-row').allTextContents()).toContain('Cycy@example.orgUser');

    const { page: other } = await world.page();
    await signIn(other, world.url, 'cy@example.org', 'cy-password-1');
  });
});
