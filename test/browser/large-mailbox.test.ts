/**
 * Issue 5, point 4: the wizard's group table stays a window onto the plan with a large
 * mailbox (20,000 contacts over 1,000 companies, from the benchmark's generator): only
 * the rows in view are in the page, and scrolling to the end loads the last page of
 * groups from the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeWizardMailbox } from '../../bench/generate-wizard-mailbox.js';
import { openTrackingMailbox, planWizard } from '../../src/tracking/index.js';
import { addVcardMailbox } from '../tracking/wizard-fixtures.js';
import { CHROMIUM, signIn, startBrowserWorld, type BrowserWorld } from './browser-harness.js';

describe.skipIf(!CHROMIUM)('the wizard on a large mailbox in Chromium', () => {
  let world: BrowserWorld;
  let dir: string;
  beforeEach(async () => {
    world = await startBrowserWorld();
    dir = mkdtempSync(join(tmpdir(), 'liaison-large-'));
  }, 60_000);
  afterEach(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders only the groups in view and pages the rest from the API as the table scrolls', { timeout: 180_000 }, async () => {
    await writeWizardMailbox(dir, { contacts: 20_000, companies: 1_000 });
    await addVcardMailbox(world.store, world.demo, dir, 'Large');
    const plan = await planWizard(world.store, await openTrackingMailbox(world.store, 'Large', world.demo.email), { groupBy: 'company' });
    const last = plan.groups.at(-1)!;

    const { page } = await world.page();
    await signIn(page, world.url);
    await page.getByRole('combobox', { name: 'Mailbox' }).selectOption({ label: 'Large (demo@liaison.example)' });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Prepare' }).click();
    await page.getByRole('heading', { level: 2, name: 'Preparation' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(`${plan.groups.length.toLocaleString('en-GB')} of ${plan.groups.length.toLocaleString('en-GB')} groups checked`).waitFor();

    expect(plan.groups.length).toBeGreaterThan(1_000);
    await expect.poll(() => page.getByTestId('group-row').count()).toBeGreaterThan(5);
    expect(await page.getByTestId('group-row').count()).toBeLessThan(60);
    expect(await page.getByText(last.label, { exact: true }).count()).toBe(0);

    const scroller = page.getByRole('region', { name: 'Groups' });
    await scroller.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.getByText(last.label, { exact: true }).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('group-row').count()).toBeLessThan(60);
  });
});
