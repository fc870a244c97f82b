// Share links through the page: the Share button's link opens the same code, settings and moment in a new page;
// damaged and hostile links open the page with a message and the learner's own code untouched; code holding
// markup shows as text and never runs.

import { assertEqual, waitUntil } from '../harness.mjs';
import { deflateRawSync } from 'node:zlib';
import { runState } from './examples.mjs';

// Odd Unicode, markup and the payload's own separators, all of which must come back byte for byte.
const ODD = `import asyncio
# <script>window.parent.pwned = 1</script> <img src=x onerror="window.pwned=1"> javascript:alert(1)
# é e\u0301 \u200d😀 \u{10ffff} \ufeff tab\there = \\n


async def w(name):
    print(name)
    await asyncio.sleep(0.5)
    print(name)


async def main():
    await asyncio.gather(w("<b>a</b>"), w('<img src=x onerror="window.pwned=1">'))


asyncio.run(main())
`;

/** Presses Share and returns the link the read-only field shows. */
async function shareLink(app) {
  await app.button('Share').click();
  const field = app.page.getByRole('textbox', { name: 'Share link', exact: true });
  await field.waitFor();
  return field.inputValue();
}

/** Opens `url` in a new page of the same context and waits for its editor. */
async function openPage(app, url) {
  const page = await app.page.context().newPage();
  await page.goto(url, { waitUntil: 'load' });
  const code = page.getByRole('textbox', { name: 'Code', exact: true });
  await code.waitFor({ timeout: 10_000 });
  return { page, code };
}

/** The notice the page shows for a link it could not open, or null. */
async function notice(page) {
  const alert = page.locator('.notice[role="alert"]');
  return (await alert.count()) ? alert.textContent() : null;
}

/** Made by the page when it deflated with miniz_oxide (`link.rs`'s tests read it natively); it must keep opening. */
const OLD_LINK = 'v1.PcwxCgIxEAXQfk4xbJWALCKIIMa7xN2RDGSTkETidh7AVrGz9gb2XkWw9Qguq_irz-fzUiBq1WwPqXBujNKuL4Yigc5qAcBd8DGjTr1r2AOMBVvaYqfZCbkEHBIiuywq87hZ6yf4vJ9fpyO-r5cDrjbrSo4nXTT_pTpZoiCm9Vz-0GGLOye-rIQP';
const OLD_CODE = 'import asyncio\n\nasync def main():\n    print("héllo, 世界 😀 <b>")\n    await asyncio.sleep(0.5)\n\nasyncio.run(main())\n';

export const checks = [
  {
    name: 'share: a link made by an earlier page opens, inflated by the browser',
    async run(app) {
      const base = app.page.url().split('#')[0];
      const { page, code } = await openPage(app, `${base}#${OLD_LINK}`);
      assertEqual(await code.inputValue(), OLD_CODE, 'code of the old link');
      assertEqual(await page.getByLabel('Speed', { exact: true }).inputValue(), '2x', 'speed of the old link');
      assertEqual(await notice(page), null, 'notice');
      await page.close();
    },
  },
  {
    name: 'share: the link opens the same code and speed, not running, and markup stays text',
    async run(app) {
      await app.setCode(ODD);
      await app.setSpeed('2x');
      const link = await shareLink(app);
      if (!/#v1\.[A-Za-z0-9_-]+$/.test(link)) throw new Error(`share link: ${link}`);
      if (link.includes('script') || link.length > ODD.length * 1.5) throw new Error(`not compressed: ${link}`);
      const { page, code } = await openPage(app, link);
      assertEqual(await code.inputValue(), ODD, 'code opened from the link');
      assertEqual(await page.getByLabel('Speed', { exact: true }).inputValue(), '2x', 'speed');
      assertEqual((await page.locator('.ctl-progress .ctl-state').textContent()).trim(), 'Ready to run', 'state');
      // Run it: the printed markup shows as text, and nothing in it ran.
      await page.getByLabel('Speed', { exact: true }).selectOption({ label: 'instant' });
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const log = page.getByRole('log', { name: 'Output', exact: true });
      await waitUntil(async () => (await log.locator(':scope > *').count()) === 4, 'four lines of output');
      const lines = await log.locator(':scope > *').allTextContents();
      assertEqual(lines, ['<b>a</b>', '<img src=x onerror="window.pwned=1">', '<b>a</b>',
        '<img src=x onerror="window.pwned=1">'], 'Output');
      assertEqual(await page.locator('body img, body script, body b').count(), 0, 'markup elements');
      assertEqual(await page.evaluate(() => window.pwned), undefined, 'window.pwned');
      await page.close();
    },
  },
  {
    name: 'share: a stepped run opens paused at the same moment',
    async run(app) {
      await app.setCode(ODD);
      await app.button('Step').click();
      await waitUntil(async () => (await runState(app)).trim() === 'Paused', 'the first step');
      await app.button('Step').click();
      await app.button('Step').click();
      await waitUntil(async () => (await runState(app)).trim() === 'Paused', 'the third step');
      const events = (await app.page.locator('.ctl-progress span').nth(2).textContent()).trim();
      const output = await app.outputLines();
      const link = await shareLink(app);
      const { page } = await openPage(app, link);
      await waitUntil(async () => (await page.locator('.ctl-progress .ctl-state').textContent()).trim() === 'Paused',
        'the opened page to pause at the moment');
      const log = page.getByRole('log', { name: 'Output', exact: true });
      assertEqual(await log.locator(':scope > *').allTextContents(), output, 'Output at the moment');
      const shownEvents = (await page.locator('.ctl-progress span').nth(2).textContent()).trim();
      // The run may go past the moment (it then shows the moment inspected); it never stops short of it.
      const count = (s) => Number(s.replace(/[^0-9]/g, ''));
      if (count(shownEvents) < count(events)) throw new Error(`opened at ${shownEvents}, shared at ${events}`);
      assertEqual(await notice(page), null, 'notice');
      // Pressing Run there carries on to the end.
      await page.getByRole('button', { name: 'Pause', exact: true }).click();
      await waitUntil(async () => (await log.locator(':scope > *').count()) === 4, 'the rest of the output', 15_000);
      await page.close();
    },
  },
  {
    name: 'share: damaged, hostile and unknown links leave the learner\'s code and say why',
    async run(app) {
      const mine = 'print("my own work")\n';
      await app.setCode(mine);
      const good = await shareLink(app);
      const fragment = good.slice(good.indexOf('#') + 1);
      const base = good.slice(0, good.indexOf('#'));
      const hostile = {
        truncated: fragment.slice(0, fragment.length - 7),
        garbage: 'v1.<script>alert(1)</script>',
        'bad base64': 'v1.' + '%%%%',
        'unknown version': 'v7.' + fragment.slice(3),
        'not a link': '<img src=x onerror=alert(1)>',
        long: 'v1.' + 'A'.repeat(1_900_000),
        'deflate bomb': 'v1.' + deflateRawSync(Buffer.alloc(8 << 20, 10)).toString('base64url'),
      };
      for (const [what, frag] of Object.entries(hostile)) {
        const { page, code } = await openPage(app, `${base}#${frag}`);
        const text = await waitUntil(() => notice(page), `a notice for the ${what} link`);
        if (!/damaged|newer Interleave|does not hold|more than|not text/.test(text)) {
          throw new Error(`${what} link: notice ${JSON.stringify(text)}`);
        }
        assertEqual(await code.inputValue(), mine, `code after the ${what} link`);
        assertEqual(await page.locator('img').count(), 0, `img elements after the ${what} link`);
        await page.close();
      }
      // A page opened without a link still has the learner's code: no hostile link overwrote the saved copy.
      const { page, code } = await openPage(app, base);
      assertEqual(await code.inputValue(), mine, 'saved code');
      await page.close();
    },
  },
  {
    name: 'share: a link of a hundred kilobytes of program opens byte for byte',
    async run(app) {
      let big = '';
      for (let i = 0; big.length < 110_000; i++) {
        big += `x${i} = ${(i * 7919) % 100003}  # ${String.fromCodePoint(0x4e00 + (i % 500))}\n`;
      }
      // Made here, as a third party's tool would (the page's own encoder is property-tested natively).
      const fragment = 'v1.' + deflateRawSync(Buffer.from('speed=instant\n\n' + big, 'utf8')).toString('base64url');
      const base = app.page.url().replace(/#.*$/, '');
      const started = Date.now();
      const { page, code } = await openPage(app, `${base}#${fragment}`);
      const opened = await code.inputValue();
      if (opened !== big) throw new Error(`opened ${opened.length} characters, shared ${big.length}`);
      assertEqual(await page.getByLabel('Speed', { exact: true }).inputValue(), 'instant', 'speed');
      console.log(`      (${fragment.length} characters of link for ${big.length} of program, open in ${Date.now() - started} ms)`);
      await page.close();
    },
  },
];
