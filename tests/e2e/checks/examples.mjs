// Every gallery example: load it, run it at instant speed, and compare the page with what CPython does.
//
// The list of examples comes from the app's source (src/examples.rs and src/examples/*.py); the expected lines and
// task names come from tests/e2e/expected/examples.json, written by `python3 tests/e2e/gen-expected.py` (rerun it
// whenever an example changes), so an example that CPython's file does not cover fails. Each example also leaves
// a screenshot at desktop and phone sizes in target/screenshots/example-<slug>-{desktop,phone}.png.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assertEqual, waitUntil } from '../harness.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXPECTED = JSON.parse(readFileSync(resolve(ROOT, 'tests/e2e/expected/examples.json'), 'utf8'));

/** The gallery as the app defines it: each example's title and program, in order (as gen-expected.py reads it). */
export function appExamples() {
  const text = readFileSync(resolve(ROOT, 'src/examples.rs'), 'utf8');
  const found = [...text.matchAll(/title:\s*"((?:[^"\\]|\\.)*)".*?include_str!\("examples\/([^"]+)"\)/gs)];
  if (found.length === 0) throw new Error('no examples found in src/examples.rs');
  return found.map(([, title, file]) => ({
    title: JSON.parse(`"${title}"`),
    slug: file.replace(/\.py$/, ''),
    source: readFileSync(resolve(ROOT, 'src/examples', file), 'utf8'),
  }));
}

/** What to expect from one of the app's examples, or an error that says why there is nothing to compare with. */
function expectationOf(example) {
  const expected = EXPECTED.examples.find((e) => e.slug === example.slug);
  const rerun = 'rerun `python3 tests/e2e/gen-expected.py`';
  if (!expected) throw new Error(`example ${example.slug} has no CPython expectation in examples.json; ${rerun}`);
  if (expected.title !== example.title || expected.source !== example.source) {
    throw new Error(`examples.json holds another title or program for ${example.slug}; ${rerun}`);
  }
  return expected;
}

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

/** Fails when two axis labels overlap or a label reaches outside the axis track. */
async function assertAxisLabelsFit(app) {
  const boxes = await app.page.locator('.tl-axis-track').evaluate((track) => {
    const t = track.getBoundingClientRect();
    return {
      track: { left: t.left, right: t.right },
      labels: [...track.querySelectorAll('.tl-tick')].map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent, left: r.left, right: r.right };
      }),
    };
  });
  if (boxes.labels.length < 2) throw new Error(`only ${boxes.labels.length} axis labels`);
  for (const l of boxes.labels) {
    if (l.left < boxes.track.left - 0.5 || l.right > boxes.track.right + 0.5) {
      throw new Error(`axis label ${l.text} (${l.left}..${l.right}) sticks out of the track ${JSON.stringify(boxes.track)}`);
    }
  }
  const sorted = [...boxes.labels].sort((a, b) => a.left - b.left);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].left < sorted[i - 1].right + 4) {
      throw new Error(`axis labels ${sorted[i - 1].text} and ${sorted[i].text} overlap or touch`);
    }
  }
}

/** Some text that no example holds, so that loading any example (the default one too) must change the editor. */
const PLACEHOLDER = 'print("not an example")\n';

const APP_EXAMPLES = appExamples();

export const checks = [
  {
    name: 'examples.json covers exactly the gallery',
    async run(app) {
      const gallery = app.page.getByRole('navigation', { name: 'Examples', exact: true });
      const buttons = await gallery.getByRole('button').allTextContents();
      assertEqual(buttons.map((b) => b.trim()), APP_EXAMPLES.map((e) => e.title), 'gallery buttons vs src/examples.rs');
      assertEqual(EXPECTED.examples.map((e) => e.slug), APP_EXAMPLES.map((e) => e.slug), 'examples.json vs the app');
    },
  },
  ...APP_EXAMPLES.map(exampleCheck),
];

function exampleCheck(appExample) {
  return {
    name: `example: ${appExample.title}`,
    async run(app) {
      const example = expectationOf(appExample);
      await app.setCode(PLACEHOLDER);
      assertEqual(await app.code.inputValue(), PLACEHOLDER, 'the editor before loading an example');
      await app.button(example.title).click();
      const source = await app.code.inputValue();
      if (source !== example.source) throw new Error(`the editor did not load "${example.title}"`);
      if (!(await app.setSpeed('instant'))) throw new Error('no Speed control');
      await app.button('Run').click();
      const state = await waitForRunEnd(app);
      assertEqual(state, 'Finished', 'run state');
      assertEqual(await app.button('Run').isEnabled(), true, 'Run enabled after the run');

      // The log's lines are exactly what was printed, on stdout and on stderr (a warning); the task tag is drawn
      // by CSS from data-task.
      const printed = (stream) => app.output.locator(`:scope > ${stream === 'stderr' ? '.out-stderr' : ':not(.out-stderr)'}`)
        .allTextContents();
      assertEqual(await printed('stdout'), example.stdout, 'Output lines');
      assertEqual(await printed('stderr'), example.stderr, 'Output lines on stderr');

      const { count, names } = await laneNames(app);
      assertEqual(names.length, count, `lanes found by scrolling (${JSON.stringify(names)}) vs aria-rowcount`);
      // Module-level code runs in "main"; CPython numbers the tasks (asyncio.run's clean-up ones too) Task-1, ...
      // and names the threads Thread-1 (worker), ThreadPoolExecutor-0_0, asyncio_0...
      // The main thread's lane takes threading's name for it once the program imports threading.
      const mainName = names.includes('MainThread') ? 'MainThread' : 'main';
      for (const name of [mainName, ...example.tasks]) {
        if (!names.includes(name)) {
          throw new Error(`no timeline lane named ${JSON.stringify(name)}; the lanes are ${JSON.stringify(names)}`);
        }
      }
      // Rows that are no task: a core's, a process's GIL, a process's header ("Process-1, pid 4243, ...").
      // And the queue feeder threads of child processes, which CPython starts there, out of the parent's sight;
      // and a row per queue with what waited in it.
      const machine = (name) => /^Core \d+$/.test(name) || name.startsWith('GIL of ') || /, pid \d+/.test(name)
        || name === 'QueueFeederThread' || /: the items waiting in it over time, at most /.test(name);
      for (const name of names) {
        if (name !== mainName && name !== 'GIL' && !machine(name) && !example.all_tasks.includes(name)) {
          throw new Error(`lane ${JSON.stringify(name)} is no task CPython creates (${JSON.stringify(example.all_tasks)})`);
        }
      }

      // The main lane shows the module's own time: it runs, then waits inside asyncio.run while the loop runs.
      const mainLane = app.page.getByRole('row', { name: mainName, exact: true });
      const mainSegments = await mainLane.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
      if (example.source.includes('asyncio.run(') && !mainSegments.some((l) => l.startsWith(`${mainName}: in asyncio.run`))) {
        throw new Error(`the main lane shows no wait for the loop: ${JSON.stringify(mainSegments)}`);
      }
      // Threads that take turns on the GIL show it: a lane waits for the GIL, and the GIL lane shows who holds it.
      // With processes, each has its own GIL lane: the main process's is the one to look at.
      if (/threading|concurrent\.futures|to_thread/.test(example.source)) {
        const gilName = names.includes('GIL of MainProcess') ? 'GIL of MainProcess' : 'GIL';
        const gil = app.page.getByRole('row', { name: gilName, exact: true });
        if ((await gil.count()) !== 1) throw new Error('no GIL lane for a program with threads');
        const turns = await gil.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        if (!turns.every((l) => l.startsWith(`${gilName}: held by `) || l.startsWith(`${gilName}: free, every thread waits`))) {
          throw new Error(`a GIL segment says neither who holds it nor that it is free: ${JSON.stringify(turns.slice(0, 5))}`);
        }
        // Where threads compute, their turns are long enough to see, and end when the switch interval runs out.
        if (['gil_cpu_vs_io', 'thread_race'].includes(example.slug)
            && !turns.some((l) => /^GIL: held by .+; let go: its switch interval ran out/.test(l))) {
          throw new Error(`no turn on the GIL ends with its switch interval: ${JSON.stringify(turns.slice(0, 5))}`);
        }
      }

      // Axis labels never overlap one another, nor stick out of the track.
      await assertAxisLabelsFit(app);

      await app.screenshot(`example-${example.slug}-desktop`);
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.page.waitForTimeout(200);
      await assertAxisLabelsFit(app);
      await app.screenshot(`example-${example.slug}-phone`);
      await app.page.setViewportSize({ width: 1280, height: 800 });
    },
  };
}

