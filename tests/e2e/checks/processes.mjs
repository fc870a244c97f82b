// Processes on the timeline: a header row per process that folds it, a GIL lane per process, a row per core, and
// arrows for the messages between processes.

import { assertEqual } from '../harness.mjs';
import { audit } from './accessibility.mjs';
import { laneNames, waitForRunEnd } from './examples.mjs';

// Four CPU-bound processes on the default four cores, and a queue from a producer process to a consumer one.
const PROCESSES = `import multiprocessing


def burn(n):
    total = 0
    for i in range(n):
        total += i
    return total


def consume(q):
    while (item := q.get()) is not None:
        print("got", item)


def produce(q):
    for i in range(3):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    q = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=burn, args=(30_000,)) for _ in range(4)]
    pair = [multiprocessing.Process(target=consume, args=(q,)), multiprocessing.Process(target=produce, args=(q,))]
    for p in workers + pair:
        p.start()
    for p in workers + pair:
        p.join()
    print("done")
`;

export const checks = [
  {
    name: 'a multiprocessing program shows its cores, a group and a GIL per process, and its messages',
    async run(app) {
      await app.setSpeed('instant');
      await app.setCode(PROCESSES);
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'state of the run');
      assertEqual(await app.outputLines(), ['got 0', 'got 1', 'got 2', 'done'], 'Output');
      const grid = app.page.getByRole('grid', { name: 'Tasks over time', exact: true });
      const { names } = await laneNames(app);
      assertEqual(names.slice(0, 4), ['Core 0', 'Core 1', 'Core 2', 'Core 3'], 'the cores first');
      if (!names[4].startsWith('Queue-1: the items waiting in it over time, at most ')) {
        throw new Error(`the queue's backlog after the cores, not ${names[4]}`);
      }
      assertEqual(names.slice(5, 8), ['MainProcess, pid 4242', 'GIL of MainProcess', 'MainThread'],
        'then the main process');
      const headers = names.filter((n) => /^(MainProcess|Process-\d+),/.test(n));
      assertEqual(headers.length, 7, `a header per process in ${JSON.stringify(names)}`);
      assertEqual(names.filter((n) => n.startsWith('GIL of ')).length, 7, 'a GIL lane per process');
      assertEqual(names.indexOf('GIL of Process-6'), names.indexOf('Process-6, pid 4248, exit code 0') + 1,
        "Process-6's GIL under its header");
      if (!headers.slice(1).every((h) => h.endsWith('exit code 0'))) throw new Error(`exit codes: ${headers}`);
      await grid.locator('.tl-scroll').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        el.dispatchEvent(new Event('scroll'));
      });
      const arrows = await grid.locator('.tl-arrows line title').allTextContents();
      assertEqual(arrows.length, 4, `the queue's four messages have arrows: ${JSON.stringify(arrows)}`);
      // A queue's items are sent by the putting process's feeder thread, as in CPython.
      if (!arrows[0].startsWith('Queue-1: 0 sent by QueueFeederThread')) throw new Error(`arrow says ${arrows[0]}`);
      await app.screenshot('processes');
      await grid.locator('.tl-scroll').evaluate((el) => {
        el.scrollTop = 0;
        el.dispatchEvent(new Event('scroll'));
      });
      const onCore = await grid.getByRole('row', { name: 'Core 0', exact: true })
        .locator('.seg[aria-label]').first().getAttribute('aria-label');
      if (!/^Core 0: \S+ \(pid \d+\) runs on it/.test(onCore)) throw new Error(`core 0 says ${onCore}`);
      // Folding a process leaves its header; its GIL and thread lanes go.
      await app.button('Fold Process-1').click();
      const count = async () => Number(await grid.getAttribute('aria-rowcount'));
      assertEqual(await count(), names.length - 2, 'rows after folding Process-1');
      assertEqual(await app.button('Unfold Process-1').getAttribute('aria-expanded'), 'false', 'the button says so');
      await app.screenshot('processes-folded');
      await audit(app, 'with processes on the timeline, one folded');
    },
  },
  {
    name: "a pool's task queue shows the tasks waiting for a worker",
    async run(app) {
      await app.button('Pool.map over a list').click();
      await app.setSpeed('instant');
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'state of the run');
      const { names } = await laneNames(app);
      const row = names.find((n) => n.startsWith('Pool-1 task queue: the items waiting in it over time, at most '));
      if (!row) throw new Error(`no row for the pool's task queue in ${JSON.stringify(names)}`);
      if (!names.some((n) => n.startsWith('Pool-1 result queue: '))) throw new Error('no row for its result queue');
      // Eight one-second tasks on four workers: four wait a second for the second round.
      const grid = app.page.getByRole('grid', { name: 'Tasks over time', exact: true });
      await grid.locator('.tl-scroll').evaluate((el) => {
        el.scrollTop = 0;
        el.dispatchEvent(new Event('scroll'));
      });
      const bars = await grid.getByRole('row', { name: row, exact: true }).locator('.q-bar')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('title'), e.textContent]));
      const round = bars.find(([title]) => /^4 items waiting in Pool-1 task queue, 0\.\d+ s \u2013 1\.\d+ s$/.test(title));
      if (!round) throw new Error(`no bar of four tasks waiting a second: ${JSON.stringify(bars)}`);
      assertEqual(round[1], '4', 'the bar says how many');
      // `with Pool()` ends by terminating its workers: SIGTERM, said so, and not drawn as a failure.
      const worker = names.find((n) => n.startsWith('ForkPoolWorker-1, '));
      if (!worker?.endsWith('exit code -15 (SIGTERM)')) throw new Error(`the worker's header says ${worker}`);
      const failed = await grid.locator('.tl-proc.failed').count();
      assertEqual(failed, 0, 'process headers drawn as failed');
      await app.screenshot('pool-task-queue');
    },
  },
];
