// Deep links: the URL holds the view, time, selection and theme; reload restores; back and forward
// walk the history; invalid parameters are ignored with a visible, dismissible notice.
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

test('a link opens exactly what it names, and reloading keeps it', async () => {
  const page = await openApp(browser, `${server.url}?view=mapping&t=2021-09-10&sel=up-04&theme=dark`);
  await page.waitForSelector('.event-card[data-target-id="up-04"]');
  assert.equal(await page.getAttribute('#tab-mapping', 'aria-selected'), 'true');
  assert.equal(Number(await page.inputValue('#scrub')), day(2021, 9, 10));
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.reload();
  await page.waitForSelector('.event-card[data-target-id="up-04"]');
  assert.equal(Number(await page.inputValue('#scrub')), day(2021, 9, 10));
  assert.equal(await page.locator('#notice').count(), 0, 'nothing was ignored');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('what the speaker does is in the address, and back and forward walk it', async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  const first = await page.getAttribute('.event-card', 'data-event-id');
  await page.waitForFunction((id) => new URLSearchParams(location.search).get('sel') === id, first);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => {
    const sel = new URLSearchParams(location.search).get('sel');
    return sel && sel !== id;
  }, first);
  const second = new URL(page.url()).searchParams.get('sel');
  await page.click('#tab-depth');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'depth');
  const link = page.url();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#tab-timeline').getAttribute('aria-selected') === 'true');
  await page.waitForSelector(`.event-card[data-event-id="${second}"]`);
  await page.goBack();
  await page.waitForSelector(`.event-card[data-event-id="${first}"]`);
  await page.goForward();
  await page.waitForSelector(`.event-card[data-event-id="${second}"]`);
  // The copied link opens the same picture in a fresh tab.
  const other = await openApp(browser, link);
  assert.equal(await other.getAttribute('#tab-depth', 'aria-selected'), 'true');
  assert.equal(await other.inputValue('#scrub'), await page.inputValue('#scrub'), 'the same time');
  assert.deepEqual(page.problems, []);
  await other.context().close();
  await page.context().close();
});

test('back and forward restore each earlier picture exactly and keep the entries ahead', async () => {
  const search = (page) => page.evaluate(() => location.search);
  const length = (page) => page.evaluate(() => history.length);
  // Through the story from the first page, and back to it.
  const page = await openApp(browser, server.url);
  await page.click('#story-start');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '1');
  for (const n of ['2', '3']) {
    await page.keyboard.press('PageDown');
    await page.waitForFunction((k) => new URLSearchParams(location.search).get('step') === k, n);
  }
  await page.waitForTimeout(400);
  const entries = await length(page);
  const third = await search(page);
  for (const n of ['2', '1']) {
    await page.goBack();
    await page.waitForFunction((k) => document.querySelector('#story-caption')?.textContent.includes(`${k} /`), n);
  }
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#story-caption'));
  await page.waitForTimeout(400);
  assert.equal(await search(page), '', 'the first page, as it was opened');
  await page.waitForSelector('.event-card.intro');
  assert.equal(await length(page), entries, 'no entry added, none lost');
  for (let i = 0; i < 3; i++) await page.goForward();
  await page.waitForFunction((q) => location.search === q, third);
  await page.waitForFunction(() => document.querySelector('#story-caption')?.textContent.includes('3 /'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // From view to view at one time, and back: no selection appears that was never made.
  const other = await openApp(browser, `${server.url}?t=2000-01-01`);
  await other.click('#tab-mapping');
  await other.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'mapping');
  await other.click('#tab-depth');
  await other.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'depth');
  await other.waitForTimeout(400);
  const n = await length(other);
  await other.goBack();
  await other.waitForFunction(() => document.querySelector('#tab-mapping').getAttribute('aria-selected') === 'true');
  await other.goBack();
  await other.waitForFunction(() => document.querySelector('#tab-timeline').getAttribute('aria-selected') === 'true');
  await other.waitForTimeout(400);
  assert.equal(await search(other), '?t=2000-01-01');
  assert.equal(await length(other), n);
  await other.goForward();
  await other.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'mapping');
  assert.deepEqual(other.problems, []);
  await other.context().close();
});

test('invalid parameters are ignored with a notice, never a blank page', async () => {
  const page = await openApp(browser, `${server.url}?view=nope&t=2023-02-30&sel=zzz&theme=neon`);
  await page.waitForSelector('#notice.error');
  const text = await page.textContent('#notice');
  for (const part of ['view=nope', 't=2023-02-30', 'sel=zzz', 'theme=neon']) {
    assert.ok(text.includes(part), `the notice names ${part}: ${text}`);
  }
  assert.ok(await page.evaluate(() => document.querySelector('#timeline-canvas').width > 0));
  await page.click('#notice .dismiss');
  assert.equal(await page.locator('#notice').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // A date outside the data's time is shown at its nearest end, and the notice says so.
  const early = await openApp(browser, `${server.url}?t=1800-01-01`);
  await early.waitForSelector('#notice.error');
  assert.match(await early.textContent('#notice'), /t=1800-01-01: outside this dataset's time, 1990-\d\d-\d\d to 2026-\d\d-\d\d; shown at 1990-/);
  assert.match(await early.textContent('#playhead-date'), /1990/);
  assert.deepEqual(early.problems, []);
  await early.context().close();
});
