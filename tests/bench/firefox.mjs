#!/usr/bin/env node
// Builds compared in Firefox ESR while playing, interleaved as playing.mjs does in Chromium: each
// build's single file (union-state.html) is opened from file:// in turn, the timeline played with Loop
// on, and the animation frames the page gets counted, round after round. Firefox is driven over WebDriver
// BiDi, which gives no trace of its own work per frame, so the figure is the frame rate and the
// intervals between frames (Firefox's clock in the page ticks in whole milliseconds); before playing,
// each round counts the frames of the same page paused, which shows what the machine gives a page that
// changes nothing. A benchmark, not a test: it prints each round, the medians of the rounds and, for each
// build after the first, in how many rounds it had more frames than the first in the same round.
//
// Usage: node tests/bench/firefox.mjs [DIR ...] [--rounds N] [--seconds S]
//   DIR        a release build with its single file (default dist/; another commit's: git worktree add
//              ../old COMMIT, then trunk build --release and node .ci/single-file.mjs there)
//   --rounds   rounds of every build (default 5); --seconds: seconds counted while playing (default 5)
// 1920 x 1080 at devicePixelRatio 2, as bench.mjs. Needs what `bash .ci/setup` installs (Debian's
// firefox-esr, puppeteer-core). Node 20, ESM.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { percentile, playOurs } from './frames.mjs';
import { DPR, VIEWPORT } from './cold.mjs';
import { readFlags } from './flags.mjs';
import { FIREFOX } from '../browser/harness.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(join(ROOT, '.ci', 'package.json'));
const PAUSED_SECONDS = 2;

function options(argv) {
  const o = readFlags(argv, { rounds: 5, seconds: 5 }, usage);
  if (!o.dirs.length) o.dirs.push(join(ROOT, 'dist'));
  for (const d of o.dirs) {
    if (!existsSync(join(d, 'union-state.html'))) usage(`${d} has no union-state.html (trunk build --release, then node .ci/single-file.mjs)`);
  }
  if (!existsSync(FIREFOX)) usage(`${FIREFOX} is missing: bash .ci/setup installs Debian's firefox-esr (or set FIREFOX)`);
  return o;
}

function usage(problem) {
  console.error(`firefox: ${problem}\nUsage: node tests/bench/firefox.mjs [DIR ...] [--rounds N] [--seconds S]`);
  process.exit(2);
}

/** In the page: the intervals between the animation frames of the next `seconds`, ms. */
function countFrames(seconds) {
  return new Promise((done) => {
    const gaps = [];
    let last = performance.now();
    const end = last + seconds * 1000;
    const step = () => {
      const now = performance.now();
      gaps.push(now - last);
      last = now;
      if (now < end) requestAnimationFrame(step);
      else done(gaps);
    };
    requestAnimationFrame(step);
  });
}

/** The frame rate and intervals of a list of intervals between frames. */
function figures(gaps) {
  const span = gaps.reduce((a, b) => a + b, 0) / 1000;
  return { fps: gaps.length / span, p50: percentile(gaps, 50), p95: percentile(gaps, 95) };
}

/** One round of one build: its single file opened afresh, counted paused, then playing. */
async function round(browser, dir, seconds) {
  const page = await browser.newPage();
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(join(dir, 'union-state.html')).href);
    await page.waitForFunction(
      () => {
        const c = document.getElementById('timeline-canvas');
        return c && c.width > 0 && !document.querySelector('#loading');
      },
      { polling: 50, timeout: 60_000 },
    );
    await new Promise((r) => setTimeout(r, 500));
    const paused = figures(await page.evaluate(countFrames, PAUSED_SECONDS));
    await playOurs(page);
    await new Promise((r) => setTimeout(r, 1000));
    const playing = figures(await page.evaluate(countFrames, seconds));
    if (errors.length) throw new Error(`${dir}: errors in the page: ${errors.join('; ')}`);
    return { paused, playing };
  } finally {
    await page.close();
  }
}

const o = options(process.argv.slice(2));
const puppeteer = require('puppeteer-core');
const browser = await puppeteer.launch({
  browser: 'firefox',
  executablePath: FIREFOX,
  headless: true,
  defaultViewport: { ...VIEWPORT, deviceScaleFactor: DPR },
});
const version = await browser.version();
const results = o.dirs.map(() => []);
try {
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < o.dirs.length; i++) {
      const res = await round(browser, o.dirs[i], o.seconds);
      results[i].push(res);
      const f = (x) => `${x.fps.toFixed(1)} frames/s (intervals p50 ${x.p50.toFixed(0)}, p95 ${x.p95.toFixed(0)} ms)`;
      console.log(`round ${r + 1}/${o.rounds} ${o.dirs[i]}: playing ${f(res.playing)}; paused ${f(res.paused)}`);
    }
  }
} finally {
  await browser.close();
}

console.log(`\n${version}, the bundled data from file://, ${VIEWPORT.width} x ${VIEWPORT.height} at devicePixelRatio ${DPR}, medians of ${o.rounds} rounds:`);
for (let i = 0; i < o.dirs.length; i++) {
  const med = (k, f) => percentile(results[i].map((x) => x[k][f]), 50);
  let line = `  ${o.dirs[i]}: playing ${med('playing', 'fps').toFixed(1)} frames/s, intervals p50 ${med('playing', 'p50').toFixed(0)} ms, p95 ${med('playing', 'p95').toFixed(0)} ms; paused ${med('paused', 'fps').toFixed(1)} frames/s`;
  if (i > 0) {
    const more = results[i].filter((x, r) => x.playing.fps > results[0][r].playing.fps).length;
    line += `; more frames playing than ${o.dirs[0]}'s in ${more} of ${o.rounds} rounds`;
  }
  console.log(line);
}
process.exit(0);
