// The Findings panel: each gallery example about a bug shows its finding, selecting it (by mouse or keyboard)
// marks the finding's lines in the editor and its lanes on the timeline, and draws what the kind needs (a
// deadlock's cycle, a lost update's two windows and three moments, a blocked loop's stretch); a clean example
// shows none; the live wait-for graph shows who waits for which lock at a moment chosen in the deadlock; hovering
// a lock wait says since when its holder holds it. Audited with axe, selected, in dark theme and at phone size;
// screenshots in target/screenshots/findings-*.png.

import { assertEqual, waitUntil } from '../harness.mjs';
import { waitForRunEnd } from './examples.mjs';
import { audit } from './accessibility.mjs';

/** Loads a gallery example, runs it at "instant" to its end, and returns the panel. */
async function runExample(app, title) {
  await app.button(title).click();
  await app.setSpeed('instant');
  await app.button('Run').click();
  assertEqual(await waitForRunEnd(app), 'Finished', `${title}: run state`);
  return app.page.getByRole('region', { name: /^Findings/ });
}

/** The numbers of the editor's lines marked for the selected finding. */
function flaggedLines(app) {
  return app.page.locator('.ed-ln.flagged .ed-num').allTextContents().then((l) => l.map(Number));
}

/** The one finding of `kind` in the panel: its button, after checking it is the only finding. */
async function onlyFinding(panel, kind) {
  const items = panel.locator('.fd-item');
  await waitUntil(async () => (await items.count()) > 0, `a finding in the panel`);
  const kinds = await items.evaluateAll((els) => els.map((e) => e.dataset.kind));
  assertEqual(kinds, [kind], 'the findings');
  return items.first();
}

const CASES = [
  { title: 'Deadlock with two locks', slug: 'deadlock', kind: 'deadlock', lines: [5, 9], lanes: 2 },
  { title: 'Lost update, then a Lock', slug: 'lost-update', kind: 'lost-update', lines: [8, 9, 10], lanes: 2 },
  { title: 'time.sleep blocks the loop', slug: 'blocking-sleep', kind: 'blocking-call', lines: [17], lanes: 1 },
  { title: 'asyncio.to_thread rescues a blocked loop', slug: 'to-thread', kind: 'blocking-call', lines: [8], lanes: 1 },
  { title: 'A forgotten await', slug: 'forgotten-await', kind: 'never-awaited', lines: [11], lanes: 1 },
];

export const checks = [
  ...CASES.map((c) => ({
    name: `findings: ${c.title}`,
    async run(app) {
      const panel = await runExample(app, c.title);
      const item = await onlyFinding(panel, c.kind);
      assertEqual(await item.getAttribute('aria-pressed'), 'false', 'before selecting');
      assertEqual(await flaggedLines(app), [], 'lines marked before selecting');
      await item.click();
      assertEqual(await item.getAttribute('aria-pressed'), 'true', 'after a click');
      assertEqual(await flaggedLines(app), c.lines, 'lines marked in the editor');
      assertEqual(await app.page.locator('.ed-line.flagged').count(), c.lines.length, 'code lines marked');
      const flaggedRows = await app.page.locator('.tl-row.tl-flagged').count();
      assertEqual(flaggedRows, c.lanes, 'lanes marked on the timeline');

      if (c.kind === 'deadlock') {
        const cycle = await panel.getByRole('list', { name: "The deadlock's cycle of waits" }).locator('li').allTextContents();
        assertEqual(cycle.length, 4, `the cycle's edges (${JSON.stringify(cycle)})`);
        if (!cycle.some((s) => /^Task-\d waits for Lock-\d$/.test(s)) || !cycle.some((s) => /^Lock-\d held by Task-\d$/.test(s))) {
          throw new Error(`the cycle says no "waits for" or "held by": ${JSON.stringify(cycle)}`);
        }
        assertEqual(await panel.locator('.wait-graph.cycle svg .wg-node').count(), 4, 'nodes drawn in the cycle');
        assertEqual(await app.page.locator('.seg.flagged').count() >= 2, true, "the waits' segments outlined");
      }
      if (c.kind === 'lost-update') {
        assertEqual(await app.page.locator('.tl-window').count(), 2, 'windows shaded');
        const labels = await app.page.locator('.tl-mark span').allTextContents();
        assertEqual([...labels].sort(), ['other write', 'read', 'stale write'], 'moments labelled');
      }
      if (c.kind === 'blocking-call') {
        assertEqual(await app.page.locator('.tl-window').count(), 1, 'the blocking step shaded');
      }
      await app.screenshot(`findings-${c.slug}-desktop`);

      // Clicking again unselects; the keyboard selects too.
      await item.click();
      assertEqual(await flaggedLines(app), [], 'lines marked after unselecting');
      assertEqual(await app.page.locator('.tl-row.tl-flagged').count(), 0, 'lanes marked after unselecting');
      await item.focus();
      await app.page.keyboard.press('Enter');
      assertEqual(await item.getAttribute('aria-pressed'), 'true', 'after Enter');
      assertEqual(await flaggedLines(app), c.lines, 'lines marked after Enter');
      await audit(app, `${c.title}, its finding selected`);
    },
  })),
  {
    name: 'findings: a clean example shows none',
    async run(app) {
      const panel = await runExample(app, 'Hello, tasks');
      assertEqual(await panel.locator('.fd-item').count(), 0, 'findings');
      const none = await panel.getByRole('status').textContent();
      if (!none.startsWith('Nothing went wrong')) throw new Error(`the panel says ${JSON.stringify(none)}`);
    },
  },
  {
    name: 'findings: the live wait-for graph and a hovered lock wait, in the deadlock',
    async run(app) {
      const panel = await runExample(app, 'Deadlock with two locks');
      const live = panel.getByRole('list', { name: 'Wait-for graph at the moment shown' });
      // At the end nobody waits: the tasks were cancelled.
      assertEqual(await live.count(), 0, 'a wait-for graph at the end');
      // Half way through the run (the deadlock lasts from 0.1 s to 1 s of about 1 s), both wait.
      const overlay = await app.page.locator('.tl-overlay').boundingBox();
      await app.page.mouse.click(overlay.x + overlay.width * 0.5, overlay.y + overlay.height / 2);
      await waitUntil(() => live.count(), 'the wait-for graph at the moment chosen');
      const edges = await live.locator('li').allTextContents();
      for (const re of [/^Task-2 waits for Lock-2$/, /^Task-3 waits for Lock-1$/, /^Lock-1 held by Task-2$/, /^Lock-2 held by Task-3$/]) {
        if (!edges.some((e) => re.test(e))) throw new Error(`no edge ${re} in ${JSON.stringify(edges)}`);
      }
      // Hovering Task-2's wait for Lock-2 says who holds it and since when.
      const wait = app.lane('Task-2').getByRole('button', { name: /waiting for Lock-2/ }).first();
      await wait.hover();
      const detail = await app.page.locator('.tl-detail').textContent();
      if (!/Task-3 has held Lock-2 since 0\.\d{3} s \(line 5\); Task-2 can go on only once Task-3 releases it/.test(detail)) {
        throw new Error(`the hovered wait says ${JSON.stringify(detail)}`);
      }
      await app.screenshot('findings-live-graph-desktop');

      // Selected, in the dark theme, and at phone size: screenshots, and no accessibility violation.
      await panel.locator('.fd-item').first().click();
      await app.button('Dark theme').click();
      await app.page.waitForTimeout(100);
      await app.screenshot('findings-deadlock-dark');
      await audit(app, 'the deadlock selected, dark theme');
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.page.waitForTimeout(200);
      await app.screenshot('findings-deadlock-dark-phone');
      await app.button('Dark theme').click();
      await app.page.waitForTimeout(100);
      await app.screenshot('findings-deadlock-phone');
      await audit(app, 'the deadlock selected, at phone size');
    },
  },
];
