// The timeline's layers in a real browser: while it plays, the image of the whole drawing is handed over
// seldom (the playhead and the events appearing are drawn on small layers over it), and after a zoom the
// live layer gives way to a new image once the layout is still.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, inkedShare, hitTargets, saturatedAt } from './harness.mjs';

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

/** Opens the app with the image hand-overs and the animation frames counted. */
async function openCounted() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2 });
  await context.addInitScript(() => {
    window.__layers = { images: 0, frames: 0 };
    const transfer = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = function (bitmap) {
      window.__layers.images++;
      return transfer.call(this, bitmap);
    };
    const tick = () => {
      window.__layers.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#timeline-canvas')?.dataset.hitTargets?.length > 2);
  return { page, problems };
}

const counts = (page) => page.evaluate(() => ({ ...window.__layers }));

test('playing redraws small layers, not the whole timeline, at each frame', async () => {
  const { page, problems } = await openCounted();
  assert.ok((await counts(page)).images >= 1, 'the timeline is shown as an image');
  const before = await inkedShare(page);
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(600);
  const start = await counts(page);
  await page.click('#play');
  await page.waitForTimeout(3000);
  const end = await counts(page);
  await page.click('#play');
  const frames = end.frames - start.frames;
  const images = end.images - start.images;
  assert.ok(frames > 60, `the page animated (${frames} frames)`);
  assert.ok(images * 10 < frames, `${images} new images of the whole timeline in ${frames} frames`);
  // What the layers show together: events were revealed, and the playhead is on screen.
  const during = await inkedShare(page);
  assert.ok(during > 0.05, `the timeline is drawn (${(during * 100).toFixed(1)}%)`);
  assert.ok(before > 0.05);
  const line = await page.$eval('.playhead-line', (el) => {
    const r = el.getBoundingClientRect();
    const c = document.querySelector('#timeline-canvas').getBoundingClientRect();
    return { shown: getComputedStyle(el).display !== 'none', inside: r.left >= c.left && r.right <= c.right && r.height > 50 };
  });
  assert.deepEqual(line, { shown: true, inside: true }, 'the playhead line is over the timeline');
  const appearing = await page.$$eval('canvas.timeline-layer', (cs) => cs.filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.width * c.height));
  const full = await page.$eval('#timeline-canvas', (c) => c.width * c.height);
  for (const area of appearing) assert.ok(area < full / 2, `a layer over part of the timeline (${area} of ${full} px)`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('zooming draws on the live layer, and a new image takes over once the layout is still', async () => {
  const { page, problems } = await openCounted();
  const targets = (await hitTargets(page)).length;
  const box = await page.locator('#timeline-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const start = await counts(page);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
  await page.waitForFunction(() => getComputedStyle(document.querySelector('canvas.timeline-layer.live')).display === 'block', null, { timeout: 2000 });
  assert.ok((await hitTargets(page)).length < targets, 'zoomed in: fewer events in view');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('canvas.timeline-layer.live')).display === 'none', null, { timeout: 3000 });
  const end = await counts(page);
  assert.ok(end.images - start.images >= 1, 'the zoomed timeline became the image');
  assert.equal(await page.$eval('canvas.timeline-layer.live', (c) => c.width), 0, 'the live layer gave its memory back');
  assert.ok((await inkedShare(page)) > 0.05);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the layers together show what a fresh drawing shows, mark for mark', async () => {
  const { page, problems } = await openCounted();
  const [min, max] = await page.$eval('#scrub', (el) => [Number(el.min), Number(el.max)]);
  const scrub = (day) =>
    page.$eval('#scrub', (el, d) => {
      el.value = String(d);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, day);
  const marks = async () => {
    const targets = await hitTargets(page);
    const out = [];
    for (const t of targets) out.push(`${t.id}:${await saturatedAt(page, t.x, t.y)}`);
    return out;
  };
  await scrub(min);
  await page.waitForTimeout(400);
  // Forward a year at a time, so that events settle onto the small layers as they do while playing.
  const box = await page.locator('#timeline-canvas').boundingBox();
  for (let k = 1; k <= 12; k++) {
    await scrub(Math.round(min + (k * (max - min)) / 30));
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(400);
  const layered = await marks();
  assert.ok(layered.filter((m) => m.endsWith(':true')).length >= 10, 'events have been revealed');
  // The pointer over a mark and away again draws the whole timeline afresh as one image.
  const t = (await hitTargets(page))[0];
  await page.mouse.move(box.x + t.x, box.y + t.y);
  await page.waitForSelector('#timeline-canvas.hovering');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 40);
  await page.waitForFunction(() => !document.querySelector('#timeline-canvas').classList.contains('hovering'));
  await page.waitForFunction(() => getComputedStyle(document.querySelector('canvas.timeline-layer.live')).display === 'none', null, { timeout: 3000 });
  const fresh = await marks();
  assert.deepEqual(layered, fresh, 'every mark is where a fresh drawing puts it');
  assert.deepEqual(problems, []);
  await page.context().close();
});
