// Checks that `trunk serve`'s live-reload works under the page's Content-Security-Policy: the page loads with
// no violation, its reload socket connects, and a change to a watched file reloads it. Not part of the suite
// (it builds and serves with Trunk, minutes on two cores):
//
//   node tests/e2e/serve-reload.mjs [--release]
//
// It serves on port 8091 into target/serve-check/dist, and touches styles/share.css (rewriting the same bytes).

import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchBrowser, waitUntil } from './harness.mjs';

const root = resolve(import.meta.dirname, '../..');
const port = 8091;
const url = `http://127.0.0.1:${port}/`;
const args = ['serve', '--port', String(port), '--dist', 'target/serve-check/dist', ...process.argv.slice(2)];
const trunk = spawn('trunk', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
let failed = false;
try {
  await waitUntil(async () => {
    const html = await fetch(url).then((r) => (r.ok ? r.text() : ''), () => '');
    return html.includes('Content-Security-Policy');
  }, 'trunk serve to serve the page', 30 * 60_000);
  const browser = await launchBrowser();
  const page = await browser.newPage();
  const violations = [];
  page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  let loads = 0;
  page.on('load', () => loads++);
  await page.goto(url, { waitUntil: 'load' });
  await page.getByRole('textbox', { name: 'Code', exact: true }).waitFor({ timeout: 30_000 });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  console.log(`serve-reload: policy ${policy}`);
  await waitUntil(() => sockets.some((s) => s.endsWith('/.well-known/trunk/ws')), 'the live-reload socket');
  // A change to a watched file: Trunk rebuilds and tells the page, which reloads itself.
  const watched = resolve(root, 'styles/share.css');
  await writeFile(watched, await readFile(watched));
  await waitUntil(async () => loads >= 2, 'the page to reload after the change', 20 * 60_000);
  await page.getByRole('textbox', { name: 'Code', exact: true }).waitFor({ timeout: 30_000 });
  if (violations.length) throw new Error(`policy violations: ${violations.join('\n')}`);
  console.log('serve-reload: passed (socket connected, page reloaded, no violation)');
  await browser.close();
} catch (err) {
  console.error(`serve-reload: FAILED: ${err.message}`);
  failed = true;
} finally {
  trunk.kill('SIGINT');
}
process.exit(failed ? 1 : 0);
