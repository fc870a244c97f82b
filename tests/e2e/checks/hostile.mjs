// Programs that grow their memory without end, or nest without end: in the page they end in a MemoryError (or keep running under the
// budget until stopped), never in a dead tab, and the next run works.

import { assertEqual } from '../harness.mjs';
import { waitForRunEnd } from './examples.mjs';

const DOUBLING = `s = "x"
n = 0
try:
    while True:
        s = f"{s}{s}"
        n += 1
except MemoryError:
    print("MemoryError after", n, "doublings" if n > 20 else "too few doublings")
`;

// Ten thousand strings of 100 kB pass the page's budget of 1 GiB: the program gets MemoryError, uncaught.
const APPENDING = `items = []
while True:
    items.append(" " * 100_000)
`;

// Generators delegating to ever deeper generators: a RecursionError, not a blown wasm stack.
const GENERATORS = `def gen(n):
    yield from gen(n + 1)
    yield n


print(next(gen(0)))
`;

// Three hundred thousand exceptions, each the cause of the next, dropped at once: freed without deep recursion.
const CHAIN = `e = None
for i in range(300_000):
    try:
        raise ValueError(i) from e
    except ValueError as x:
        e = x
print("chain of", e.args[0] + 1)
e = None
print("freed")
`;

const HELLO = 'print("still here")\n';

async function runToEnd(app, source, timeoutMs) {
  await app.setCode(source);
  await app.button('Run').click();
  return waitForRunEnd(app, timeoutMs);
}

export const checks = [
  {
    name: 'a program that doubles a string gets a MemoryError it can catch',
    async run(app) {
      await app.setSpeed('instant');
      assertEqual(await runToEnd(app, DOUBLING, 30_000), 'Finished', 'state after doubling');
      const lines = await app.outputLines();
      if (!/^MemoryError after \d+ doublings$/.test(lines.at(-1) ?? '')) {
        throw new Error(`Output: ${JSON.stringify(lines)}`);
      }
      assertEqual(await runToEnd(app, HELLO, 10_000), 'Finished', 'state of the next run');
      assertEqual(await app.outputLines(), ['still here'], 'Output of the next run');
    },
  },
  {
    name: 'a program that fills the memory budget ends in MemoryError and the page lives on',
    async run(app) {
      await app.setSpeed('instant');
      const state = await runToEnd(app, APPENDING, 60_000);
      if (!state.startsWith('Ended with an error')) throw new Error(`run state: ${JSON.stringify(state)}`);
      assertEqual((await app.outputLines()).at(-1), 'MemoryError', 'last Output line');
      assertEqual(await runToEnd(app, HELLO, 10_000), 'Finished', 'state of the next run');
      assertEqual(await app.outputLines(), ['still here'], 'Output of the next run');
    },
  },
  {
    name: 'deep generators and a long exception chain end cleanly',
    async run(app) {
      await app.setSpeed('instant');
      const state = await runToEnd(app, GENERATORS, 30_000);
      if (!state.startsWith('Ended with an error')) throw new Error(`run state: ${JSON.stringify(state)}`);
      assertEqual((await app.outputLines()).at(-1), 'RecursionError: maximum recursion depth exceeded', 'last line');
      assertEqual(await runToEnd(app, CHAIN, 60_000), 'Finished', 'state after the chain');
      assertEqual(await app.outputLines(), ['chain of 300000', 'freed'], 'Output of the chain');
      assertEqual(await runToEnd(app, HELLO, 10_000), 'Finished', 'state of the next run');
    },
  },
];
