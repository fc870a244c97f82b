// The simulated network in the page: an echo server's sends drawn as arrows from client to server lanes and
// listed in the loop panel, stretched by a slower loopback; a network wait saying how long the host took; the settings (latency, failures with a
// seed) changing a run and travelling in a share link. Audited with axe; screenshots in
// target/screenshots/network-*.png.

import { assertEqual, waitUntil } from '../harness.mjs';
import { audit } from './accessibility.mjs';
import { waitForRunEnd } from './examples.mjs';

const FLAKY = `import requests

ok = failed = 0
for i in range(10):
    try:
        requests.get(f"https://example.com/{i}", timeout=2)
        ok += 1
    except requests.RequestException as e:
        failed += 1
print(f"{ok} ok, {failed} failed")
`;

/** Runs the program in the editor at "instant" to its end. */
async function runToEnd(app) {
  await app.setSpeed('instant');
  await app.button('Run').click();
  assertEqual(await waitForRunEnd(app), 'Finished', 'state of the run');
}

/** The aria-labels of every segment of the lanes on screen. */
function segmentLabels(app) {
  return app.page.getByRole('grid', { name: 'Tasks over time', exact: true }).getByRole('row').getByRole('button')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') || ''));
}

export const checks = [
  {
    name: 'network: an echo server and its clients, with arrows for their sends',
    async run(app) {
      await app.button('Echo server and three clients').click();
      await runToEnd(app);
      const titles = await app.page.locator('.tl-arrows line title').allTextContents();
      // Three lines there and three back.
      assertEqual(titles.length, 6, `arrows: ${JSON.stringify(titles)}`);
      const first = /^127\.0\.0\.1:\d+: b'hello from alice\\n' \(17 bytes\) sent by (Task-\d+) at [\d.]+ s, received by (Task-\d+) at/;
      const m = titles.find((t) => first.test(t))?.match(first);
      if (!m) throw new Error(`no arrow for alice's line: ${JSON.stringify(titles)}`);
      if (m[1] === m[2]) throw new Error(`alice's line goes from ${m[1]} to itself`);
      if (!titles.some((t) => t.includes("b'HELLO FROM ALICE\\n' (17 bytes) sent by " + m[2]))) {
        throw new Error(`no arrow back from the server's task ${m[2]}: ${JSON.stringify(titles)}`);
      }
      // The loop panel lists the server's address with nobody waiting and nothing on its way at the end.
      const net = app.page.getByRole('list', { name: 'Network', exact: true });
      const entries = await net.locator('li').allTextContents();
      if (entries.length !== 1 || !/^127\.0\.0\.1:\d+ idle$/.test(entries[0])) {
        throw new Error(`the loop panel's network: ${JSON.stringify(entries)}`);
      }
      await app.screenshot('network-echo-desktop');
      await audit(app, 'the echo server with its arrows');

      // A loopback of 100 ms one way: every arrow now spans at least that, and the run takes longer.
      const settings = app.page.locator('details.net-settings');
      await settings.locator('summary').click();
      await settings.getByLabel('Loopback (ms)').fill('100');
      await settings.getByLabel('Loopback (ms)').press('Tab');
      await runToEnd(app);
      const slow = await app.page.locator('.tl-arrows line title').allTextContents();
      const spans = slow.map((t) => {
        const m = / at ([\d.]+) s, received by Task-\d+ at ([\d.]+) s$/.exec(t);
        if (!m) throw new Error(`an arrow's title: ${t}`);
        return Number(m[2]) - Number(m[1]);
      });
      if (spans.length !== 6 || spans.some((s) => s < 0.0995)) {
        throw new Error(`arrows over a 100 ms loopback: ${JSON.stringify(slow)}`);
      }
      await app.screenshot('network-echo-slow-loopback-desktop');
    },
  },
  {
    name: 'network: a wait for a host says how long it took, and the panel who waits on it',
    async run(app) {
      await app.button('Timeouts and retries').click();
      await app.setSpeed('instant');
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'state of the run');
      const labels = await segmentLabels(app);
      const waits = labels.filter((l) => /waiting for httpbin\.org \(the network\): [\d.]+ (ms|s),/.test(l));
      if (waits.length < 3) throw new Error(`network waits with their length: ${JSON.stringify(labels)}`);
      // The third attempt waited about three seconds for the host (its delay) plus the trip.
      if (!waits.some((l) => /: 3(\.\d)? s,/.test(l))) throw new Error(`no wait of about 3 s: ${JSON.stringify(waits)}`);
      await app.screenshot('network-retries-desktop');
    },
  },
  {
    name: 'network: the settings fail requests by a seed, and a share link carries them',
    async run(app) {
      await app.setCode(FLAKY);
      await runToEnd(app);
      assertEqual(await app.outputLines(), ['10 ok, 0 failed'], 'Output with the default network');
      const settings = app.page.locator('details.net-settings');
      await settings.locator('summary').click();
      await settings.getByLabel('Failures').selectOption({ label: '50%' });
      await settings.getByLabel('Seed').fill('7');
      await settings.getByLabel('Seed').press('Tab');
      await runToEnd(app);
      const [line] = await app.outputLines();
      const m = /^(\d+) ok, (\d+) failed$/.exec(line || '');
      if (!m || Number(m[2]) === 0 || Number(m[1]) === 0) throw new Error(`with half the requests failing: ${line}`);
      // The same seed fails the same requests.
      await runToEnd(app);
      assertEqual(await app.outputLines(), [line], 'Output run again with the same seed');
      await app.screenshot('network-settings-desktop');
      await audit(app, 'the network settings open');

      await app.button('Share').click();
      const field = app.page.getByRole('textbox', { name: 'Share link', exact: true });
      await field.waitFor();
      const page = await app.page.context().newPage();
      await page.goto(await field.inputValue(), { waitUntil: 'load' });
      const summary = page.locator('details.net-settings summary');
      await summary.waitFor({ timeout: 10_000 });
      await waitUntil(async () => (await summary.textContent()).includes('50% failures'), 'the link\'s settings');
      await page.close();
    },
  },
];
