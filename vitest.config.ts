import { defineConfig } from 'vitest/config';

// Three tiers, all required in CI (scripts/test.mjs runs them and prints the summary line):
// unit — pure logic; store — every store/integration test on SQLite AND PostgreSQL;
// security — the crawl as every role; browser — the web app in Debian's Chromium through playwright-core.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          name: 'store',
          include: ['test/store/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The security tier: the crawl as each demo role (no personal field it may not see, no record
        // outside its scope), the escalation property, access control, projection tampering, the
        // witness, login throttling and headers — the store-backed ones on SQLite and PostgreSQL.
        test: {
          name: 'security',
          include: ['test/security/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/helpers/global-setup.ts', 'test/browser/build-web.ts'],
          // The whole-case walk-through takes ~100 s on a busy 2-core machine.
          testTimeout: 240_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // A page's first render after navigation can take seconds on a loaded 2-core CI machine;
          // expect.poll's default of 1 s made the supervision list's first assertion flaky there.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
