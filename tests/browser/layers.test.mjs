// The timeline's layers in a real browser: while it plays, the image of the whole drawing is handed over
// seldom (the playhead and the events appearing are drawn on small layers over it); a wheel zoom moves
// the picture at once and lays the timeline out when the wheel pauses, on the live layer, which gives way
// to a new image once the layout is still.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openApp, openMenu, inkedShare, hitTargets, saturatedAt, unsaturated, dropFile, timelineColours, SNAPSHOT } from './harness.mjs';
import { synthDataset } from '../bench/synth.mjs';

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

/** Opens the app at 1280 x 720, devicePixelRatio 2, with `watch` run before any page script, and
 * collects console errors and page errors. */
async function openWatched(watch) {
  const page = await openApp(browser, server.url, { deviceScaleFactor: 2 }, { init: watch });
  return { page, problems: page.problems };
}

/** Opens the app with the image hand-overs (and how each image was made: taken from a canvas,
 * sharing its pixels, or copied onto an offscreen canvas), the drawings on the recent layers (the
 * canvases between the live layer and the layers of what appears), those on the layers of what appears
 * (class `moving`, under the playhead) and the animation frames counted. */
function openCounted() {
  return openWatched(() => {
    window.__layers = { images: 0, shared: 0, copies: 0, frames: 0, recentDraws: 0, movingDraws: 0 };
    const transfer = ImageBitmapRenderingContext.prototype.transferFromImageBitmap;
    ImageBitmapRenderingContext.prototype.transferFromImageBitmap = function (bitmap) {
      window.__layers.images++;
      return transfer.call(this, bitmap);
    };
    const take = window.createImageBitmap;
    window.createImageBitmap = function (source, ...rest) {
      if (source instanceof HTMLCanvasElement) window.__layers.shared++;
      return take.call(this, source, ...rest);
    };
    const copy = OffscreenCanvasRenderingContext2D.prototype.drawImage;
    OffscreenCanvasRenderingContext2D.prototype.drawImage = function (...args) {
      window.__layers.copies++;
      return copy.apply(this, args);
    };
    const set = CanvasRenderingContext2D.prototype.setTransform;
    CanvasRenderingContext2D.prototype.setTransform = function (...args) {
      const layers = [...document.querySelectorAll('.timeline-pan > canvas.timeline-layer:not(.live)')];
      if (this.canvas.classList.contains('moving')) window.__layers.movingDraws++;
      else if (layers.includes(this.canvas)) window.__layers.recentDraws++;
      return set.apply(this, args);
    };
    const tick = () => {
      window.__layers.frames++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

const counts = (page) => page.evaluate(() => ({ ...window.__layers }));

/** Plays from the start for `ms` and pauses; resolves to what was counted meanwhile (openCounted). */
async function playFromStart(page, ms) {
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(600);
  const start = await counts(page);
  await page.click('#play');
  await page.waitForTimeout(ms);
  const end = await counts(page);
  await page.click('#play');
  return Object.fromEntries(Object.keys(end).map((k) => [k, end[k] - start[k]]));
}

test('playing redraws small layers, not the whole timeline, at each frame', async () => {
  const { page, problems } = await openCounted();
  assert.ok((await counts(page)).images >= 1, 'the timeline is shown as an image');
  const before = await inkedShare(page);
  const { frames, images } = await playFromStart(page, 3000);
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

test('events that settle while playing are drawn on the small layers themselves, not handed over as images', async () => {
  const { page, problems } = await openCounted();
  // A thousand events over 35 years: at a year a second, about one settles every other frame.
  await dropFile(page, 'thousand.json', JSON.stringify(synthDataset(1000)));
  await page.waitForFunction(() => /1,000/.test(document.querySelector('.page-header h1').textContent));
  const { frames, images, recentDraws } = await playFromStart(page, 3000);
  assert.ok(frames > 60, `the page animated (${frames} frames)`);
  assert.ok(recentDraws > 30, `settled events drawn on the recent layers (${recentDraws} drawings)`);
  assert.ok(images * 10 < frames, `${images} images handed over in ${frames} frames`);
  assert.ok((await inkedShare(page)) > 0.05, 'the timeline is drawn');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('while nothing appears, playing draws nothing on the layer of what appears', async () => {
  const { page, problems } = await openCounted();
  // Two events 28 years apart: after the first has appeared, nothing appears for 28 s of playing,
  // while the ring round the event the card shows stays on that layer.
  const sparse = JSON.parse(minimal);
  const event = sparse.events[0];
  sparse.events = [
    { ...event, id: 'first', date: '1992-01-01' },
    { ...event, id: 'last', date: '2020-01-01' },
  ];
  await dropFile(page, 'sparse.json', JSON.stringify(sparse));
  await page.waitForFunction(() => /"last"/.test(document.querySelector('#timeline-canvas').dataset.hitTargets));
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  const start = (await counts(page)).movingDraws;
  await page.click('#play');
  await page.waitForSelector('.event-card[data-event-id="first"]');
  await page.waitForTimeout(1500);
  const shown = (await counts(page)).movingDraws;
  await page.waitForTimeout(2000);
  const later = (await counts(page)).movingDraws;
  const playhead = await page.$eval('#scrub', (el) => Number(el.value));
  await page.click('#play');
  assert.ok(shown > start, `the first event appeared on the layer (${shown - start} drawings)`);
  assert.ok(playhead < Date.UTC(2019, 0, 1) / 86_400_000, 'the playhead has not reached the last event');
  assert.equal(later - shown, 0, 'drawings on the layer in 2 s of playing with nothing appearing');
  const ring = await page.$$eval('.timeline-pan > canvas.timeline-layer.moving', (layers) =>
    layers.filter((c) => getComputedStyle(c).display !== 'none' && c.width > 0).length,
  );
  assert.equal(ring, 1, 'one layer of what appears still shows the ring');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('events appearing at once on lanes far apart are drawn on small layers of their own', async () => {
  const { page, problems } = await openCounted();
  // Two periods from one day on the top and bottom lanes: one layer over both would be mostly blank.
  const apart = JSON.parse(minimal);
  const event = apart.events[0];
  apart.tracks = ['legal', 'economy', 'security', 'society'].map((id) => ({ id, label: id }));
  apart.events = [
    { ...event, id: 'early', date: '1992-01-01' },
    { ...event, id: 'top', date: '2000-01-01/2004-01-01', track: 'legal' },
    { ...event, id: 'bottom', date: '2000-01-01/2004-01-01', track: 'society' },
  ];
  await dropFile(page, 'apart.json', JSON.stringify(apart));
  await page.waitForFunction(() => /"bottom"/.test(document.querySelector('#timeline-canvas').dataset.hitTargets));
  await page.evaluate(() => {
    window.__apart = [];
    const look = () => {
      const shown = [...document.querySelectorAll('.timeline-pan > canvas.timeline-layer.moving')]
        .filter((c) => getComputedStyle(c).display !== 'none' && c.width > 0)
        .map((c) => c.getBoundingClientRect())
        .map((r) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right }));
      window.__apart.push(shown);
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  await page.$eval('#scrub', (el) => {
    el.value = String(Date.UTC(1999, 10, 1) / 86_400_000);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(300);
  await page.click('#play');
  await page.waitForSelector('.event-card[data-event-id="bottom"], .event-card[data-event-id="top"]');
  await page.waitForTimeout(1000);
  await page.click('#play');
  const frames = await page.evaluate(() => window.__apart);
  const two = frames.filter((f) => f.length === 2);
  assert.ok(two.length > 3, `frames with two layers of what appears (${two.length} of ${frames.length})`);
  for (const [a, b] of two) {
    const area = (r) => (r.right - r.left) * (r.bottom - r.top);
    const [upper, lower] = a.top < b.top ? [a, b] : [b, a];
    assert.ok(upper.bottom <= lower.top, 'the two layers do not overlap');
    const both = { top: upper.top, bottom: lower.bottom, left: Math.min(a.left, b.left), right: Math.max(a.right, b.right) };
    assert.ok(area(a) + area(b) < area(both) / 2, `two small layers (${area(a) + area(b)} CSS px) where one would cover ${area(both)}`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('shapes take their opacity from the global alpha, which every drawing leaves at 1', async () => {
  const { page, problems } = await openWatched(() => {
    // Every 2D context the page makes (those of canvases outside the page too), and the lowest
    // global alpha any of them is given.
    window.__alpha = { contexts: [], lowest: 1 };
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (kind, ...rest) {
      const ctx = get.call(this, kind, ...rest);
      if (kind === '2d' && ctx && !window.__alpha.contexts.includes(ctx)) window.__alpha.contexts.push(ctx);
      return ctx;
    };
    const alpha = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'globalAlpha');
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'globalAlpha', {
      get: alpha.get,
      set(v) {
        window.__alpha.lowest = Math.min(window.__alpha.lowest, v);
        alpha.set.call(this, v);
      },
    });
  });
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.click('#play');
  await page.waitForTimeout(2500);
  await page.click('#play');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const seen = await page.evaluate(() => ({
    contexts: window.__alpha.contexts.length,
    lowest: window.__alpha.lowest,
    left: window.__alpha.contexts.map((c) => c.globalAlpha).filter((a) => a !== 1),
  }));
  assert.ok(seen.contexts >= 3, `the layers' contexts were seen (${seen.contexts})`);
  // Ghosts of the events to come and events fading in are drawn part transparent.
  assert.ok(seen.lowest < 0.9, `opacity went through the global alpha (lowest ${seen.lowest})`);
  assert.deepEqual(seen.left, [], 'a context left with a global alpha other than 1');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a wheel zoom moves the picture at once and lays the timeline out again once the wheel pauses', async () => {
  const { page, problems } = await openCounted();
  const before = await hitTargets(page);
  const box = await page.locator('#timeline-canvas').boundingBox();
  // The event nearest the middle: zooming about it must keep it under the pointer.
  const mid = before.reduce((a, t) => (Math.abs(t.x - box.width / 2) < Math.abs(a.x - box.width / 2) ? t : a));
  await page.evaluate(() => {
    window.__relayouts = 0;
    new MutationObserver(() => window.__relayouts++).observe(document.querySelector('#timeline-canvas'), {
      attributes: true,
      attributeFilter: ['data-hit-targets'],
    });
  });
  const start = await counts(page);
  // Three wheel steps in one task, the picture at the next frame, and again: two bursts well inside the
  // pause that ends a gesture. The second is anchored on the day under the pointer in the view shown,
  // not in the layout drawn before.
  const [first, during] = await page.evaluate(async ({ x, y }) => {
    const c = document.querySelector('#timeline-canvas');
    const r = c.getBoundingClientRect();
    const seen = [];
    for (let burst = 0; burst < 2; burst++) {
      // Mouse positions are whole CSS px; the second burst 100 px to the right of the first.
      const [cx, cy] = [Math.round(r.left + x + 100 * burst), Math.round(r.top + y)];
      for (let i = 0; i < 3; i++) {
        c.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: cx, clientY: cy, bubbles: true, cancelable: true }));
      }
      await new Promise((done) => requestAnimationFrame(done));
      seen.push({
        transform: getComputedStyle(document.querySelector('.timeline-pan')).transform,
        origin: parseFloat(getComputedStyle(document.querySelector('.timeline-pan')).transformOrigin),
        gutter: getComputedStyle(document.querySelector('canvas.timeline-layer.gutter')).visibility,
        targets: c.dataset.hitTargets,
        pointer: cx - r.left,
      });
    }
    return seen;
  }, mid);
  const stretch = (t) => Number(/^matrix\(([-\d.e]+)/.exec(t)?.[1]);
  // Where the preview puts a point x of the layout drawn (matrix(s, 0, 0, 1, shift, 0) about the origin).
  const moved = (m, x) => {
    const [s, , , , shift] = /^matrix\((.*)\)$/.exec(m.transform)[1].split(',').map(Number);
    return m.origin + shift + s * (x - m.origin);
  };
  const unmoved = (m, x) => {
    const [s, , , , shift] = /^matrix\((.*)\)$/.exec(m.transform)[1].split(',').map(Number);
    return m.origin + (x - m.origin - shift) / s;
  };
  assert.ok(stretch(first.transform) > 1.2, `the picture is stretched at once (${first.transform})`);
  assert.ok(stretch(during.transform) > stretch(first.transform), 'and further by the second burst');
  assert.equal(first.gutter, 'visible', 'the lane names stay in place over the moved picture');
  assert.deepEqual(JSON.parse(during.targets), before, 'no new layout while the wheel turns');
  // Once the wheel pauses: laid out and drawn for the new window, once, with no transform left.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.timeline-pan')).transform === 'none', null, { timeout: 3000 });
  const after = await hitTargets(page);
  assert.ok(after.length < before.length, 'zoomed in: fewer events in view');
  assert.equal(await page.evaluate(() => window.__relayouts), 1, 'one new layout for six wheel steps');
  // Each burst zooms about the pointer: what the first preview showed under the second burst's pointer
  // is still under it.
  assert.ok(Math.abs(moved(first, mid.x) - mid.x) < 0.75, 'the first burst zooms about the pointer');
  const under = unmoved(first, during.pointer);
  assert.ok(Math.abs(moved(during, under) - during.pointer) < 0.75, 'the second burst zooms about the pointer in the view shown');
  // And the new layout puts the events where the preview showed them.
  const still = after.find((t) => t.id === mid.id);
  assert.ok(still && Math.abs(still.x - moved(during, mid.x)) < 0.75, `drawn where previewed (${still?.x}, ${moved(during, mid.x)})`);
  assert.equal(
    await page.$eval('canvas.timeline-layer.gutter', (c) => getComputedStyle(c).visibility),
    'hidden',
  );
  // The playhead stays at the end of the timeline, which is now out of view: no line, no tab, and
  // nothing of the axis covered.
  assert.deepEqual(
    await page.$$eval('.playhead-line, .playhead-cover, .playhead-tab', (els) => els.map((e) => getComputedStyle(e).display)),
    ['none', 'none', 'none'],
    'the playhead is hidden once it is out of view',
  );
  // The new layout is drawn on the live layer, which gives way to a new image once it is still.
  await page.waitForFunction(() => getComputedStyle(document.querySelector('canvas.timeline-layer.live')).display === 'none', null, { timeout: 3000 });
  const end = await counts(page);
  assert.ok(end.images - start.images >= 1, 'the zoomed timeline became the image');
  // The lane names' copy is shown in the same frame as the moved picture: copied, not shared (a shared
  // image may come a task later).
  assert.equal(end.shared, start.shared, 'no image shared during the gesture');
  assert.equal(await page.$eval('canvas.timeline-layer.live', (c) => c.width), 0, 'the live layer gave its memory back');
  assert.ok((await inkedShare(page)) > 0.05);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a new dataset and the zoom keys lay the timeline out at once, with no preview', async () => {
  const { page, problems } = await openCounted();
  // Each change of the layers' style, with what it was before: a transform set and taken away again
  // within one task still shows in the record of the second change.
  await page.evaluate(() => {
    window.__previews = 0;
    new MutationObserver((records) => {
      for (const r of records) if ((r.oldValue ?? '').includes('translateX')) window.__previews++;
    }).observe(document.querySelector('.timeline-pan'), { attributes: true, attributeFilter: ['style'], attributeOldValue: true });
  });
  await dropFile(page, 'minimal.json', minimal);
  await page.waitForFunction(() => document.querySelector('.page-header h1').textContent === 'A minimal dataset');
  const targets = () => page.$eval('#timeline-canvas', (c) => c.dataset.hitTargets);
  // The keys zoom about the playhead, which rests on the dataset's one event: moved to the window's
  // start first, so that zooming moves the event.
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const before = await targets();
  await page.focus('#timeline-canvas');
  await page.keyboard.press('+');
  await page.waitForFunction((b) => document.querySelector('#timeline-canvas').dataset.hitTargets !== b, before);
  await page.keyboard.press('0');
  await page.waitForFunction((b) => document.querySelector('#timeline-canvas').dataset.hitTargets === b, before);
  const previews = await page.evaluate(() => window.__previews + (document.querySelector('.timeline-pan').style.transform ? 1 : 0));
  assert.equal(previews, 0, 'no preview transform');
  assert.equal(await page.$eval('canvas.timeline-layer.gutter', (c) => getComputedStyle(c).visibility), 'hidden');
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** From here on, every width the live layer's backing store is given goes to `window.__liveWidths`. */
function watchLiveSizes(page) {
  return page.evaluate(() => {
    window.__liveWidths = [];
    const live = document.querySelector('canvas.timeline-layer.live');
    new MutationObserver(() => window.__liveWidths.push(live.width)).observe(live, { attributes: true, attributeFilter: ['width', 'height'] });
  });
}

test('a new dataset goes straight into the image, without the live layer', async () => {
  const { page, problems } = await openCounted();
  await watchLiveSizes(page);
  const { images } = await counts(page);
  await dropFile(page, 'minimal.json', minimal);
  await page.waitForFunction(() => document.querySelector('.page-header h1').textContent === 'A minimal dataset');
  await page.waitForFunction(() => /union-state-treaty/.test(document.querySelector('#timeline-canvas').dataset.hitTargets));
  await page.waitForTimeout(400);
  assert.ok((await counts(page)).images > images, 'the new drawing is handed over as an image');
  assert.deepEqual(await page.evaluate(() => window.__liveWidths.filter((w) => w > 0)), [], 'the live layer was never sized');
  for (const t of await hitTargets(page)) assert.ok(await saturatedAt(page, t.x, t.y), `${t.id} is drawn`);
  // A zoom, which more steps tend to follow, is still drawn on the live layer first.
  await page.focus('#timeline-canvas');
  await page.keyboard.press('+');
  await page.waitForFunction(() => window.__liveWidths.some((w) => w > 0));
  assert.deepEqual(problems, []);
  await page.context().close();
});

/** The placed events, and which of them show no strong colour at their centre (a ring's hollow middle
 * where the rest are discs), as the page shows them. */
async function drawnMarks(page) {
  const targets = await hitTargets(page);
  const blank = (await unsaturated(page, targets)).map((t) => t.id);
  return { targets, blank };
}

/** What `drawnMarks` finds on a page opened afresh at `size` (devicePixelRatio 2). */
async function freshMarks([width, height]) {
  const page = await openApp(browser, server.url, { deviceScaleFactor: 2, viewport: { width, height } });
  await page.waitForTimeout(400);
  const marks = await drawnMarks(page);
  await page.context().close();
  return marks;
}

test('a lone change of size goes straight into the image; a window being dragged is drawn live', async () => {
  const { page, problems } = await openCounted();
  await watchLiveSizes(page);
  await page.waitForTimeout(400);
  const height = () => page.$eval('#timeline-canvas', (c) => c.getBoundingClientRect().height);
  const before = await height();
  const { images } = await counts(page);
  // One new size (a fullscreen, a turned tablet): drawn once, at that size, as the image.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForFunction((h) => document.querySelector('#timeline-canvas').getBoundingClientRect().height > h, before);
  await page.waitForTimeout(400);
  assert.ok((await counts(page)).images > images, 'the new size is handed over as an image');
  assert.deepEqual(await page.evaluate(() => window.__liveWidths.filter((w) => w > 0)), [], 'the live layer was never sized');
  assert.deepEqual(await drawnMarks(page), await freshMarks([1366, 768]), 'the picture is not the one drawn afresh at that size');
  // Sizes in quick succession: drawn on the live layer while they come, then as the image again.
  for (let i = 1; i <= 6; i++) {
    await page.setViewportSize({ width: 1366 - 40 * i, height: 768 - 10 * i });
    await page.waitForTimeout(60);
  }
  assert.ok(await page.evaluate(() => window.__liveWidths.some((w) => w > 0)), 'the live layer drew the resizing');
  await page.waitForFunction(() => document.querySelector('canvas.timeline-layer.live').width === 0);
  assert.deepEqual(await drawnMarks(page), await freshMarks([1366 - 240, 768 - 60]), 'the picture at the last size');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the first image shares the pixels of the drawing; the next, copied, takes its place', async () => {
  const { page, problems } = await openCounted();
  await page.waitForTimeout(400);
  // The first frame waits for no copy of the drawing: its image, and those of the spans' bars, are
  // taken from the drawings themselves.
  const first = await counts(page);
  assert.ok(first.images >= 2, `the drawing and the spans' bars are shown as images (${first.images})`);
  assert.deepEqual({ shared: first.shared, copies: first.copies }, { shared: first.images, copies: 0 });
  assert.ok((await inkedShare(page)) > 0.05, 'the timeline is drawn');
  // A new size is shown at once, as a copy, and is what the screen shows from then on.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.waitForFunction(() => {
    const c = document.querySelector('#timeline-canvas');
    return Math.abs(c.width - c.getBoundingClientRect().width * 2) <= 2;
  });
  await page.waitForTimeout(400);
  const after = await counts(page);
  assert.equal(after.shared, first.shared, 'only the first images share the drawings');
  assert.ok(after.copies >= 1 && after.images >= 2, `later images are copies (${after.copies} copies, ${after.images} images)`);
  assert.deepEqual(await drawnMarks(page), await freshMarks([1366, 768]), 'the picture is the one drawn afresh at that size');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a dense timeline draws each run of overlapping markers as one shape, covering every marker', async () => {
  const { page, problems } = await openCounted();
  // A capsule is a rounded rectangle wider than it is tall, its ends half circles; a marker is a square
  // one, a circle.
  await page.evaluate(() => {
    window.__capsules = 0;
    const roundRect = CanvasRenderingContext2D.prototype.roundRect;
    CanvasRenderingContext2D.prototype.roundRect = function (x, y, w, h, r) {
      if (w > h && r === h / 2) window.__capsules++;
      return roundRect.call(this, x, y, w, h, r);
    };
  });
  // Two thousand events, every one a filled disc (no status that draws a ring, whose white middle
  // would cover a neighbour's centre).
  const data = synthDataset(2000);
  for (const e of data.events) delete e.status;
  await dropFile(page, 'dense.json', JSON.stringify(data));
  await page.waitForFunction(() => /2,000/.test(document.querySelector('.page-header h1').textContent));
  await page.waitForFunction(() => /"ev-\d+"/.test(document.querySelector('#timeline-canvas').dataset.hitTargets));
  await page.waitForTimeout(400);
  const capsules = await page.evaluate(() => window.__capsules);
  assert.ok(capsules > 20, `runs of markers drawn as capsules (${capsules})`);
  // Every marker whose centre the page exposes is inked, those inside a run as much as the rest.
  const targets = await hitTargets(page);
  assert.ok(targets.length >= 400, `${targets.length} markers checked`);
  assert.deepEqual(await unsaturated(page, targets), [], 'markers left blank');
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

test("the timeline as shown is the PNG export's drawing, pixel for pixel, but for the playhead's line and date", async () => {
  // At devicePixelRatio 2 the export at 2x has the screen's pixels: the scene's image and the bars'
  // layers over it, cut at the playhead, show what the whole drawing, made in one go, shows. Left
  // aside: the playhead's line and its date tab (with what hides the tick labels under it), in HTML
  // on screen, the small layers of the rings and of events settled since the scene's image, which
  // draw over it (a marker over its ghost differs from one drawn alone by a shade of its edge), and
  // the export's last row, which meets its legend.
  for (const query of ['?t=2011-07-01', '?t=2021-11-04&sel=union-parliament-never-elected', '?t=1996-04-02', '?t=2026-02-26']) {
    const page = await openApp(browser, `${server.url}${query}`, { deviceScaleFactor: 2 });
    await page.waitForTimeout(500);
    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-png-2')]);
    const png = readFileSync(await download.path()).toString('base64');
    // Closed without Esc, which would let the selection go.
    await page.evaluate(() => { document.querySelector('#menu').open = false; });
    await page.waitForTimeout(300);
    await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      window.__exported = img;
    }, png);
    const MARKER_R = 6; // a marker's radius at 1280 px, CSS px
    const unlike = await page.evaluate(`(() => {
      const base = document.querySelector('#timeline-canvas');
      const g = ${SNAPSHOT};
      const [w, h] = [g.canvas.width, g.canvas.height];
      const e = Object.assign(document.createElement('canvas'), { width: w, height: h }).getContext('2d');
      e.drawImage(window.__exported, 0, 0);
      const [a, b] = [g.getImageData(0, 0, w, h).data, e.getImageData(0, 0, w, h).data];
      const k = w / base.clientWidth;
      const origin = base.getBoundingClientRect();
      const shown = (el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().width > 0;
      const over = [...document.querySelectorAll('.playhead-line, .playhead-tab, .playhead-cover, canvas.timeline-layer')];
      const boxes = over.filter((el) => shown(el) && !el.closest('.span-clip')).map((el) => {
        const r = el.getBoundingClientRect();
        return [(r.left - origin.left) * k - 6, (r.top - origin.top) * k - 6, (r.right - origin.left) * k + 6, (r.bottom - origin.top) * k + 6];
      });
      // The markers' edges (and rings' strokes), where a run of markers drawn as one shape differs
      // from its circles by a quarter of a px.
      const r = ${MARKER_R} * k;
      const edges = JSON.parse(base.dataset.hitTargets).map((t) => [t.x * k, t.y * k]);
      const onEdge = (x, y) => edges.some(([cx, cy]) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= 3);
      const out = [];
      for (let y = 0; y < h - 2; y++) {
        for (let x = 0; x < w; x++) {
          if (boxes.some(([l, t, r, bt]) => x >= l && x <= r && y >= t && y <= bt)) continue;
          const i = 4 * (y * w + x);
          if (Math.max(Math.abs(a[i] - b[i]), Math.abs(a[i + 1] - b[i + 1]), Math.abs(a[i + 2] - b[i + 2])) > 8 && !onEdge(x, y)) out.push([x / k, y / k]);
        }
      }
      return out;
    })()`);
    assert.deepEqual(unlike.slice(0, 12), [], `${query}: ${unlike.length} device px unlike the export`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a span is filled only as far as the playhead, on a layer cut there, and grows as the playhead moves on', async () => {
  const page = await openApp(browser, `${server.url}?t=2011-07-01`, { deviceScaleFactor: 2 });
  // "Union Parliament never elected", from 2000 to this day.
  const span = (await hitTargets(page)).find((t) => t.id === 'union-parliament-never-elected');
  assert.ok(span, 'the span is on the timeline');
  const playheadX = () =>
    page.$eval('.playhead-line', (el) => {
      const r = el.getBoundingClientRect();
      return r.left + r.width / 2 - document.querySelector('#timeline-canvas').getBoundingClientRect().left;
    });
  // Whether the bar is filled at each x: its middle a colour apart from the row's background just
  // above the bar (an outline alone leaves its middle as the background).
  const filled = async (xs) => {
    const c = await timelineColours(page, xs.flatMap((x) => [{ x, y: span.y }, { x, y: span.y - 7 }]));
    return xs.map((_, i) => c[2 * i].reduce((sum, v, k) => sum + Math.abs(v - c[2 * i + 1][k]), 0) > 30);
  };
  const x = await playheadX();
  assert.ok(x > span.x + 60, `the playhead (${x}) is well into the span (from ${span.x})`);
  assert.deepEqual(await filled([x - 40, x - 25, x - 10]), [true, true, true], 'filled before the playhead');
  assert.deepEqual(await filled([x + 10, x + 25, x + 60]), [false, false, false], 'not filled after it, in 2011');
  // Its label, on the bar, is drawn over the bar, and nowhere else a second time: just above and
  // below the bar the screen shows the whole drawing's pixels alone.
  const edges = [];
  for (let dx = 12; dx < 140; dx += 0.5) for (const dy of [-5, -4.5, 4.5, 5]) edges.push({ x: span.x + dx, y: span.y + dy });
  const [shown, scene] = [await timelineColours(page, edges), await timelineColours(page, edges, { layers: false })];
  const twice = edges.filter((_, i) => shown[i].some((v, k) => v !== scene[i][k]));
  assert.deepEqual(twice, [], 'the label drawn again outside its bar');
  await page.$eval('#scrub', (el) => {
    el.value = String(Number(el.value) + 4 * 365);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction((before) => {
    const r = document.querySelector('.playhead-line').getBoundingClientRect();
    return r.left - document.querySelector('#timeline-canvas').getBoundingClientRect().left > before + 60;
  }, x);
  await page.waitForTimeout(300);
  const later = await playheadX();
  assert.deepEqual(await filled([x + 10, x + 25, x + 60, later - 10]), [true, true, true, true], 'filled on to the playhead four years on');
  assert.deepEqual(await filled([later + 10, later + 25]), [false, false], 'and not after it');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
