// Opening a page cold and timing its first complete frame: shared by bench.mjs (load and scale) and
// playing.mjs (--ready). timeCold times it in a bare browser (cdp.mjs); openCold opens it through
// Playwright, for a page that is then played, traced or measured. Node 20, ESM.

/** The viewport every benchmark page is opened at, CSS px, and its devicePixelRatio. */
export const VIEWPORT = { width: 1920, height: 1080 };
export const DPR = 2;

/**
 * Installed before any page script (CDP bypasses the pages' Content Security Policy for it). It watches
 * the DOM for the product's "complete" condition; when it first holds, it waits for the next animation
 * frame and then for a message posted from that frame's callback, which runs after the frame's paint,
 * records that time (ms since navigation start) as the first complete frame, and says so on the console.
 *   ours:       #timeline-canvas has a backing store (its width attribute, set by the draw) and
 *               data-hit-targets (set once the layout exists), and its label names the expected number of
 *               events (so that with ?data= the bundled dataset's first frame does not count);
 *   timelinejs: its 'loaded' event has fired and every marker (.tl-timemarker) and slide (.tl-slide)
 *               is in the DOM;
 *   vis:        its onInitialDrawComplete callback has run and items (.vis-item) are in the DOM.
 */
function benchInit(cfg) {
  const B = (window.__bench = { done: false, readyAt: null, conditionAt: null, wasm: null, wasmAt: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    B.wasm = e.detail && e.detail.wasm;
    B.wasmAt = performance.now();
  });
  const count = (sel) => document.querySelectorAll(sel).length;
  const conditions = {
    ours: () => {
      const c = document.getElementById('timeline-canvas');
      if (!c || !(c.width > 0)) return false;
      const h = c.getAttribute('data-hit-targets');
      if (!h || h.length <= 2) return false;
      // The count as the English page writes it: 10,000.
      const events = String(cfg.events).replace(/\B(?=(\d{3})+$)/g, ',');
      return !cfg.events || (c.getAttribute('aria-label') || '').includes(`Timeline of ${events} events`);
    },
    timelinejs: () => window.__tlLoaded === true && count('.tl-timemarker') >= cfg.events && count('.tl-slide') >= cfg.events,
    vis: () => window.__visDrawn === true && count('.vis-item') > 0,
  };
  const holds = conditions[cfg.product];
  B.check = () => {
    if (B.conditionAt !== null || !holds()) return;
    B.conditionAt = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        B.readyAt = performance.now();
        B.done = true;
        console.debug(cfg.done);
      };
      channel.port2.postMessage(null);
    });
  };
  new MutationObserver(B.check).observe(document, { subtree: true, childList: true, attributes: true });
}

/** How long a new window is left to itself before the page is opened in it, ms. */
export const SETTLE_MS = 1000;

/** What the page writes on its console (`console.debug`) once the first complete frame is timed. */
const DONE = '__bench:done';

/** In the page, once it is done: what benchInit recorded, and when the dataset at `dataPath` arrived. */
function readTimes(dataPath) {
  const B = window.__bench;
  const res = dataPath && performance.getEntriesByType('resource').find((e) => e.name.includes(dataPath));
  const dataAt = res ? res.responseEnd : window.__benchDataAt ?? null;
  const notice = document.querySelector('#notice');
  return {
    readyAt: B.readyAt,
    conditionAt: B.conditionAt,
    wasmAt: B.wasmAt,
    dataAt,
    notice: notice ? notice.textContent.trim().slice(0, 200) : null,
    noticeError: notice ? notice.classList.contains('error') : false,
  };
}

/** A request the benchmark's pages must never make: anything but loopback, files and inline data. */
const outside = (url) => !/^(http:\/\/127\.0\.0\.1|file:|data:|blob:)/.test(url);

/**
 * Times a cold open of `url` (a fresh context: an empty cache) in a bare browser (cdp.mjs's
 * launchBare), as openCold does but with nothing of Playwright's in the page: no injected script, and
 * the network domain without the buffers that make the browser decode every text response for the
 * developer tools. Resolves to { readyAt, conditionAt, wasmAt, dataAt, notice, noticeError, problems }.
 */
export async function timeCold(bare, url, cfg, { timeout = 60_000, settle = SETTLE_MS, dpr = DPR, viewport = VIEWPORT } = {}) {
  const { browserContextId } = await bare.send('Target.createBrowserContext', { disposeOnDetach: true });
  const problems = [];
  let off = () => {};
  let timer;
  try {
    const { targetId } = await bare.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await bare.send('Target.attachToTarget', { targetId, flatten: true });
    const send = (method, params) => bare.send(method, params, sessionId);
    let finish;
    const finished = new Promise((resolve, reject) => {
      finish = { resolve, reject };
    });
    // Read below; a failure before then is not unhandled.
    finished.catch(() => {});
    off = bare.on(({ method, params, sessionId: from }) => {
      if (from !== sessionId) return;
      if (method === 'Runtime.consoleAPICalled') {
        const text = params.args.map((a) => a.value ?? a.description ?? '').join(' ');
        if (text === DONE) finish.resolve();
        else if (params.type === 'error') problems.push(`console: ${text}`);
      } else if (method === 'Log.entryAdded' && params.entry.level === 'error') {
        problems.push(`console: ${params.entry.text}`);
      } else if (method === 'Runtime.exceptionThrown') {
        const d = params.exceptionDetails;
        const message = d.exception?.description?.split('\n')[0] ?? d.text;
        problems.push(`page error: ${message}`);
        finish.reject(new Error(`page error before the first frame: ${message}`));
      } else if (method === 'Network.requestWillBeSent' && outside(params.request.url)) {
        problems.push(`outside request: ${params.request.url}`);
      } else if (method === 'Network.responseReceived' && params.response.status >= 400) {
        problems.push(`HTTP ${params.response.status}: ${params.response.url}`);
      }
    });
    await Promise.all([
      send('Page.enable'),
      send('Runtime.enable'),
      send('Log.enable'),
      // Requests are reported; no response body is kept, so none is decoded for the developer tools.
      send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 }),
      send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: dpr, mobile: false }),
      send('Emulation.setFocusEmulationEnabled', { enabled: true }),
      send('Page.addScriptToEvaluateOnNewDocument', { source: `(${benchInit})(${JSON.stringify({ ...cfg, done: DONE })})` }),
    ]);
    // As in openCold: the new window's own pages first.
    await new Promise((resolve) => setTimeout(resolve, settle));
    timer = setTimeout(() => finish.reject(new Error(`no complete frame within ${timeout} ms`)), timeout);
    const { errorText } = await send('Page.navigate', { url });
    if (errorText) throw new Error(`cannot open ${url}: ${errorText}`);
    await finished;
    const { result, exceptionDetails } = await send('Runtime.evaluate', {
      expression: `(${readTimes})(${JSON.stringify(cfg.dataPath ?? null)})`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`cannot read the times: ${exceptionDetails.text}`);
    return { ...result.value, problems };
  } finally {
    clearTimeout(timer);
    off();
    await bare.send('Target.disposeBrowserContext', { browserContextId }).catch(() => {});
  }
}

/**
 * Opens `url` in a fresh context (an empty cache) once its window has settled, and waits for the first
 * complete frame, through Playwright. Returns { page, context, ... }. Its times are not those of a
 * reader's browser (see timeCold), so the benchmarks take their load times from timeCold.
 */
export async function openCold(browser, url, cfg, { keep = false, timeout = 60_000, settle = SETTLE_MS, dpr = DPR, viewport = VIEWPORT } = {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: dpr });
  await context.addInitScript(benchInit, { ...cfg, done: DONE });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('request', (r) => {
    const u = r.url();
    if (outside(u)) problems.push(`outside request: ${u}`);
  });
  try {
    // A new context opens a new browser window, and with it the browser's own pages for that window
    // (its address bar's suggestion popup is a page of its own, about 270 ms of a renderer's main
    // thread): let them finish before navigating, or they share the two cores with the load being
    // timed. A browser a person opens a file in has long finished them.
    await new Promise((resolve) => setTimeout(resolve, settle));
    await page.goto(url, { waitUntil: 'commit', timeout });
    // A page error ends the wait at once instead of at the time-out.
    let failed;
    const fails = new Promise((_, reject) => {
      failed = reject;
    });
    fails.catch(() => {});
    page.on('pageerror', (e) => failed(new Error(`page error before the first frame: ${e.message}`)));
    // The page says when it is done on its console. Not page.waitForFunction: Playwright evaluates its
    // injected script (about 330 KB) in the page for that, as soon as the document exists, which puts
    // 20 to 40 ms of the harness's own work on the main thread in the middle of the load being timed.
    const done = page.waitForEvent('console', { predicate: (m) => m.text() === DONE, timeout });
    await Promise.race([done, fails]);
    const t = await page.evaluate(readTimes, cfg.dataPath ?? null);
    if (!keep) await context.close();
    return { ...t, page, context, problems };
  } catch (e) {
    await context.close();
    throw e;
  }
}
