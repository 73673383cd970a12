/**
 * Issue 5, point 6: the wizard by keyboard alone. Every control on the way is reached
 * with Tab and worked with Enter or Space; a dialog takes the focus and gives it back
 * on Escape.
 */
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, DEMO_PASSWORD, startBrowserWorld, type BrowserWorld } from './browser-harness.js';

/** What has the focus: its role-ish tag and accessible label or text. */
const focused = (page: Page) =>
  page.evaluate(`(() => { const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || '').trim() : ''; })()`) as Promise<string>;

/** Presses Tab until the control named `name` has the focus (at most 60 times). */
async function tabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if ((await focused(page)) === name) return;
  }
  throw new Error(`"${name}" cannot be reached with Tab`);
}

describe.skipIf(!CHROMIUM)('the wizard by keyboard in Chromium', () => {
  let world: BrowserWorld;
  beforeEach(async () => {
    world = await startBrowserWorld();
  }, 60_000);
  afterEach(async () => world?.close());

  it('signs in, prepares, unchecks a group, opens and closes its names, all with the keyboard', { timeout: 120_000 }, async () => {
    const { page } = await world.page();
    await page.goto(world.url);
    await tabTo(page, 'E-mail');
    await page.keyboard.type('demo@liaison.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Mailbox' }).waitFor();

    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Folder' }).waitFor();
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Grouping' }).waitFor();
    await tabTo(page, 'Prepare');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Preparation' }).waitFor({ timeout: 30_000 });
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Groups' }).waitFor();

    await tabTo(page, 'Add the group Coho Winery');
    await page.keyboard.press('Space');
    expect(await page.getByRole('checkbox', { name: 'Add the group Coho Winery' }).isChecked()).toBe(false);
    await page.getByText('42 of 43 groups checked').waitFor();

    await tabTo(page, 'Show names: Coho Winery');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('group-name').first().waitFor();
    expect(await dialog.getByTestId('group-name').count()).toBe(7);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await focused(page)).toBe('Show names: Coho Winery');
  });
});
