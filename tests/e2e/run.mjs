// Runs every end-to-end check in checks/*.mjs against a built release bundle and prints a summary.
//
//   node tests/e2e/run.mjs [--dist DIR] [NAME-FILTER]
//
// DIR defaults to the repository's dist/ (build it first: `trunk build --release`). The bundle is served under
// /playground/ on 127.0.0.1; a screenshot of each check lands in target/screenshots/. Exits non-zero on any failure.

import { readdir, access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveStatic, launchBrowser, runChecks } from './harness.mjs';

const args = process.argv.slice(2);
let dist = resolve(import.meta.dirname, '../../dist');
let filter = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = resolve(args[++i]);
  else filter = args[i];
}
await access(resolve(dist, 'index.html')).catch(() => {
  console.error(`e2e: no index.html in ${dist}; run \`trunk build --release\` first`);
  process.exit(2);
});

const checksDir = resolve(import.meta.dirname, 'checks');
const checks = [];
for (const file of (await readdir(checksDir)).filter((f) => f.endsWith('.mjs')).sort()) {
  const module = await import(pathToFileURL(resolve(checksDir, file)).href);
  checks.push(...module.checks.filter((c) => !filter || c.name.includes(filter)));
}
if (checks.length === 0) {
  console.error('e2e: no check matched');
  process.exit(2);
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
let results;
try {
  console.log(`e2e: serving ${dist} at ${server.url}`);
  results = await runChecks(checks, { appUrl: server.url, browser });
} finally {
  await browser.close();
  await server.close();
}
const failed = results.filter((r) => !r.ok).length;
console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
