// The page's Content-Security-Policy: its own files and its own loader run; eval and injected scripts do not.

import { assertEqual } from '../harness.mjs';

export const checks = [
  {
    name: 'csp: the page runs under a policy that allows only its own scripts',
    async run(app) {
      const policy = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      if (!/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'(;| )/.test(policy)) {
        throw new Error(`script-src is not the page's own files and loader: ${policy}`);
      }
      if (/unsafe-inline[^;]*;.*script|script-src[^;]*unsafe-inline|placeholder|inline-script-hashes/.test(policy)) {
        throw new Error(`policy: ${policy}`);
      }
      // The bundle ships no nonce: Trunk's placeholder (for `trunk serve`'s live-reload script) is taken out.
      const html = await (await fetch(app.page.url())).text();
      if (/nonce|TRUNK/.test(html)) throw new Error(`a nonce or a Trunk placeholder in the bundle's page`);
      // A page of its own, since the violations below are reported as console errors, which fail a check's page.
      const page = await app.page.context().newPage();
      const violations = [];
      page.on('console', (m) => violations.push(m.text()));
      await page.goto(app.page.url(), { waitUntil: 'load' });
      await page.getByRole('textbox', { name: 'Code', exact: true }).waitFor();
      // (eval cannot be tried from here: code the test harness evaluates is exempt from the page's policy.)
      const result = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true';
        document.body.append(script);
        const holder = document.createElement('div');
        holder.innerHTML = '<img src="data:,broken" onerror="window.handler = true">';
        document.body.append(holder);
        await new Promise((r) => setTimeout(r, 300));
        return { injected: window.injected ?? false, handler: window.handler ?? false };
      });
      assertEqual(result, { injected: false, handler: false }, 'an injected script and an inline handler');
      await page.waitForTimeout(200);
      if (!violations.some((v) => /Content Security Policy/.test(v))) {
        throw new Error(`no violation reported: ${JSON.stringify(violations)}`);
      }
      await page.close();
    },
  },
];
