// An accessibility audit of the page with axe-core (the engine behind Lighthouse's and Playwright's audits),
// injected into the page: as it loads, after a run has filled the timeline, the loop panel and the log, and at
// phone size. Any violation of WCAG 2.1 A/AA or of axe's best practices fails, with the elements it names.
//
// Nothing is excluded. Rules that need a person (colour contrast over images, meaningful alt text) are not
// axe's to decide, so this audit complements looking at the screenshots; it does not replace it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { waitForRunEnd } from './examples.mjs';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Runs axe on the whole page; throws with one paragraph per violated rule. */
export async function audit(app, when) {
  if (!(await app.page.evaluate(() => typeof window.axe === 'object'))) await app.page.evaluate(AXE_SOURCE);
  const violations = await app.page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  }, TAGS);
  if (violations.length) {
    const report = violations.map((v) => [
      `${v.id} (${v.impact}): ${v.help}, ${v.nodes.length} element(s)`,
      ...v.nodes.slice(0, 3).map((n) => `  ${n}`),
    ].join('\n'));
    throw new Error(`${when}: ${violations.length} accessibility violation(s):\n${report.join('\n')}`);
  }
}

export const checks = [
  {
    name: 'accessibility: the page as it loads, after a run, and at phone size',
    async run(app) {
      await audit(app, 'as loaded');
      await app.button('Hello, tasks').click();
      await app.setSpeed('instant');
      await app.button('Run').click();
      await waitForRunEnd(app);
      await audit(app, 'after running "Hello, tasks"');
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.page.waitForTimeout(200);
      await audit(app, 'at phone size');
    },
  },
];
