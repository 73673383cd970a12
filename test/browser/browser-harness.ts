/**
 * The browser tests' world: a real Liaison server (SQLite file, the bundled sample
 * address book as the demo user's mailbox, a second user with a mailbox of their own)
 * serving the built web app on a free loopback port, and Debian's Chromium driven by
 * playwright-core. Skipped with one line when Chromium is missing, except under CI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { SAMPLE_ADDRESS_BOOK } from '../../src/cli/commands/demo-command.js';
import { WEB_ROOT } from '../../src/cli/commands/serve-command.js';
import { openCrmStore, type CrmStore, type Mailbox, type User } from '../../src/crm/index.js';
import { buildServer } from '../../src/server/build-server.js';
import { hashPassword, prepareDemo } from '../../src/tracking/index.js';
import { addVcardMailbox, writeVcardTree } from '../tracking/wizard-fixtures.js';
import type { FastifyInstance } from 'fastify';

export const CHROMIUM = inject('chromiumPath');
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
export const DEMO_PASSWORD = 'demo-password-1';
export const BO_PASSWORD = 'bo-password-22';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../docs/screenshots');

export interface BrowserWorld {
  url: string;
  store: CrmStore;
  demo: User;
  demoMailbox: Mailbox;
  bo: User;
  boMailbox: Mailbox;
  browser: Browser;
  /** A new browser window in this language (the browser's language is the app's default). */
  page(locale?: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  if (!CHROMIUM) throw new Error('bug: browser tests started without Chromium');
  if (!existsSync(join(WEB_ROOT, 'index.html'))) throw new Error(`The web app is not built in ${WEB_ROOT}: run "npm run build:web" (npm ci does it).`);
  const dir = mkdtempSync(join(tmpdir(), 'liaison-browser-'));
  const store = await openCrmStore(join(dir, 'liaison.db'), { create: true });
  const { user: demo, mailbox: demoMailbox } = await prepareDemo(store, SAMPLE_ADDRESS_BOOK);
  await store.users.setPasswordHash(demo.id, await hashPassword(DEMO_PASSWORD));
  const bo = await store.users.add({ email: 'bo@example.org', name: 'Bo', role: 'user', passwordHash: await hashPassword(BO_PASSWORD) });
  const boMailbox = await addVcardMailbox(store, bo, writeVcardTree({ 'bo.vcf': [{ uid: 'bo-1', name: 'Bruno Bo', email: 'bruno@bo.example', company: 'Bo & Co' }] }), "Bo's cards");
  const app: FastifyInstance = await buildServer({ store, webRoot: WEB_ROOT, uploads: { dir: join(dir, 'uploads') } });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    store,
    demo,
    demoMailbox,
    bo,
    boMailbox,
    browser,
    async page(locale = 'en-GB') {
      const context = await browser.newContext({ locale, baseURL: url, viewport: { width: 1280, height: 860 } });
      return { context, page: await context.newPage() };
    },
    async close() {
      await browser.close();
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the page (in English) and waits for the wizard, where the app opens. */
export async function signIn(page: Page, url: string, email = 'demo@liaison.example', password = DEMO_PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add Contacts' }).waitFor();
}
