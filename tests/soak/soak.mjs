#!/usr/bin/env node
// A long-run soak of the release build in headless Chromium: unattended autoplay with Loop on, at
// 1920 x 1080 and devicePixelRatio 2, touring every view every few minutes, while it measures once a
// minute the JS heap (after a forced garbage collection), the WebAssembly memory, the main-thread work
// per animation frame, long tasks, and console and page errors; and, as observations outside the goals,
// Blink's own (embedder) heap, the DOM node count, and the resident memory of Chromium's renderer and
// GPU processes (Linux /proc), which is where leaked canvases and detached DOM show. A benchmark, not a
// test: it prints a table and a summary with each figure's ratio to its goal, and exits 0 only if every
// goal is met.
//
// Usage: node tests/soak/soak.mjs [--minutes N] [--tour-every M]
//   --minutes N      measured minutes after a 30 s warm-up (default 30)
//   --tour-every M   visit every view during each M-th minute (default 5, or N if N < 5)
// The warm-up visits every view once (3 s each) and then plays the timeline for 30 s; the baseline is
// taken after it, so the figures measure growth over the run rather than what a first visit to each
// view creates once.
// Needs dist/ (trunk build --release) and Debian's Chromium, like the browser tests (CHROMIUM=... to
// use another). Node 20, ESM.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serve, launch } from '../browser/harness.mjs';

// ---------------------------------------------------------------------------------------------- options
function parseArgs(argv) {
  const opts = { minutes: 30, tourEvery: null, warmupSeconds: 30 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => Number(inline ?? argv[++i]);
    if (flag === '--minutes') opts.minutes = value();
    else if (flag === '--tour-every') opts.tourEvery = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: node tests/soak/soak.mjs [--minutes N] [--tour-every M]');
      process.exit(0);
    } else {
      console.error(`soak: unknown argument ${argv[i]}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.minutes) || opts.minutes < 1) {
    console.error('soak: --minutes must be a whole number of minutes, at least 1');
    process.exit(2);
  }
  opts.tourEvery ??= Math.min(5, opts.minutes);
  if (!Number.isInteger(opts.tourEvery) || opts.tourEvery < 1) {
    console.error('soak: --tour-every must be a whole number of minutes, at least 1');
    process.exit(2);
  }
  return opts;
}

const opts = parseArgs(process.argv.slice(2));

// Goals.
const GOAL_HEAP_GROWTH = 5; // % start -> end
const GOAL_WASM_GROWTH = 5; // %
const GOAL_FRAME_DRIFT = 25; // % |last-5 mean / first-5 mean - 1|

// The tour: each other view for a while, then back to the timeline, inside one minute so that every
// sample (taken at the minute's end) is taken on the timeline.
const TOUR_START_S = 12;
const TOUR_STAY_S = 10;
const TOUR = [
  ['#tab-mapping', '#mapping-canvas'],
  ['#tab-membership', '#membership-canvas'],
  ['#tab-depth', '#depth-canvas'],
];
const EVAL_TIMEOUT_MS = 60_000;
// During the warm-up, each view is shown this long before the warm-up's time on the timeline.
const WARMUP_STAY_S = 3;

// ------------------------------------------------------------------------------------------- the page
// Installed before any page script runs (CDP bypasses the page's Content Security Policy for it).
function instrument() {
  window.__soak = { frames: 0, longTasks: 0, longTaskMax: 0, longTaskSupported: false };
  const tick = () => {
    window.__soak.frames++;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration > 50) window.__soak.longTasks++;
        window.__soak.longTaskMax = Math.max(window.__soak.longTaskMax, e.duration);
      }
    }).observe({ type: 'longtask', buffered: true });
    window.__soak.longTaskSupported = true;
  } catch {
    // No long-task timing in this browser: the column shows "-".
  }
  window.addEventListener('TrunkApplicationStarted', (e) => {
    window.__wasm = e.detail.wasm;
  });
}

// ----------------------------------------------------------------------------------------- the harness
class Died extends Error {}
let died = null; // the reason, once the page or browser is gone
let dieNow = () => {};
const death = new Promise((_, reject) => {
  dieNow = (why) => {
    if (!died) {
      died = why;
      reject(new Died(why));
    }
  };
});
death.catch(() => {});

/** Resolves `p`, unless the page dies, the user interrupts, or it takes longer than `ms`. */
function guarded(p, what, ms = EVAL_TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Died(`${what} did not answer within ${ms / 1000} s (page hung?)`)), ms);
  });
  return Promise.race([p, death, timeout]).finally(() => clearTimeout(timer));
}
/**
 * Waits for `fn` to return true in the page. Predicates return booleans, never elements, and the handle
 * is disposed: a handle the harness kept would keep a view's DOM alive and show up as a leak.
 */
async function waitFor(page, fn, arg, timeout, what) {
  const handle = await guarded(page.waitForFunction(fn, arg, { timeout }), what, timeout + EVAL_TIMEOUT_MS);
  await handle.dispose().catch(() => {});
}
const sleep = (ms) => guarded(new Promise((r) => setTimeout(r, ms)), 'sleep', ms + EVAL_TIMEOUT_MS);
const sleepUntil = (t) => sleep(Math.max(0, t - Date.now()));

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => dieNow(`interrupted (${sig})`));
}

const mb = (bytes) => bytes / (1024 * 1024);
const fmt = (x, d = 1) => (x == null || Number.isNaN(x) ? '-' : x.toFixed(d));
const pct = (a, b) => ((b - a) / a) * 100;
const mean = (xs) => xs.reduce((s, x) => s + x, 0) / xs.length;
const pad = (s, n) => String(s).padStart(n);

const COLUMNS = [
  ['min', 3], ['JS heap MB', 10], ['wasm MB', 7], ['frames', 6], ['task ms/f', 9], ['script ms/f', 11],
  ['long tasks', 10], ['errors', 6], ['blink MB', 8], ['DOM nodes', 9], ['rndr MB', 7], ['gpu MB', 6],
  ['load1', 5], ['views', 8],
];
const header = () => COLUMNS.map(([h, w]) => pad(h, w)).join(' ');
const rowText = (r) =>
  [
    r.minute, fmt(r.heapMB, 2), fmt(r.wasmMB, 2), r.frames ?? '-', fmt(r.taskMsPerFrame, 3),
    fmt(r.scriptMsPerFrame, 3), r.longTasks ?? '-', r.errors, fmt(r.blinkMB, 2), r.nodes,
    fmt(r.rendererMB, 0), fmt(r.gpuMB, 0), fmt(r.load1, 2), r.views,
  ].map((v, i) => pad(v, COLUMNS[i][1])).join(' ');

/** Resident set size of a process, MB, from Linux /proc (NaN elsewhere or if it is gone). */
function rssMB(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)\s+kB/)[1]) / 1024;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------------------------------------- the run
const rows = [];
const problems = []; // every console error / page error, with the minute it happened in
let minuteErrors = 0;
let currentMinute = 0;
const notes = [];
let server;
let browser;
let exitCode = 1;

async function main() {
  server = await serve();
  browser = await launch();
  browser.on('disconnected', () => dieNow('the browser disconnected (crashed or was killed)'));
  const version = browser.version();
  const browserCdp = await browser.newBrowserCDPSession();
  // Resident memory of all of this browser's renderer processes, and of its GPU process, MB.
  const processMemory = async () => {
    const { processInfo } = await guarded(browserCdp.send('SystemInfo.getProcessInfo'), 'SystemInfo.getProcessInfo');
    const sum = (type) => processInfo.filter((p) => p.type === type).reduce((s, p) => s + rssMB(p.id), 0);
    return { rendererMB: sum('renderer'), gpuMB: sum('GPU') };
  };
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 2 });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const record = (what) => {
    problems.push(`minute ${currentMinute}: ${what}`);
    minuteErrors++;
  };
  page.on('console', (m) => {
    if (m.type() === 'error') record(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => record(`page error: ${e.message}`));
  page.on('crash', () => dieNow('the page crashed (renderer process gone; out of memory?)'));
  page.on('close', () => dieNow('the page closed'));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith('http://127.0.0.1') && !u.startsWith('data:') && !u.startsWith('blob:')) {
      record(`request left the page: ${u}`);
    }
  });

  console.log(`soak: Chromium ${version}, 1920x1080 @ devicePixelRatio 2, serving ${server.url}`);
  console.log(`soak: ${opts.minutes} measured minute(s) after a warm-up (every view once, then ${opts.warmupSeconds} s); ` +
    `every view toured during minutes ${opts.tourEvery}, ${opts.tourEvery * 2}, ... (${TOUR_STAY_S} s each)`);

  // Load, with a few retries: dist/ may be being rebuilt by someone else at this moment.
  for (let attempt = 1; ; attempt++) {
    try {
      await guarded(page.goto(server.url), 'navigation');
      await waitFor(page, () => {
        const c = document.querySelector('#timeline-canvas');
        return Boolean(window.__wasm && c && c.width > 0 && c.dataset.hitTargets && c.dataset.hitTargets.length > 2);
      }, null, 30_000, 'first frame');
      break;
    } catch (e) {
      if (e instanceof Died && died) throw e;
      if (attempt >= 3) throw new Died(`the app did not load after ${attempt} attempts: ${e.message.split('\n')[0]}`);
      notes.push(`load attempt ${attempt} failed (${e.message.split('\n')[0]}); errors then: ${problems.join(' | ') || 'none'}`);
      console.log(`soak: load attempt ${attempt} failed, retrying in 20 s: ${e.message.split('\n')[0]}`);
      problems.length = 0;
      minuteErrors = 0;
      await sleep(20_000);
    }
  }

  const wasmInfo = await guarded(page.evaluate(() => {
    const exp = window.__wasm;
    const memKey = exp.memory instanceof WebAssembly.Memory
      ? 'memory'
      : Object.keys(exp).find((k) => exp[k] instanceof WebAssembly.Memory);
    window.__soakMemKey = memKey;
    const wasmFile = performance.getEntriesByType('resource').map((e) => e.name).find((n) => n.endsWith('.wasm'));
    return { memKey, longTaskSupported: window.__soak.longTaskSupported, dpr: devicePixelRatio, wasmFile };
  }), 'wasm lookup');
  if (!wasmInfo.memKey) throw new Died('the wasm exports have no WebAssembly.Memory');
  console.log(`soak: build ${wasmInfo.wasmFile?.split('/').pop() ?? '(wasm file unknown)'}`);
  console.log(`soak: wasm memory export: "${wasmInfo.memKey}"; longtask observer: ${wasmInfo.longTaskSupported ? 'yes' : 'no'}; devicePixelRatio ${wasmInfo.dpr}`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');

  // Autoplay: Loop on, then Play.
  if (!(await page.isChecked('#loop'))) await page.check('#loop');
  await page.click('#play');
  await waitFor(page, () => document.querySelector('#play')?.getAttribute('aria-pressed') === 'true', null, 10_000, 'play');
  const bounds = await page.evaluate(() => [Number(document.querySelector('#scrub').min), Number(document.querySelector('#scrub').max)]);
  console.log(`soak: playing with Loop on over ${((bounds[1] - bounds[0]) / 365.25).toFixed(1)} years of timeline`);
  // Warm-up: every view once, then the timeline for the rest of the warm-up, so that the baseline
  // already holds what a first visit creates once (compiled code, type feedback, each view's
  // first-use caches) and what follows measures growth, not first use.
  for (const [tab, canvas] of TOUR) {
    await guarded(page.click(tab), `click ${tab}`);
    await waitFor(page, (c) => document.querySelector(c)?.width > 0, canvas, 20_000, `${canvas} drawn`);
    await sleep(WARMUP_STAY_S * 1000);
  }
  await guarded(page.click('#tab-timeline'), 'click #tab-timeline');
  await waitFor(page, () => document.querySelector('#timeline-canvas')?.width > 0, null, 20_000, 'timeline back');
  await sleep(opts.warmupSeconds * 1000);

  const metrics = async () => {
    const { metrics: list } = await guarded(cdp.send('Performance.getMetrics'), 'Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
  const pageCounters = () => guarded(page.evaluate(() => ({
    frames: window.__soak.frames,
    longTasks: window.__soak.longTasks,
    longTaskMax: window.__soak.longTaskMax,
    playing: document.querySelector('#play')?.getAttribute('aria-pressed') === 'true',
    playhead: Number(document.querySelector('#scrub')?.value),
    view: document.querySelector('[role=tab][aria-selected=true]')?.id,
  })), 'page counters');
  // Memory after a full garbage collection, so readings compare like with like.
  const memory = async () => {
    await guarded(cdp.send('HeapProfiler.collectGarbage'), 'collectGarbage');
    const heap = await guarded(cdp.send('Runtime.getHeapUsage'), 'Runtime.getHeapUsage');
    const m = await metrics();
    const wasm = await guarded(page.evaluate(() => window.__wasm[window.__soakMemKey].buffer.byteLength), 'wasm memory');
    const rss = await processMemory();
    return {
      heap: heap.usedSize, blink: heap.embedderHeapUsedSize, wasm, nodes: m.Nodes, listeners: m.JSEventListeners,
      ...rss,
    };
  };
  // Opens a measurement window after the garbage collection, so its cost is not counted as frame work.
  const openWindow = async () => ({ m: await metrics(), c: await pageCounters() });

  // Minute 0: the baseline.
  const m0 = await memory();
  rows.push({
    minute: 0, heapMB: mb(m0.heap), wasmMB: mb(m0.wasm), frames: null, taskMsPerFrame: null, scriptMsPerFrame: null,
    longTasks: null, errors: minuteErrors, blinkMB: m0.blink == null ? null : mb(m0.blink), nodes: m0.nodes,
    listeners: m0.listeners, rendererMB: m0.rendererMB, gpuMB: m0.gpuMB, load1: loadavg()[0], views: 'start',
  });
  console.log('');
  console.log(header());
  console.log(rowText(rows[0]));
  let win = await openWindow();
  const t0 = Date.now();
  let stalls = 0;

  for (let minute = 1; minute <= opts.minutes; minute++) {
    currentMinute = minute;
    minuteErrors = 0;
    let views = 'T';
    if (minute % opts.tourEvery === 0) {
      await sleepUntil(t0 + (minute - 1) * 60_000 + TOUR_START_S * 1000);
      for (const [tab, canvas] of TOUR) {
        await guarded(page.click(tab), `click ${tab}`);
        await waitFor(page, (c) => document.querySelector(c)?.width > 0, canvas, 20_000, `${canvas} drawn`);
        await sleep(TOUR_STAY_S * 1000);
      }
      await guarded(page.click('#tab-timeline'), 'click #tab-timeline');
      await waitFor(page, () => document.querySelector('#timeline-canvas')?.width > 0, null, 20_000, 'timeline back');
      views = 'T+M+Ms+D';
    }
    await sleepUntil(t0 + minute * 60_000);

    // Close the window: frame work over the minute, per frame.
    const m1 = await metrics();
    const c1 = await pageCounters();
    const frames = c1.frames - win.c.frames;
    const per = (name) => (frames > 0 ? ((m1[name] - win.m[name]) * 1000) / frames : NaN);
    if (!c1.playing) {
      notes.push(`minute ${minute}: playback had stopped (#play not pressed); pressed Play again`);
      stalls++;
      await guarded(page.click('#play'), 'click #play');
    } else if (c1.playhead === win.c.playhead) {
      notes.push(`minute ${minute}: the playhead did not move since the last sample`);
      stalls++;
    }
    if (c1.view !== 'tab-timeline') notes.push(`minute ${minute}: sampled on ${c1.view}, not the timeline`);
    const mem = await memory();
    const row = {
      minute,
      heapMB: mb(mem.heap),
      wasmMB: mb(mem.wasm),
      frames,
      taskMsPerFrame: per('TaskDuration'),
      scriptMsPerFrame: per('ScriptDuration'),
      layoutMsPerFrame: per('LayoutDuration'),
      styleMsPerFrame: per('RecalcStyleDuration'),
      longTasks: wasmInfo.longTaskSupported ? c1.longTasks - win.c.longTasks : null,
      longTaskMax: c1.longTaskMax,
      errors: minuteErrors,
      blinkMB: mem.blink == null ? null : mb(mem.blink),
      nodes: mem.nodes,
      listeners: mem.listeners,
      rendererMB: mem.rendererMB,
      gpuMB: mem.gpuMB,
      load1: loadavg()[0],
      views,
    };
    rows.push(row);
    console.log(rowText(row));
    win = await openWindow();
  }
  currentMinute = opts.minutes;
  return { version, stalls };
}

function report({ version, stalls }) {
  const measured = rows.filter((r) => r.minute > 0);
  console.log('');
  console.log('=== Long-run soak: per-minute figures ===');
  console.log(header());
  for (const r of rows) console.log(rowText(r));
  console.log('');
  console.log('JS heap = V8 heap used (Runtime.getHeapUsage usedSize) after a forced GC; wasm = the instance\'s');
  console.log('memory.buffer.byteLength; frames = requestAnimationFrame callbacks in the page that minute; task ms/f and');
  console.log('script ms/f = CDP TaskDuration and ScriptDuration per frame; long tasks = longtask entries > 50 ms;');
  console.log('blink MB = Blink\'s (embedder) heap used after GC; DOM nodes = live nodes after GC (Performance.getMetrics Nodes);');
  console.log('rndr MB / gpu MB = resident memory of all renderer processes / the GPU process; load1 = the machine\'s');
  console.log('1-minute load average; views: T = timeline only, T+M+Ms+D = every view toured that minute.');
  const layout = mean(measured.map((r) => r.layoutMsPerFrame));
  const style = mean(measured.map((r) => r.styleMsPerFrame));
  console.log(`Over the run, per frame: layout ${fmt(layout, 4)} ms, style recalculation ${fmt(style, 4)} ms; ` +
    `longest long task ${fmt(measured.at(-1)?.longTaskMax, 0)} ms.`);

  const first = rows[0];
  const last = rows.at(-1);
  const k = Math.min(5, Math.max(1, Math.floor(measured.length / 2)));
  const firstK = measured.slice(0, k);
  const lastK = measured.slice(-k);
  const heapGrowth = pct(first.heapMB, last.heapMB);
  const wasmGrowth = pct(first.wasmMB, last.wasmMB);
  const taskFirst = mean(firstK.map((r) => r.taskMsPerFrame));
  const taskLast = mean(lastK.map((r) => r.taskMsPerFrame));
  const scriptFirst = mean(firstK.map((r) => r.scriptMsPerFrame));
  const scriptLast = mean(lastK.map((r) => r.scriptMsPerFrame));
  const frameDrift = pct(taskFirst, taskLast);
  const totalErrors = problems.length;
  const totalLong = measured.reduce((s, r) => s + (r.longTasks ?? 0), 0);
  const fps = mean(measured.map((r) => r.frames / 60));

  const ok = {
    heap: heapGrowth < GOAL_HEAP_GROWTH,
    wasm: wasmGrowth < GOAL_WASM_GROWTH,
    errors: totalErrors === 0,
    frames: Math.abs(frameDrift) <= GOAL_FRAME_DRIFT,
    playing: stalls === 0,
  };
  const mark = (b) => (b ? 'met' : 'NOT MET');
  const ratio = (x, goal) => `${(Math.max(0, x) / goal).toFixed(2)} of the goal`;
  console.log('');
  console.log('=== Summary ===');
  console.log(`Chromium ${version}; ${measured.length} measured minute(s) after a warm-up (every view once, then ${opts.warmupSeconds} s); ` +
    `mean ${fmt(fps, 1)} frames/s; ${totalLong} long task(s) > 50 ms in all.`);
  console.log(`JS heap (after GC):  ${fmt(first.heapMB, 2)} MB -> ${fmt(last.heapMB, 2)} MB, ` +
    `growth ${fmt(heapGrowth, 2)}% (goal < ${GOAL_HEAP_GROWTH}%: ${ratio(heapGrowth, GOAL_HEAP_GROWTH)}) ${mark(ok.heap)}`);
  const peakHeap = Math.max(...measured.map((r) => r.heapMB));
  console.log(`  highest sample: ${fmt(peakHeap, 2)} MB (${fmt(pct(first.heapMB, peakHeap), 2)}% over the start)`);
  console.log(`wasm memory:         ${fmt(first.wasmMB, 2)} MB -> ${fmt(last.wasmMB, 2)} MB, ` +
    `growth ${fmt(wasmGrowth, 2)}% (goal < ${GOAL_WASM_GROWTH}%: ${ratio(wasmGrowth, GOAL_WASM_GROWTH)}) ${mark(ok.wasm)}`);
  console.log(`frame cost (task):   first-${k} mean ${fmt(taskFirst, 3)} ms/frame, last-${k} mean ${fmt(taskLast, 3)} ms/frame, ` +
    `change ${fmt(frameDrift, 1)}% (goal within ±${GOAL_FRAME_DRIFT}%: ${ratio(Math.abs(frameDrift), GOAL_FRAME_DRIFT)}) ${mark(ok.frames)}`);
  console.log(`frame cost (script): first-${k} mean ${fmt(scriptFirst, 3)} ms/frame, last-${k} mean ${fmt(scriptLast, 3)} ms/frame, ` +
    `change ${fmt(pct(scriptFirst, scriptLast), 1)}%`);
  const plain = measured.filter((r) => r.views === 'T');
  const toured = measured.filter((r) => r.views !== 'T');
  if (plain.length >= 2) {
    const j = Math.min(5, Math.max(1, Math.floor(plain.length / 2)));
    const pf = mean(plain.slice(0, j).map((r) => r.taskMsPerFrame));
    const pl = mean(plain.slice(-j).map((r) => r.taskMsPerFrame));
    console.log(`  timeline-only minutes: first-${j} mean ${fmt(pf, 3)} ms/frame, last-${j} mean ${fmt(pl, 3)} ms/frame, ` +
      `change ${fmt(pct(pf, pl), 1)}%` +
      (toured.length ? `; touring minutes mean ${fmt(mean(toured.map((r) => r.taskMsPerFrame)), 3)} ms/frame` : ''));
  }
  console.log(`console and page errors: ${totalErrors} (goal 0) ${mark(ok.errors)}`);
  console.log('Outside the goals (observations):');
  const obs = (label, a, b, unit, d = 1) =>
    console.log(`  ${label}: ${fmt(a, d)}${unit} -> ${fmt(b, d)}${unit} (${b >= a ? '+' : ''}${fmt(pct(a, b), 1)}%)`);
  obs('Blink (embedder) heap after GC', first.blinkMB, last.blinkMB, ' MB', 2);
  obs('DOM nodes after GC (in and out of the document)', first.nodes, last.nodes, '', 0);
  obs('JS event listeners', first.listeners, last.listeners, '', 0);
  obs('renderer processes\' resident memory', first.rendererMB, last.rendererMB, ' MB', 0);
  obs('GPU process resident memory', first.gpuMB, last.gpuMB, ' MB', 0);
  if (!ok.playing) console.log(`autoplay: stalled ${stalls} time(s), so the run is not a clean soak  NOT MET`);
  for (const p of problems.slice(0, 20)) console.log(`  ${p}`);
  if (problems.length > 20) console.log(`  ... and ${problems.length - 20} more`);
  for (const n of notes) console.log(`note: ${n}`);
  const all = Object.values(ok).every(Boolean);
  const failed = Object.entries(ok).filter(([, v]) => !v).map(([n]) => n);
  console.log(`VERDICT: ${all ? 'all goals met' : `goals not met: ${failed.join(', ')}`} ` +
    `(heap growth ${fmt(heapGrowth, 2)}% vs goal < 5%, wasm growth ${fmt(wasmGrowth, 2)}% vs goal < 5%, ` +
    `${totalErrors} errors vs goal 0, frame cost change ${fmt(frameDrift, 1)}% vs goal within ±25%)`);
  return all ? 0 : 1;
}

let outcome;
try {
  outcome = await main();
} catch (e) {
  console.log('');
  console.log(`soak: FAILED at minute ${currentMinute}: ${died ?? e.stack ?? e.message}`);
  if (died && !(e instanceof Died)) console.log(`soak: (then: ${e.message.split('\n')[0]})`);
  if (rows.length) {
    console.log('Figures up to then:');
    console.log(header());
    for (const r of rows) console.log(rowText(r));
  }
  for (const p of problems) console.log(`  ${p}`);
  for (const n of notes) console.log(`note: ${n}`);
} finally {
  await Promise.race([browser?.close().catch(() => {}), new Promise((r) => setTimeout(r, 15_000))]);
  await server?.close().catch(() => {});
}
if (outcome) exitCode = report(outcome);
process.exit(exitCode);
