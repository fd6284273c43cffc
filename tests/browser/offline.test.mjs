// The single-file build (dist/union-state.html, made by .ci/single-file.mjs) as someone would open it from
// a USB stick: from file://, with the network off, directly and inside a sandboxed iframe, in Chromium
// (playwright-core) and in Firefox ESR (puppeteer-core over WebDriver BiDi). Every request that is not
// file:, data: or blob: is blocked and counted as a failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DIST, FIREFOX, inkedShare, launch, screenColour, unsaturated } from './harness.mjs';
import { pack } from '../../.ci/single-file.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(root, '.ci', 'package.json'));
const SINGLE = join(DIST, 'union-state.html');
const DIRECT_URL = pathToFileURL(SINGLE).href;
const IFRAME_URL = pathToFileURL(join(root, 'tests', 'browser', 'fixtures', 'sandboxed-iframe.html')).href;
const SCREENSHOTS = join(root, 'target', 'screenshots');
const VIEWPORT = { width: 1280, height: 720 };

/** The only URLs the page may ask for: itself (and the iframe parent) on disk, and inline data. */
const isLocal = (url) => /^(file|data|blob|about):/i.test(url);

// `.ci/run` packs right after the release build; when only `trunk build` ran (or it ran again since),
// pack here so that the tests never look at a stale or missing single file.
before(() => {
  const wasm = readdirSync(DIST).find((f) => f.endsWith('.wasm'));
  assert.ok(wasm, `no wasm in ${DIST}: run \`trunk build --release\` first`);
  if (!existsSync(SINGLE) || statSync(SINGLE).mtimeMs < statSync(join(DIST, wasm)).mtimeMs) pack(DIST);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

// ---- helpers that work on a Playwright or a Puppeteer page or frame (both have evaluate and $eval) ----

/** True once the timeline has drawn its first frame (what harness.mjs's openApp waits for). */
function appReady() {
  const c = document.querySelector('#timeline-canvas');
  return c && c.width > 0 && c.dataset.hitTargets && c.dataset.hitTargets.length > 2;
}

/** Elements that would load another file: <script src>, <link href>, and anything else with a src. */
function externalRefs(frame) {
  return frame.evaluate(() =>
    [...document.querySelectorAll('script[src], link[href], img[src], iframe[src], source[src], video[src], audio[src], object[data], embed[src]')]
      .map((el) => el.outerHTML.slice(0, 160))
      .filter((html) => !/\s(src|href|data)="(data:|#)/.test(html)),
  );
}

/** Resource timing entries: every fetch the document made, except data: URLs. */
function resourceEntries(frame) {
  return frame.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith('data:')));
}

/**
 * Runs before any script of every document and frame: records what the page's Content-Security-Policy
 * refused (it refuses every request), since Firefox does not report that as a console error.
 */
function recordCspViolations() {
  self.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    self.__cspViolations.push(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'}`);
  });
}

const scrubValue = (frame) => frame.$eval('#scrub', (el) => Number(el.value));

/** Moves the scrubber to its start (`edge` 'min') or its end ('max') and returns that value. */
async function scrubTo(frame, edge) {
  await frame.$eval('#scrub', (el, e) => {
    el.value = el[e];
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, edge);
  return scrubValue(frame);
}

/** Whether the document is in an opaque origin (a sandbox without allow-same-origin): storage throws. */
function storageBlocked(frame) {
  return frame.evaluate(() => {
    try {
      return window.localStorage === undefined;
    } catch {
      return true;
    }
  });
}

/** The shared checks, on the frame that holds the app. `waitUntil(fn, arg)` polls in that frame. */
async function checkApp(frame, waitUntil, clickPlay, label) {
  assert.deepEqual(await externalRefs(frame), [], `${label}: elements that load other files`);
  assert.deepEqual(await frame.evaluate(() => self.__cspViolations), [], `${label}: requests refused by the page's CSP`);
  const share = await inkedShare(frame);
  assert.ok(share > 0.05, `${label}: only ${(share * 100).toFixed(1)}% of the canvas is drawn`);
  assert.equal(await frame.$eval('body', (b) => !!b.querySelector('#loading')), false, `${label}: still loading`);
  const start = await scrubTo(frame, 'min');
  await clickPlay();
  await waitUntil((b) => Number(document.querySelector('#scrub').value) > b + 200, start);
  assert.equal(await frame.$eval('#play', (b) => b.getAttribute('aria-pressed')), 'true', `${label}: Play is pressed`);
  const moved = await scrubValue(frame);
  assert.ok(moved > start + 200, `${label}: the playhead moved from ${start} to ${moved}`);
  await clickPlay(); // pause, so that the screenshot is stable
  assert.deepEqual(await resourceEntries(frame), [], `${label}: resources fetched`);
  assert.deepEqual(await frame.evaluate(() => self.__cspViolations), [], `${label}: requests refused by the page's CSP`);
}

/**
 * Checks that the address follows what is shown from file:// as it does from a server (a reload
 * mid-talk keeps the view, back and forward walk it): a view chosen is in the address, and reloading
 * opens it again. `waitUntil(fn)` waits for `fn` to hold in the page.
 */
async function checkAddress(page, waitUntil, label) {
  await page.click('#tab-depth');
  await waitUntil(() => new URLSearchParams(location.search).get('view') === 'depth');
  assert.ok(page.url().startsWith('file:'), `${label}: ${page.url()}`);
  await page.reload();
  await waitUntil(() => document.querySelector('#tab-depth')?.getAttribute('aria-selected') === 'true');
}

/**
 * Checks the context the timeline's scene is shown through (`contexts`: whether it has a
 * `bitmaprenderer` one, whether a 2D one), and that it shows each new drawing: the markers on the
 * scene's own canvas are strongly coloured where an event is settled and pale where it is a ghost, so
 * every event settled (as the page opens), then none (rewound, the scene drawn again), then every one
 * again.
 */
async function checkScene(page, contexts, label) {
  const has = await page.$eval('#timeline-canvas', (c) => ({ bitmap: c.getContext('bitmaprenderer') !== null, flat: c.getContext('2d') !== null }));
  assert.deepEqual(has, contexts, `${label}: the scene's contexts`);
  const points = JSON.parse(await page.$eval('#timeline-canvas', (c) => c.getAttribute('data-hit-targets')));
  const coloured = async () => points.length - (await unsaturated(page, points, { layers: false })).length;
  const until = async (done) => {
    let n = await coloured();
    for (let i = 0; i < 50 && !done(n); i++) {
      await new Promise((r) => setTimeout(r, 100));
      n = await coloured();
    }
    return n;
  };
  const settled = await coloured();
  assert.ok(settled >= points.length * 0.8, `${label}: ${settled} of ${points.length} markers coloured at the end`);
  await scrubTo(page, 'min');
  const ghosts = await until((n) => n <= points.length * 0.1);
  assert.ok(ghosts <= points.length * 0.1, `${label}: the scene drawn again, rewound: ${ghosts} of ${points.length} markers still coloured`);
  await scrubTo(page, 'max');
  const again = await until((n) => n === settled);
  assert.equal(again, settled, `${label}: the scene drawn again at the end, its markers coloured as before`);
}

// ---------------------------------------------------------------------------------------------------

test('the packed file is self-contained', () => {
  const html = readFileSync(SINGLE, 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/gi);
  assert.deepEqual(
    tags.filter((t) => /\b(src|href)\s*=/i.test(t) && !/\b(src|href)\s*=\s*"data:/i.test(t)),
    [],
    'no <script src> or <link href> but data:',
  );
  assert.equal(tags.filter((t) => /^<script/i.test(t)).length, 1, 'one inline module script');
  assert.match(html, /<script type="module">/);
  assert.match(html, /DecompressionStream\('gzip'\)/);
  assert.match(html, /http-equiv="Content-Security-Policy" content="default-src 'none';/);
  assert.doesNotMatch(html, /import\.meta|\bimport\s*\(|^\s*import\s|^\s*export\s/m, 'no module imports or exports left');
  for (const f of readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f))) {
    assert.ok(!html.includes(f), `the page still names ${f}`);
  }
});

test('the packer refuses a dist/ it cannot pack, saying why, and packs its own output again unchanged', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'single-file-'));
  try {
    const packer = join(root, '.ci', 'single-file.mjs');
    const run = () => spawnSync(process.execPath, [packer, tmp], { encoding: 'utf8' });
    let r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /no index\.html/);
    // The static site as the packer left it: its page has the glue and the stylesheet inline.
    for (const f of readdirSync(DIST).filter((f) => f !== 'union-state.html')) copyFileSync(join(DIST, f), join(tmp, f));
    r = run();
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['index.html', 'union-state.html']) {
      assert.ok(readFileSync(join(tmp, f)).equals(readFileSync(join(DIST, f))), `${f} packed again is not what it was`);
    }
    const wasm = readdirSync(tmp).find((f) => f.endsWith('.wasm'));
    copyFileSync(join(tmp, wasm), join(tmp, `other-${wasm}`));
    r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /expected exactly one wasm module \(\*\.wasm\) in .*, found 2/);
    rmSync(join(tmp, `other-${wasm}`));
    // An inline script it does not know would be blocked by both pages' policies: refused here.
    const index = readFileSync(join(tmp, 'index.html'), 'utf8');
    writeFileSync(join(tmp, 'index.html'), index.replace('</head>', '<script>document.title = "x";</script></head>'));
    r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /an inline script the packer does not know: <script>/);
    writeFileSync(join(tmp, 'index.html'), index);
    assert.equal(run().status, 0, 'and packs it once that script is gone');

    // A page as Trunk writes it, with the stylesheet and the glue as files of their own.
    const early = index.match(/<script>[\s\S]*?__unionStateData[\s\S]*?<\/script>/)[0];
    const trunkPage = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>t</title>
  ${early}
  <link rel="stylesheet" href="/style-test.css"/>
<script type="module">
import init, * as bindings from '/glue-test.js';
const wasm = await init({ module_or_path: '/${wasm}' });
window.wasmBindings = bindings;
</script>
<link rel="modulepreload" href="/glue-test.js"><link rel="preload" href="/${wasm}" as="fetch" type="application/wasm"></head>
<body></body>
</html>
`;
    writeFileSync(join(tmp, 'index.html'), trunkPage);
    r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /expected exactly one wasm-bindgen glue \(\*\.js\) in .*, found 0/);
    writeFileSync(join(tmp, 'glue-test.js'), 'export function answer() { return 42; }\nasync function __wbg_init(o) { return o; }\nexport { __wbg_init as default };\n');
    r = run();
    assert.equal(r.status, 1);
    assert.match(r.stderr, /expected exactly one stylesheet \(\*\.css\) in .*, found 0/);
    writeFileSync(join(tmp, 'style-test.css'), 'body { margin: 0; }\n');
    r = run();
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(readdirSync(tmp).filter((f) => /\.(js|css)$/.test(f)), [], 'the inlined files are removed');
    const site = readFileSync(join(tmp, 'index.html'), 'utf8');
    assert.match(site, /<style data-packed>\nbody \{ margin: 0; \}\n<\/style>/);
    assert.match(site, /<script type="module" data-packed>[\s\S]*function answer\(\) \{ return 42; \}[\s\S]*const init = __glue\.default; const bindings = __glue;/);
    assert.match(site, new RegExp(`module_or_path: '/${wasm.replace(/[.]/g, '\\.')}'`), 'the site still fetches the wasm');
    assert.match(site, /<link rel="preload" href="\/[^"]+\.wasm"/, 'preloaded');
    assert.doesNotMatch(site, /glue-test\.js|style-test\.css|modulepreload/);
    const single = readFileSync(join(tmp, 'union-state.html'), 'utf8');
    assert.match(single, /module_or_path: __wasmResponse\(\)/);
    assert.doesNotMatch(single, new RegExp(`${wasm.replace(/[.]/g, '\\.')}|__unionStateData|preload`));
    // And once more, from its own output: the same two pages.
    assert.equal(run().status, 0);
    assert.equal(readFileSync(join(tmp, 'index.html'), 'utf8'), site);
    assert.equal(readFileSync(join(tmp, 'union-state.html'), 'utf8'), single);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

describe('Chromium, network off', () => {
  let browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  /** A page whose every non-file request is aborted and recorded, with console errors collected. */
  async function offlinePage() {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const problems = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      problems.push(`request blocked: ${url}`);
      return route.abort('internetdisconnected');
    });
    await context.addInitScript(recordCspViolations);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!isLocal(r.url())) problems.push(`request attempted: ${r.url()}`);
    });
    return { context, page, problems };
  }

  test('the blocking works: a request from a page is aborted and recorded', async () => {
    const { context, page, problems } = await offlinePage();
    await page.goto('about:blank');
    const outcome = await page.evaluate(() => fetch('http://127.0.0.1:8/offline-probe').then(() => 'answered', () => 'failed'));
    assert.equal(outcome, 'failed');
    assert.ok(problems.some((p) => p === 'request blocked: http://127.0.0.1:8/offline-probe'), problems.join('\n'));
    await context.close();
  });

  test('opened directly from file://: draws, plays, requests nothing, keeps its address', async () => {
    const { context, page, problems } = await offlinePage();
    await page.goto(DIRECT_URL);
    await page.waitForFunction(appReady, null, { timeout: 30000 });
    await checkApp(page, (fn, arg) => page.waitForFunction(fn, arg, { timeout: 15000 }), () => page.click('#play'), 'Chromium');
    await page.screenshot({ path: join(SCREENSHOTS, 'single-file-chromium.png') });
    await checkAddress(page, (fn) => page.waitForFunction(fn, null, { timeout: 15000 }), 'Chromium');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('the scene is shown as an image, which shows each new drawing of it', async () => {
    // Chromium hands a 2D canvas to its compositor at every frame in which anything changes; an image
    // shown through `bitmaprenderer` once.
    const { context, page, problems } = await offlinePage();
    await page.goto(DIRECT_URL);
    await page.waitForFunction(appReady, null, { timeout: 30000 });
    await checkScene(page, { bitmap: true, flat: false }, 'Chromium');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('inside a sandboxed iframe of a file:// page: draws and plays', async () => {
    const { context, page, problems } = await offlinePage();
    await page.goto(IFRAME_URL);
    const frame = await (await page.waitForSelector('iframe#app')).contentFrame();
    assert.ok(frame, 'the iframe has a document');
    assert.equal(frame.url(), DIRECT_URL);
    await frame.waitForFunction(appReady, null, { timeout: 30000 });
    assert.equal(await storageBlocked(frame), true, 'the frame runs in an opaque (sandboxed) origin');
    await checkApp(frame, (fn, arg) => frame.waitForFunction(fn, arg, { timeout: 15000 }), () => frame.click('#play'), 'Chromium iframe');
    await page.screenshot({ path: join(SCREENSHOTS, 'single-file-chromium-iframe.png') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('Firefox ESR, network off', () => {
  let browser;
  before(async () => {
    assert.ok(existsSync(FIREFOX), `${FIREFOX} is missing: bash .ci/setup installs Debian's firefox-esr`);
    const puppeteer = require('puppeteer-core');
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      defaultViewport: VIEWPORT,
      // Whatever the page's interception misses (the browser's own traffic included) goes to a proxy on
      // the discard port of loopback, where nothing listens, and fails there; no fallback to direct.
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': 9,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': 9,
        'network.proxy.socks': '127.0.0.1',
        'network.proxy.socks_port': 9,
        'network.proxy.socks_remote_dns': true,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.proxy.failover_direct': false,
        'network.trr.mode': 5,
        'network.dns.disablePrefetch': true,
        'network.predictor.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
  });
  after(async () => {
    await browser?.close();
  });

  /** A page whose every non-file request is aborted and recorded, with console and page errors collected. */
  async function offlinePage() {
    const page = await browser.newPage();
    const problems = [];
    await page.evaluateOnNewDocument(recordCspViolations);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (isLocal(url)) return request.continue();
      problems.push(`request blocked: ${url}`);
      return request.abort('internetdisconnected');
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message ?? e}`));
    return { page, problems };
  }

  const waitIn = (frame) => (fn, arg) => frame.waitForFunction(fn, { timeout: 15000 }, arg);

  test('the blocking works: a request from a page is aborted and recorded', async () => {
    const { page, problems } = await offlinePage();
    await page.goto('about:blank');
    const outcome = await page.evaluate(() => fetch('http://127.0.0.1:8/offline-probe').then(() => 'answered', () => 'failed'));
    assert.equal(outcome, 'failed');
    assert.ok(problems.some((p) => p === 'request blocked: http://127.0.0.1:8/offline-probe'), problems.join('\n'));
    await page.close();
  });

  test('opened directly from file://: draws, plays, requests nothing, keeps its address', async () => {
    const { page, problems } = await offlinePage();
    await page.goto(DIRECT_URL);
    await page.waitForFunction(appReady, { timeout: 30000 });
    await checkApp(page, waitIn(page), () => page.click('#play'), 'Firefox');
    await page.screenshot({ path: join(SCREENSHOTS, 'single-file-firefox.png') });
    await checkAddress(page, waitIn(page), 'Firefox');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the scene is shown on a 2D canvas, which shows each new drawing of it', async () => {
    // In Firefox an image shown through `bitmaprenderer` slows every frame of a page on which anything
    // moves, so the scene is copied onto the screen's 2D context here instead (tests/bench/firefox.mjs
    // measures the difference).
    const { page, problems } = await offlinePage();
    await page.goto(DIRECT_URL);
    await page.waitForFunction(appReady, { timeout: 30000 });
    await checkScene(page, { bitmap: false, flat: true }, 'Firefox');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test("the scrubber's handle is in the theme's accent colour, as in Chromium", async () => {
    // Firefox draws a range's handle grey whatever its accent-color; the stylesheet draws its parts.
    const { page, problems } = await offlinePage();
    for (const theme of ['light', 'dark']) {
      await page.goto(`${DIRECT_URL}?t=2010-06-01&theme=${theme}`);
      await page.waitForFunction(appReady, { timeout: 30000 });
      const { clip, accent } = await page.evaluate(() => {
        const s = document.querySelector('#scrub');
        const r = s.getBoundingClientRect();
        const f = (s.value - s.min) / (s.max - s.min);
        const thumb = parseFloat(getComputedStyle(document.documentElement).fontSize) * 1.1;
        const x = r.x + thumb / 2 + f * (r.width - thumb);
        const hex = getComputedStyle(document.documentElement).getPropertyValue('--accent').trim();
        const accent = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
        return { clip: { x: x - 2, y: r.y + r.height / 2 - 2, width: 4, height: 4 }, accent };
      });
      const seen = await screenColour(page, clip, () => browser.newPage());
      const off = Math.max(...seen.map((v, k) => Math.abs(v - accent[k])));
      assert.ok(off < 24, `${theme}: the handle's centre is rgb(${seen.map(Math.round)}), the accent rgb(${accent})`);
    }
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('inside a sandboxed iframe of a file:// page: draws and plays', async () => {
    const { page, problems } = await offlinePage();
    await page.goto(IFRAME_URL);
    const frame = await (await page.waitForSelector('iframe#app')).contentFrame();
    assert.ok(frame, 'the iframe has a document');
    await frame.waitForFunction(appReady, { timeout: 30000 });
    assert.equal(frame.url(), DIRECT_URL);
    assert.equal(await storageBlocked(frame), true, 'the frame runs in an opaque (sandboxed) origin');
    await checkApp(frame, waitIn(frame), () => frame.click('#play'), 'Firefox iframe');
    await page.screenshot({ path: join(SCREENSHOTS, 'single-file-firefox-iframe.png') });
    assert.deepEqual(problems, []);
    await page.close();
  });
});
