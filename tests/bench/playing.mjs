#!/usr/bin/env node
// Builds compared while playing, interleaved: each build's page is opened in turn in one browser, the
// timeline played and traced, round after round, so that a machine whose speed drifts (as this one's
// does by a fifth between runs) moves every build alike. Frame cost is counted as bench.mjs counts it
// (frames.mjs); also printed is the time the software compositor spent drawing per frame, which runs on
// another thread but on the same cores. With --ready, each round opens each build cold instead and
// times its first complete frame, as bench.mjs's load and scale sections do (cold.mjs). A benchmark,
// not a test: it prints the medians of the rounds, their middle half (first to third quartile), and,
// for each build after the first, in how many rounds it took less time than the first in the same
// round. Where the middle halves overlap and that count is near half the rounds, a difference between
// medians is the machine's drift, not the builds'.
//
// Usage: node tests/bench/playing.mjs DIR [DIR ...] [--rounds N] [--seconds S] [--events N] [--ready [--file]] [--kinds] [--dpr K] [--width W --height H]
//   DIR        a release build (dist/, or another commit's: git worktree add ../old COMMIT, then
//              trunk build --release there); each is copied into target/bench/playing/
//   --rounds   rounds of every build (default 5); --seconds: traced playback per round (default 5)
//   --events   play a synthetic dataset of N events (synth.mjs) instead of the bundled data
//   --ready    time cold opens to the first complete frame instead of playing (default 5 rounds)
//   --file     with --ready: open each build's single file (union-state.html) from file://, as
//              bench.mjs's load section does, instead of its site over HTTP (the bundled data only)
//   --kinds    also say which work the frames did (frames.mjs, frameKinds): how many laid out the page,
//              handed a canvas's pixels over, or collected garbage, their median cost, and how many of
//              each are among the dearest 5 %; traced with more categories, so the costs run higher
//   --dpr      the screen's devicePixelRatio (default 2)
//   --width, --height  the window's size, CSS px (default 1920 x 1080)
// 1920 x 1080 at devicePixelRatio 2 unless --dpr, --width or --height say otherwise, as bench.mjs. Needs what `bash .ci/setup`
// installs. Node 20, ESM.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch } from '../browser/harness.mjs';
import { serveDir } from '../../.ci/static-server.mjs';
import { KIND_CATEGORIES, TRACE_CATEGORIES, compositorDrawing, frameCosts, frameKinds, percentile, playOurs } from './frames.mjs';
import { DPR, VIEWPORT, openCold, timeCold } from './cold.mjs';
import { launchBare } from './cdp.mjs';
import { writeSynth } from './synth.mjs';
import { readFlags } from './flags.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WORK = join(ROOT, 'target', 'bench', 'playing');

function options(argv) {
  const o = readFlags(argv, { rounds: 5, seconds: 5, events: 0, ready: false, file: false, kinds: false, dpr: DPR, ...VIEWPORT }, usage);
  o.viewport = { width: o.width, height: o.height };
  if (!o.dirs.length) usage('name at least one build directory');
  if (o.file && (!o.ready || o.events)) usage('--file times the single file opening with the bundled data: use it with --ready, without --events');
  return o;
}

function usage(problem) {
  console.error(`playing: ${problem}\nUsage: node tests/bench/playing.mjs DIR [DIR ...] [--rounds N] [--seconds S] [--events N] [--ready [--file]] [--kinds] [--dpr K] [--width W --height H]`);
  process.exit(2);
}

const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : '-');

/** Where a synthetic dataset of `events` is served in each build's copy (none for the bundled data). */
const dataPathOf = (events) => (events ? `bench-data/synth-${events}.json` : undefined);

async function playOnce(browser, url, seconds, events, dpr, viewport, kinds) {
  const dataPath = dataPathOf(events);
  const { page, context, problems } = await openCold(browser, url, { product: 'ours', events: events || undefined, dataPath }, { keep: true, dpr, viewport });
  try {
    await playOurs(page);
    await page.waitForTimeout(1000);
    await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, 'viz', ...(kinds ? KIND_CATEGORIES : [])] });
    await page.waitForTimeout(seconds * 1000);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    if (problems.length) throw new Error(`the page reported: ${problems.join('; ')}`);
    return { ...frameCosts(trace), compositor: compositorDrawing(trace), ...(kinds ? { kinds: frameKinds(trace) } : {}) };
  } finally {
    await context.close();
  }
}

/** The --ready rounds: each build opened cold in turn, its first complete frame timed. */
async function readyRounds(o, bare, servers, sites, query, runs) {
  const dataPath = dataPathOf(o.events);
  const urls = o.file ? sites.map((s) => pathToFileURL(join(s, 'union-state.html')).href) : servers.map((s) => s.url + query);
  for (let r = 0; r < o.rounds; r++) {
    for (let i = 0; i < servers.length; i++) {
      const t = await timeCold(bare, urls[i], { product: 'ours', events: o.events || undefined, dataPath }, { dpr: o.dpr, viewport: o.viewport });
      if (t.problems.length || t.noticeError) throw new Error(`${o.dirs[i]}: ${[...t.problems, t.notice].filter(Boolean).join('; ')}`);
      const f = { ready: t.readyAt, data: t.dataAt == null ? NaN : t.readyAt - t.dataAt };
      runs[i].push(f);
      const data = o.events ? `, data -> frame ${ms(f.data)}` : '';
      console.log(`round ${r + 1}/${o.rounds} ${o.dirs[i]}: navigation -> frame ${ms(f.ready)}${data}`);
    }
  }
  const what = o.events ? `${o.events} synthetic events` : 'the bundled data';
  const how = o.file ? ', the single file from file://' : '';
  console.log(`\nOpened cold with ${what}${how}, ${o.width} x ${o.height} at devicePixelRatio ${o.dpr}, medians of ${o.rounds} rounds:`);
  o.dirs.forEach((dir, i) => {
    const data = o.events ? `; data (the JSON response ended) -> frame ${summary(runs, i, 'data')}` : '';
    console.log(`  ${dir}: navigation -> frame ${summary(runs, i, 'ready')}${data}${against(o, runs, i, 'ready')}`);
  });
}

/** Build `i`'s median of figure `k` over its rounds, with the middle half of them. */
function summary(runs, i, k) {
  const values = runs[i].map((f) => f[k]).filter(Number.isFinite);
  const n = (v) => (Number.isFinite(v) ? v.toFixed(2) : '-');
  return `${ms(percentile(values, 50))} (middle half ${n(percentile(values, 25))} to ${n(percentile(values, 75))})`;
}

/** For a build after the first: the rounds in which its figure `k` was lower than the first build's. */
function against(o, runs, i, k) {
  if (i === 0) return '';
  const pairs = runs[i].map((f, r) => [f[k], runs[0][r][k]]).filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b));
  const lower = pairs.filter(([a, b]) => a < b).length;
  return `; lower than ${o.dirs[0]}'s in ${lower} of ${pairs.length} rounds`;
}

async function main() {
  const o = options(process.argv.slice(2));
  rmSync(WORK, { recursive: true, force: true });
  const sites = o.dirs.map((dir, i) => {
    if (!existsSync(join(dir, 'index.html'))) usage(`${dir} holds no index.html`);
    if (o.file && !existsSync(join(dir, 'union-state.html'))) usage(`${dir} holds no union-state.html (node .ci/single-file.mjs ${dir})`);
    const site = join(WORK, String(i));
    mkdirSync(site, { recursive: true });
    cpSync(dir, site, { recursive: true });
    if (o.events) writeSynth([o.events], join(site, 'bench-data'));
    return site;
  });
  const query = o.events ? `?data=${dataPathOf(o.events)}` : '';
  const servers = await Promise.all(sites.map((s) => serveDir(s)));
  const runs = o.dirs.map(() => []);
  if (o.ready) {
    const bare = await launchBare();
    try {
      await readyRounds(o, bare, servers, sites, query, runs);
    } finally {
      await bare.close();
      await Promise.all(servers.map((s) => s.close()));
    }
    return;
  }
  const browser = await launch();
  try {
    for (let r = 0; r < o.rounds; r++) {
      for (let i = 0; i < sites.length; i++) {
        const f = await playOnce(browser, servers[i].url + query, o.seconds, o.events, o.dpr, o.viewport, o.kinds);
        runs[i].push(f);
        console.log(`round ${r + 1}/${o.rounds} ${o.dirs[i]}: p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, compositor ${ms(f.compositor)} a frame, ${f.frames} frames`);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  const what = o.events ? `${o.events} synthetic events` : 'the bundled data';
  console.log(`\nPlaying ${what}, ${o.width} x ${o.height} at devicePixelRatio ${o.dpr}, medians of ${o.rounds} rounds of ${o.seconds} s:`);
  o.dirs.forEach((dir, i) => {
    const m = (k) => percentile(runs[i].map((f) => f[k]), 50);
    console.log(`  ${dir}: frame cost p50 ${ms(m('p50'))}, p95 ${summary(runs, i, 'p95')}; compositor drawing ${ms(m('compositor'))} a frame${against(o, runs, i, 'p95')}`);
    if (o.kinds) printKinds(runs[i]);
  });
}

/** The --kinds figures of one build's rounds, pooled: for each kind of frame, how many, their median
 * cost, how many cost over 4 ms (the bundled data's goal for the p95), and how many were at or over
 * their round's p95. */
function printKinds(rounds) {
  const frames = rounds.reduce((n, f) => n + Object.values(f.kinds.kinds).reduce((a, k) => a + k.length, 0), 0);
  for (const kind of ['layout', 'image', 'gc', 'other']) {
    const costs = rounds.flatMap((f) => f.kinds.kinds[kind]);
    const dear = rounds.reduce((n, f) => n + f.kinds.kinds[kind].filter((c) => c >= f.kinds.p95).length, 0);
    const all = rounds.reduce((n, f) => n + f.kinds.kinds[kind].length, 0);
    const share = frames ? ((100 * all) / frames).toFixed(1) : '-';
    console.log(`    ${kind.padEnd(6)} ${String(all).padStart(5)} frames (${share} %), median ${ms(percentile(costs, 50))}, ${costs.filter((c) => c > 4).length} over 4 ms, ${dear} at or over their round's p95`);
  }
}

main().catch((e) => {
  console.error(`playing: ${e.stack}`);
  process.exit(1);
});
