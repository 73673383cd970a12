/**
 * Runs once before the tests: finds out whether PostgreSQL answers at
 * `LIAISON_TEST_PG` (default postgres://postgres@127.0.0.1:5432/test). If it does,
 * the store suites run on both dialects; if not, they run on SQLite only and one line
 * says why, except under `CI=true`, where a missing PostgreSQL fails the run. The same
 * for Chromium and the browser tests.
 */
import { existsSync } from 'node:fs';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL URL tests may use, or null when PostgreSQL tests are skipped. */
    postgresUrl: string | null;
    /** Chromium for the browser tests, or null when they are skipped. */
    chromiumPath: string | null;
  }
}

export const DEFAULT_TEST_PG = 'postgres://postgres@127.0.0.1:5432/test';

/** Debian's Chromium (playwright-core cannot download its own here), or LIAISON_TEST_CHROMIUM. */
function findChromium(project: TestProject): void {
  const path = process.env.LIAISON_TEST_CHROMIUM ?? '/usr/bin/chromium';
  if (existsSync(path)) return project.provide('chromiumPath', path);
  if (process.env.CI === 'true') {
    throw new Error(`Browser tests cannot run: no Chromium at ${path}. Under CI=true they may not be skipped; install it with: bash scripts/ensure-chromium.sh`);
  }
  console.log(`Browser tests skipped: no Chromium at ${path}. Install it (bash scripts/ensure-chromium.sh) or set LIAISON_TEST_CHROMIUM to run them.`);
  project.provide('chromiumPath', null);
}

export default async function setup(project: TestProject): Promise<void> {
  findChromium(project);
  const url = process.env.LIAISON_TEST_PG ?? DEFAULT_TEST_PG;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
  } catch (error) {
    const reason = (error as Error).message || String(error);
    if (process.env.CI === 'true') {
      throw new Error(
        `PostgreSQL tests cannot run: no PostgreSQL at ${url} (${reason}). Under CI=true they may not be skipped; start it with: bash scripts/ensure-postgres.sh`,
      );
    }
    console.log(
      `PostgreSQL tests skipped: no PostgreSQL at ${url} (${reason}). Start one (bash scripts/ensure-postgres.sh) or set LIAISON_TEST_PG to run them.`,
    );
    project.provide('postgresUrl', null);
  } finally {
    await client.end().catch(() => undefined);
  }
}
