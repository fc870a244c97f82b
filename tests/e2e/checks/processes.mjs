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
      assertEqual(names.slice(0, 7),
        ['Core 0', 'Core 1', 'Core 2', 'Core 3', 'MainProcess, pid 4242', 'GIL of MainProcess', 'MainThread'],
        'the cores, then the main process');
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
];
