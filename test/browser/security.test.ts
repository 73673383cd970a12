/**
 * Issue 5, points 2 and 7 in a real browser: a contact named like an HTML tag is shown
 * as text and runs no script; a request without a session, or with a wrong CSRF token,
 * is refused; user B cannot read user A's mailbox or run the wizard on it; an expired
 * session goes back to the sign-in without losing the wizard's choices.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addVcardMailbox, writeVcardTree } from '../tracking/wizard-fixtures.js';
import { BO_PASSWORD, CHROMIUM, DEMO_PASSWORD, signIn, startBrowserWorld, type BrowserWorld } from './browser-harness.js';

const PAYLOAD = '<img src=x onerror=alert(1)>';

const step = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true }).waitFor({ timeout: 30_000 });

describe.skipIf(!CHROMIUM)('the web app keeps users and their data safe, in Chromium', () => {
  let world: BrowserWorld;
  beforeEach(async () => {
    world = await startBrowserWorld();
  }, 60_000);
  afterEach(async () => world?.close());

  it(`shows a contact named ${PAYLOAD} as text, in the wizard and in the CRM, and runs no script`, { timeout: 120_000 }, async () => {
    await addVcardMailbox(world.store, world.demo, writeVcardTree({ 'visitors.vcf': [{ uid: 'xss-1', name: PAYLOAD, email: 'mallory@evil.example' }] }), 'Visitors');
    const { page } = await world.page();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await signIn(page, world.url, 'demo@liaison.example', DEMO_PASSWORD);
    await page.getByRole('combobox', { name: 'Mailbox' }).selectOption({ label: 'Visitors (demo@liaison.example)' });
    await page.getByRole('button', { name: 'Next' }).click();
    await step(page, 'Folder');
    await page.getByRole('button', { name: 'Next' }).click();
    await step(page, 'Grouping');
    await page.getByRole('button', { name: 'Prepare' }).click();
    await step(page, 'Preparation');
    await page.getByRole('button', { name: 'Next' }).click();
    await step(page, 'Groups');
    await page.getByRole('button', { name: 'Show names: (no company)' }).click();
    await page.getByRole('dialog').getByText(PAYLOAD, { exact: true }).waitFor();
    await page.keyboard.press('Escape');
    for (const next of ['Next', 'Next', 'Next']) await page.getByRole('button', { name: next }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await step(page, 'Summary');

    await page.goto(`${world.url}/#/contacts`);
    await page.getByText(PAYLOAD, { exact: true }).first().waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('refuses a request without a session (401) and a change with a wrong or missing CSRF token (403)', { timeout: 60_000 }, async () => {
    const { page, context } = await world.page();
    const anonymous = await page.request.get(`${world.url}/api/mailboxes`);
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).detail).toBe('You are not signed in, or your session expired: sign in again.');

    await signIn(page, world.url, 'demo@liaison.example', DEMO_PASSWORD);
    // The browser's cookie goes with these requests; the CSRF token does not unless the page sends it.
    const withoutToken = await context.request.post(`${world.url}/api/tokens`, { data: { name: 'forged' } });
    const wrongToken = await context.request.post(`${world.url}/api/tokens`, { data: { name: 'forged' }, headers: { 'x-csrf-token': 'not-the-token' } });
    for (const refused of [withoutToken, wrongToken]) {
      expect(refused.status()).toBe(403);
      expect((await refused.json()).detail).toMatch(/CSRF token is missing or wrong/);
    }
    const { csrfToken } = await (await context.request.get(`${world.url}/api/session`)).json();
    expect((await context.request.post(`${world.url}/api/tokens`, { data: { name: 'real' }, headers: { 'x-csrf-token': csrfToken } })).status()).toBe(201);
  });

  it("does not let user B read user A's mailbox (403) or run the wizard on it", { timeout: 60_000 }, async () => {
    const { page, context } = await world.page();
    await signIn(page, world.url, 'bo@example.org', BO_PASSWORD);
    const options = await page.getByRole('combobox', { name: 'Mailbox' }).locator('option').allTextContents();
    expect(options).toEqual(["Bo's cards (bo@example.org)"]);

    const { csrfToken } = await (await context.request.get(`${world.url}/api/session`)).json();
    const id = world.demoMailbox.id;
    const folders = await context.request.get(`${world.url}/api/mailboxes/${id}/folders`);
    const contacts = await context.request.get(`${world.url}/api/mailboxes/${id}/contacts`);
    const plan = await context.request.post(`${world.url}/api/mailboxes/${id}/plans`, { data: { groupBy: 'company' }, headers: { 'x-csrf-token': csrfToken } });
    for (const refused of [folders, contacts, plan]) {
      expect(refused.status()).toBe(403);
      const text = await refused.text();
      expect(text).toContain(`Mailbox #${id} belongs to another user.`);
      expect(text).not.toMatch(/Contoso|Sample address book|demo@liaison/);
    }
    expect(await world.store.runs.list()).toEqual([]);
  });

  it("goes back to the sign-in when the session expires, then to the same wizard step with the user's choices", { timeout: 120_000 }, async () => {
    const { page } = await world.page();
    await signIn(page, world.url, 'demo@liaison.example', DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Next' }).click();
    await step(page, 'Folder');
    await page.getByRole('checkbox', { name: 'Contacts/Personal' }).uncheck();
    await page.getByRole('button', { name: 'Next' }).click();
    await step(page, 'Grouping');
    await page.getByRole('radio', { name: 'E-mail domain' }).check();

    // The session ends on the server (12 hours unused, or signed out elsewhere).
    await world.store.sessions.removeExpired('9999-12-31T00:00:00.000Z');
    await page.getByRole('button', { name: 'Prepare' }).click();
    await page.getByText('Your session has ended. Sign in again to carry on where you were.').waitFor();
    await page.getByLabel('E-mail').fill('demo@liaison.example');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await step(page, 'Grouping');
    expect(await page.getByRole('radio', { name: 'E-mail domain' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Back' }).click();
    await step(page, 'Folder');
    expect(await page.getByRole('checkbox', { name: 'Contacts/Personal' }).isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Contacts/Press' }).isChecked()).toBe(true);
  });
});
