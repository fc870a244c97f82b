// The end-to-end harness: serves a built bundle on loopback, drives it in headless Chromium, reports checks.
//
// A check is `{ name, run }` where `run(app)` receives an `App` (a fresh page already showing the playground)
// and throws to fail. Checks live in `checks/*.mjs`, each exporting `checks`, an array of them.

import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

/** The sub-path the bundle is served under, so that any absolute URL in it shows up as a 404. */
export const BASE_PATH = '/playground/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `distDir` under `BASE_PATH` on 127.0.0.1 at a free port, like any plain static file server would:
 * `/playground` redirects to `/playground/`, a directory serves its index.html, anything else is a 404.
 * Every request is recorded so that checks can assert what the page asked for.
 */
export async function serveStatic(distDir) {
  const root = resolve(distDir);
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname });
    if (url.pathname === BASE_PATH.slice(0, -1)) {
      res.writeHead(301, { location: BASE_PATH });
      res.end();
      return;
    }
    if (!url.pathname.startsWith(BASE_PATH)) {
      res.writeHead(404).end('not under ' + BASE_PATH);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(BASE_PATH.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(root, rel));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${BASE_PATH}`,
    requests,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/** Flags for Chromium as root in a sandbox with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Polls `probe` until it returns a truthy value, or throws `what` after `timeoutMs`. */
export async function waitUntil(probe, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

/**
 * One page of the playground, with the page contract's controls found by role and accessible name, as a person
 * (or a screen reader) would find them.
 */
export class App {
  constructor(page) {
    this.page = page;
    this.code = page.getByRole('textbox', { name: 'Code', exact: true });
    this.output = page.getByRole('log', { name: 'Output', exact: true });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The timeline lane of the task called `name`. */
  lane(name) {
    return this.page.getByRole('row', { name, exact: true });
  }

  /** Sets the Speed control to `label` (a <select>, or a group of radios or buttons); false when there is none. */
  async setSpeed(label) {
    const speed = this.page.getByLabel('Speed', { exact: true });
    if ((await speed.count()) === 0) return false;
    const tag = await speed.first().evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') {
      await speed.first().selectOption({ label });
    } else {
      await speed.first().getByRole('radio', { name: label, exact: true })
        .or(speed.first().getByRole('button', { name: label, exact: true }))
        .first()
        .click();
    }
    return true;
  }

  /** Replaces the editor's text, as a paste would (typing would fight any auto-indent). */
  async setCode(source) {
    await this.code.fill(source);
  }

  /** The printed lines shown so far, one per child of the Output log. */
  async outputLines() {
    return this.output.locator(':scope > *').allTextContents();
  }

  /** Waits until the Output log holds at least `count` lines, and returns them all. */
  async waitForOutput(count, timeoutMs = 10_000) {
    let lines = [];
    try {
      return await waitUntil(async () => {
        lines = await this.outputLines();
        return lines.length >= count ? lines : null;
      }, `${count} line(s) in the Output log`, timeoutMs);
    } catch (err) {
      err.message += `; it shows ${JSON.stringify(lines)}`;
      throw err;
    }
  }

  async screenshot(name) {
    const dir = resolve(import.meta.dirname, '../../target/screenshots');
    await mkdir(dir, { recursive: true });
    const path = join(dir, `${name.replace(/[^A-Za-z0-9_-]+/g, '-')}.png`);
    await this.page.screenshot({ path, fullPage: true });
    return path;
  }
}

/**
 * Opens the app at `url` in a fresh desktop-sized context, waits for the editor and then for the page to settle
 * (a learner reads before pressing Run; by then the page has compiled the asyncio runtime), and returns the App.
 */
export async function openApp(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const app = new App(page);
  await page.goto(url, { waitUntil: 'load' });
  await app.code.waitFor({ timeout: 10_000 });
  await page.waitForTimeout(1_000);
  return app;
}

/**
 * Runs each check in a fresh browser context on a fresh page of the app, failing it on any request to a host
 * other than 127.0.0.1, any uncaught page error, any console error and any failed or 4xx/5xx response.
 * Returns the results, one `{ name, ok, ms, error }` per check, after printing one line per check.
 */
export async function runChecks(checks, { appUrl, browser, log = console.log }) {
  const results = [];
  for (const check of checks) {
    const started = Date.now();
    const problems = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (['data:', 'blob:'].includes(url.protocol) || url.hostname === '127.0.0.1') return route.continue();
      problems.push(`request to another host: ${url.href}`);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('requestfailed', (req) => {
      problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`);
    });
    page.on('response', (res) => {
      if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
    });
    const app = new App(page);
    let error = null;
    try {
      await page.goto(appUrl, { waitUntil: 'load' });
      await app.code.waitFor({ timeout: 10_000 });
      await check.run(app);
    } catch (err) {
      error = err;
    }
    try {
      await app.screenshot(check.name);
    } catch (err) {
      problems.push(`screenshot failed: ${err.message}`);
    }
    await context.close();
    if (problems.length) {
      // What the page did wrong usually explains the step that then failed, so it comes first.
      error = new Error([...problems, ...(error ? [error.message] : [])].join('\n'));
    }
    const ms = Date.now() - started;
    results.push({ name: check.name, ok: !error, ms, error });
    log(`${error ? 'FAIL' : 'ok  '}  ${check.name}  (${(ms / 1000).toFixed(1)}s)`);
    if (error) log(String(error.message).replace(/\x1b\[[0-9;]*m/g, '').trimEnd().replace(/^/gm, '      '));
  }
  return results;
}
