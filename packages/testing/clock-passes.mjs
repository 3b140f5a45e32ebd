#!/usr/bin/env node
/**
 * The clock passes (issue 14): runs the date-sensitive test files again with the
 * platform clock (HELHED_NOW) started at instants where "today" is easy to get
 * wrong — a business day at 23:59:52 Copenhagen time (eight seconds before midnight: even a
 * fast run crosses it while its tests run, after their set-up),
 * New Year's Eve, both DST changes and a public holiday.
 *
 * The files are those whose first line is the docblock tag `/** @clock-sensitive *\/`
 * (no hand-kept list: a new test that depends on today tags itself). A heavy file
 * may name the passes that matter to it, `/** @clock-sensitive midnight holiday *\/`,
 * to keep the passes short; without names it runs in every pass. Each pass is
 * one jest run in band, two passes side by side (one per core); one summary
 * line per pass, the failures' output after it, and a non-zero exit on any failure.
 *
 *   node packages/testing/clock-passes.mjs            every pass
 *   node packages/testing/clock-passes.mjs new-year   only the named passes
 *   node packages/testing/clock-passes.mjs --list     the tagged files and the passes
 *
 * CLOCK_PASSES_JOBS sets how many passes run side by side (default 2, or 1 on one core).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const TAG = '@clock-sensitive';
const SEARCHED = ['packages', 'services', 'gateway'];

export const PASSES = [
  { name: 'midnight', at: '2026-12-07T23:59:52+01:00', what: 'a business day at 23:59:52, the run crosses midnight' },
  {
    name: 'new-year',
    at: '2026-12-31T23:59:30+01:00',
    what: "New Year's Eve at 23:59:30, a slow run crosses into 2027",
  },
  { name: 'dst-spring', at: '2027-03-28T01:59:30+01:00', what: 'the spring DST change (02:00 CET becomes 03:00 CEST)' },
  { name: 'dst-autumn', at: '2026-10-25T02:59:30+02:00', what: 'the autumn DST change (03:00 CEST becomes 02:00 CET)' },
  { name: 'holiday', at: '2027-03-29T10:00:00+02:00', what: 'Easter Monday, a public holiday' },
];

/**
 * The test files whose first line carries the tag, relative to the repository,
 * sorted, each with the passes it names (null: every pass).
 */
export function taggedFiles() {
  const found = [];
  const tagged = new RegExp(`^/\\*\\*\\s*${TAG}((?:\\s+[a-z-]+)*)\\s*\\*/`);
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.test.ts')) {
        const first = readFileSync(path, 'utf8').split('\n', 1)[0];
        if (!first.includes(TAG)) continue;
        const file = relative(ROOT, path);
        const match = tagged.exec(first);
        if (!match) throw new Error(`${file}: the tag must be the first line, /** ${TAG} [pass …] */`);
        const names = match[1].trim().split(/\s+/).filter(Boolean);
        const unknown = names.filter((n) => !PASSES.some((p) => p.name === n));
        if (unknown.length > 0) throw new Error(`${file}: no pass named ${unknown.join(', ')}`);
        found.push({ file, passes: names.length > 0 ? names : null });
      }
    }
  };
  for (const dir of SEARCHED) walk(join(ROOT, dir));
  return found.sort((a, b) => a.file.localeCompare(b.file));
}

async function runPass(pass, files, scratch) {
  const report = join(scratch, `${pass.name}.json`);
  const logFile = join(scratch, `${pass.name}.log`);
  const log = openSync(logFile, 'w');
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/jest/bin/jest.js'), '--runInBand', '--ci', '--json', `--outputFile=${report}`, ...files],
    { cwd: ROOT, env: { ...process.env, HELHED_NOW: pass.at }, stdio: ['ignore', log, log] },
  );
  const jest = await new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: null, signal: error.message }));
    child.on('exit', (status, signal) => resolve({ status, signal }));
  });
  closeSync(log);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let result = null;
  try {
    result = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // jest did not get as far as its report: the log says why.
  }
  const ok = jest.status === 0 && result !== null && result.numFailedTests === 0 && result.numFailedTestSuites === 0;
  const counts = result
    ? `${result.numPassedTests} tests passed, ${result.numFailedTests} failed in ${result.numTotalTestSuites} files`
    : `jest exited with ${jest.status ?? jest.signal} before reporting`;
  const out = [
    `clock pass ${pass.name.padEnd(10)} HELHED_NOW=${pass.at}  ${ok ? 'PASS' : 'FAIL'}  ${counts}  ${seconds.toFixed(1)} s  (${pass.what})`,
  ];
  if (!ok) {
    const failed = (result?.testResults ?? []).filter((r) => r.status !== 'passed').map((r) => relative(ROOT, r.name));
    if (failed.length > 0) out.push(`  failed: ${failed.join(', ')}`);
    const lines = readFileSync(logFile, 'utf8').split('\n');
    out.push(...lines.slice(-80).map((l) => `  | ${l}`));
  }
  // One block per pass, printed whole when the pass ends (passes may run side by side).
  console.log(out.join('\n'));
  return { ok, seconds };
}

async function main(args) {
  const files = taggedFiles();
  if (args.includes('--list')) {
    for (const f of files) console.log(`${f.file}${f.passes ? `  (${f.passes.join(', ')})` : ''}`);
    for (const p of PASSES) console.log(`pass ${p.name}: HELHED_NOW=${p.at} (${p.what})`);
    return 0;
  }
  const unknown = args.filter((a) => !a.startsWith('--') && !PASSES.some((p) => p.name === a));
  if (unknown.length > 0) {
    console.error(
      `clock passes: no pass named ${unknown.join(', ')} (passes: ${PASSES.map((p) => p.name).join(', ')})`,
    );
    return 2;
  }
  if (files.length === 0) {
    console.error(`clock passes: no test file carries ${TAG} on its first line`);
    return 1;
  }
  const names = args.filter((a) => !a.startsWith('--'));
  const passes = names.length > 0 ? PASSES.filter((p) => names.includes(p.name)) : PASSES;
  const jobs = Math.max(1, Number(process.env.CLOCK_PASSES_JOBS ?? Math.min(2, availableParallelism())));
  console.log(`clock passes: ${files.length} files tagged ${TAG}, ${passes.length} passes, ${jobs} at a time`);
  const scratch = mkdtempSync(join(tmpdir(), 'helhed-clock-passes-'));
  const started = process.hrtime.bigint();
  try {
    // Each pass is one jest process in band; `jobs` of them side by side (2 on a 2-core machine).
    const queue = [...passes];
    const results = [];
    const worker = async () => {
      for (let pass = queue.shift(); pass; pass = queue.shift()) {
        const mine = files.filter((f) => f.passes === null || f.passes.includes(pass.name)).map((f) => f.file);
        results.push(await runPass(pass, mine, scratch));
      }
    };
    await Promise.all(Array.from({ length: jobs }, worker));
    const failed = results.filter((r) => !r.ok).length;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`clock passes: ${results.length - failed} passed, ${failed} failed, ${seconds.toFixed(1)} s`);
    return failed === 0 ? 0 : 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
