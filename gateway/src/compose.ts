import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { composeSupergraph } from './composition';
import { REPO_ROOT, SUPERGRAPH_PATH } from './subgraphs';

/**
 * `npm run compose` writes gateway/supergraph.graphql from the subgraphs' schemas;
 * `npm run compose:check` fails when the committed file is stale (run in CI).
 */
const check = process.argv.includes('--check');
const result = composeSupergraph();
if (!result.ok) {
  console.error('Composition failed:\n' + result.errors.map((e) => `  - ${e}`).join('\n'));
  process.exit(1);
}
const file = relative(REPO_ROOT, SUPERGRAPH_PATH);
const committed = existsSync(SUPERGRAPH_PATH) ? readFileSync(SUPERGRAPH_PATH, 'utf8') : '';
if (check) {
  if (committed !== result.supergraphSdl) {
    console.error(`${file} is stale: run \`npm run compose\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${file} is up to date.`);
} else {
  writeFileSync(SUPERGRAPH_PATH, result.supergraphSdl);
  console.log(committed === result.supergraphSdl ? `${file} unchanged.` : `${file} written.`);
}
