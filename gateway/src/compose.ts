import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { breakingChanges, composeSupergraph } from './composition';
import { API_SCHEMA_PATH, REPO_ROOT, SCHEMA_CHANGES_PATH, SUPERGRAPH_PATH } from './subgraphs';

/**
 * `npm run compose` writes gateway/supergraph.graphql (what the gateway serves)
 * and gateway/api-schema.graphql (the published schema integrators build on).
 * A change that breaks the published schema is refused unless it is said so:
 * `npm run compose -- --accept-breaking "why"` records it in gateway/SCHEMA-CHANGES.md.
 * `npm run compose:check` fails when either file is stale (run by `npm test`).
 */
const args = process.argv.slice(2);
const check = args.includes('--check');
const acceptIndex = args.indexOf('--accept-breaking');
const reason = acceptIndex >= 0 ? args[acceptIndex + 1]?.trim() : undefined;

const result = composeSupergraph();
if (!result.ok) {
  console.error('Composition failed:\n' + result.errors.map((e) => `  - ${e}`).join('\n'));
  process.exit(1);
}
const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
const name = (path: string) => relative(REPO_ROOT, path);
const outputs = [
  { path: SUPERGRAPH_PATH, sdl: result.supergraphSdl },
  { path: API_SCHEMA_PATH, sdl: result.apiSchemaSdl },
];

if (check) {
  const stale = outputs.filter((o) => read(o.path) !== o.sdl);
  if (stale.length > 0) {
    console.error(
      `${stale.map((o) => name(o.path)).join(' and ')} stale: run \`npm run compose\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${outputs.map((o) => name(o.path)).join(' and ')} are up to date.`);
  process.exit(0);
}

/** The published schema is the one committed on the current branch (the working copy may hold work in progress). */
function publishedSchema(): string {
  try {
    return execFileSync('git', ['show', `HEAD:${name(API_SCHEMA_PATH)}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return read(API_SCHEMA_PATH); // not a git checkout, or not committed yet
  }
}

const published = publishedSchema();
const recorded = read(SCHEMA_CHANGES_PATH);
const breaking = published ? breakingChanges(published, result.apiSchemaSdl) : [];
const unrecorded = breaking.filter((b) => !recorded.includes(`- ${b}\n`));
if (unrecorded.length > 0) {
  if (acceptIndex >= 0 && !reason) {
    console.error('--accept-breaking needs a reason, e.g. --accept-breaking "families became a connection"');
    process.exit(1);
  }
  if (!reason) {
    console.error(
      `This change breaks the published schema (${name(API_SCHEMA_PATH)}):\n` +
        unrecorded.map((b) => `  - ${b}`).join('\n') +
        `\nIf that is intended, say so: npm run compose -- --accept-breaking "why" (recorded in ${name(SCHEMA_CHANGES_PATH)}).`,
    );
    process.exit(1);
  }
  const day = new Date().toISOString().slice(0, 10);
  appendFileSync(SCHEMA_CHANGES_PATH, `\n## ${day}: ${reason}\n\n${unrecorded.map((b) => `- ${b}`).join('\n')}\n`);
  console.log(`Recorded ${unrecorded.length} breaking change(s) in ${name(SCHEMA_CHANGES_PATH)}.`);
}
for (const o of outputs) {
  const before = read(o.path);
  writeFileSync(o.path, o.sdl);
  console.log(before === o.sdl ? `${name(o.path)} unchanged.` : `${name(o.path)} written.`);
}
