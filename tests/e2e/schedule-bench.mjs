// The all-outcomes view's speed: runs of the gallery's lost update (two threads) explored per second in the
// page, from the Schedule panel's own count and clock (the engine's work only, not the frames between its
// slices) and from the wall clock (click to "Done"). A benchmark, not a test: it prints figures for
// BENCHMARKS.md and fails only when the exploration does not end.
//
//   node tests/e2e/schedule-bench.mjs [--dist DIR]   (DIR defaults to target/e2e/dist)

import { resolve } from 'node:path';
import { serveStatic, launchBrowser, openApp, waitUntil } from './harness.mjs';

const args = process.argv.slice(2);
const dist = resolve(args[0] === '--dist' ? args[1] : resolve(import.meta.dirname, '../../target/e2e/dist'));
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const app = await openApp(browser, server.url);
  await app.button('Every outcome: a lost update').click();
  const status = app.page.locator('.sc-status');
  for (let round = 1; round <= 3; round++) {
    const began = Date.now();
    await app.button(round === 1 ? 'All outcomes' : 'Explore again').click();
    const text = await waitUntil(async () => {
      const t = await status.textContent();
      return /^(Complete|Done)/.test(t) ? t : null;
    }, 'the exploration to end', 120_000);
    const wall = (Date.now() - began) / 1000;
    const m = /([\d,]+) runs in ([\d.]+) s/.exec(text);
    const runs = Number(m[1].replace(/,/g, ''));
    const engine = Number(m[2]);
    console.log(`round ${round}: ${runs} runs, ${engine.toFixed(1)} s exploring (${(runs / engine).toFixed(0)} runs/s), ` +
      `${wall.toFixed(1)} s click to done (${(runs / wall).toFixed(0)} runs/s)`);
  }
} finally {
  await browser.close();
  await server.close();
}
