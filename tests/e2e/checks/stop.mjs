// Stop on a program that keeps spawning tasks: the page answers at once, and the next Run works. The old run's
// memory is freed in slices after the page has answered (see `driver::Graveyard`).

import { waitUntil } from '../harness.mjs';
import { runState, waitForRunEnd } from './examples.mjs';

// Every task starts two more and sleeps a little: the number of tasks doubles every millisecond of virtual time
// until the engine's speed bounds it, so a few seconds of it hold hundreds of thousands of tasks.
export const SPAWNING = `import asyncio


async def spawn(depth):
    asyncio.create_task(spawn(depth + 1))
    asyncio.create_task(spawn(depth + 1))
    await asyncio.sleep(0.001)


async def main():
    asyncio.create_task(spawn(0))
    await asyncio.sleep(3600)


asyncio.run(main())
`;

/** Clicks `name` inside the page and resolves with the milliseconds until the run's state reads `state` in a painted frame. */
export async function clickUntilState(app, name, state) {
  return app.page.evaluate(async ([name, state]) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
    const shown = () => document.querySelector('.ctl-progress .ctl-state')?.textContent.trim() === state;
    const t0 = performance.now();
    button.click();
    for (;;) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (shown()) return performance.now() - t0;
      if (performance.now() - t0 > 30_000) return Infinity;
    }
  }, [name, state]);
}

export const checks = [
  {
    name: 'Stop on a spawning program answers within 100 ms, and the next Run works',
    async run(app) {
      await app.setSpeed('instant');
      await app.setCode(SPAWNING);
      await app.button('Run').click();
      await waitUntil(async () => (await runState(app)).trim() === 'Running', 'the run to start');
      await app.page.waitForTimeout(3_000);
      const progress = (await app.page.locator('.ctl-progress').innerText()).replace(/\s+/g, ' ');
      const stopMs = await clickUntilState(app, 'Stop', 'Stopped');
      console.log(`      Stop after 3 s (${progress}): ${stopMs.toFixed(0)} ms to a painted "Stopped"`);
      if (!(stopMs < 100)) throw new Error(`Stop took ${stopMs.toFixed(0)} ms to show (${progress})`);
      await app.setCode('print("again")\n');
      const runMs = await clickUntilState(app, 'Run', 'Finished');
      console.log(`      the next Run: ${runMs.toFixed(0)} ms to a painted "Finished"`);
      if (!(runMs < 1_000)) throw new Error(`the next Run took ${runMs.toFixed(0)} ms to finish`);
      await waitForRunEnd(app);
      const lines = await app.outputLines();
      if (lines.at(-1) !== 'again') throw new Error(`the next run printed ${JSON.stringify(lines)}`);
    },
  },
];
