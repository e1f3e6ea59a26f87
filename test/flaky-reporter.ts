import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestCase } from 'vitest/node';

/**
 * CI retries a failed test once (vitest.config.ts; browser journeys excepted): on a shared two-core
 * machine a timing-bound test can lose a race with the machine, not with the code. A retry must not hide
 * the test, so this reporter appends every test that failed first and passed on retry to the
 * file named by FLAKY_REPORT, and .ci/run prints that file in its summary.
 */
export default class FlakyReporter implements Reporter {
  onTestCaseResult(test: TestCase): void {
    const out = process.env.FLAKY_REPORT;
    const diagnostic = test.diagnostic();
    if (!out || !diagnostic?.flaky) return;
    const file = relative(process.cwd(), test.module.moduleId);
    appendFileSync(out, `  FLAKY (passed on retry ${diagnostic.retryCount}) ${file} > ${test.fullName}\n`);
  }
}
