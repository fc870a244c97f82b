// The foundation check: the release bundle loads under a sub-path and runs the smallest asyncio program.

import { assertEqual } from '../harness.mjs';

const HELLO_WORLD = `import asyncio

async def main():
    print("hello")
    await asyncio.sleep(1)
    print("world")

asyncio.run(main())
`;

export const checks = [
  {
    name: 'runs hello world',
    async run(app) {
      await app.setSpeed('instant');
      await app.setCode(HELLO_WORLD);
      await app.button('Run').click();
      const lines = await app.waitForOutput(2);
      assertEqual(lines, ['hello', 'world'], 'Output lines');
    },
  },
];
