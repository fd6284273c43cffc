// The timeline in a real browser: loads cleanly, draws, plays, selects, and is sharp on HiDPI screens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { serve, launch, openApp, inkedShare, hitTargets, saturatedAt, dropFile, controlRows } from './harness.mjs';

const minimal = readFileSync(new URL('../data/minimal.json', import.meta.url), 'utf8');

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

test('loads with no console errors and draws a non-blank canvas', async () => {
  const page = await openApp(browser, server.url);
  const share = await inkedShare(page);
  assert.ok(share > 0.05, `only ${(share * 100).toFixed(1)}% of the canvas is drawn`);
  assert.equal(await page.locator('#loading').count(), 0, 'the loading message is gone');
  await mkdir('target/screenshots', { recursive: true });
  await page.screenshot({ path: 'target/screenshots/timeline-1280x720.png' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('playing through events closer than a quarter second, the card holds each a quarter second; a pause shows the last passed', async () => {
  // Every change of the card's event, and when it happened.
  const page = await openApp(browser, server.url, {}, {
    init: () => {
      window.__cards = [];
      new MutationObserver(() => {
        const id = document.querySelector('.event-card[data-event-id]')?.getAttribute('data-event-id') ?? null;
        if (window.__cards.at(-1)?.id !== id) window.__cards.push({ id, at: performance.now() });
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-event-id'] });
    },
  });
  // 300 events a month apart: at one year a second, one every 83 ms.
  const dense = JSON.parse(minimal);
  const event = dense.events[0];
  const day = (i) => Date.UTC(1995 + Math.floor(i / 12), i % 12, 15) / 86_400_000;
  dense.events = Array.from({ length: 300 }, (_, i) => ({ ...event, id: `event-${i}`, date: new Date(day(i) * 86_400_000).toISOString().slice(0, 10) }));
  await dropFile(page, 'dense.json', JSON.stringify(dense));
  await page.waitForFunction(() => /^Timeline of 300 events/.test(document.querySelector('#timeline-canvas').getAttribute('aria-label')));
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  await page.evaluate(() => (window.__cards = []));
  await page.click('#play');
  await page.waitForTimeout(2500);
  const pausedAt = await page.evaluate(() => performance.now());
  await page.click('#play');
  await page.waitForTimeout(300);
  const cards = await page.evaluate(() => window.__cards);
  const played = cards.filter((c) => c.id && c.at < pausedAt);
  const gaps = played.slice(1).map((c, i) => Math.round(c.at - played[i].at));
  assert.ok(gaps.length >= 5, `the card moved on while playing: ${played.map((c) => c.id).join(' ')}`);
  assert.ok(Math.min(...gaps) >= 230, `each card showed a quarter second at least: ${gaps.join(' ')} ms`);
  // Paused: the last event the playhead has passed, at once (the scrubber shows the playhead to the
  // nearest day, so an event within a day of it may or may not have been passed).
  const playhead = Number(await page.inputValue('#scrub'));
  const lastBy = (d) => `event-${dense.events.map((_, i) => i).filter((i) => day(i) <= d).at(-1)}`;
  const shown = await page.getAttribute('.event-card', 'data-event-id');
  assert.ok([lastBy(playhead - 1), lastBy(playhead + 1)].includes(shown), `${shown} at day ${playhead}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** The last day the bundled data covers (an event's or an era's), as "26 Feb 2026". */
function lastDayOfData() {
  const data = JSON.parse(readFileSync(new URL('../../src/model/data/union_state.json', import.meta.url), 'utf8'));
  // A date's last day: a year's 31 December, a month's last day, a day itself.
  const lastOf = (d) => {
    const [y, m = 12, day] = d.split('-').map(Number);
    return day ? Date.UTC(y, m - 1, day) : Date.UTC(y, m, 0);
  };
  const days = [...data.events.flatMap((e) => e.date.split('/')), ...data.eras.map((e) => e.end)].map(lastOf);
  return new Date(Math.max(...days)).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

test("the playhead opens on the data's last day, not on the margin after it, and playing ends there", async () => {
  const last = lastDayOfData();
  const page = await openApp(browser, server.url);
  const date = () => page.textContent('#playhead-date');
  assert.equal(await date(), last, 'the opening picture is dated by its last event');
  const end = await page.getAttribute('#scrub', 'max');
  assert.equal(await page.inputValue('#scrub'), end, 'the scrubber at its end');
  // Played from a month and a half before, at four times the speed, the playhead stops on that day.
  await page.$eval('#scrub', (el) => {
    el.value = String(Number(el.max) - 45);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.notEqual(await date(), last);
  await page.selectOption('#speed', '4');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'false', null, { timeout: 5000 });
  assert.equal(await date(), last, 'playing ends on the last day');
  assert.equal(await page.inputValue('#scrub'), end);
  // Play there starts over from the beginning.
  await page.click('#play');
  await page.waitForFunction((e) => Number(document.querySelector('#scrub').value) < Number(e) - 3000, end);
  await page.click('#play');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("at 1280 x 720, in English and in Russian, the timeline's controls are one row", async () => {
  for (const [lang, width, height] of [['en', 1280, 720], ['ru', 1280, 720]]) {
    const page = await openApp(browser, `${server.url}?lang=${lang}`, { viewport: { width, height } });
    assert.equal(await controlRows(page), 1, `${lang} at ${width} x ${height}: the controls' rows`);
    const scrub = await page.$eval('#scrub', (el) => el.getBoundingClientRect().width);
    assert.ok(scrub >= 96, `${lang} at ${width} x ${height}: the scrubber ${scrub} px wide`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('pressing play moves the playhead and reveals events', async () => {
  const page = await openApp(browser, server.url);
  // The page opens on the whole story with an introduction; Play starts from the beginning.
  assert.equal(await page.locator('.event-card.intro').count(), 1);
  const [earliest] = await hitTargets(page);
  assert.equal(await saturatedAt(page, earliest.x, earliest.y), true, 'every event is drawn at the start');
  // Scrub back to the very beginning.
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const before = Number(await page.inputValue('#scrub'));
  assert.equal(before, Number(await page.getAttribute('#scrub', 'min')));
  const [first] = await hitTargets(page);
  assert.equal(await saturatedAt(page, first.x, first.y), false, 'the first event is a hollow ghost before play');
  await page.click('#play');
  await page.waitForTimeout(1500);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  const during = Number(await page.inputValue('#scrub'));
  assert.ok(during > before + 200, `playhead moved from ${before} to ${during}`);
  await page.waitForFunction((b) => Number(document.querySelector('#scrub').value) > b + 2500, before, { timeout: 15000 });
  assert.equal(await saturatedAt(page, first.x, first.y), true, 'the first event is drawn once the playhead passed it');
  assert.ok(await page.locator('.event-card[data-event-id]').count(), 'the card follows the playhead');
  await page.click('#play');
  const paused = Number(await page.inputValue('#scrub'));
  await page.waitForTimeout(400);
  assert.equal(Number(await page.inputValue('#scrub')), paused, 'pause stops the playhead');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('while playing, the scrubber and its date follow the playhead ten times a second, and exactly on pause', async () => {
  const page = await openApp(browser, server.url);
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const link = () => new URLSearchParams(location.search).get('t');
  await page.waitForFunction(link);
  const start = await page.evaluate(link);
  await page.click('#play');
  // Over a second and a half of playing: how often the date beside the scrubber and the scrubber's
  // value change, against how many frames the playhead moved in.
  const seen = await page.evaluate(
    () =>
      new Promise((done) => {
        const date = document.querySelector('#playhead-date');
        const scrub = document.querySelector('#scrub');
        const tab = document.querySelector('.playhead-tab');
        let dates = 0;
        let values = 0;
        let frames = 0;
        let last = [date.textContent, scrub.value, tab.style.transform];
        const start = performance.now();
        const frame = () => {
          const now = [date.textContent, scrub.value, tab.style.transform];
          if (now[0] !== last[0]) dates++;
          if (now[1] !== last[1]) values++;
          if (now[2] !== last[2]) frames++;
          last = now;
          const ms = performance.now() - start;
          if (ms < 1500) requestAnimationFrame(frame);
          else done({ dates, values, frames, ms });
        };
        requestAnimationFrame(frame);
      }),
  );
  const most = Math.ceil(seen.ms / 100) + 1;
  assert.ok(seen.dates >= 5 && seen.dates <= most, `the date changed ${seen.dates} times in ${seen.ms} ms (${seen.frames} frames moved the playhead)`);
  assert.ok(seen.values >= 5 && seen.values <= most, `the scrubber moved ${seen.values} times in ${seen.ms} ms`);
  // Paused, both show where the playhead stopped: the day the link records.
  await page.click('#play');
  await page.waitForFunction((s) => new URLSearchParams(location.search).get('t') !== s, start);
  const [t, shown, value] = await page.evaluate(() => [
    new URLSearchParams(location.search).get('t'),
    document.querySelector('#playhead-date').textContent,
    Number(document.querySelector('#scrub').value),
  ]);
  const [y, m, d] = t.split('-').map(Number);
  const stopped = Date.UTC(y, m - 1, d) / 86400000;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  assert.equal(shown, `${d} ${months[m - 1]} ${y}`, `the date shown on pause is the playhead's (${t})`);
  assert.ok(value === stopped || value === stopped + 1, `the scrubber stopped at ${value}, the playhead on day ${stopped}`);
  // The date's tab stands on the time axis at the chart's foot, under the lowest lane, not over the
  // era names along its top.
  const [tab, chart] = await page.evaluate(() =>
    ['.playhead-tab', '#timeline-canvas'].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, height: r.height };
    }),
  );
  assert.ok(tab.height > 10 && tab.bottom <= chart.bottom + 0.5, `the tab ${JSON.stringify(tab)} in the chart ${JSON.stringify(chart)}`);
  assert.ok(tab.top > chart.bottom - 40, `the tab's top ${tab.top} is on the axis (the chart ends at ${chart.bottom})`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('clicking an event shows its card', async () => {
  const page = await openApp(browser, server.url);
  const targets = await hitTargets(page);
  assert.ok(targets.length >= 40, `${targets.length} events placed`);
  const box = await page.locator('#timeline-canvas').boundingBox();
  for (const pick of [targets[Math.floor(targets.length / 2)], targets[targets.length - 1]]) {
    await page.mouse.click(box.x + pick.x, box.y + pick.y);
    await page.waitForSelector(`.event-card[data-event-id="${pick.id}"]`);
    const title = await page.textContent('#card-title');
    assert.ok(title.length > 3, 'the card has a title');
    assert.ok((await page.locator('.event-card .sources li').count()) >= 1, 'the card lists sources');
    assert.match(await page.textContent('.event-card'), /Confidence/);
  }
  // Stepping moves the card along.
  const shown = await page.getAttribute('.event-card', 'data-event-id');
  await page.click('#step-previous');
  await page.waitForFunction((id) => document.querySelector('.event-card')?.dataset.eventId !== id, shown);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('hovering an event changes the cursor; drag pans and wheel zooms', async () => {
  const page = await openApp(browser, server.url);
  const targets = await hitTargets(page);
  const box = await page.locator('#timeline-canvas').boundingBox();
  const t = targets[10];
  await page.mouse.move(box.x + t.x, box.y + t.y);
  await page.waitForSelector('#timeline-canvas.hovering');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40);
  await page.mouse.wheel(0, -600);
  await page.waitForFunction((n) => JSON.parse(document.querySelector('#timeline-canvas').dataset.hitTargets).length < n, targets.length);
  const zoomed = await hitTargets(page);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 40);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height - 40, { steps: 5 });
  await page.mouse.up();
  const panned = await hitTargets(page);
  assert.notDeepEqual(panned, zoomed, 'dragging pans the view');
  await page.click('#zoom-reset');
  assert.equal((await hitTargets(page)).length, targets.length);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the backing store follows devicePixelRatio 2 and a phone width', async () => {
  const page = await openApp(browser, server.url, { deviceScaleFactor: 2 });
  const dims = await page.evaluate(() => {
    const c = document.querySelector('#timeline-canvas');
    return { w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(dims.dpr, 2);
  assert.equal(dims.w, Math.round(dims.cw * 2));
  assert.equal(dims.h, Math.round(dims.ch * 2));
  await page.screenshot({ path: 'target/screenshots/timeline-dpr2.png' });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#timeline-canvas');
    return c.width === Math.round(c.clientWidth * 2) && c.clientWidth < 400;
  });
  assert.ok((await inkedShare(page)) > 0.05);
  await page.screenshot({ path: 'target/screenshots/timeline-phone.png', fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a legend beside the chart says what each mark means, in the page's language; a long card scrolls under it", async () => {
  const page = await openApp(browser, `${server.url}?sel=programmes-signed-2021`);
  await page.waitForSelector('.event-card[data-event-id="programmes-signed-2021"]');
  const legend = () =>
    page.evaluate(() => {
      const items = [...document.querySelectorAll('.card-column > .timeline-legend li')];
      return items.map((li) => {
        const mark = li.querySelector('.mark').getBoundingClientRect();
        return { kind: li.querySelector('.mark').classList[1], text: li.textContent.trim(), w: mark.width, h: mark.height };
      });
    });
  const en = await legend();
  assert.deepEqual(en.map((i) => i.kind), ['disc', 'ring', 'span', 'ahead']);
  assert.match(en[1].text, /^Never implemented, reversed, shelved or terminated/);
  for (const i of en) assert.ok(i.w >= 8 && i.h >= 8, `the ${i.kind} mark is drawn (${i.w} x ${i.h})`);
  assert.equal(await page.getAttribute('.timeline-legend', 'aria-label'), 'Legend');

  // The legend and the top of the card are on the screen; the card scrolls within the column.
  const box = await page.evaluate(() => {
    const rect = (s) => document.querySelector(s).getBoundingClientRect();
    const card = document.querySelector('.event-card');
    return {
      legend: rect('.timeline-legend'), card: rect('.event-card'), column: rect('.card-column'),
      scrolls: card.scrollHeight > card.clientHeight, page: document.documentElement.scrollHeight, screen: innerHeight,
    };
  });
  assert.ok(box.legend.bottom <= box.card.top, 'the legend is above the card');
  assert.ok(box.card.bottom <= box.column.bottom + 1 && box.column.bottom <= box.screen, `the card ends at ${box.card.bottom}px, the column at ${box.column.bottom}px`);
  assert.ok(box.scrolls, 'this card is longer than the column leaves it, and scrolls');
  assert.ok(box.page <= box.screen, `the page is ${box.page}px tall on a ${box.screen}px screen`);

  await page.click('#lang-ru');
  await page.waitForFunction(() => document.querySelector('.timeline-legend li')?.textContent.trim() === 'Событие');
  const ru = await legend();
  assert.match(ru[1].text, /^Не выполнено, отменено, отложено или прекращено/);
  assert.equal(await page.getAttribute('.timeline-legend', 'aria-label'), 'Условные обозначения');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a narrow phone every view tab is on the screen, in two columns, and nothing scrolls sideways, in both languages', async () => {
  for (const lang of ['en', 'ru']) {
    const page = await openApp(browser, `${server.url}?lang=${lang}`, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    const r = await page.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      tabs: [...document.querySelectorAll('.view-tabs button')].filter((b) => !b.hidden).map((b) => {
        const box = b.getBoundingClientRect();
        return [b.textContent, Math.round(box.left), Math.round(box.right)];
      }),
    }));
    assert.equal(r.tabs.length, 4, `${lang}: four tabs`);
    assert.ok(r.overflow <= 1, `${lang}: the page scrolls sideways by ${r.overflow}px`);
    for (const [name, left, right] of r.tabs) assert.ok(left >= 0 && right <= 320, `${lang}: the tab "${name}" reaches ${left} to ${right}px`);
    // In two even columns, none left alone on a row.
    assert.equal(new Set(r.tabs.map(([, left]) => left)).size, 2, `${lang}: ${JSON.stringify(r.tabs)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('keyboard: A plays and pauses, arrows step, End jumps to the last event', async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('Home');
  const first = await page.getAttribute('.event-card', 'data-event-id');
  assert.ok(first, 'Home shows the first event');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => document.querySelector('.event-card').dataset.eventId !== id, first);
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((id) => document.querySelector('.event-card').dataset.eventId === id, first);
  await page.keyboard.press('End');
  const targets = await hitTargets(page);
  const last = await page.getAttribute('.event-card', 'data-event-id');
  assert.ok(targets.some((t) => t.id === last));
  await page.locator('body').press('a');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.locator('body').press('a');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('paused on an event, the playhead shows it whole, however it got there: a link, a step, a pause', async () => {
  // Events grow in as the playhead passes them while it plays. Stopped on one (its date is the
  // playhead's), it and every event before it are drawn whole, not as the faint outline of an event to
  // come.
  const marked = async (page, id) => {
    await page.waitForFunction((id) => JSON.parse(document.querySelector('#timeline-canvas').dataset.hitTargets ?? '[]').some((t) => t.id === id), id);
    const t = (await hitTargets(page)).find((x) => x.id === id);
    return saturatedAt(page, t.x, t.y);
  };
  const page = await openApp(browser, `${server.url}?t=1995-02-21&sel=friendship-treaty-1995`);
  assert.equal(await page.getAttribute('.event-card', 'data-event-id'), 'friendship-treaty-1995');
  assert.ok(await marked(page, 'friendship-treaty-1995'), 'linked to: the event on the playhead is drawn whole');
  await page.goto(`${server.url}?t=1996-01-01`);
  await page.waitForSelector('#timeline-canvas');
  await page.locator('#timeline-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.event-card')?.dataset.eventId);
  const stepped = await page.getAttribute('.event-card', 'data-event-id');
  await page.waitForTimeout(600);
  assert.ok(await marked(page, stepped), `stepped to: ${stepped} is drawn whole`);
  // Played and paused: the events just passed are whole at once.
  await page.click('#play');
  await page.waitForTimeout(1500);
  await page.click('#play');
  await page.waitForTimeout(300);
  const passed = await page.getAttribute('.event-card', 'data-event-id');
  assert.ok(await marked(page, passed), `paused: ${passed}, the last event passed, is drawn whole`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an event the chart leaves unlabelled or cuts shows its whole title beside its marker when pointed at, not while playing', async () => {
  // A narrow chart, where most labels are cut or left out.
  const page = await openApp(browser, server.url, { viewport: { width: 700, height: 800 } });
  const targets = await hitTargets(page);
  const box = await page.locator('#timeline-canvas').boundingBox();
  const frame = await page.locator('.canvas-frame.layered').boundingBox();
  let shown = 0;
  for (const pick of targets.filter((_, i) => i % 7 === 3).slice(0, 12)) {
    await page.mouse.move(box.x + pick.x, box.y + pick.y);
    await page.waitForTimeout(60);
    const callout = await page.$('.event-callout');
    if (!callout) continue;
    shown += 1;
    const r = await callout.boundingBox();
    const text = await callout.textContent();
    assert.ok(Math.abs(r.y + r.height / 2 - (box.y + pick.y)) <= 3, `the title beside its marker: ${JSON.stringify(r)} for ${JSON.stringify(pick)}`);
    assert.ok(r.x >= frame.x - 1 && r.x + r.width <= frame.x + frame.width + 1, `the title inside the chart: ${JSON.stringify(r)}`);
    // The same event's card gives the same title.
    await page.mouse.click(box.x + pick.x, box.y + pick.y);
    await page.waitForSelector(`.event-card[data-event-id="${pick.id}"]`);
    assert.equal(text.trim(), (await page.textContent('#card-title')).trim());
  }
  assert.ok(shown >= 3, `${shown} titles shown`);
  // Playing, the card names the event and nothing is shown over the chart.
  await page.click('#play');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.event-callout').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
