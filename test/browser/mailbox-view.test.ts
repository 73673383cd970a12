/**
 * Issue 5, points 5 and 7 in a real browser: the mailbox view tracks a few contacts
 * (PRODUCT.md T1) and marks them, refuses 21 at once with a pointer to the wizard, and
 * the CRM views show what was added.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, SCREENSHOTS, signIn, startBrowserWorld, type BrowserWorld } from './browser-harness.js';
import { join } from 'node:path';

async function openMailbox(page: Page, url: string): Promise<void> {
  await signIn(page, url);
  await page.getByRole('link', { name: 'Mailbox' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mailbox' }).waitFor();
  await page.getByText('296 contacts').waitFor();
}

describe.skipIf(!CHROMIUM)('the mailbox view in Chromium', () => {
  let world: BrowserWorld;
  beforeEach(async () => {
    world = await startBrowserWorld();
  }, 60_000);
  afterEach(async () => world?.close());

  it('T1: tracks two selected contacts and marks them; refuses 21 at once with a pointer to the wizard', { timeout: 120_000 }, async () => {
    const { page } = await world.page();
    await openMailbox(page, world.url);
    const boxes = page.getByRole('checkbox', { name: /^Select / });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await page.getByText(/^Done: 2 added, 0 linked, 0 skipped, 0 parent set, 0 failed\./).waitFor();
    await expect.poll(() => page.getByTestId('tracked-mark').count()).toBe(2);
    expect((await world.store.links.listByMailbox(world.demoMailbox.id)).length).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'mailbox-view.png'), fullPage: true });

    for (let i = 0; i < 21; i++) await boxes.nth(i).check();
    expect(await page.getByTestId('selected-count').textContent()).toBe('21 selected');
    await page.getByRole('button', { name: 'Track', exact: true }).click();
    await page.getByText('You selected 21 contacts: at most 20 can be tracked here at once. To add more, use the Add Contacts wizard.').waitFor();
    expect(await page.getByRole('link', { name: 'Open the Add Contacts wizard' }).getAttribute('href')).toBe('#/wizard');
    expect((await world.store.links.listByMailbox(world.demoMailbox.id)).length).toBe(2);

    // The server refuses it too, whatever the page does.
    const { csrfToken } = await (await page.request.get('/api/session')).json();
    const ids = Array.from({ length: 21 }, (_, i) => `item-${i}`);
    const refused = await page.request.post(`/api/mailboxes/${world.demoMailbox.id}/track`, { data: { itemIds: ids }, headers: { 'x-csrf-token': csrfToken } });
    expect(refused.status()).toBe(422);
    expect((await refused.json()).detail).toMatch(/^21 contacts at once is more than 20: .*Add Contacts wizard/);
  });
});
