// The page benchmark: how smoothly the release bundle plays back 100 tasks, how a finished run of 10,000
// tasks and about a million events responds to zooming and scrolling, and how long 30,000 and 100,000 spawned
// tasks take at "instant". A benchmark, not a test: it prints
// figures for BENCHMARKS.md and fails only when the page cannot do the work at all.
//
//   node tests/e2e/bench.mjs [--dist DIR]   (DIR defaults to target/e2e/dist, the bundle `scripts/test e2e` builds)
//
// Build the bundle first (`scripts/test e2e` does, or `trunk build --release --dist target/e2e/dist`). Frames and
// long tasks are recorded by frames.mjs.

import { resolve } from 'node:path';
import { serveStatic, launchBrowser, openApp, waitUntil } from './harness.mjs';
import { startRecording, stopRecording, ms, summary } from './frames.mjs';

const HUNDRED_TASKS = `import asyncio
import random

random.seed(1)


async def worker(i):
    for step in range(10):
        await asyncio.sleep(random.uniform(0.05, 0.3))
        print(f"task {i} step {step}")


async def main():
    await asyncio.gather(*(worker(i) for i in range(100)))


asyncio.run(main())
`;

const TEN_THOUSAND_TASKS = `import asyncio


async def worker(i):
    for step in range(20):
        await asyncio.sleep(0.001 * (1 + (i * 7 + step) % 13))


async def main():
    await asyncio.gather(*(worker(i) for i in range(10_000)))


asyncio.run(main())
print("done")
`;

// spawn.py of ../shared/bench, at two sizes: the page's time must grow linearly with the tasks.
const spawning = (n) => `import asyncio


async def job(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*(job(i) for i in range(${n})))
    print("sum", sum(results))


asyncio.run(main())
`;

async function runState(app) {
  return (await app.page.locator('.ctl-progress .ctl-state').textContent())?.trim() ?? '';
}

/** Runs `action` in the page and times it until the frame after it has been painted. */
async function timeToPaint(page, action) {
  return page.evaluate(async (src) => {
    const act = new Function(src);
    const t0 = performance.now();
    act();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, action);
}

const args = process.argv.slice(2);
let dist = resolve(import.meta.dirname, '../../target/e2e/dist');
for (let i = 0; i < args.length; i++) if (args[i] === '--dist') dist = resolve(args[++i]);

const server = await serveStatic(dist);
const browser = await launchBrowser();
const report = [];
try {
  const app = await openApp(browser, server.url);
  const { page } = app;

  // 1. 100 tasks playing back live at 1x.
  await app.setCode(HUNDRED_TASKS);
  await app.setSpeed('1x');
  await startRecording(page);
  await app.button('Run').click();
  await waitUntil(async () => (await runState(app)) === 'Finished', 'the 100-task run to finish', 60_000);
  const live = await stopRecording(page);
  const last = (await app.outputLines()).at(-1);
  if (!/^task \d+ step 9$/.test(last ?? '')) throw new Error(`the 100-task run ended printing ${last}`);
  report.push(summary('100 tasks at 1x, live', live));

  // 2. 10,000 tasks at instant speed, then zoom and scroll the finished run.
  await app.button('Reset').click();
  await app.setCode(TEN_THOUSAND_TASKS);
  await app.setSpeed('instant');
  await startRecording(page);
  const started = Date.now();
  await app.button('Run').click();
  await waitUntil(async () => (await runState(app)) === 'Finished', 'the 10,000-task run to finish', 600_000);
  const wall = (Date.now() - started) / 1000;
  const running = await stopRecording(page);
  const progress = (await page.locator('.ctl-progress').innerText()).replace(/\s+/g, ' ').trim();
  report.push(`10,000 tasks at instant: finished in ${wall.toFixed(1)} s wall (${progress})`);
  report.push(summary('  while it ran', running));

  const grid = '.tl-grid';
  const times = { zoom: [], wheel: [], scroll: [], pan: [] };
  await startRecording(page);
  for (let i = 0; i < 8; i++) {
    times.zoom.push(await timeToPaint(page, `document.querySelector('${grid}').dispatchEvent(
      new KeyboardEvent('keydown', { key: '${i < 4 ? '+' : '-'}', bubbles: true }))`));
  }
  for (let i = 0; i < 8; i++) {
    times.wheel.push(await timeToPaint(page, `const g = document.querySelector('.tl-overlay').getBoundingClientRect();
      document.querySelector('${grid}').dispatchEvent(new WheelEvent('wheel', { deltaY: ${i < 4 ? -300 : 300},
        ctrlKey: true, clientX: g.left + g.width * 0.3, clientY: g.top + 10, bubbles: true, cancelable: true }))`));
  }
  for (let i = 0; i < 8; i++) {
    times.pan.push(await timeToPaint(page, `document.querySelector('${grid}').dispatchEvent(
      new KeyboardEvent('keydown', { key: '${i < 4 ? 'ArrowRight' : 'ArrowLeft'}', bubbles: true }))`));
  }
  for (let i = 1; i <= 20; i++) {
    times.scroll.push(await timeToPaint(page, `const s = document.querySelector('.tl-scroll');
      s.scrollTop = ${i} * s.scrollHeight / 21; s.dispatchEvent(new Event('scroll'))`));
  }
  const interacting = await stopRecording(page);
  const elements = await page.locator(`${grid} *`).count();
  const lanes = await page.locator(grid).getAttribute('aria-rowcount');
  for (const [what, t] of Object.entries(times)) {
    const sorted = [...t].sort((a, b) => a - b);
    report.push(`  ${what}: ${t.length} times, input to painted frame median ${ms(sorted[sorted.length >> 1])}, ` +
      `max ${ms(sorted.at(-1))}`);
  }
  report.push(summary('  while zooming and scrolling', interacting));
  report.push(`  ${lanes} lanes, ${elements} elements in the timeline after scrolling`);
  await app.screenshot('bench-10k-tasks');

  // 3. Tasks spawned at once and gathered, 30,000 then 100,000, at instant speed.
  for (const n of [30_000, 100_000]) {
    await app.button('Reset').click();
    await app.setCode(spawning(n));
    await startRecording(page);
    const t0 = Date.now();
    await app.button('Run').click();
    await waitUntil(async () => (await runState(app)) === 'Finished', `the ${n}-task spawn to finish`, 600_000);
    const took = (Date.now() - t0) / 1000;
    const s = await stopRecording(page);
    const out = (await app.outputLines()).at(-1);
    const expected = `sum ${(n * (n - 1)) / 2}`;
    if (out !== expected) throw new Error(`the ${n}-task spawn printed ${out}, not ${expected}`);
    const progress = (await page.locator('.ctl-progress').innerText()).replace(/\s+/g, ' ').trim();
    report.push(`spawn ${n.toLocaleString('en')} tasks at instant: finished in ${took.toFixed(2)} s wall (${progress})`);
    report.push(summary('  while it ran', s));
  }
  await page.context().close();
} finally {
  await browser.close();
  await server.close();
}
console.log(report.join('\n'));
