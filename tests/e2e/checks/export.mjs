// Runs as files: Download run saves a versioned JSON run file, Open run shows the same run again (code, output,
// lanes), hostile files give a clear message and leave the page working; the timeline downloads as a valid SVG
// and PNG.

import { readFile } from 'node:fs/promises';
import { assertEqual, waitUntil } from '../harness.mjs';
import { laneNames, runState, waitForRunEnd } from './examples.mjs';

const PROGRAM = `import asyncio
import threading
import time


def blocking(name):
    time.sleep(0.2)
    print("thread", name, "<b>done</b>")


async def worker(name, delay):
    await asyncio.sleep(delay)
    print("task", name)
    return name


async def main():
    t = threading.Thread(target=blocking, args=("t1",))
    t.start()
    results = await asyncio.gather(worker("a", 0.1), worker("b", 0.3))
    print(results)
    await asyncio.to_thread(t.join)


asyncio.run(main())
`;

/** Clicks the button called `name` and returns the download it starts. */
async function download(app, name) {
  const [file] = await Promise.all([app.page.waitForEvent('download'), app.button(name).click()]);
  return file;
}

/** The notice the page shows, or null. */
async function notice(page) {
  const alert = page.locator('.notice[role="alert"]');
  return (await alert.count()) ? alert.textContent() : null;
}

/** Runs `code` at "instant" to its end. */
async function runToEnd(app, code) {
  await app.setCode(code);
  await app.setSpeed('instant');
  await app.button('Run').click();
  return waitForRunEnd(app);
}

export const checks = [
  {
    name: 'export: Download run saves the run, Open run shows the same code, output and lanes again',
    async run(app) {
      const state = await runToEnd(app, PROGRAM);
      const output = await app.outputLines();
      const lanes = await laneNames(app);
      if (output.length !== 4) throw new Error(`output: ${JSON.stringify(output)}`);
      const file = await download(app, 'Download run');
      assertEqual(file.suggestedFilename(), 'interleave-run.json', 'file name');
      const text = await readFile(await file.path(), 'utf8');
      const run = JSON.parse(text);
      assertEqual([run.format, run.version, run.code, run.exitStatus], ['interleave-run', 1, PROGRAM, 0], 'header');
      if (!run.events.length || typeof run.events[0].kind !== 'object') throw new Error('events');
      if (!run.events.some((e) => e.kind.type === 'Print')) throw new Error('no Print event');
      if (!run.tasks.some((t) => t.thread)) throw new Error('no thread lane');

      // Somewhere else in the page's life: other code, no run.
      await app.setCode('print("something else")\n');
      await app.button('Reset').click();
      await app.page.getByLabel('Open run', { exact: true }).setInputFiles(await file.path());
      await waitUntil(async () => (await app.code.inputValue()) === PROGRAM, 'the run file\'s code in the editor');
      await waitUntil(async () => (await runState(app)).trim() === state, `the state ${state}`);
      assertEqual(await notice(app.page), null, 'notice');
      assertEqual(await app.outputLines(), output, 'Output after Open run');
      assertEqual(await laneNames(app), lanes, 'lanes after Open run');
      const again = await download(app, 'Download run');
      assertEqual(await readFile(await again.path(), 'utf8'), text, 'the same run saved again');
    },
  },
  {
    name: 'export: a run saved while paused opens paused at the same event',
    async run(app) {
      await app.setCode(PROGRAM);
      for (let i = 0; i < 6; i++) {
        await app.button('Step').click();
        await waitUntil(async () => /Paused/.test(await runState(app)), 'a paused run');
      }
      const file = await download(app, 'Download run');
      const run = JSON.parse(await readFile(await file.path(), 'utf8'));
      assertEqual(run.exitStatus, null, 'exitStatus of a paused run');
      await app.button('Reset').click();
      await app.page.getByLabel('Open run', { exact: true }).setInputFiles(await file.path());
      await waitUntil(async () => /Paused/.test(await runState(app)), 'the opened run paused');
      assertEqual(await notice(app.page), null, 'notice');
      // Saved again, it begins with the same events (the page may stop a replay a few events past the point).
      const again = JSON.parse(await readFile(await (await download(app, 'Download run')).path(), 'utf8'));
      assertEqual(again.events.slice(0, run.events.length), run.events, 'events of the reopened run');
    },
  },
  {
    name: 'export: hostile run files give a clear message and leave the page working',
    async run(app) {
      const mine = 'print("my own work")\n';
      await app.setCode(mine);
      const good = {
        format: 'interleave-run', version: 1, code: '<img src=x onerror="window.pwned=1">',
        tasks: [{ name: 'main', coro: '<module>', parent: 0, line: 0, internal: false, thread: false }],
        texts: [], events: [],
      };
      const hostile = {
        empty: ['', /not valid JSON/],
        garbage: ['<script>window.pwned = 1</script>', /not valid JSON: expected an object at line 1, column 1/],
        truncated: [JSON.stringify(good).slice(0, 60), /not valid JSON/],
        'deep nesting': ['{"a":['.repeat(100_000), /not valid JSON: nested too deeply/],
        'not a run': [JSON.stringify({ hello: 'world' }), /not an Interleave run/],
        'newer version': [JSON.stringify({ ...good, version: 99 }), /newer Interleave \(version 99\)/],
        'bad index': [JSON.stringify({ ...good, events: [{ at: 0, task: 5, line: 1, kind: { type: 'Resumed' } }] }),
          /events\[0\]\.task is 5, past the end of "tasks"/],
        'unknown event': [JSON.stringify({ ...good, events: [{ at: 0, task: 0, line: 1, kind: { type: '<b>x</b>' } }] }),
          /events\[0\]\.kind\.type is "<b>x<\/b>", which this version does not know/],
        'huge number': [JSON.stringify(good).replace('"events":[]', '"events":[{"at":1e999,"task":0,"line":1,"kind":{"type":"Resumed"}}]'),
          /events\[0\]\.at is a number, not a whole number/],
        binary: [Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x89, 0x50]), /not valid JSON|could not be read/],
      };
      const input = app.page.getByLabel('Open run', { exact: true });
      for (const [what, [content, expected]] of Object.entries(hostile)) {
        await input.setInputFiles({ name: `${what}.json`, mimeType: 'application/json', buffer: Buffer.from(content) });
        const text = await waitUntil(() => notice(app.page), `a notice for the ${what} file`);
        if (!expected.test(text)) throw new Error(`${what} file: notice ${JSON.stringify(text)}`);
        assertEqual(await app.code.inputValue(), mine, `code after the ${what} file`);
        await app.page.locator('.notice').getByRole('button', { name: 'Dismiss' }).click();
      }
      assertEqual(await app.page.locator('body img, body script:not([src])').count(), 0, 'markup elements');
      assertEqual(await app.page.evaluate(() => window.pwned), undefined, 'window.pwned');
      // A valid file whose code holds markup: shown as text in the editor, never run as markup.
      await input.setInputFiles({ name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
      await waitUntil(async () => (await app.code.inputValue()) === good.code, 'the file\'s code');
      assertEqual(await app.page.evaluate(() => window.pwned), undefined, 'window.pwned');
      // And the page still runs programs.
      await runToEnd(app, mine);
      assertEqual(await app.outputLines(), ['my own work'], 'Output after the hostile files');
    },
  },
  {
    name: 'export: the timeline downloads as a valid SVG and PNG',
    async run(app) {
      for (const name of ['Download run', 'Download SVG', 'Download PNG']) {
        if (await app.button(name).isEnabled()) throw new Error(`${name} is enabled with no run`);
      }
      await runToEnd(app, PROGRAM);
      const svgFile = await download(app, 'Download SVG');
      assertEqual(svgFile.suggestedFilename(), 'interleave-timeline.svg', 'SVG file name');
      const svg = await readFile(await svgFile.path(), 'utf8');
      const parsed = await app.page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          bars: doc.querySelectorAll('rect').length,
          names: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        };
      }, svg);
      assertEqual([parsed.error, parsed.root], [null, 'svg'], 'SVG parses');
      if (parsed.bars < 5 || !parsed.names.includes('Task-1')) throw new Error(`SVG content: ${JSON.stringify(parsed)}`);
      const pngFile = await download(app, 'Download PNG');
      assertEqual(pngFile.suggestedFilename(), 'interleave-timeline.png', 'PNG file name');
      const png = await readFile(await pngFile.path());
      assertEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
      assertEqual(png.toString('latin1', 12, 16), 'IHDR', 'PNG header chunk');
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      if (width !== 1920 || height < 100) throw new Error(`PNG size ${width}x${height}`);
      // The buttons in the header at phone width, to look at.
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.screenshot('export-buttons-phone');
      await app.page.setViewportSize({ width: 1280, height: 800 });
    },
  },
];
