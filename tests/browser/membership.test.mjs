// The membership matrix and the depth ladder in a real browser: scrubbing changes what is shown,
// hover and click open the right cards, no console errors.
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

async function scrubTo(page, value) {
  await page.$eval('#scrub', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

async function open(tab, canvas) {
  const page = await openApp(browser, server.url);
  await page.click(tab);
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    return c && c.width > 0;
  }, canvas);
  return page;
}

const cells = async (page) => JSON.parse(await page.getAttribute('#membership-canvas', 'data-cells'));

test('scrubbing the playhead changes the memberships shown', async () => {
  const page = await open('#tab-membership', '#membership-canvas');
  await scrubTo(page, day(1995, 6, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#membership-canvas').dataset.cells)['uz/csto'] === 'member');
  await scrubTo(page, day(2000, 6, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#membership-canvas').dataset.cells)['uz/csto'] === 'left');
  await scrubTo(page, day(2013, 6, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#membership-canvas').dataset.cells)['uz/csto'] === 'suspended');
  const c2013 = await cells(page);
  assert.equal(c2013['ge/cis'], 'left');
  await scrubTo(page, day(2025, 6, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#membership-canvas').dataset.cells)['am/csto'] === 'suspended');
  await page.screenshot({ path: 'target/screenshots/membership-1280x720.png' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in the memberships and the depth, the clicker goes from date to date, not from event to event', async () => {
  // Several events share a day (26 Jan 2000: five); these views show a date's state, so a press that
  // stayed on the same day would change nothing on screen.
  for (const [tab, canvas] of [['#tab-membership', '#membership-canvas'], ['#tab-depth', '#depth-canvas']]) {
    const page = await open(tab, canvas);
    await page.focus(canvas);
    await page.keyboard.press('Home');
    const days = [Number(await page.inputValue('#scrub'))];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('PageDown');
      days.push(Number(await page.inputValue('#scrub')));
    }
    for (let i = 1; i < days.length; i++) {
      assert.ok(days[i] > days[i - 1], `${tab}: press ${i} moved on from day ${days[i - 1]} (${days[i]})`);
    }
    assert.ok(days.includes(day(2000, 1, 26)), `${tab}: 26 Jan 2000 is one of the dates`);
    // The buttons beside Play say so; on the timeline they step through events.
    assert.equal(await page.getAttribute('#step-next', 'aria-label'), 'Next date');
    assert.equal(await page.getAttribute('#step-previous', 'title'), 'Previous date with an event (←)');
    // And back: each press an earlier date.
    for (let i = 0; i < 5; i++) {
      const before = Number(await page.inputValue('#scrub'));
      await page.keyboard.press('PageUp');
      assert.ok(Number(await page.inputValue('#scrub')) < before, `${tab}: back ${i + 1} went to an earlier date`);
    }
    await page.click('#tab-timeline');
    await page.waitForFunction(() => document.querySelector('#step-next')?.getAttribute('aria-label') === 'Next event');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('hover a state shows its history; click an organisation shows its timeline', async () => {
  const page = await open('#tab-membership', '#membership-canvas');
  const box = await page.locator('#membership-canvas').boundingBox();
  // The fifth row's label, then the second column's header (positions from the layout's proportions).
  await page.mouse.move(box.x + 20, box.y + box.height * 0.5);
  await page.waitForSelector('.event-card[data-pick-id]');
  assert.match(await page.textContent('.event-card .eyebrow'), /State/);
  assert.ok(await page.locator('.event-card canvas.history-chart').count());
  const header = await page.evaluate(() => {
    const c = document.querySelector('#membership-canvas');
    return { y: c.clientWidth < 640 ? 30 : 37, x: (c.clientWidth < 640 ? 78 : 118) + ((c.clientWidth - (c.clientWidth < 640 ? 78 : 118)) / 6) * 1.5 };
  });
  await page.mouse.click(box.x + header.x, box.y + header.y);
  await page.mouse.move(box.x + header.x, box.y + header.y);
  await page.waitForSelector('.event-card[data-pick-id="csto"]');
  assert.match(await page.textContent('.event-card .eyebrow'), /Organisation/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the depth ladder follows the playhead and links marks to the timeline', async () => {
  const page = await open('#tab-depth', '#depth-canvas');
  const levels = async () => JSON.parse(await page.getAttribute('#depth-canvas', 'data-levels'));
  await scrubTo(page, day(1991, 1, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#depth-canvas').dataset.levels)['currency'][0] === 0);
  await scrubTo(page, day(2026, 3, 1));
  await page.waitForFunction(() => JSON.parse(document.querySelector('#depth-canvas').dataset.levels)['currency'][0] > 0);
  const late = await levels();
  assert.ok(late['military-security'][1] > late['currency'][1], 'security delivered more than money');
  const marks = JSON.parse(await page.getAttribute('#depth-canvas', 'data-marks'));
  const box = await page.locator('#depth-canvas').boundingBox();
  await page.mouse.click(box.x + marks[0].x, box.y + marks[0].y);
  await page.waitForSelector('.event-card[data-provision-id]');
  await page.click('.event-card .related button');
  await page.waitForSelector('.event-card[data-event-id]');
  assert.equal(await page.getAttribute('#tab-timeline', 'aria-selected'), 'true');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("on a touch screen each view's help says to tap, not to point; a tap on a depth sector shows its card and keeps it", async () => {
  const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
  for (const [lang, tap, point] of [['en', /^Tap /, /^(Point|Hover) /], ['ru', /^Коснитесь /, /^Наведите /]]) {
    for (const view of ['timeline', 'mapping', 'membership', 'depth']) {
      const at = `${lang} ${view}`;
      for (const [options, shown, hidden] of [[phone, tap, point], [{}, point, tap]]) {
        const page = await openApp(browser, `${server.url}?view=${view}&lang=${lang}`, options);
        const help = await page.$$eval('.event-card.intro p.muted', (ps) => ps.filter((p) => p.offsetParent).map((p) => p.textContent));
        assert.equal(help.length, 1, `${at}: ${JSON.stringify(help)}`);
        // (The timeline's help starts "Press Play" either way: below.)
        if (view !== 'timeline') {
          assert.match(help[0], shown, `${at}: ${help[0]}`);
          assert.doesNotMatch(help[0], hidden, `${at}: ${help[0]}`);
        }
        await page.context().close();
      }
    }
  }
  // The timeline's help for a finger: drag and pinch, not keys.
  const page = await openApp(browser, server.url, phone);
  const [help] = await page.$$eval('.event-card.intro p.muted', (ps) => ps.filter((p) => p.offsetParent).map((p) => p.textContent));
  assert.match(help, /pinch/);
  assert.doesNotMatch(help, /arrow keys|\(or A\)/);
  await page.context().close();
  // A tap on a sector's row, away from its marks, shows the sector's card, which stays after the finger lifts.
  const depth = await openApp(browser, `${server.url}?view=depth`, phone);
  await depth.waitForFunction(() => document.querySelector('#depth-canvas')?.dataset.marks?.length > 2);
  const marks = JSON.parse(await depth.getAttribute('#depth-canvas', 'data-marks'));
  const box = await depth.locator('#depth-canvas').boundingBox();
  await depth.touchscreen.tap(box.x + 6, box.y + marks[0].y);
  await depth.waitForSelector('.event-card[data-sector-id]');
  await depth.waitForTimeout(300);
  assert.equal(await depth.locator('.event-card[data-sector-id]').count(), 1, 'the card stays');
  assert.deepEqual(depth.problems, []);
  await depth.context().close();
});

test("an outcome no source dates is given on its card as known by its source's date, and counted from that date's end", async () => {
  const page = await openApp(browser, `${server.url}?view=depth&sel=equal-rights-of-citizens&t=2025-06-01`);
  await page.waitForSelector('.event-card[data-provision-id="equal-rights-of-citizens"] .history li');
  const outcome = await page.textContent('.event-card .history li');
  assert.match(outcome, /^By 2025 at the latest: Implemented\. /);
  assert.match(await page.textContent('.event-card .status'), /At the playhead: Declared only/);
  const levels = JSON.parse(await page.getAttribute('#depth-canvas', 'data-levels'));
  // Of the sector's two provisions, only the visas (in force 11 Jan 2025) count as delivered by then.
  assert.deepEqual(levels['free-movement-people'], [2, 1]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an outcome resting only on officials' word says so on its card", async () => {
  const page = await openApp(browser, `${server.url}?view=depth&sel=monetary-harmonisation&t=2026-02-26`);
  await page.waitForSelector('.event-card[data-provision-id="monetary-harmonisation"] .history li');
  assert.match(await page.textContent('.event-card .history li'), /^29 Jan 2024: Partly implemented \(officials' own account, not verified independently\)\. /);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in Russian, a membership to this day reads "н. в." with one full stop', async () => {
  const page = await openApp(browser, `${server.url}?view=membership&lang=ru`);
  await page.waitForFunction(() => document.querySelector('#membership-canvas')?.width > 0);
  const box = await page.locator('#membership-canvas').boundingBox();
  // Russia's row, the first: a member of the CIS to this day.
  const rows = await page.evaluate(() => {
    const c = document.querySelector('#membership-canvas');
    const narrow = c.clientWidth < 640;
    return { top: narrow ? 46 : 54, h: (c.clientHeight - (narrow ? 46 : 54)) / 12 };
  });
  await page.mouse.move(box.x + 20, box.y + rows.top + rows.h / 2);
  await page.waitForSelector('.event-card[data-pick-id] .history li');
  const history = await page.$$eval('.event-card .history li', (items) => items.map((li) => li.textContent));
  assert.ok(history.some((t) => t.includes('н. в.')), `a membership to this day: ${history}`);
  assert.ok(history.every((t) => !t.includes('н. в..')), `one full stop: ${history}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
