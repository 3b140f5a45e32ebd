import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Fails when more than one copy or version of `graphql` is installed: every
 * Apollo federation package must share one graphql 16 (see package.json overrides).
 */
const out = execFileSync('npm', ['ls', 'graphql', '--all', '--parseable'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
});
const versions = new Map<string, string[]>();
for (const dir of new Set(out.split('\n').filter((l) => l.includes('node_modules')))) {
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  versions.set(version, [...(versions.get(version) ?? []), dir]);
}
const list = [...versions.keys()];
if (list.length !== 1 || !list[0]?.startsWith('16.')) {
  console.error(`Expected exactly one graphql 16.x, found: ${list.join(', ') || 'none'}`);
  for (const [v, dirs] of versions) console.error(`  ${v}: ${dirs.join(', ')}`);
  process.exit(1);
}
console.log(`One graphql in the tree: ${list[0]} (${[...versions.values()][0]!.length} location).`);
