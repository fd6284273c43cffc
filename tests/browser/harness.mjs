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

/** Launches headless Debian Chromium with the flags this closed network needs. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens the app in a new page and waits for the first frame. Collects console errors, page errors and
 * any request that leaves loopback into `page.problems`.
 */
export async function openApp(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
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

/** Share of canvas pixels that differ from the background (white), 0..1. */
export function inkedShare(page) {
  return page.evaluate(() => {
    const c = document.querySelector('#timeline-canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250) inked++;
    }
    return inked / (d.length / 4);
  });
}

/** The placed events' hit targets: [{ id, x, y }] in CSS px relative to the canvas. */
export async function hitTargets(page) {
  return JSON.parse(await page.getAttribute('#timeline-canvas', 'data-hit-targets'));
}

/** Whether the canvas pixel at CSS position (x, y) is strongly coloured (a drawn marker, not a band). */
export function saturatedAt(page, x, y) {
  return page.evaluate(([x, y]) => {
    const c = document.querySelector('#timeline-canvas');
    const k = c.width / c.clientWidth;
    const [r, g, b] = c.getContext('2d').getImageData(Math.round(x * k), Math.round(y * k), 1, 1).data;
    return Math.max(r, g, b) - Math.min(r, g, b) > 60;
  }, [x, y]);
}

/** Opens the header's menu (theme, datasets, export, keys) if it is closed. */
export async function openMenu(page) {
  if (!(await page.$eval('#menu', (d) => d.open))) await page.click('#menu summary');
}
