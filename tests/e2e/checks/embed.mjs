// Embeds in a tutorial page of another origin: two <pre data-interleave> blocks turned into iframes by embed.js
// and one iframe written by hand, driven by postMessage. Their `finished` messages carry CPython's stdout; they
// report their height; messages from a window other than the parent, or from an origin the embed was not given,
// are ignored; code and output holding markup stay text. Screenshots of the page at desktop and phone width.

import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { assertEqual, waitUntil } from '../harness.mjs';
import { appExamples } from './examples.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXPECTED = JSON.parse(readFileSync(resolve(ROOT, 'tests/e2e/expected/examples.json'), 'utf8'));

/**
 * Serves `html` as the tutorial page from another origin: another port on loopback (Chromium keeps a page of a
 * public origin from framing loopback pages). Returns its URL and a way to close it.
 */
async function hostServer(appUrl, first, second) {
  let html = '';
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  html = hostPage(appUrl, origin, first, second);
  return { url: `${origin}/tutorial.html`, close: () => server.close() };
}

function example(slug) {
  const ex = appExamples().find((e) => e.slug === slug);
  const expected = EXPECTED.examples.find((e) => e.slug === slug);
  if (!ex || !expected || expected.source !== ex.source) throw new Error(`no CPython expectation for ${slug}`);
  return { ...ex, stdout: expected.stdout.map((l) => l + '\n').join('') };
}

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function hostPage(appUrl, host, first, second) {
  const params = (o) => new URLSearchParams(o).toString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A tutorial on asyncio</title>
<script>
  window.messages = [];
  addEventListener('message', (e) => {
    if (e.data && typeof e.data.type === 'string') window.messages.push({ origin: e.origin, data: e.data });
  });
</script>
<style>
  body { font: 17px/1.5 Georgia, serif; max-width: 58rem; margin: 1.5rem auto; padding: 0 1rem; }
  iframe { display: block; width: 100%; border: 1px solid #ccc; }
</style>
</head>
<body>
<h1>Tasks take turns</h1>
<p>Two coroutines under <code>gather</code>: press Run and watch them take turns.</p>
<pre data-interleave id="first" data-speed="instant" data-panels="editor,controls,timeline,output">
${escapeHtml(first.source)}</pre>
<p>Answers come back in the order they were asked (read-only):</p>
<pre data-interleave data-id="second" data-speed="instant" data-readonly data-theme="dark"
     data-panels="editor,controls,output">${escapeHtml(second.source)}</pre>
<p>An iframe written by hand, showing a gallery example:</p>
<iframe id="hand" title="Event example"
        src="${appUrl}index.html?${params({ embed: 1, id: 'hand', speed: 'instant', example: 'event', origin: host, panels: 'controls,output' })}"
        style="height: 260px"></iframe>
<p>An embed that obeys another origin only:</p>
<iframe id="strict" title="Strict"
        src="${appUrl}index.html?${params({ embed: 1, id: 'strict', origin: 'http://127.0.0.1:7', panels: 'controls,output' })}"
        style="height: 200px"></iframe>
<script src="${appUrl}embed.js"></script>
</body>
</html>`;
}

/** The messages the host page received, of `type` from the embed `id`. */
function received(page, type, id) {
  return page.evaluate(([type, id]) => window.messages.filter((m) => m.data.type === type && m.data.id === id)
    .map((m) => ({ origin: m.origin, ...m.data })), [type, id]);
}

/** Posts `message` from the host page to the embed whose iframe has `id` or `data-interleave-id`. */
function send(page, id, message) {
  return page.evaluate(([id, message]) => {
    const frame = document.getElementById(id) ?? document.querySelector(`iframe[data-interleave-id="${id}"]`);
    frame.contentWindow.postMessage(message, '*');
  }, [id, message]);
}

/** Waits for the embed `id`'s `finished` message (the `n`th) and returns it. */
async function finished(page, id, n = 1) {
  return waitUntil(async () => (await received(page, 'interleave:finished', id))[n - 1], `${id} to finish`, 20_000);
}

/** Opens the tutorial page, served from another origin, on `app`'s page and runs `body(page, appUrl)`. */
async function withTutorial(app, first, second, body) {
  const appUrl = app.page.url().replace(/[^/]*$/, '');
  const host = await hostServer(appUrl, first, second);
  try {
    await app.page.goto(host.url, { waitUntil: 'load' });
    await body(app.page, appUrl);
  } finally {
    host.close();
  }
}

export const checks = [
  {
    name: 'embed: a tutorial page with embed.js blocks and a hand-written iframe, driven by postMessage',
    async run(app) {
      const [first, second, event] = [example('hello'), example('gather'), example('event')];
      await withTutorial(app, first, second, async (page, appUrl) => {
      for (const id of ['first', 'second', 'hand']) {
        await waitUntil(async () => (await received(page, 'interleave:ready', id)).length, `${id} to be ready`, 20_000);
      }
      assertEqual(await page.locator('pre[data-interleave]').count(), 0, 'blocks left unconverted');

      // A window other than the parent (another embed) tries to load code into the hand-written one: ignored.
      const frames = page.frames().filter((f) => f.url().includes('embed=1'));
      const sibling = frames.find((f) => f.url().includes('id=first'));
      await sibling.evaluate(() => window.parent.frames[2].postMessage(
        { type: 'interleave:load', code: 'print("hijacked")\n' }, '*'));
      await page.waitForTimeout(300);

      for (const id of ['first', 'second', 'hand']) await send(page, id, { type: 'interleave:run' });
      for (const [id, ex] of [['first', first], ['second', second], ['hand', event]]) {
        const done = await finished(page, id);
        assertEqual([done.exitStatus, done.stdout, done.stderr], [0, ex.stdout, ''], `${id}'s finished message`);
        assertEqual(done.origin, new URL(appUrl).origin, `${id}'s origin`);
        const output = (await received(page, 'interleave:output', id)).filter((m) => m.stream === 'stdout');
        assertEqual(output.map((m) => m.text).join(''), ex.stdout, `${id}'s output messages`);
        const statuses = (await received(page, 'interleave:status', id)).map((m) => m.status);
        if (!statuses.includes('running') || statuses.at(-1) !== 'finished') {
          throw new Error(`${id}'s statuses: ${JSON.stringify(statuses)}`);
        }
      }

      // Height reports: embed.js sizes its iframes to them.
      for (const id of ['first', 'second']) {
        const sizes = await received(page, 'interleave:resize', id);
        const last = sizes.at(-1)?.height;
        if (!(last > 150)) throw new Error(`${id}'s resize messages: ${JSON.stringify(sizes)}`);
        await waitUntil(async () => {
          const height = await page.locator(`iframe[data-interleave-id="${id}"]`).evaluate((f) => f.style.height);
          const latest = (await received(page, 'interleave:resize', id)).at(-1).height;
          return height === `${latest + 2}px`;
        }, `${id}'s iframe to take its reported height`);
      }
      await page.locator('#hand').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      const handSizes = await received(page, 'interleave:resize', 'hand');
      if (!handSizes.length) {
        const all = await page.evaluate(() => window.messages.map((m) => JSON.stringify(m.data)).join('\n'));
        throw new Error(`the hand-written iframe reported no height; messages:\n${all}`);
      }

      // The embed that obeys other.test only: the run message is ignored, and it tells this page nothing.
      await send(page, 'strict', { type: 'interleave:run' });
      await page.waitForTimeout(1_500);
      const strict = page.frameLocator('#strict');
      assertEqual((await strict.locator('.ctl-progress .ctl-state').textContent()).trim(), 'Ready to run',
        'the strict embed\'s state');
      assertEqual(await page.evaluate(() => window.messages.filter((m) => m.data.id === 'strict').length), 0,
        'messages from the strict embed');

      await settle(page);
      await page.screenshot({ path: await screenshotPath('embed-host-desktop'), fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await settle(page);
      await page.screenshot({ path: await screenshotPath('embed-host-phone'), fullPage: true });
      // Chromium may leave a frame out of view unpainted in a full-page picture: each embed alone too.
      const iframes = await page.locator('iframe').all();
      for (const [i, frame] of iframes.entries()) {
        await frame.scrollIntoViewIfNeeded();
        await page.waitForTimeout(400);
        await frame.screenshot({ path: await screenshotPath(`embed-host-phone-${i + 1}`) });
      }
      await page.setViewportSize({ width: 1280, height: 800 });
      });
    },
  },
  {
    name: 'embed: hostile messages: markup in code and output stays text, junk is ignored',
    async run(app) {
      await withTutorial(app, example('hello'), example('gather'), async (page) => {
      await waitUntil(async () => (await received(page, 'interleave:ready', 'second')).length, 'second to be ready');
      const junk = [null, 'interleave:run', 42, [], { type: 'interleave:load', code: 42 },
        { type: 'interleave:speed', speed: 'warp' }, { type: 'interleave:nope' }, { type: { toString: 1 } }];
      for (const message of junk) await send(page, 'second', message);
      const code = `# <script>parent.pwned = 1</script>
print('<img src=x onerror="window.pwned=1">')
print("<a href='javascript:window.pwned=1'>click</a> \u202e 😀")
`;
      await send(page, 'second', { type: 'interleave:load', code });
      await send(page, 'second', { type: 'interleave:speed', speed: 'instant' });
      await send(page, 'second', { type: 'interleave:run' });
      const done = await finished(page, 'second');
      assertEqual(done.stdout, '<img src=x onerror="window.pwned=1">\n' +
        "<a href='javascript:window.pwned=1'>click</a> \u202e 😀\n", 'stdout');
      const frame = page.frameLocator('iframe[data-interleave-id="second"]');
      assertEqual(await frame.getByRole('textbox', { name: 'Code', exact: true }).inputValue(), code, 'editor');
      assertEqual(await frame.locator('body img, body script, main a, .out-log a').count(), 0, 'markup elements');
      const lines = await frame.getByRole('log', { name: 'Output', exact: true }).locator(':scope > *')
        .allTextContents();
      assertEqual(lines[0], '<img src=x onerror="window.pwned=1">', 'first output line');
      const embedded = page.frames().find((f) => f.url().includes('id=second'));
      assertEqual(await embedded.evaluate(() => window.pwned), undefined, 'pwned in the embed');
      assertEqual(await page.evaluate(() => window.pwned), undefined, 'pwned in the host');
      // "Open in Interleave" opens the full page with the embed's code, not in embed mode.
      const [full] = await Promise.all([
        page.context().waitForEvent('page'),
        frame.getByRole('link', { name: 'Open in Interleave', exact: true }).click(),
      ]);
      const fullCode = full.getByRole('textbox', { name: 'Code', exact: true });
      await fullCode.waitFor({ timeout: 10_000 });
      assertEqual(await fullCode.inputValue(), code, 'the full page\'s code');
      assertEqual(await full.getByRole('button', { name: 'Share', exact: true }).count(), 1, 'the full page\'s Share');
      await full.close();
      // Step, pause, stop and reset answer with their statuses.
      await send(page, 'second', { type: 'interleave:reset' });
      await waitUntil(async () => (await received(page, 'interleave:status', 'second')).at(-1)?.status === 'idle',
        'idle after reset');
      await send(page, 'second', { type: 'interleave:load', code: example('hello').source });
      await send(page, 'second', { type: 'interleave:step' });
      await waitUntil(async () => (await received(page, 'interleave:status', 'second')).at(-1)?.status === 'paused',
        'paused after a step');
      });
    },
  },
  {
    name: 'embed: the authors\' page, linked from the app, shows live embeds',
    async run(app) {
      const page = app.page;
      await page.getByRole('link', { name: 'Embed in your tutorial', exact: true }).click();
      await page.waitForURL(/authors\.html$/);
      await waitUntil(async () => (await page.locator('iframe.interleave-embed').count()) === 2, 'two embeds');
      const first = page.frameLocator('iframe.interleave-embed').first();
      await first.getByRole('textbox', { name: 'Code', exact: true }).waitFor({ timeout: 15_000 });
      if (!(await first.getByRole('textbox', { name: 'Code', exact: true }).inputValue()).includes('greet("ada"')) {
        throw new Error('the first embed does not hold its block\'s code');
      }
      await first.getByRole('button', { name: 'Run', exact: true }).click();
      const log = first.getByRole('log', { name: 'Output', exact: true });
      await waitUntil(async () => (await log.locator(':scope > *').count()) === 4, 'the embed\'s output', 15_000);
      await settle(page);
      await page.screenshot({ path: await screenshotPath('authors-desktop'), fullPage: true });
    },
  },
];

/** Scrolls every embed into view once (Chromium paints a cross-origin frame only once it has been in view). */
async function settle(page) {
  for (const frame of await page.locator('iframe').all()) {
    await frame.scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
}

async function screenshotPath(name) {
  const { mkdir } = await import('node:fs/promises');
  const dir = resolve(ROOT, 'target/screenshots');
  await mkdir(dir, { recursive: true });
  return resolve(dir, `${name}.png`);
}
