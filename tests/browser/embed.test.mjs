// Embedding (?embed, the embed code, a sandboxed iframe) and the unattended kiosk (?kiosk).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, openMenu, controlRows, DIST } from './harness.mjs';

let server;
let browser;
const PARENT = join(DIST, 'test-embed-parent.html');

before(async () => {
  writeFileSync(
    PARENT,
    '<!DOCTYPE html><link rel="icon" href="data:,"><title>Slides</title><p>A slide</p>' +
      '<iframe id="f" src="/?embed=1" width="640" height="360" sandbox="allow-scripts" title="embedded"></iframe>',
  );
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(PARENT, { force: true });
});

test('embed mode shows the chart and controls only, filling the frame', async () => {
  const page = await openApp(browser, `${server.url}?embed=1`, { viewport: { width: 640, height: 360 } });
  assert.equal(await page.isVisible('.page-header'), false);
  assert.equal(await page.isVisible('.card-column'), false);
  const h = await page.evaluate(() => document.querySelector('#timeline-canvas').clientHeight);
  assert.ok(h > 360 * 0.6, `the chart fills the frame (${h}px of 360)`);
  assert.equal(await page.isVisible('#play'), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in a small frame the controls wrap and the chart gives them room: nothing overflows or overlaps', async () => {
  for (const view of ['timeline', 'mapping', 'membership', 'depth']) {
    // (A frame as large as a screen, too: the page's own limits on a wide screen do not hold here.)
    for (const [width, height] of [[640, 360], [800, 450], [1920, 1080]]) {
      // A date with an event, so that the caption under the controls has a line to show.
      const page = await openApp(browser, `${server.url}?embed=1&view=${view}&t=1996-04-02`, { viewport: { width, height } });
      const at = `${view} at ${width} x ${height}`;
      const box = await page.evaluate(() => {
        const edges = (selector) => {
          const r = document.querySelector(selector).getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, height: r.height };
        };
        return {
          page: document.documentElement.scrollHeight,
          chart: edges('.chart-column .canvas-frame'),
          controls: edges('.chart-column .controls'),
          caption: edges('.embed-caption'),
          captionText: document.querySelector('.embed-caption').textContent,
        };
      });
      assert.ok(box.page <= height, `${at}: the page is ${box.page} px tall, in a frame of ${height}`);
      assert.ok(box.chart.bottom <= box.controls.top, `${at}: the chart runs under the controls`);
      assert.ok(box.controls.bottom <= box.caption.top, `${at}: the caption lies over the controls`);
      assert.ok(box.caption.bottom <= height, `${at}: the caption is cut off`);
      assert.ok(box.chart.height > height * 0.6, `${at}: the chart fills the frame (${box.chart.height} px of ${height})`);
      assert.ok(box.caption.bottom > height - 12, `${at}: ${height - box.caption.bottom} px left empty under the caption`);
      if (view === 'timeline') assert.match(box.captionText, /1996/, `${at}: the caption names the current event`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
});

test("in a slide's 800 x 450 frame the controls stay on one row (in Russian from 860 px), and every date is whole in its box", async () => {
  for (const [lang, width] of [['en', 800], ['ru', 860], ['en', 1920], ['ru', 1920]]) {
    const at = `${lang} at ${width} x 450`;
    const page = await openApp(browser, `${server.url}?embed=1&lang=${lang}`, { viewport: { width, height: 450 } });
    assert.equal(await controlRows(page), 1, `${at}: the controls' rows`);
    // The 28th of each month: the longest of the dates' shapes ("28 марта 2017", "28 сент. 2017").
    for (let month = 0; month < 12; month++) {
      const day = Math.round(Date.UTC(2017, month, 28) / 864e5);
      await page.$eval('#scrub', (el, d) => {
        el.value = String(d);
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, day);
      const [text, inked, box] = await page.$eval('#playhead-date', (el) => {
        const r = document.createRange();
        r.selectNodeContents(el);
        return [el.textContent, r.getBoundingClientRect().width, el.clientWidth];
      });
      assert.match(text, /2017/, `${at}: the date shown`);
      assert.ok(inked <= box, `${at}: "${text}" is ${inked.toFixed(1)} px wide in a box of ${box}`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('embedded, the chart keeps its size when the caption under it fills', async () => {
  const page = await openApp(browser, `${server.url}?embed=1`, { viewport: { width: 640, height: 360 } });
  const chart = () => page.$eval('.chart-column .canvas-frame', (el) => el.getBoundingClientRect().height);
  const caption = () => page.textContent('.embed-caption');
  assert.equal((await caption()).trim(), '', 'no event yet, no caption');
  const before = await chart();
  await page.locator('#timeline-canvas').focus();
  await page.keyboard.press('End');
  await page.waitForFunction(() => document.querySelector('.embed-caption').textContent.trim() !== '');
  assert.equal(await chart(), before, `the chart went from ${before} px to ${await chart()} px`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embedded, the Key button shows the view\'s legend above the chart, and the chart gives it room', async () => {
  for (const view of ['timeline', 'mapping', 'membership', 'depth']) {
    for (const lang of ['en', 'ru']) {
      const at = `${view} in ${lang}`;
      const page = await openApp(browser, `${server.url}?embed=1&view=${view}&lang=${lang}`, { viewport: { width: 640, height: 360 } });
      const legend = '.card-column > .legend';
      assert.equal(await page.isVisible(legend), false, `${at}: no legend until asked`);
      const before = await page.$eval('.chart-column .canvas-frame', (el) => el.getBoundingClientRect().height);
      await page.click('#key-toggle');
      assert.equal(await page.getAttribute('#key-toggle', 'aria-pressed'), 'true');
      await page.waitForSelector(legend, { state: 'visible' });
      const box = await page.evaluate((legend) => {
        const r = (el) => el.getBoundingClientRect();
        const shown = [...document.querySelector('.card-column').children].filter((el) => el.getClientRects().length > 0);
        return {
          page: document.documentElement.scrollHeight,
          legend: r(document.querySelector(legend)),
          chart: r(document.querySelector('.chart-column .canvas-frame')),
          controls: r(document.querySelector('.chart-column .controls')),
          shown: shown.map((el) => el.className),
          items: [...document.querySelectorAll(`${legend} li`)].map((li) => li.textContent.trim()),
        };
      }, legend);
      assert.deepEqual(box.shown.length, 1, `${at}: of the side column only the legend shows (${box.shown})`);
      assert.ok(box.items.length >= 3 && box.items.every((t) => t.length > 2), `${at}: legend items ${box.items}`);
      if (lang === 'ru') assert.ok(box.items.every((t) => /[а-я]/.test(t)), `${at}: the legend in Russian: ${box.items}`);
      assert.ok(box.legend.bottom <= box.chart.top, `${at}: the legend lies over the chart`);
      assert.ok(box.chart.bottom <= box.controls.top, `${at}: the chart runs under the controls`);
      assert.ok(box.page <= 360, `${at}: the page is ${box.page} px tall, in a frame of 360`);
      assert.ok(box.chart.height < before && box.chart.height > 360 * 0.4, `${at}: the chart ${before} -> ${box.chart.height} px`);
      await page.click('#key-toggle');
      await page.waitForSelector(legend, { state: 'hidden' });
      assert.equal(await page.$eval('.chart-column .canvas-frame', (el) => el.getBoundingClientRect().height), before, `${at}: the chart takes its room back`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
  // Outside a frame there is no such button: the page shows its legends beside the chart.
  const page = await openApp(browser, server.url);
  assert.equal(await page.$('#key-toggle'), null);
  await page.context().close();
});

test('?key=1 opens an embedded view with its legend shown; a matrix too short for its names scrolls, its foot shaded', async () => {
  const page = await openApp(browser, `${server.url}?embed=1&key=1&view=membership&theme=projector&lang=ru`, { viewport: { width: 640, height: 300 } });
  assert.equal(await page.getAttribute('#key-toggle', 'aria-pressed'), 'true');
  assert.equal(await page.isVisible('.card-column > .legend'), true);
  const m = await page.evaluate(() => {
    const canvas = document.querySelector('#membership-canvas');
    const frame = canvas.parentElement;
    return { least: parseFloat(canvas.style.minHeight), canvas: canvas.clientHeight, frame: frame.clientHeight, scroll: frame.scrollHeight };
  });
  // Twelve rows of names at least 8 px type, at the projector theme's scale.
  assert.ok(m.least >= 12 * 10 * 1.3, `the least height ${m.least}`);
  assert.ok(m.canvas >= m.least, `the canvas keeps its least height: ${JSON.stringify(m)}`);
  assert.ok(m.scroll > m.frame, `the frame scrolls: ${JSON.stringify(m)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) <= 300, 'the page itself does not');
  await page.waitForFunction(() => document.querySelector('.matrix-frame').classList.contains('more-below'));
  await page.$eval('.matrix-frame', (f) => { f.scrollTop = f.scrollHeight; });
  await page.waitForFunction(() => !document.querySelector('.matrix-frame').classList.contains('more-below'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('embedded at 960 x 540 with its key, the legend is not faded at its foot as the side column is', async () => {
  const page = await openApp(browser, `${server.url}?embed=1&key=1&view=membership`, { viewport: { width: 960, height: 540 } });
  await page.waitForSelector('.card-column > .legend', { state: 'visible' });
  const r = await page.$eval('.card-column', (el) => ({
    mask: getComputedStyle(el).maskImage,
    scrolls: el.scrollHeight > el.clientHeight,
  }));
  assert.deepEqual(r, { mask: 'none', scrolls: false }, 'the whole legend, its last line unfaded');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a depth ladder too short for its rows keeps their height and scrolls in its frame, its foot shaded', async () => {
  const page = await openApp(browser, `${server.url}?embed=1&key=1&view=depth&theme=projector&lang=ru`, { viewport: { width: 640, height: 360 } });
  await page.waitForSelector('#depth-canvas');
  const m = await page.evaluate(() => {
    const canvas = document.querySelector('#depth-canvas');
    const frame = canvas.parentElement;
    return { least: parseFloat(canvas.style.minHeight), canvas: canvas.clientHeight, frame: frame.clientHeight, scroll: frame.scrollHeight };
  });
  // Eight rows, each at least a line of 11 px type and 6 px, at the projector theme's scale.
  assert.ok(m.least >= 8 * 17 * 1.3, `the least height ${m.least}`);
  assert.ok(m.canvas >= m.least, `the canvas keeps its least height: ${JSON.stringify(m)}`);
  assert.ok(m.scroll > m.frame, `the frame scrolls: ${JSON.stringify(m)}`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight) <= 360, 'the page itself does not');
  // Its foot shaded while more is below (some systems show no scroll bar), until scrolled to the end.
  await page.waitForFunction(() => document.querySelector('.ladder-frame').classList.contains('more-below'));
  await page.$eval('.ladder-frame', (f) => { f.scrollTop = f.scrollHeight; });
  await page.waitForFunction(() => !document.querySelector('.ladder-frame').classList.contains('more-below'));
  // A frame with room leaves the canvas its own height.
  await page.click('#key-toggle');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.waitForFunction(() => {
    const canvas = document.querySelector('#depth-canvas');
    return canvas.parentElement.scrollHeight <= canvas.parentElement.clientHeight;
  });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a timeline too short to name its lanes beside them names them in its legend, each in its colour', async () => {
  const lanes = async (url, count) => {
    const page = await openApp(browser, url, { viewport: { width: 640, height: 360 } });
    await page.waitForSelector('.card-column > .legend', { state: 'visible' });
    // The legend follows the chart's layout (which `openApp` waits for); the count is checked below.
    await page.waitForFunction((n) => document.querySelectorAll('.timeline-legend li.lane').length === n, count).catch(() => {});
    const items = await page.$$eval('.timeline-legend li.lane', (lis) =>
      lis.map((li) => ({ text: li.textContent.trim(), colour: getComputedStyle(li.querySelector('.mark.lane')).backgroundColor })),
    );
    assert.deepEqual(page.problems, []);
    await page.context().close();
    return items;
  };
  // In the projector's type, 640 x 360 with the key leaves the lanes too short for their names.
  const unnamed = await lanes(`${server.url}?embed=1&key=1&theme=projector`, 4);
  assert.deepEqual(unnamed.map((l) => l.text), ['Legal and political', 'Economic', 'Security and military', 'Institutions']);
  assert.equal(new Set(unnamed.map((l) => l.colour)).size, 4, `four colours: ${JSON.stringify(unnamed)}`);
  assert.ok(unnamed.every((l) => /^rgb\(/.test(l.colour)), JSON.stringify(unnamed));
  const ru = await lanes(`${server.url}?embed=1&key=1&theme=projector&lang=ru`, 4);
  assert.deepEqual(ru.map((l) => l.text), ['Право и политика', 'Экономика', 'Безопасность и военная сфера', 'Институты']);
  // Where the chart names them, the legend does not.
  assert.deepEqual(await lanes(`${server.url}?embed=1&key=1`, 0), []);
});

test("embedded, the caption under another view than the timeline names that view's selection, or nothing", async () => {
  const caption = (page) => page.textContent('.embed-caption');
  const page = await openApp(browser, `${server.url}?embed=1&view=membership&t=2015-09-01&sel=by`);
  await page.waitForFunction(() => /Belarus/.test(document.querySelector('.embed-caption')?.textContent ?? ''));
  assert.equal(await caption(page), 'History of Belarus');
  // A story step reached by a link or by Page Down says the same.
  await page.goto(`${server.url}?embed=1&step=4`);
  await page.waitForFunction(() => /Provision:/.test(document.querySelector('.embed-caption')?.textContent ?? ''));
  const byLink = await caption(page);
  await page.goto(`${server.url}?embed=1&step=3`);
  await page.waitForFunction(() => (document.querySelector('.embed-caption')?.textContent ?? '').length > 0);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => /Provision:/.test(document.querySelector('.embed-caption')?.textContent ?? ''));
  assert.equal(await caption(page), byLink);
  await page.goto(`${server.url}?embed=1&view=depth&t=2010-01-01`);
  await page.waitForSelector('.embed-caption', { state: 'attached' });
  await page.waitForTimeout(300);
  assert.equal(await caption(page), '');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the embed code names this view with embed=1, in a sandboxed iframe', async () => {
  const page = await openApp(browser, `${server.url}?view=mapping`, { permissions: ['clipboard-read', 'clipboard-write'] });
  await openMenu(page);
  await page.click('#copy-embed');
  await page.waitForSelector('#embed-code textarea');
  const code = await page.inputValue('#embed-code textarea');
  const src = new URL(code.match(/^<iframe src="([^"]+)"/)[1]);
  assert.equal(src.origin, new URL(server.url).origin);
  assert.equal(src.searchParams.get('view'), 'mapping');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('key'), '1', 'the legend shown, unless unticked');
  assert.match(code, /sandbox="allow-scripts/);
  await page.waitForFunction(() => /Copied|copy it/.test(document.querySelector('#embed-code [role="status"]').textContent));
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'TEXTAREA', 'focus moves to the code');
  await page.uncheck('#embed-key');
  await page.waitForFunction(() => !document.querySelector('#embed-code textarea').value.includes('key=1'));
  const without = new URL((await page.inputValue('#embed-code textarea')).match(/^<iframe src="([^"]+)"/)[1]);
  assert.equal(without.searchParams.get('key'), null);
  assert.equal(without.searchParams.get('view'), 'mapping');
  await page.locator('#embed-code textarea').focus();
  await page.keyboard.press('Escape');
  await page.waitForSelector('#embed-code', { state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('it runs in a sandboxed iframe, and keys act once it has focus (F asking nothing where fullscreen is not allowed, and saying so)', async () => {
  const context = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(`${server.url}test-embed-parent.html`);
  const frame = page.frameLocator('#f');
  await frame.locator('#timeline-canvas').waitFor();
  const f = page.frames().find((x) => x.url().includes('embed=1'));
  await f.waitForFunction(() => document.querySelector('#timeline-canvas')?.width > 0);
  // Keys pressed in the parent page do not reach the product...
  await page.keyboard.press('a');
  assert.equal(await f.getAttribute('#play', 'aria-pressed'), 'false');
  // ...until one click gives it focus.
  await frame.locator('#timeline-canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('a');
  await f.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'true');
  // F where the host page does not allow fullscreen (no allowfullscreen): nothing asked, no error,
  // a notice saying what to do, and no fullscreen button offered.
  assert.equal(await f.locator('.fullscreen').count(), 0);
  await page.keyboard.press('f');
  await f.waitForSelector('#notice.error');
  assert.match(await f.textContent('#notice'), /Fullscreen is not allowed here\..*its own tab/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the kiosk plays over and over, hides cursor and controls, and resumes by itself', async () => {
  const page = await openApp(browser, `${server.url}?kiosk=1`);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  assert.equal(await page.isChecked('#loop'), true);
  await page.waitForFunction(() => document.documentElement.classList.contains('idle'), null, { timeout: 8000 });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.controls')).visibility), 'hidden');
  // Every button of the header with them: none is left alone in its corner.
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('.page-header button, .page-header summary')]
    .filter((b) => getComputedStyle(b).visibility !== 'hidden' && b.getBoundingClientRect().width > 0).map((b) => b.id || b.className)), []);
  await page.mouse.move(200, 200);
  await page.waitForFunction(() => !document.documentElement.classList.contains('idle'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.controls')).visibility), 'visible');
  // Someone pauses it and walks away: it plays again.
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'true', null, { timeout: 12000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
