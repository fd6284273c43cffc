// The road-maps-to-programmes view in a real browser: remodelling animation, hover, isolate, Esc,
// sector filter, and switching views with the time and selection carried over.
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

async function openMapping(options) {
  const page = await openApp(browser, server.url, options);
  await page.click('#tab-mapping');
  await page.waitForFunction(() => {
    const c = document.querySelector('#mapping-canvas');
    return c && c.width > 0 && JSON.parse(c.dataset.targets || '[]').length > 30;
  });
  return page;
}

const targets = async (page) => JSON.parse(await page.getAttribute('#mapping-canvas', 'data-targets'));

async function scrubTo(page, which) {
  await page.$eval(
    '#scrub',
    (el, which) => {
      el.value = which === 'end' ? el.max : which === 'start' ? el.min : String(which);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    which,
  );
}

async function mappingInk(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#mapping-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 16) sum += 765 - d[i] - d[i + 1] - d[i + 2];
    return sum;
  });
}

test('the view draws and the remodelling animation reaches its end state', async () => {
  const page = await openMapping();
  await scrubTo(page, 'start');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '0.000');
  const empty = await mappingInk(page);
  await scrubTo(page, 'end');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '1.000');
  assert.ok((await mappingInk(page)) > empty * 1.5, 'road maps, links and programmes are drawn at the end');
  // Playing from mid-2021 runs the morph to its end.
  await page.$eval('#scrub', (el) => {
    el.value = String(Math.round((Date.UTC(2021, 5, 1) / 86400000)));
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const mid = Number(await page.getAttribute('#mapping-canvas', 'data-morph'));
  assert.ok(mid < 1, `the morph has not finished in June 2021 (${mid})`);
  await page.selectOption('#speed', '0.25');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '1.000', null, { timeout: 15000 });
  await page.click('#play');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("on a projector's 1280 x 720 a node clicked brings its card into sight in the side column; on a phone the page stays", async () => {
  for (const [width, height, theme] of [[1280, 720, 'projector'], [1280, 720, 'light'], [390, 844, 'light']]) {
    const at = `${width} x ${height} ${theme}`;
    const page = await openApp(browser, `${server.url}?view=mapping&theme=${theme}`, { viewport: { width, height } });
    await page.waitForFunction(() => JSON.parse(document.querySelector('#mapping-canvas')?.dataset.targets || '[]').length > 30);
    // The first programme, at the diagram's top, in sight without scrolling its frame.
    const node = (await targets(page)).find((t) => t.kind === 'programme');
    const box = await page.locator('#mapping-canvas').boundingBox();
    const pageTop = await page.evaluate(() => window.scrollY);
    await page.mouse.click(box.x + node.x, box.y + node.y);
    await page.waitForSelector(`.event-card[data-target-id="${node.id}"]`);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const seen = await page.evaluate(() => {
      const column = document.querySelector('.mapping-view .card-column').getBoundingClientRect();
      const card = document.querySelector('.mapping-view .event-card').getBoundingClientRect();
      return { inSight: Math.min(card.bottom, column.bottom) - Math.max(card.top, column.top), card: card.height, scrolls: column.height < document.querySelector('.mapping-view .card-column').scrollHeight };
    });
    if (width > 900) {
      assert.ok(seen.scrolls, `${at}: the column scrolls (else this proves nothing)`);
      assert.ok(seen.inSight >= Math.min(160, seen.card), `${at}: ${seen.inSight} px of the card in sight`);
    } else {
      assert.equal(await page.evaluate(() => window.scrollY), pageTop, `${at}: the page moved`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('hover highlights a path, click isolates it and opens its card, Esc clears', async () => {
  const page = await openMapping();
  await scrubTo(page, 'end');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '1.000');
  const all = await targets(page);
  const programme = all.find((t) => t.kind === 'programme');
  const box = await page.locator('#mapping-canvas').boundingBox();
  const plain = await mappingInk(page);
  await page.mouse.move(box.x + programme.x, box.y + programme.y);
  await page.waitForSelector('#mapping-canvas.hovering');
  await page.waitForSelector('.tooltip');
  assert.ok((await page.textContent('.tooltip')).length > 3, 'the tooltip shows the full label');
  const lit = await mappingInk(page);
  assert.ok(lit < plain, 'the rest of the diagram is dimmed');
  await page.mouse.click(box.x + programme.x, box.y + programme.y);
  await page.waitForSelector(`.event-card[data-target-id="${programme.id}"]`);
  assert.match(await page.textContent('.event-card'), /Union programme/);
  // The bundled programmes' date is their signing by the Council of Ministers; the Supreme State
  // Council approved them on 4 Nov 2021, as their summaries and the story say.
  assert.match(await page.textContent('.event-card .date'), /^Signed 10\s+Sep\s+2021$/);
  assert.ok((await page.locator('.event-card .sources li').count()) >= 1);
  await page.mouse.move(box.x + 2, box.y + box.height - 2);
  const isolated = await mappingInk(page);
  assert.ok(isolated < plain, 'the selection stays isolated after the pointer leaves');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.event-card.intro');
  // Clicking empty space clears too.
  const link = all.find((t) => t.kind === 'link');
  await page.mouse.click(box.x + link.x, box.y + link.y);
  await page.waitForSelector('.event-card[data-target-id^="link-"]');
  await page.mouse.click(box.x + box.width / 2, box.y + 3);
  await page.waitForSelector('.event-card.intro');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the sector filter narrows the diagram', async () => {
  const page = await openMapping();
  const before = (await targets(page)).length;
  await page.click('.sector-filter .chip:nth-child(4)');
  await page.waitForFunction((n) => JSON.parse(document.querySelector('#mapping-canvas').dataset.targets).length < n, before);
  assert.equal(await page.getAttribute('.sector-filter .chip:nth-child(4)', 'aria-pressed'), 'true');
  await page.click('.sector-filter .chip:nth-child(1)');
  await page.waitForFunction((n) => JSON.parse(document.querySelector('#mapping-canvas').dataset.targets).length === n, before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('switching views keeps the time and the related selection', async () => {
  const page = await openApp(browser, server.url);
  await scrubTo(page, Math.round(Date.UTC(2020, 2, 1) / 86400000));
  const t = await page.inputValue('#scrub');
  await page.click('#tab-mapping');
  await page.waitForSelector('#mapping-canvas');
  assert.equal(await page.inputValue('#scrub'), t, 'the playhead carries over');
  await scrubTo(page, 'end');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '1.000');
  // Pick a road map that has timeline events (its card lists them), then go back to the timeline.
  const roadMaps = (await targets(page)).filter((x) => x.kind === 'road-map');
  const box = await page.locator('#mapping-canvas').boundingBox();
  let withEvents = null;
  for (const r of roadMaps) {
    await page.mouse.click(box.x + r.x, box.y + r.y);
    await page.waitForSelector(`.event-card[data-target-id="${r.id}"]`);
    if (await page.locator('.event-card .related button').count()) {
      withEvents = r;
      break;
    }
  }
  assert.ok(withEvents, 'some road map links to timeline events');
  await page.click('#tab-timeline');
  await page.waitForSelector('.event-card[data-event-id]');
  const eventId = await page.getAttribute('.event-card', 'data-event-id');
  await page.click('#tab-mapping');
  await page.waitForSelector('.event-card[data-target-id]');
  assert.ok(eventId);
  await page.screenshot({ path: 'target/screenshots/mapping-1280x720.png' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the diagram fits a phone and a HiDPI screen', async () => {
  const page = await openMapping({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await scrubTo(page, 'end');
  await page.waitForFunction(() => document.querySelector('#mapping-canvas').dataset.morph === '1.000');
  const dims = await page.evaluate(() => {
    const c = document.querySelector('#mapping-canvas');
    return { w: c.width, cw: c.clientWidth };
  });
  assert.equal(dims.w, Math.round(dims.cw * 2));
  await page.screenshot({ path: 'target/screenshots/mapping-phone.png', fullPage: true });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

/** In the page, before its scripts: every line of text drawn upright on a 2D canvas is recorded, with
 * where it starts and ends across its canvas, in the canvas's own (device) px. */
function recordText() {
  window.__texts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const t = this.getTransform();
    if (t.b === 0 && t.c === 0) {
      const w = this.measureText(text).width;
      const align = this.textAlign;
      const left = x - (align === 'right' || align === 'end' ? w : align === 'center' ? w / 2 : 0);
      window.__texts.push({ text: String(text), width: this.canvas.width, from: t.a * left + t.e, to: t.a * (left + w) + t.e });
    }
    return fill.call(this, text, x, y, ...rest);
  };
}

test('no label of the diagram or its chart runs past its canvas, in either language, on a phone or a laptop', async () => {
  // On a phone in Russian, "…нефти и нефтеп…" ran past the canvas's right edge, its last ellipsis cut
  // to a dot: the estimate took an ellipsis and "ф" for narrower than the face draws them.
  for (const [lang, viewport, dpr] of [
    ['ru', { width: 390, height: 844 }, 2],
    ['en', { width: 390, height: 844 }, 2],
    ['ru', { width: 1366, height: 768 }, 1],
    ['en', { width: 1024, height: 768 }, 1],
  ]) {
    const page = await openApp(browser, `${server.url}?view=mapping&lang=${lang}`, { viewport, deviceScaleFactor: dpr }, { init: recordText });
    await page.waitForFunction(() => JSON.parse(document.querySelector('#mapping-canvas')?.dataset.targets || '[]').length > 30);
    const texts = await page.evaluate(() => window.__texts);
    assert.ok(texts.some((t) => t.text.startsWith('…') || t.text.endsWith('…')), `${lang} ${viewport.width}: labels were cut (else this proves little)`);
    const past = texts.filter((t) => t.from < -0.5 || t.to > t.width + 0.5);
    assert.deepEqual(past, [], `${lang} ${viewport.width} x ${viewport.height}: drawn past the canvas`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
