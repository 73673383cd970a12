import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Many tests run the CLI as child processes (a tsx start each): generous under load, never a timing assertion.
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
