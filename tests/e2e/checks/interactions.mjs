// Interactions beyond a plain run: a syntax error, stopping an endless loop, stepping through two tasks, and
// where threads switch.

import { assertEqual, waitUntil } from '../harness.mjs';
import { runState, waitForRunEnd } from './examples.mjs';

const TWO_TASKS = `import asyncio


async def w(n):
    print(n)
    await asyncio.sleep(0)
    print(n)


async def main():
    await asyncio.gather(w("a"), w("b"))


asyncio.run(main())
`;

// Four threads add to a counter in place: CPython 3.11 switches only where no update can be lost; 3.9 anywhere.
const IN_PLACE_RACE = `import sys, threading
sys.setswitchinterval(0.0001)
counter = 0
def work():
    global counter
    for _ in range(20000):
        counter += 1
threads = [threading.Thread(target=work) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(counter)
`;

// A task that computes without awaiting: the events put it on line 10, where it was resumed, but it computes on
// lines 6-7.
const CRUNCH = `import asyncio


async def crunch():
    total = 0
    for i in range(10**9):
        total += i
    print(total)

async def main():
    await asyncio.create_task(crunch())

asyncio.run(main())
`;

/** The editor's running-task marks: the highlighted code lines and the gutter's running dots, by line number. */
async function runningMarks(app) {
  return app.page.locator('.editor').evaluate((editor) => {
    const lineOf = (el) => [...el.parentElement.children].indexOf(el) + 1;
    return {
      code: [...editor.querySelectorAll('.ed-line.running')].map(lineOf),
      dots: [...editor.querySelectorAll('.ed-ln .ed-dot.running')].map((dot) => ({
        line: lineOf(dot.closest('.ed-ln')),
        title: dot.getAttribute('title'),
      })),
    };
  });
}

/** The Event loop panel's ready queue, as the task names it lists (empty when it says "empty"). */
async function readyQueue(app) {
  const queue = app.page.getByRole('list', { name: 'Ready queue', exact: true });
  if ((await queue.count()) === 0) return [];
  return (await queue.getByRole('listitem').allTextContents()).map((t) => t.trim());
}

/** Clicks Step and waits until the run has paused again (or ended), returning the state text. */
async function step(app) {
  const before = await app.page.locator('.ctl-progress').textContent();
  await app.button('Step').click();
  return waitUntil(async () => {
    const state = (await runState(app)).trim();
    const progress = await app.page.locator('.ctl-progress').textContent();
    return progress !== before && /^(Paused|Finished)/.test(state) ? state : null;
  }, 'the step to end');
}

export const checks = [
  {
    name: 'a syntax error is shown and its line marked',
    async run(app) {
      await app.setSpeed('instant');
      await app.setCode('def f(:\n    pass\n');
      await app.button('Run').click();
      const state = await waitForRunEnd(app);
      if (!state.startsWith('Ended with an error')) throw new Error(`run state: ${JSON.stringify(state)}`);
      const alert = app.page.getByRole('alert');
      await alert.filter({ hasText: 'SyntaxError' }).first().waitFor({ timeout: 5_000 });
      assertEqual((await alert.first().textContent()).trim(), 'Line 1: SyntaxError: invalid syntax', 'error alert');
      const lines = await app.outputLines();
      assertEqual(lines.at(-1), 'SyntaxError: invalid syntax', 'last Output line');
      if (!lines.some((l) => l.includes('line 1'))) throw new Error(`no "line 1" in the traceback: ${lines}`);
      // The editor marks line 1, in the gutter and in the code, and no other line.
      const marked = await app.page.locator('.ed-line.error').evaluateAll((els) =>
        els.map((el) => [...el.parentElement.children].indexOf(el) + 1),
      );
      assertEqual(marked, [1], 'code lines marked as the error');
      assertEqual(await app.page.locator('.ed-ln.error .ed-num').allTextContents(), ['1'], 'gutter lines marked');
      await app.page.locator('.ed-line.error .ed-error-note').filter({ hasText: 'SyntaxError' }).waitFor();
    },
  },
  {
    name: 'Stop ends an endless loop and the page still responds',
    async run(app) {
      await app.setCode('while True:\n    pass\n');
      if (!(await app.setSpeed('1x'))) throw new Error('no Speed control');
      await app.button('Run').click();
      await waitUntil(async () => (await runState(app)).trim() === 'Running', 'the run to start', 5_000);
      await app.page.waitForTimeout(500);
      assertEqual((await runState(app)).trim(), 'Running', 'state after 500 ms');
      const clicked = Date.now();
      await app.button('Stop').click({ timeout: 2_000 });
      await waitUntil(async () => (await runState(app)).trim() === 'Stopped' && (await app.button('Run').isEnabled()),
        'the run to stop', 1_500);
      const ms = Date.now() - clicked;
      if (ms > 1_000) throw new Error(`stopping took ${ms} ms`);
      assertEqual(await app.button('Stop').isEnabled(), false, 'Stop enabled after stopping');
      // Still alive: a new program runs to the end.
      await app.setSpeed('instant');
      await app.setCode('import asyncio\n\nasync def main():\n    print("still here")\n\nasyncio.run(main())\n');
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app, 5_000), 'Finished', 'state of the next run');
      assertEqual(await app.outputLines(), ['still here'], 'Output of the next run');
    },
  },
  {
    name: "the running task's editor marker follows it into its loop",
    async run(app) {
      await app.setCode(CRUNCH);
      if (!(await app.setSpeed('1x'))) throw new Error('no Speed control');
      await app.button('Run').click();
      await waitUntil(async () => (await runState(app)).trim() === 'Running', 'the run to start', 5_000);
      await app.page.waitForTimeout(500);
      const marks = await runningMarks(app);
      await app.button('Stop').click();
      if (marks.code.length !== 1 || ![6, 7].includes(marks.code[0])) {
        throw new Error(`the running line is not in crunch's loop (lines 6-7): ${JSON.stringify(marks)}`);
      }
      assertEqual(marks.dots.map((d) => d.line), marks.code, 'gutter lines with a running dot');
      if (!/^Task-2: /.test(marks.dots[0].title)) throw new Error(`the running dot names ${marks.dots[0].title}`);
    },
  },
  {
    name: 'stepping two tasks shows the ready queue',
    async run(app) {
      await app.setCode(TWO_TASKS);
      assertEqual(await step(app), 'Paused', 'state after the first Step');
      // The module ran up to asyncio.run, which made main() a task and handed over to the loop.
      assertEqual(await readyQueue(app), ['Task-1'], 'ready queue after step 1');
      await step(app);
      // gather has wrapped both coroutines in tasks: both wait in the ready queue, in creation order.
      assertEqual(await readyQueue(app), ['Task-2', 'Task-3'], 'ready queue after step 2');
      assertEqual(await app.outputLines(), [], 'Output after step 2');
      await step(app);
      // Task-2 printed, and its sleep(0) put it back at the end of the queue.
      assertEqual(await app.outputLines(), ['a'], 'Output after step 3');
      assertEqual(await readyQueue(app), ['Task-3', 'Task-2'], 'ready queue after step 3');
      let state = '';
      for (let i = 0; i < 30 && state !== 'Finished'; i++) state = await step(app);
      assertEqual(state, 'Finished', 'state after stepping to the end');
      assertEqual(await app.outputLines(), ['a', 'b', 'a', 'b'], 'Output at the end');
      assertEqual(await readyQueue(app), [], 'ready queue at the end');
    },
  },
  {
    name: 'where threads switch is a setting: 3.11 loses no in-place update, 3.9 does',
    async run(app) {
      await app.setSpeed('instant');
      await app.setCode(IN_PLACE_RACE);
      const setting = app.page.getByLabel('Threads switch', { exact: true });
      await setting.selectOption({ label: 'as in Python 3.11' });
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'state of the 3.11 run');
      assertEqual(await app.outputLines(), ['80000'], 'counter at 3.11 switch points');
      await setting.selectOption({ label: 'anywhere (Python 3.9)' });
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'state of the 3.9 run');
      const [count] = await app.outputLines();
      if (!(Number(count) < 80000)) throw new Error(`switching anywhere lost no update: ${count}`);
      await app.screenshot('threads-switch-anywhere');
      await setting.selectOption({ label: 'as in Python 3.11' });
    },
  },
];
