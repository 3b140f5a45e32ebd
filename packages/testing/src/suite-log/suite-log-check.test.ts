import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CPR_PATTERN, personalDataHits } from '../personal-data';
import { SUITE_LOG_DIR_ENV, expectedTestFiles, seededNames, suiteLogLines, unfinishedTestFiles } from './suite-log';

/**
 * The whole suite's log output — every logger of every service in every test
 * file, at `debug`, whatever level the test asked for — has no CPR number and
 * no citizen's name from the demo data, the seed or the tests. The sequencer
 * runs this file last; it waits until every other file of the run is done.
 */
const ROOT = join(__dirname, '../../../..');
const dir = process.env[SUITE_LOG_DIR_ENV];
const WAIT_MS = 15 * 60_000;

afterAll(() => {
  if (dir && !process.env.HELHED_KEEP_TEST_LOGS) rmSync(dir, { recursive: true, force: true });
});

describe('the whole suite’s log output', () => {
  it('knows the names to look for, and its pattern finds CPR numbers but not ids or timestamps', () => {
    const names = seededNames(ROOT);
    // The demo data's citizens and those of the log test are among them; a caseworker's initial is not.
    expect(names).toEqual(expect.arrayContaining(['Mette', 'Jensen', 'Hassan', 'Ingeborg', 'Østergaard']));
    expect(names).not.toContain('P');
    const hits = personalDataHits(
      [
        '{"cpr":"1203851234"}',
        '{"masked":"120385-XXXX"}',
        '{"msg":"created for Mette"}',
        '{"msg":"Kragelund, Malthe"}',
        '{"requestId":"7c084945-9602-45ca-a0c5-13026a968833","time":1795369599043}',
        '{"msg":"Metteland"}',
      ],
      names,
    );
    expect(hits.map((h) => h.split(' in: ')[0])).toEqual(['1203851234', '120385-XXXX', 'Mette', 'Kragelund, Malthe']);
    expect('120385-1234').toMatch(CPR_PATTERN);
  });

  it(
    'has no CPR number and no seeded name in any line',
    async () => {
      if (!dir) {
        // Not run through the root jest config's sequencer: there is no suite log to check.
        throw new Error(`${SUITE_LOG_DIR_ENV} is not set; run the check through the root jest config`);
      }
      const started = Date.now();
      let unfinished = unfinishedTestFiles(dir);
      while (unfinished.length > 0 && Date.now() - started < WAIT_MS) {
        await new Promise((r) => setTimeout(r, 500));
        unfinished = unfinishedTestFiles(dir);
      }
      expect({ unfinished }).toEqual({ unfinished: [] });

      const lines = suiteLogLines(dir);
      // The sink works: a run that started a stack (gateway tests start the whole graph) has log lines.
      if (expectedTestFiles(dir).some((f) => /gateway.*\.test\.ts$/.test(f))) expect(lines.length).toBeGreaterThan(0);
      const hits = personalDataHits(lines, seededNames(ROOT));
      // On failure jest prints every line found, with what was found in it.
      expect(hits).toEqual([]);
    },
    WAIT_MS + 60_000,
  );
});
