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
    retry: process.env.CI ? 1 : 0,
    // Browser journeys poll the page (`expect.poll`); vitest's default of 1 s lost races with a
    // debounced live count on a loaded machine. A wrong value still fails, after 10 s.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 240_000,
    // Browser tests start Chromium and the whole server; they run alone, after the rest.
    sequence: { concurrent: false },
  },
});
