// The learner as the scheduler: the Schedule panel's manual strategy reaches the lost update's wrong result by
// clicks (and the keyboard), time travel goes back and forth between choice points, a different answer at a
// past choice is a branch kept beside the first, and the all-outcomes view finds both results of the race (one
// for the race with a lock), opens a witness schedule, and stops when asked. Audited with axe in light and dark
// theme and at phone size; screenshots in target/screenshots/schedules-*.png.

import { assertEqual, waitUntil } from '../harness.mjs';
import { waitForRunEnd } from './examples.mjs';
import { audit } from './accessibility.mjs';

const RACE = 'Every outcome: a lost update';
const LOCKED = 'Every outcome: the race with a Lock';
const DEADLOCK = 'Every outcome: a deadlock only some schedules reach';

function panel(app) {
  return app.page.getByRole('region', { name: 'Schedule', exact: true });
}

function choiceGroup(app) {
  return panel(app).getByRole('group', { name: /^(Which|Switch)/ });
}

/** The text of the position in the run's choices ("At choice 3 of 8"). */
function position(app) {
  return panel(app).locator('.sc-position').textContent();
}

/** Waits for the run to stop at a choice and returns its candidates' buttons. */
async function waitForChoice(app) {
  await choiceGroup(app).waitFor({ timeout: 10_000 });
  return choiceGroup(app).getByRole('button');
}

/** Answers choices with `answers` in turn (then CPython's candidate) until the run ends; returns the answers made. */
async function answerUntilTheEnd(app, answers, { keyboardAt = -1 } = {}) {
  let made = 0;
  for (;;) {
    const over = await waitUntil(async () => {
      if ((await choiceGroup(app).count()) > 0) return 'choice';
      const state = (await app.page.locator('.ctl-progress .ctl-state').textContent()).trim();
      return /^(Finished|Ended|Stuck)/.test(state) ? 'end' : null;
    }, 'a choice or the end of the run');
    if (over === 'end') return made;
    const buttons = choiceGroup(app).getByRole('button');
    const pick = buttons.nth(answers[made] ?? 0);
    if (made === keyboardAt) {
      await pick.focus();
      await app.page.keyboard.press('Enter');
    } else {
      await pick.click();
    }
    made += 1;
    if (made > 60) throw new Error('more than 60 choices');
  }
}

const AIO_RACE = `import asyncio

counter = 0


async def add():
    global counter
    seen = counter
    await asyncio.sleep(0)
    counter = seen + 1


async def main():
    await asyncio.gather(add(), add())
    print(counter)


asyncio.run(main())
`;

async function loadRace(app, title = RACE) {
  await app.button(title).click();
  await app.setSpeed('instant');
}

export const checks = [
  {
    name: 'schedules: manual scheduling of the lost update reaches the wrong result by clicks',
    async run(app) {
      await loadRace(app);
      await panel(app).getByLabel('Scheduler', { exact: true }).selectOption('manual');
      await app.button('Run').click();
      const first = await waitForChoice(app);
      const question = await choiceGroup(app).locator('#sc-question').textContent();
      if (!question.startsWith('Switch threads here?')) throw new Error(`the first question is ${JSON.stringify(question)}`);
      assertEqual(await first.count(), 2, 'candidates of a switch');
      assertEqual(await first.nth(0).locator('.sc-badge').textContent(), "CPython's choice", 'the first candidate is marked');
      await app.screenshot('schedules-manual-choice-desktop');
      await audit(app, 'a manual choice pending');
      // The candidates' lanes are marked on the timeline, CPython's too, and clicking one answers.
      const picks = app.page.locator('.tl-row.tl-candidate .tl-pick');
      assertEqual(await picks.count(), 2, 'lanes marked as candidates');
      await app.page.getByRole('button', { name: /^Pick \(CPython\): Thread-1/ }).click();
      await waitUntil(async () => (await position(app)).startsWith('At choice 2 '), 'the second choice');
      // Thread-1 reads; inside one() it lets go of the GIL; Thread-2 takes it first and reads the same value.
      await answerUntilTheEnd(app, [1, 0, 0, 1], { keyboardAt: 0 });
      assertEqual(await waitForRunEnd(app), 'Finished', 'the run');
      assertEqual(await app.outputLines(), ['counter = 1'], 'the output');
      const note = await panel(app).getByRole('note').textContent();
      if (!note.includes('A schedule CPython would not pick')) throw new Error(`the note says ${JSON.stringify(note)}`);
      await app.screenshot('schedules-manual-lost-update-desktop');
    },
  },
  {
    name: "schedules: a manual choice among ready tasks, in the loop panel's ready queue",
    async run(app) {
      await app.setCode(AIO_RACE);
      await app.setSpeed('instant');
      await panel(app).getByLabel('Scheduler', { exact: true }).selectOption('manual');
      await app.button('Run').click();
      await waitForChoice(app);
      assertEqual(await choiceGroup(app).locator('#sc-question strong').textContent(), 'Which ready task runs next?', 'the question');
      const queued = app.page.getByRole('list', { name: 'Ready queue' }).getByRole('button');
      assertEqual(await queued.count(), 2, 'tasks to pick in the ready queue');
      assertEqual(await queued.nth(0).locator('.sc-badge').count(), 1, "CPython's task marked");
      await app.screenshot('schedules-ready-queue-desktop');
      await queued.nth(1).click();
      await waitUntil(async () => !(await position(app)).startsWith('At choice 1 '), 'the answer taken');
      await answerUntilTheEnd(app, [1, 1, 1]);
      assertEqual(await waitForRunEnd(app), 'Finished', 'the run');
    },
  },
  {
    name: 'schedules: step back and forward, then branch at a past choice',
    async run(app) {
      await loadRace(app);
      await app.button('Run').click();
      assertEqual(await waitForRunEnd(app), 'Finished', 'the CPython run');
      assertEqual(await app.outputLines(), ['counter = 2'], "CPython's output");
      // Back (the button) goes to the run's last choice point, "," to the one before, "." forward again.
      await panel(app).getByRole('button', { name: '◀ Back' }).click();
      await waitForChoice(app);
      const last = await position(app);
      const m = /^At choice (\d+) of (\d+)$/.exec(last);
      if (!m || m[1] !== m[2]) throw new Error(`after Back: ${JSON.stringify(last)}`);
      const total = Number(m[2]);
      await app.page.locator('body').press(',');
      await waitUntil(async () => (await position(app)) === `At choice ${total - 1} of ${total}`, 'one choice further back');
      await app.page.locator('body').press('.');
      await waitUntil(async () => (await position(app)) === `At choice ${total} of ${total}`, 'forward again');
      // Back to choice 2 (Thread-1 inside one(), after its read), and there switch to the main thread instead.
      for (let k = total - 1; k >= 2; k--) {
        await panel(app).getByRole('button', { name: '◀ Back' }).click();
        await waitUntil(async () => (await position(app)) === `At choice ${k} of ${total}`, `choice ${k}`);
      }
      const switchTo = choiceGroup(app).getByRole('button', { name: /^Switch to MainThread/ });
      assertEqual(await choiceGroup(app).getByRole('button').nth(0).locator('.sc-taken').count(), 1, "the branch's own choice is marked");
      await switchTo.click();
      await answerUntilTheEnd(app, [0, 0, 1]);
      assertEqual(await app.outputLines(), ['counter = 1'], "the new branch's output");
      const branches = panel(app).locator('.sc-branch');
      assertEqual(await branches.count(), 2, 'branches kept');
      const names = await branches.allTextContents();
      if (!/^Branch 1: CPython's schedule.*counter = 2/.test(names[0]) || !/^Branch 2: from branch 1 at choice 2 .*counter = 1/.test(names[1])) {
        throw new Error(`the branches say ${JSON.stringify(names)}`);
      }
      assertEqual(await branches.nth(1).getAttribute('aria-current'), 'true', 'the new branch is shown');
      const diff = await panel(app).locator('.sc-diff pre').allTextContents();
      assertEqual(diff, ['counter = 2', 'counter = 1'], 'the outputs side by side');
      assertEqual(await app.page.locator('.tl-cursor.diverge').count(), 1, 'where the branches part, on the timeline');
      await app.screenshot('schedules-branches-desktop');
      // Back to the first branch: its run again, to its end.
      await branches.nth(0).click();
      await waitUntil(async () => (await app.outputLines()).join() === 'counter = 2', "the first branch's output");
      assertEqual(await branches.nth(0).getAttribute('aria-current'), 'true', 'the first branch is shown');
      await audit(app, 'two branches');
    },
  },
  {
    name: 'schedules: all outcomes of the race, a witness opened, and the lock collapsing them',
    async run(app) {
      await loadRace(app);
      await app.button('All outcomes').click();
      const status = panel(app).locator('.sc-status');
      await waitUntil(async () => /^(Complete|Done)/.test(await status.textContent()), 'the exploration to end', 30_000);
      const outcomes = panel(app).locator('.sc-outcome');
      const texts = await outcomes.locator('.sc-out').allTextContents();
      assertEqual(texts, ['counter = 2', 'counter = 1'], 'the outcomes, most frequent first');
      await app.screenshot('schedules-all-outcomes-desktop');
      await audit(app, 'all outcomes');
      // The surprising one's schedule plays on the timeline.
      await outcomes.nth(1).click();
      assertEqual(await waitForRunEnd(app), 'Finished', "the witness's run");
      assertEqual(await app.outputLines(), ['counter = 1'], "the witness's output");

      await app.button('Dark theme').click();
      await app.page.waitForTimeout(100);
      await app.screenshot('schedules-all-outcomes-dark');
      await audit(app, 'all outcomes, dark theme');
      await app.page.setViewportSize({ width: 390, height: 844 });
      await app.page.waitForTimeout(200);
      await app.screenshot('schedules-all-outcomes-dark-phone');
      await app.button('Dark theme').click();
      await audit(app, 'all outcomes, at phone size');
      await app.page.setViewportSize({ width: 1280, height: 800 });

      await loadRace(app, LOCKED);
      await app.button('All outcomes').click();
      await waitUntil(async () => /^(Complete|Done)/.test(await status.textContent()), 'the locked exploration to end', 30_000);
      assertEqual(await outcomes.locator('.sc-out').allTextContents(), ['counter = 2'], 'one outcome with the lock');
    },
  },
  {
    name: 'schedules: the deadlock only some schedules reach, and Stop',
    async run(app) {
      await loadRace(app, DEADLOCK);
      await app.button('All outcomes').click();
      const status = panel(app).locator('.sc-status');
      await waitUntil(async () => (await panel(app).locator('.sc-outcome').count()) >= 1, 'a first outcome');
      await panel(app).getByRole('button', { name: 'Stop exploring' }).click();
      await waitUntil(async () => /^Stopped by you/.test(await status.textContent()), 'the exploration to stop');
      const runs = await status.textContent();
      await app.page.waitForTimeout(300);
      assertEqual(await status.textContent(), runs, 'no run after Stop');
      await panel(app).getByRole('button', { name: 'Explore again' }).click();
      await waitUntil(async () => /^(Complete|Done)/.test(await status.textContent()), 'the exploration to end', 60_000);
      const texts = await panel(app).locator('.sc-out').allTextContents();
      // "done", then the deadlocks: each thread holding one lock (the two orders of taking them are two outcomes).
      assertEqual(texts[0], 'done', 'the usual outcome');
      if (texts.length < 2 || !texts.slice(1).every((t) => t.startsWith('Interleave: deadlock'))) {
        throw new Error(`the rare outcomes are ${JSON.stringify(texts.slice(1))}`);
      }
      await app.screenshot('schedules-deadlock-outcomes-desktop');
    },
  },
];
