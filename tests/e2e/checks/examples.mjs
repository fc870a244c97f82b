// Every gallery example: load it, run it at instant speed, and compare the page with what CPython does.
//
// The expected lines and task names come from tests/e2e/expected/examples.json, written by
// `python3 tests/e2e/gen-expected.py` (rerun it whenever an example changes). Each example also leaves a screenshot
// at desktop and phone sizes in target/screenshots/example-<slug>-{desktop,phone}.png.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertEqual, waitUntil } from '../harness.mjs';

const EXPECTED = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../expected/examples.json'), 'utf8'),
);

/** The run's state as the progress line says it ("Ready to run", "Running", "Finished", ...). */
export function runState(app) {
  return app.page.locator('.ctl-progress .ctl-state').textContent();
}

/** Waits until the run is over: its state is final and Stop is disabled again. Returns the state text. */
export async function waitForRunEnd(app, timeoutMs = 20_000) {
  let state = '';
  try {
    return await waitUntil(async () => {
      state = (await runState(app)).trim();
      const over = /^(Finished|Ended with an error|Stopped|Stuck)/.test(state);
      return over && !(await app.button('Stop').isEnabled()) ? state : null;
    }, 'the run to end', timeoutMs);
  } catch (err) {
    err.message += `; its state is ${JSON.stringify(state)}`;
    throw err;
  }
}

/**
 * Every lane's name. The timeline only builds the rows in view, so this scrolls its lane list from top to bottom,
 * collecting the `role="row"` labels, until it has as many as the grid's aria-rowcount says there are.
 */
export async function laneNames(app) {
  const page = app.page;
  const grid = page.getByRole('grid', { name: 'Tasks over time', exact: true });
  const count = Number(await grid.getAttribute('aria-rowcount'));
  const scroller = grid.locator('.tl-scroll');
  const names = new Set();
  const collect = async () => {
    for (const n of await grid.getByRole('row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label')))) {
      names.add(n);
    }
  };
  await collect();
  for (let top = 0; names.size < count && top < 100_000; ) {
    const { next, end } = await scroller.evaluate((el) => {
      const next = el.scrollTop + Math.max(28, el.clientHeight - 28);
      el.scrollTop = next;
      el.dispatchEvent(new Event('scroll'));
      return { next: el.scrollTop, end: el.scrollTop + el.clientHeight >= el.scrollHeight - 1 };
    });
    await page.waitForTimeout(100);
    await collect();
    if (end || next <= top) break;
    top = next;
  }
  await scroller.evaluate((el) => { el.scrollTop = 0; el.dispatchEvent(new Event('scroll')); });
  return { count, names: [...names] };
}

export const checks = EXPECTED.examples.map((example) => ({
  name: `example: ${example.title}`,
  async run(app) {
    await app.button(example.title).click();
    const source = await app.code.inputValue();
    if (!source.includes('asyncio.run(')) throw new Error(`the editor did not load "${example.title}"`);
    if (!(await app.setSpeed('instant'))) throw new Error('no Speed control');
    await app.button('Run').click();
    const state = await waitForRunEnd(app);
    assertEqual(state, 'Finished', 'run state');
    assertEqual(await app.button('Run').isEnabled(), true, 'Run enabled after the run');

    // The log's lines are exactly what was printed; the task tag is drawn by CSS from data-task.
    assertEqual(await app.outputLines(), example.stdout, 'Output lines');

    const { count, names } = await laneNames(app);
    assertEqual(names.length, count, `lanes found by scrolling (${JSON.stringify(names)}) vs aria-rowcount`);
    // Module-level code runs in "main"; CPython numbers the tasks (asyncio.run's clean-up ones too) Task-1, ...
    for (const name of ['main', ...example.tasks]) {
      if (!names.includes(name)) {
        throw new Error(`no timeline lane named ${JSON.stringify(name)}; the lanes are ${JSON.stringify(names)}`);
      }
    }
    for (const name of names) {
      if (name !== 'main' && !example.all_tasks.includes(name)) {
        throw new Error(`lane ${JSON.stringify(name)} is no task CPython creates (${JSON.stringify(example.all_tasks)})`);
      }
    }

    await app.screenshot(`example-${example.slug}-desktop`);
    await app.page.setViewportSize({ width: 390, height: 844 });
    await app.page.waitForTimeout(200);
    await app.screenshot(`example-${example.slug}-phone`);
    await app.page.setViewportSize({ width: 1280, height: 800 });
  },
}));
