import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import TestSequencerModule from '@jest/test-sequencer';

const TestSequencer = TestSequencerModule.default ?? TestSequencerModule;
const LOG_CHECK = /suite-log-check\.test\.ts$/;

/**
 * jest's own order, with the whole suite's log check (packages/testing/src/suite-log/)
 * last. When the check is part of the run, every process's loggers are told
 * (HELHED_TEST_LOG_DIR, inherited by the workers jest starts after sorting)
 * to write their lines to a fresh folder too (and the test SMTP server and the
 * reminders' file mailer their mails), and the folder lists the other test
 * files, whose end the check waits for.
 */
export default class LogCheckLastSequencer extends TestSequencer {
  async sort(tests) {
    const sorted = await super.sort(tests);
    const checks = sorted.filter((t) => LOG_CHECK.test(t.path));
    if (checks.length === 0) return sorted;
    const others = sorted.filter((t) => !LOG_CHECK.test(t.path));
    if (!process.env.HELHED_TEST_LOG_DIR) {
      const dir = mkdtempSync(join(tmpdir(), 'helhed-suite-log-'));
      writeFileSync(join(dir, 'expected.json'), JSON.stringify(others.map((t) => t.path)));
      process.env.HELHED_TEST_LOG_DIR = dir;
    }
    return [...others, ...checks];
  }
}
