import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    // In CI only: one retry for a test that lost a race with a loaded machine. The flaky reporter
    // lists every test that needed it, so a retry never hides one (see test/flaky-reporter.ts).
    // A retry re-runs the test body only (beforeAll state stays), so a test that creates rows
    // gives them unique names/references to be able to run twice.
    // Not for browser tests: each journey step continues from the page the previous step left, so
    // a retried step starts on the wrong page and cannot pass. Every test/browser/*.test.ts file
    // therefore opens with `describe(…, { retry: 0, … })` — per file, because a config-level
    // override would need vitest projects, which run the global setup (template build) twice.
    retry: process.env.CI ? 1 : 0,
    // Browser journeys poll the page (`expect.poll`); vitest's default of 1 s lost races with a
    // debounced live count on a loaded machine. A wrong value still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    // Browser tests start Chromium and the whole server; they run alone, after the rest.
    sequence: { concurrent: false },
  },
});
