// The page with many processes: 16 processes of 4 threads each, and a Pool(8).map over 100,000 items, each run
// at "instant" in the release bundle. A benchmark, not a test: it prints figures for BENCHMARKS.md (the longest
// frame, the frames over 50 ms, the long tasks, the time from Run to "Finished") and fails only when the page
// cannot do the work or prints something other than CPython does.
//
//   node tests/e2e/proc-bench.mjs [--dist DIR] [--runs N]   (DIR: target/e2e/dist; N runs each, default 3)

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, launchBrowser, openApp, waitUntil } from './harness.mjs';
import { startRecording, stopRecording, summary } from './frames.mjs';

const PROGRAMS = {
  '16 processes x 4 threads': `import threading
import time
from multiprocessing import Process


def work():
    total = 0
    for _ in range(5):
        for i in range(2_000):
            total += i
        time.sleep(0.01)


def process():
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


if __name__ == "__main__":
    processes = [Process(target=process) for _ in range(16)]
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    print("exit codes", {p.exitcode for p in processes})
`,
  'Pool(8).map over 100,000 items': `from multiprocessing import Pool


def square(x):
    return x * x


if __name__ == "__main__":
    with Pool(8) as pool:
        print("sum", sum(pool.map(square, range(100_000))))
`,
};

const args = process.argv.slice(2);
let dist = resolve(import.meta.dirname, '../../target/e2e/dist');
let runs = 3;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dist') dist = resolve(args[++i]);
  else if (args[i] === '--runs') runs = Number(args[++i]);
}

/** What CPython prints for a program, and its best wall time of `runs`. */
function cpython(source) {
  const file = join(mkdtempSync(join(tmpdir(), 'proc-bench-')), 'program.py');
  writeFileSync(file, source);
  let best = Infinity;
  let out = '';
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    out = execFileSync('python3', [file], { encoding: 'utf8' });
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { best, lines: out.trimEnd().split('\n') };
}

const server = await serveStatic(dist);
const browser = await launchBrowser();
const report = [];
let worst = 0;
try {
  const app = await openApp(browser, server.url);
  const { page } = app;
  await app.setSpeed('instant');
  for (const [name, source] of Object.entries(PROGRAMS)) {
    const expected = cpython(source);
    for (let run = 1; run <= runs; run++) {
      if (await app.button('Reset').isEnabled()) await app.button('Reset').click();
      await app.setCode(source);
      await startRecording(page);
      const t0 = Date.now();
      await app.button('Run').click();
      const state = () => page.locator('.ctl-progress .ctl-state').textContent();
      await waitUntil(async () => (await state()).trim() === 'Finished', `${name} to finish`, 600_000);
      const took = (Date.now() - t0) / 1000;
      const s = await stopRecording(page);
      const lines = await app.outputLines();
      if (JSON.stringify(lines) !== JSON.stringify(expected.lines)) {
        throw new Error(`${name} printed ${JSON.stringify(lines)}; CPython ${JSON.stringify(expected.lines)}`);
      }
      const progress = (await page.locator('.ctl-progress').innerText()).replace(/\s+/g, ' ').trim();
      const lanes = await page.locator('.tl-grid').getAttribute('aria-rowcount');
      report.push(`${name}, run ${run}: Run to Finished in ${took.toFixed(2)} s (${progress}; ${lanes} lanes)`);
      report.push(summary('  while it ran', s));
      worst = Math.max(worst, s.max);
    }
    report.push(`  CPython: ${expected.best.toFixed(2)} s wall, best of ${runs}`);
    await app.screenshot(`proc-bench-${name.replace(/\W+/g, '-')}`);
  }
  await page.context().close();
} finally {
  await browser.close();
  await server.close();
}
report.push(`longest frame: ${worst.toFixed(1)} ms`);
console.log(report.join('\n'));
