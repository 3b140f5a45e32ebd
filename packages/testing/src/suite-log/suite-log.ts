import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The whole test suite's log output, checked for personal data at its end.
 *
 * `jest/log-check-sequencer.mjs` (the root jest config's `testSequencer`)
 * runs `suite-log-check.test.ts` last and, when it is part of the run, makes a
 * folder and names it in `HELHED_TEST_LOG_DIR` before the workers start:
 * - `expected.json`: every other test file of the run;
 * - `logs/`: every logger of every process writes there too, at `debug`
 *   (`createLogger` in `@helhed/server`), one file per worker;
 * - `done`: a line per test file whose environment was torn down
 *   (`environment.ts`), i.e. whose stacks are closed and whose lines are written.
 */
export const SUITE_LOG_DIR_ENV = 'HELHED_TEST_LOG_DIR';

export const suiteLogPaths = (dir: string) => ({
  expected: join(dir, 'expected.json'),
  done: join(dir, 'done'),
  logs: join(dir, 'logs'),
});

export function markTestFileDone(dir: string, testPath: string): void {
  // The check removes the folder when it is done (its own file ends after that).
  if (existsSync(dir)) appendFileSync(suiteLogPaths(dir).done, `${testPath}\n`);
}

/** The run's other test files. */
export function expectedTestFiles(dir: string): string[] {
  const path = suiteLogPaths(dir).expected;
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as string[]) : [];
}

/** The test files of the run that have not finished yet. */
export function unfinishedTestFiles(dir: string): string[] {
  const paths = suiteLogPaths(dir);
  const expected = expectedTestFiles(dir);
  const done = new Set(existsSync(paths.done) ? readFileSync(paths.done, 'utf8').split('\n') : []);
  return expected.filter((p) => !done.has(p));
}

/** Every log line the run has written so far. */
export function suiteLogLines(dir: string): string[] {
  const logs = suiteLogPaths(dir).logs;
  if (!existsSync(logs)) return [];
  return readdirSync(logs).flatMap((f) =>
    readFileSync(join(logs, f), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
}

/**
 * The citizens' names the tests and the demo data use: every string given as
 * a `firstName` or `lastName` in the sources (test files, test kits, the demo
 * data and seed), split into words — so a name a new test invents is checked
 * too. Only capitalised words of three letters or more (not initials like "P", nor enum values like "BASIC").
 */
export function seededNames(root: string): string[] {
  const names = new Set<string>();
  const literal = /\b(?:firstName|lastName)\\?["']?\s*:\s*\\?["'`]([^"'`\\\n]+)\\?["'`]/g;
  for (const file of sourceFiles(root)) {
    for (const m of readFileSync(file, 'utf8').matchAll(literal)) {
      for (const word of m[1]!.split(/[\s-]+/)) if (/^\p{Lu}\p{Ll}{2,}$/u.test(word)) names.add(word);
    }
  }
  return [...names].sort();
}

/** The sources (TypeScript) of packages, services and the gateway, without the suite checks themselves. */
export function sourceFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
    }
  };
  for (const top of ['packages', 'services', 'gateway']) if (existsSync(join(root, top))) walk(join(root, top));
  return out.filter((f) => !relative(root, f).includes('suite-log'));
}
