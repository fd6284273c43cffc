#!/usr/bin/env node
// Synthetic datasets in the product's own format (src/model/raw.rs, public/dataset.schema.json) for the
// scale benchmark: four tracks, six eras, sixty sources, and N events spread over 1990-2026 with every
// date precision (mostly days, some months, years and ranges), every event kind, statuses, Russian titles,
// confidence notes and related events. Deterministic: the same N gives the same file.
//
// Usage: node tests/bench/synth.mjs N [N...] [--out DIR]   (default DIR: target/bench/data)
// Writes DIR/synth-N.json. Node 20, built-ins only. Not a test; bench.mjs imports synthDataset().
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TRACKS = [
  { id: 'legal', label: 'Legal and political', label_ru: 'Право и политика' },
  { id: 'economic', label: 'Economic', label_ru: 'Экономика' },
  { id: 'security', label: 'Security and military', label_ru: 'Безопасность и военная сфера' },
  { id: 'institutional', label: 'Institutions', label_ru: 'Институты' },
];
const ERAS = [
  ['early', 'Early years', '1990-01-01', '1993-12-31'],
  ['community', 'Community and union', '1994-01-01', '1999-12-07'],
  ['treaty', 'The Union State treaty', '1999-12-08', '2007-12-31'],
  ['stagnation', 'Stagnation', '2008-01-01', '2014-12-31'],
  ['road-maps', 'Road maps', '2015-01-01', '2020-12-31'],
  ['programmes', 'Union programmes', '2021-01-01', '2026-12-31'],
];
const KINDS = ['treaty', 'agreement', 'protocol', 'declaration', 'charter', 'ratification', 'entry-into-force', 'decree',
  'resolution', 'law', 'meeting', 'statement', 'negotiation', 'measure', 'deployment', 'process'];
const STATUSES = ['signed', 'ratified', 'in-force', 'implemented', 'partly-implemented', 'never-implemented', 'reversed',
  'shelved', 'superseded', 'terminated'];
const SOURCE_KINDS = ['official', 'treaty-text', 'wire', 'press', 'secondary', 'encyclopaedia', 'scholarly'];
const WORDS = ('union state treaty agreement customs energy gas oil price credit budget parliament council '
  + 'ministers defence air missile border visa migration currency rouble bank tax duty programme road map '
  + 'integration sovereignty summit ratification protocol commission committee court labour pension '
  + 'transport railway nuclear plant grain trade quota sanctions exercise brigade deployment media').split(' ');
const WORDS_RU = ('союз государство договор соглашение таможня энергия газ нефть цена кредит бюджет парламент '
  + 'совет министры оборона граница валюта рубль банк налог программа интеграция').split(' ');

const DAY_MS = 86_400_000;
const FIRST = Date.UTC(1990, 0, 1) / DAY_MS;
const LAST = Date.UTC(2026, 1, 28) / DAY_MS;

/** A small seeded PRNG (mulberry32), so the datasets are reproducible. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Lanes are unevenly busy, as in the real data: 35 / 30 / 20 / 15 %.
const trackOf = (x) => (x < 0.35 ? 0 : x < 0.65 ? 1 : x < 0.85 ? 2 : 3);
const iso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A valid dataset of `n` events (an object; JSON.stringify it). */
export function synthDataset(n, seed = 20260223) {
  const r = rng(seed + n);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const words = (k, list = WORDS) => Array.from({ length: k }, () => pick(list)).join(' ');
  const cap = (s) => s[0].toUpperCase() + s.slice(1);

  const sources = Array.from({ length: 60 }, (_, i) => ({
    id: `src-${String(i + 1).padStart(3, '0')}`,
    title: `${cap(words(int(4, 9)))} (synthetic source ${i + 1})`,
    ...(i % 5 === 4 ? {} : { url: `https://example.org/sources/${i + 1}` }),
    publisher: `Publisher ${(i % 12) + 1}`,
    kind: SOURCE_KINDS[i % SOURCE_KINDS.length],
  }));
  const eras = ERAS.map(([id, label, start, end]) => ({
    id,
    label,
    start,
    end,
    summary: `${cap(words(int(10, 20)))}.`,
    sources: [sources[int(0, sources.length - 1)].id],
  }));

  const events = [];
  const pad = String(n).length;
  for (let i = 0; i < n; i++) {
    const id = `ev-${String(i + 1).padStart(pad, '0')}`;
    const day = int(FIRST, LAST);
    const roll = r();
    let date;
    if (roll < 0.8) date = iso(day);
    else if (roll < 0.9) date = iso(day).slice(0, 7);
    else if (roll < 0.94) date = iso(day).slice(0, 4);
    else date = `${iso(day)}/${iso(Math.min(LAST, day + int(2, 400)))}`;
    const kind = pick(KINDS);
    const event = {
      id,
      date,
      title: `${cap(kind.replace(/-/g, ' '))} on ${words(int(2, 6))} (${i + 1})`,
      ...(r() < 0.3 ? { title_ru: cap(words(int(3, 6), WORDS_RU)) } : {}),
      summary: `${cap(words(int(14, 30)))}. ${cap(words(int(6, 14)))}.`,
      track: TRACKS[trackOf(r())].id,
      kind,
      ...(r() < 0.6 ? { status: pick(STATUSES) } : {}),
      sources: [...new Set(Array.from({ length: int(1, 3) }, () => pick(sources).id))],
      confidence: r() < 0.6 ? 'high' : r() < 0.75 ? 'medium' : 'low',
      ...(r() < 0.1 ? { confidence_note: `${cap(words(int(8, 16)))}.` } : {}),
    };
    if (i > 0 && r() < 0.1) event.related = [events[int(0, i - 1)].id];
    events.push(event);
  }
  return {
    format: 1,
    title: `Synthetic benchmark dataset: ${n.toLocaleString('en')} events`,
    description: 'Generated by tests/bench/synth.mjs for the scale benchmark. Not real events.',
    tracks: TRACKS,
    eras,
    sources,
    events,
  };
}

/** Writes synth-N.json for each N into `dir`; returns the paths. */
export function writeSynth(sizes, dir) {
  mkdirSync(dir, { recursive: true });
  return sizes.map((n) => {
    const path = join(dir, `synth-${n}.json`);
    writeFileSync(path, JSON.stringify(synthDataset(n)));
    return path;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const dir = at >= 0 ? args.splice(at, 2)[1] : fileURLToPath(new URL('../../target/bench/data/', import.meta.url));
  const sizes = args.map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('Usage: node tests/bench/synth.mjs N [N...] [--out DIR]');
    process.exit(2);
  }
  for (const p of writeSynth(sizes, dir)) console.log(p);
}
