// The engine where learners run it: each workload of ../shared/bench run in the release bundle in headless
// Chromium, at "instant", against CPython on the same machine in the same minutes; and the page's time to
// interactive on a cold load. A benchmark, not a test: it prints figures for BENCHMARKS.md and fails only when
// the page cannot do the work or prints something other than CPython does.
//
//   node tests/e2e/engine-bench.mjs [--dist DIR] [--runs N] [--bench DIR]
//
// DIR defaults to target/e2e/dist (`scripts/test e2e` builds it); the workloads to ../shared/bench. A page
// figure is from the click on Run to the frame that shows "Finished" (so it includes the page's own work:
// slicing, replaying the trace, redrawing ten to four times a second); CPython's is `python3 FILE` wall time, process
// start included, as `compare.py` takes it. Each is the best of N runs (default 3).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic, launchBrowser, openApp } from './harness.mjs';

const WORKLOADS = ['switch.py', 'spawn.py', 'queue.py', 'lock.py', 'fib.py', 'loop.py'];

const args = process.argv.slice(2);
let dist = resolve(import.meta.dirname, '../../target/e2e/dist');
let bench = resolve(import.meta.dirname, '../../../shared/bench');
let runs = 3;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = resolve(args[++i]);
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--bench') bench = resolve(args[++i]);
}

function cpython(path) {
  let best = Infinity;
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    out = execFileSync('python3', [path], { encoding: 'utf8', maxBuffer: 1 << 26 });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { best, lines: out.split('\n').filter((l, i, all) => i < all.length - 1 || l !== '') };
}

/** Clicks Run and resolves with the seconds until a painted frame shows the run over. */
async function runInPage(app) {
  return app.page.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run');
    const state = () => document.querySelector('.ctl-progress .ctl-state')?.textContent.trim() ?? '';
    const t0 = performance.now();
    button.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (/^(Finished|Ended|Stopped|Stuck)/.test(state())) return [(performance.now() - t0) / 1000, state()];
    }
  });
}

/** Loads the page in a fresh context (nothing cached) and measures when it can be used. */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  // Interactive: the editor and an enabled Run button are on screen (the wasm is compiled and the app
  // mounted), measured from the navigation's start.
  await page.waitForFunction(() => {
    const run = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run');
    return run && !run.disabled && document.querySelector('textarea');
  }, null, { polling: 'raf', timeout: 30_000 });
  const t = await page.evaluate(() => ({
    interactive: performance.now(),
    wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'))?.responseEnd ?? NaN,
  }));
  await context.close();
  return t;
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
const report = [];
try {
  const loads = [];
  for (let i = 0; i < 5; i++) loads.push(await coldLoad(browser, server.url));
  loads.sort((a, b) => a.interactive - b.interactive);
  const med = loads[2];
  report.push(`cold load (5 fresh contexts, median by time to interactive): interactive at ${med.interactive.toFixed(0)} ms, ` +
    `wasm downloaded at ${med.wasm.toFixed(0)} ms; ` +
    `range of interactive ${loads[0].interactive.toFixed(0)}-${loads[4].interactive.toFixed(0)} ms`);

  const app = await openApp(browser, server.url);
  const { page } = app;
  await app.setSpeed('instant');
  report.push(`${'workload'.padEnd(10)} ${'cpython_s'.padStart(9)} ${'page_s'.padStart(9)} ${'ratio'.padStart(6)}`);
  for (const w of WORKLOADS) {
    const path = resolve(bench, w);
    const py = cpython(path);
    await app.setCode(readFileSync(path, 'utf8'));
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      if (await app.button('Reset').isEnabled()) await app.button('Reset').click();
      const [secs, state] = await runInPage(app);
      if (state !== 'Finished') throw new Error(`${w} ended ${state}`);
      best = Math.min(best, secs);
    }
    // The log shows what the last run printed once the page has drawn it.
    let lines = [];
    for (let i = 0; i < 100 && JSON.stringify(lines) !== JSON.stringify(py.lines); i++) {
      lines = await app.outputLines();
      await page.waitForTimeout(50);
    }
    if (JSON.stringify(lines) !== JSON.stringify(py.lines)) {
      throw new Error(`${w}: the page printed ${JSON.stringify(lines)}, CPython ${JSON.stringify(py.lines)}`);
    }
    report.push(`${w.padEnd(10)} ${py.best.toFixed(3).padStart(9)} ${best.toFixed(3).padStart(9)} ${(best / py.best).toFixed(2).padStart(6)}`);
    console.log(report.at(-1));
  }
  await page.context().close();
} finally {
  await browser.close();
  await server.close();
}
console.log(report.join('\n'));
