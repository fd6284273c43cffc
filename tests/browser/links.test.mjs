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

test('an address whose path begins with two slashes is kept in the address as it is written', async () => {
  // `http://host//?view=timeline`: the default view, so the query is dropped; the path alone, "//",
  // would be read as another host, and the browser would refuse it.
  const page = await openApp(browser, `${server.url}/?view=timeline`);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.waitForFunction(() => location.search === '');
  assert.equal(new URL(page.url()).pathname, '//');
  await page.click('#tab-mapping');
  await page.waitForFunction(() => location.search === '?view=mapping');
  assert.equal(new URL(page.url()).pathname, '//');
  assert.deepEqual(warnings, []);
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

test('quick steps keep an entry each, and back in the middle of a step shows the step before as it was', async () => {
  const page = await openApp(browser, server.url);
  const step = () => page.evaluate(() => new URLSearchParams(location.search).get('step'));
  await page.click('#story-start');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '1');
  const entries = await page.evaluate(() => history.length);
  // Three presses as quick as a clicker's: each step its own entry.
  for (let i = 0; i < 3; i++) await page.keyboard.press('PageDown');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '4');
  assert.equal(await page.evaluate(() => history.length), entries + 3, 'one entry per step');
  // Back while step 4's transition still moves the playhead (to 1 Jan 2010): step 3 as it was, its
  // time kept on screen and in its entry.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#story-caption')?.textContent.includes('3 /'));
  await page.waitForTimeout(1200);
  assert.equal(Number(await page.inputValue('#scrub')), day(2008, 5, 27), "step 3's time");
  assert.equal(new URL(page.url()).searchParams.get('t'), '2008-05-27');
  for (const n of ['2', '1']) {
    await page.goBack();
    await page.waitForFunction((k) => document.querySelector('#story-caption')?.textContent.includes(`${k} /`), n);
    assert.equal(await step(), n);
  }
  assert.deepEqual(page.problems, []);
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

test("a story's history holds each step as the step shows it, however fast the speaker goes", async () => {
  const q = (page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.search)));
  const page = await openApp(browser, server.url);
  await page.click('#story-start');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '1');
  // Next pressed before each transition has ended (they take 0.9 s).
  for (const n of ['2', '3']) {
    await page.waitForTimeout(300);
    await page.keyboard.press('PageDown');
    await page.waitForFunction((k) => new URLSearchParams(location.search).get('step') === k, n);
  }
  await page.waitForTimeout(1500);
  assert.deepEqual(await q(page), { t: '2008-05-27', sel: 'ssc-2007-12', step: '3' });
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '2');
  assert.deepEqual(await q(page), { t: '1999-12-08', sel: 'union-state-treaty-1999', step: '2' });
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '1');
  assert.deepEqual(await q(page), { t: '1995-02-21', sel: 'friendship-treaty-1995', step: '1' });
  // A step with no selection keeps none from an earlier step (step 4 selects a provision).
  await page.goto(`${server.url}?step=4`);
  await page.waitForSelector('.event-card[data-provision-id="single-currency"]');
  await page.keyboard.press('End');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('step') === '9');
  await page.waitForTimeout(1200);
  assert.equal((await q(page)).sel, undefined);
  assert.equal(await page.locator('.event-card[data-provision-id]').count(), 0, 'no provision card');
  // A link with a step is one entry: Back goes to the page before it.
  await page.goto(`${server.url}?view=membership`);
  await page.waitForFunction(() => document.querySelector('#membership-canvas')?.width > 0);
  await page.goto(`${server.url}?step=4`);
  await page.waitForSelector('.event-card[data-provision-id="single-currency"]');
  const length = await page.evaluate(() => history.length);
  await page.waitForTimeout(1200);
  assert.equal(await page.evaluate(() => history.length), length, 'no entry added by the step');
  await page.goBack();
  await page.waitForFunction(() => new URLSearchParams(location.search).get('view') === 'membership');
  // A hand-written link with a step and no time shows the step, and a reload shows it again.
  for (const link of ['?step=5&view=timeline', '?step=2&sel=no-such-event']) {
    await page.goto(`${server.url}${link}`);
    const expected = link.includes('step=5') ? 'membership' : 'timeline';
    await page.waitForFunction((v) => document.querySelector(`#tab-${v}`)?.getAttribute('aria-selected') === 'true' && new URLSearchParams(location.search).get('t'), expected);
    await page.waitForTimeout(1200);
    const shown = await q(page);
    await page.reload();
    await page.waitForFunction((v) => document.querySelector(`#tab-${v}`)?.getAttribute('aria-selected') === 'true', expected);
    await page.waitForTimeout(1200);
    assert.deepEqual(await q(page), shown, link);
  }
  await page.context().close();
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

test('a misspelt, doubled or odd parameter is named in the notice; tracking tags are not', async () => {
  const page = await openApp(
    browser,
    `${server.url}?veiw=mapping&t=2001-04-02&t=2019-12-08&key=yes&utm_source=mail&fbclid=Iw1`,
  );
  await page.waitForSelector('#notice.error');
  const text = await page.textContent('#notice');
  assert.match(text, /veiw=mapping: not a parameter of this page/);
  assert.match(text, /t given more than once: the first, 2001-04-02, is read/);
  assert.match(text, /key=yes: read as on/);
  assert.ok(!/utm_source|fbclid/.test(text), `tracking tags are not named: ${text}`);
  assert.match(text, /The page reads view, t, sel/);
  assert.equal(Number(await page.inputValue('#scrub')), day(2001, 4, 2), 'the first t is read');
  // What was named leaves the address (a reload opens without the notice); the tags stay.
  await page.waitForFunction(() => !location.search.includes('veiw'));
  const left = new URLSearchParams(await page.evaluate(() => location.search));
  assert.deepEqual(left.getAll('t'), ['2001-04-02']);
  assert.equal(left.get('utm_source'), 'mail');
  assert.equal(left.get('fbclid'), 'Iw1');
  await page.reload();
  await page.waitForSelector('#timeline-canvas');
  assert.equal(new URLSearchParams(await page.evaluate(() => location.search)).get('key'), '1', 'a switch as it was read');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#notice').count(), 0);
  // Back and forward do not name them again.
  await page.click('#tab-membership');
  await page.goBack();
  await page.waitForSelector('#tab-timeline[aria-selected="true"]');
  assert.equal(await page.locator('#notice').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
