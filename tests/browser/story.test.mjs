// The story: steps walked with next and previous, animated transitions, captions, the step in the
// URL, and a presenter window with speaker notes that stays in step with the main window.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const day = (y, m, d) => Math.round(Date.UTC(y, m - 1, d) / 86400000);
const caption = (page) => page.textContent('#story-caption .story-step-caption');

test('next and previous walk the story, with animated transitions', async () => {
  const page = await openApp(browser, server.url);
  await page.click('#story-start');
  await page.waitForSelector('#story-caption');
  assert.match(await caption(page), /^1 \/ \d+ · 1990–1995/);
  await page.waitForSelector('.event-card[data-event-id="friendship-treaty-1995"]');
  await page.waitForFunction((t) => Number(document.querySelector('#scrub').value) === t, day(1995, 2, 21));
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '1');
  // The clicker's Page Down: the next step, reached through intermediate frames.
  await page.keyboard.press('PageDown');
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    seen.add(Number(await page.inputValue('#scrub')));
    await page.waitForTimeout(60);
  }
  await page.waitForSelector('.event-card[data-event-id="union-state-treaty-1999"]');
  await page.waitForFunction((t) => Number(document.querySelector('#scrub').value) === t, day(1999, 12, 8));
  assert.ok(seen.size >= 3, `the playhead moved through ${seen.size} positions`);
  assert.match(await caption(page), /^2 \//);
  // On to a step in the road-map view.
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('#tab-mapping').getAttribute('aria-selected') === 'true');
  // Its caption is about the whole diagram (agreed, contentious, shelved): nothing is selected and
  // faded out, and the card introduces the view.
  await page.waitForSelector('.mapping-view .event-card.intro');
  assert.match(await caption(page), /^6 \//);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('#tab-membership').getAttribute('aria-selected') === 'true');
  await page.click('#story-exit');
  await page.waitForSelector('#story-caption', { state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link with a step opens that step', async () => {
  const page = await openApp(browser, `${server.url}?step=4`);
  await page.waitForSelector('#story-caption');
  assert.match(await caption(page), /^4 \//);
  assert.equal(await page.getAttribute('#tab-depth', 'aria-selected'), 'true');
  await page.waitForSelector('.event-card[data-provision-id="single-currency"]');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a view chosen during a step is kept by the link and on reload, and the story goes on from the step', async () => {
  const page = await openApp(browser, `${server.url}?step=4`);
  await page.waitForSelector('.event-card[data-provision-id="single-currency"]');
  await page.click('#tab-membership');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'membership');
  const link = page.url();
  assert.match(link, /step=4/);
  // Reloaded (or the link opened elsewhere): the picture the link names, with the step's caption.
  for (const reopen of [() => page.reload(), () => page.goto(link), () => page.goto(`${server.url}?view=membership&t=2008-05-27&step=3`)]) {
    await reopen();
    await page.waitForSelector('#story-caption');
    await page.waitForTimeout(300);
    assert.equal(await page.getAttribute('#tab-membership', 'aria-selected'), 'true', page.url());
    await page.waitForFunction(() => document.querySelector('#membership-canvas')?.width > 0);
  }
  assert.match(await caption(page), /^3 \//);
  // Next goes on to step 4, shown as the story shows it.
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => /^4 \//.test(document.querySelector('#story-caption .story-step-caption').textContent));
  await page.waitForSelector('.event-card[data-provision-id="single-currency"]');
  assert.equal(await page.getAttribute('#tab-depth', 'aria-selected'), 'true');
  // A link with the step alone shows the step.
  await page.goto(`${server.url}?step=3`);
  await page.waitForSelector('.event-card[data-event-id="ssc-2007-12"]');
  assert.equal(await page.getAttribute('#tab-timeline', 'aria-selected'), 'true');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the clicker's keys drive the story wherever the mouse left the focus, and Home and End go to its ends", async () => {
  const page = await openApp(browser, `${server.url}?step=2`);
  await page.waitForSelector('.event-card[data-event-id="union-state-treaty-1999"]');
  const at = (n) => page.waitForFunction((k) => new RegExp(`^${k} /`).test(document.querySelector('#story-caption .story-step-caption').textContent), n);
  // A speed chosen: Page Down moves the story, not the list.
  await page.selectOption('#speed', { index: 0 });
  const speed = await page.inputValue('#speed');
  await page.focus('#speed');
  await page.keyboard.press('PageDown');
  await at(3);
  assert.equal(await page.inputValue('#speed'), speed);
  // Loop ticked with the mouse, then Page Up and B (blank) and B again.
  await page.click('#loop');
  await page.keyboard.press('PageUp');
  await at(2);
  await page.keyboard.press('b');
  await page.waitForSelector('#blank');
  await page.keyboard.press('b');
  await page.waitForSelector('#blank', { state: 'detached' });
  // A theme chosen in the menu, the list keeping the focus.
  await page.click('#menu > summary');
  await page.selectOption('#theme', 'light');
  await page.focus('#theme');
  await page.keyboard.press('PageDown');
  await at(3);
  assert.equal(await page.inputValue('#theme'), 'light');
  // The arrows keep their meaning in a list.
  await page.focus('#speed');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  assert.match(await caption(page), /^3 \//);
  // A step to another view keeps the focus on the same control there, so the arrows still change it.
  await page.keyboard.press('PageDown');
  await at(4);
  await page.waitForSelector('#tab-depth[aria-selected="true"]');
  await page.waitForFunction(() => document.activeElement?.id === 'speed');
  await page.keyboard.press('ArrowUp');
  await page.waitForTimeout(200);
  assert.match(await caption(page), /^4 \//);
  // A control the new view has not (the timeline's chart, its Show all): the new view's chart.
  await page.keyboard.press('PageUp');
  await at(3);
  await page.waitForSelector('#tab-timeline[aria-selected="true"]');
  await page.focus('#zoom-reset');
  await page.keyboard.press('PageDown');
  await at(4);
  await page.waitForFunction(() => document.activeElement?.id === 'depth-canvas');
  // End and Home: the story's last and first steps, not the last and first events.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('End');
  await at(9);
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '9');
  await page.keyboard.press('Home');
  await at(1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a story begun with the Story button shows no focus ring on the charts of its steps', async () => {
  // The button is replaced by its own click and hands the focus to the story's position, which shows
  // no ring; a step to another view must not hand it to that view's chart (its ring stayed around
  // every chart to the story's end).
  const page = await openApp(browser, server.url);
  await page.click('#story-start');
  const at = (n) => page.waitForFunction((k) => new RegExp(`^${k} /`).test(document.querySelector('#story-caption .story-step-caption').textContent), n);
  await at(1);
  for (let n = 2; n <= 9; n++) {
    await page.keyboard.press('PageDown');
    await at(n);
    await page.waitForTimeout(100);
    const ring = await page.evaluate(() => [...document.querySelectorAll('.canvas-frame canvas')].some((c) => c.matches(':focus-visible')));
    assert.equal(ring, false, `step ${n}: no chart shows a focus ring`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a story begun and left from the keyboard keeps the focus where the Tab order was', async () => {
  const page = await openApp(browser, server.url);
  const focused = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
  await page.focus('#story-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#story-caption');
  await page.waitForFunction(() => document.activeElement?.id === 'story-position');
  assert.equal(await page.evaluate(() => document.activeElement.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle), 'none', 'no ring before the audience');
  // Space and Page Down still walk the steps, and the focus stays.
  for (const [key, n] of [[' ', '2'], ['PageDown', '3']]) {
    await page.keyboard.press(key);
    await page.waitForFunction((k) => document.querySelector('#story-position')?.textContent.includes(`${k} /`), n);
    assert.equal(await focused(), 'story-position', `after ${key}`);
  }
  // The next Tab reaches Exit story; Enter there leaves the story and gives the focus back to Story.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'story-exit');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.querySelector('#story-caption'));
  await page.waitForFunction(() => document.activeElement?.id === 'story-start');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a presenter window the browser refuses is named in a notice, with what to do', async () => {
  const page = await openApp(browser, `${server.url}?step=2`);
  await page.waitForSelector('#story-caption');
  // As a pop-up blocker, or a file's page in a sandboxed frame, answers.
  await page.evaluate(() => {
    window.open = () => null;
  });
  await page.keyboard.press('s');
  await page.waitForSelector('#notice.error');
  assert.match(await page.textContent('#notice'), /The presenter window did not open\..*allow pop-ups for this page/);
  // Below the story's caption, not over it.
  const [noticeBox, captionBox] = await Promise.all([page.locator('#notice').boundingBox(), page.locator('#story-caption').boundingBox()]);
  assert.ok(noticeBox.y >= captionBox.y + captionBox.height - 1, `notice at ${noticeBox.y}, caption ends at ${captionBox.y + captionBox.height}`);
  // Esc puts it away, and does nothing else then.
  await page.keyboard.press('Escape');
  await page.waitForSelector('#notice', { state: 'detached' });
  assert.match(await caption(page), /^2 \//);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the presenter window shows the notes and drives the main window (S)', async () => {
  const page = await openApp(browser, server.url);
  await page.click('#story-start');
  await page.waitForSelector('#story-caption');
  const [presenter] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('s')]);
  await presenter.waitForLoadState();
  await presenter.waitForSelector('#presenter');
  // Opened mid-story, it shows the step the main window shows at once, and follows it.
  await presenter.waitForFunction(() => /Step 1 of/.test(document.querySelector('.presenter-position')?.textContent ?? ''));
  await page.keyboard.press('ArrowRight');
  await presenter.waitForFunction(() => /Step 2 of/.test(document.querySelector('.presenter-position')?.textContent ?? ''));
  assert.ok((await presenter.textContent('#presenter-notes')).length > 20, 'speaker notes are shown');
  // Two windows, told apart by their titles when dragged to the right screen.
  assert.equal(await presenter.title(), 'Presenter — The Union State of Russia and Belarus, treaty by treaty');
  assert.equal(await page.title(), 'The Union State of Russia and Belarus, treaty by treaty');
  await presenter.click('#presenter-next');
  await page.waitForFunction(() => /^3 \//.test(document.querySelector('#story-caption .story-step-caption').textContent));
  await presenter.click('#presenter-previous');
  await page.waitForFunction(() => /^2 \//.test(document.querySelector('#story-caption .story-step-caption').textContent));
  // The clicker in the presenter window (focused once dragged to the laptop's screen) drives it too.
  await presenter.bringToFront();
  await presenter.focus('body');
  await presenter.keyboard.press('PageDown');
  await page.waitForFunction(() => /^3 \//.test(document.querySelector('#story-caption .story-step-caption').textContent));
  await presenter.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /^2 \//.test(document.querySelector('#story-caption .story-step-caption').textContent));
  // Its blank key (B or ".") blanks the audience's screen, and brings it back.
  await presenter.keyboard.press('b');
  await page.waitForSelector('#blank');
  assert.equal(await presenter.$('#blank'), null, "the speaker's window stays as it is");
  await presenter.keyboard.press('.');
  await page.waitForFunction(() => !document.querySelector('#blank'));
  // The main window switched to Russian: the presenter window speaks it too, notes included.
  const notesEn = await presenter.textContent('#presenter-notes');
  await page.click('#lang-ru');
  await presenter.waitForFunction(() => document.querySelector('#presenter h1')?.textContent === 'Докладчик');
  await presenter.waitForFunction((en) => document.querySelector('#presenter-notes').textContent !== en, notesEn);
  assert.match(await presenter.textContent('#presenter-notes'), /[а-я]/);
  await page.click('#lang-en');
  await presenter.waitForFunction((en) => document.querySelector('#presenter-notes').textContent === en, notesEn);
  // The story left in the main window (to answer a question): the presenter window says where, and
  // its clicker takes the story up again at that step, not at the first.
  await page.click('#story-exit');
  await presenter.waitForFunction(() => !document.querySelector('.presenter-position'));
  assert.match(await presenter.textContent('#presenter'), /left the story at step 2 of \d+/);
  assert.equal(await presenter.textContent('#presenter-resume'), 'Resume at step 2');
  await presenter.focus('body');
  await presenter.keyboard.press('PageDown');
  await page.waitForFunction(() => /^2 \//.test(document.querySelector('#story-caption')?.textContent ?? ''));
  await presenter.waitForFunction(() => /Step 2 of/.test(document.querySelector('.presenter-position')?.textContent ?? ''));
  await page.click('#story-exit');
  await presenter.click('#presenter-start');
  await page.waitForFunction(() => /^1 \//.test(document.querySelector('#story-caption')?.textContent ?? ''));
  // The clock starts again from 00:00 when the talk begins.
  await presenter.waitForFunction(() => document.querySelector('.clock').textContent !== '00:00');
  await presenter.click('#presenter-clock-reset');
  assert.equal(await presenter.textContent('.clock'), '00:00');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("in the story, the officials' claims beside the road maps keep their own height", async () => {
  const page = await openApp(browser, `${server.url}?step=6`, { viewport: { width: 1280, height: 720 } });
  await page.waitForSelector('.claims-frame');
  const story = await page.$eval('.claims-frame', (el) => el.getBoundingClientRect().height);
  await page.click('#story-exit');
  await page.waitForFunction(() => !document.documentElement.classList.contains('story'));
  const outside = await page.$eval('.claims-frame', (el) => el.getBoundingClientRect().height);
  assert.equal(story, outside, `the claims chart is ${story} px tall in the story and ${outside} px outside it`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
