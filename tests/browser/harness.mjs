// Shared set-up for the browser tests: a static server for dist/ on loopback and Debian's Chromium
// driven by playwright-core (which never downloads a browser here).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDir } from '../../.ci/static-server.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(root, '.ci', 'package.json'));
const { chromium } = require('playwright-core');

export const DIST = join(root, 'dist');

/** Serves `dir` (default dist/) on a free loopback port; resolves to { url, close }. */
export function serve(dir = DIST) {
  return serveDir(dir);
}

/** The flags this closed network needs, for every Chromium the tests and benchmarks start. */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH = () => ({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });

/** Debian's Firefox ESR, which `bash .ci/setup` installs (or the one `FIREFOX` names). */
export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

/** Launches headless Debian Chromium with the flags this closed network needs. */
export function launch() {
  return chromium.launch(LAUNCH());
}

/** The same browser, started as a server (whose process, and its command line, can be read). */
export function launchServer() {
  return chromium.launchServer(LAUNCH());
}

/**
 * Opens the app in a new page and waits for the first frame. Collects console errors, page errors and
 * any request that leaves loopback into `page.problems`, and every request's URL into `page.requests`.
 * `init`, if given, runs in the page before any of its own scripts.
 */
export async function openApp(browser, url, contextOptions = {}, { init } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  page.problems = [];
  page.requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    page.requests.push(u);
    if (!u.startsWith('http://127.0.0.1') && !u.startsWith('data:') && !u.startsWith('blob:')) {
      page.problems.push(`request left the page: ${u}`);
    }
  });
  await page.goto(url);
  // The first view's canvas is drawn (and, for the timeline, laid out).
  await page.waitForFunction(() => {
    const c = document.querySelector('main canvas');
    if (!c || c.width === 0) return false;
    const t = document.querySelector('#timeline-canvas');
    return !t || (t.dataset.hitTargets && t.dataset.hitTargets.length > 2);
  });
  return page;
}

/**
 * In the page: the timeline as it is shown, as a 2D canvas in device px. The timeline is drawn in
 * layers (an image of the whole drawing, canvases over parts of it for what is appearing and for the
 * spans' bars, the playhead in HTML); this puts the canvases together as they lie on screen (those in
 * an element that clips them, the bars', cut where it does), or with `layers` false takes the whole
 * drawing's canvas (the scene) alone.
 */
const snapshot = (layers = true) => `(() => {
  const base = document.querySelector('#timeline-canvas');
  const out = document.createElement('canvas');
  out.width = base.width;
  out.height = base.height;
  const g = out.getContext('2d');
  g.drawImage(base, 0, 0);
  const k = base.width / base.clientWidth;
  for (const c of ${layers} ? base.parentElement.querySelectorAll('canvas.timeline-layer') : []) {
    if (c.width > 0 && getComputedStyle(c).display !== 'none') {
      g.save();
      const clip = c.parentElement.closest('.span-clip');
      if (clip) {
        const right = clip.getBoundingClientRect().right - base.getBoundingClientRect().left;
        g.beginPath();
        g.rect(0, 0, Math.max(0, Math.round(right * k)), out.height);
        g.clip();
      }
      g.drawImage(c, Math.round((parseFloat(c.style.left) || 0) * k), Math.round((parseFloat(c.style.top) || 0) * k));
      g.restore();
    }
  }
  return g;
})()`;
/** The same as an expression for `page.evaluate`: the timeline as shown, its layers put together. */
export const SNAPSHOT = snapshot();

/** Share of the timeline's pixels that differ from the background (white), 0..1. */
export function inkedShare(page) {
  return page.evaluate(`(() => {
    const g = ${SNAPSHOT};
    const d = g.getImageData(0, 0, g.canvas.width, g.canvas.height).data;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) inked++;
    }
    return inked / (d.length / 4);
  })()`);
}

/** The timeline's pixel [r, g, b] at device px (x, y); negative x or y count from the right or bottom. */
export function timelinePixel(page, x, y) {
  return page.evaluate(`(() => {
    const g = ${SNAPSHOT};
    const x = ${x} < 0 ? g.canvas.width + ${x} : ${x};
    const y = ${y} < 0 ? g.canvas.height + ${y} : ${y};
    return [...g.getImageData(x, y, 1, 1).data].slice(0, 3);
  })()`);
}

/** The mean [r, g, b] of the page's pixels as shown on screen in `clip` ({ x, y, width, height }, CSS
 * px): a screenshot of it, decoded in a blank page of the same browser context. For what only CSS
 * draws (shadows, fades, a form control's parts), which no canvas of the page holds. `openBlank` opens
 * that page: Playwright's by default; a Puppeteer page passes its browser's. */
export async function screenColour(page, clip, openBlank = () => page.context().newPage()) {
  const png = Buffer.from(await page.screenshot({ clip })).toString('base64');
  const blank = await openBlank();
  try {
    return await blank.evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const sum = [0, 0, 0];
      for (let i = 0; i < d.length; i += 4) for (let k = 0; k < 3; k++) sum[k] += d[i + k];
      return sum.map((v) => v / (d.length / 4));
    }, png);
  } finally {
    await blank.close();
  }
}

/** The placed events' hit targets: [{ id, x, y }] in CSS px relative to the canvas. */
export async function hitTargets(page) {
  return JSON.parse(await page.getAttribute('#timeline-canvas', 'data-hit-targets'));
}

/** The timeline's pixels [r, g, b] as shown, at `points` ([{ x, y }] in CSS px on the timeline); with
 * `layers` false, on the scene's own canvas alone. */
export function timelineColours(page, points, { layers = true } = {}) {
  return page.evaluate(`(() => {
    const g = ${snapshot(layers)};
    const k = g.canvas.width / document.querySelector('#timeline-canvas').clientWidth;
    return ${JSON.stringify(points)}.map((p) => [...g.getImageData(Math.round(p.x * k), Math.round(p.y * k), 1, 1).data].slice(0, 3));
  })()`);
}

/** Whether the timeline's pixel at CSS position (x, y) is strongly coloured (a drawn marker, not a band). */
export async function saturatedAt(page, x, y) {
  return (await unsaturated(page, [{ x, y }])).length === 0;
}

/** Of `points` ([{ x, y }] in CSS px on the timeline), those whose pixel is not strongly coloured (not a
 * drawn marker; a band or the background); with `layers` false, on the scene's own canvas alone. */
export async function unsaturated(page, points, { layers = true } = {}) {
  const colours = await timelineColours(page, points, { layers });
  return points.filter((_, i) => Math.max(...colours[i]) - Math.min(...colours[i]) <= 60);
}

/** How many rows the view's controls take: a control starting below another's foot starts a row. */
export function controlRows(page) {
  return page.$$eval('.chart-column .controls > *', (els) => {
    const rows = [];
    for (const b of els.filter((e) => e.offsetParent).map((e) => e.getBoundingClientRect())) {
      const row = rows.find((r) => b.top < r.bottom && r.top < b.bottom);
      if (!row) rows.push({ top: b.top, bottom: b.bottom });
    }
    return rows.length;
  });
}

/** Drops a file named `name` holding `text` on the page, as a user dragging a dataset onto it does. */
export function dropFile(page, name, text) {
  return page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, text },
  );
}

/** Opens the header's menu (theme, datasets, export, keys) if it is closed. */
export async function openMenu(page) {
  if (!(await page.$eval('#menu', (d) => d.open))) await page.click('#menu summary');
}
