// Loading one's own dataset: the file picker, drag and drop and the data URL parameter; bad input gets a
// message naming the place and the dataset shown stays; hostile text renders as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, openMenu, dropFile, DIST } from './harness.mjs';
import { synthDataset } from '../bench/synth.mjs';

let server;
let browser;
const minimal = readFileSync(new URL('../data/minimal.json', import.meta.url), 'utf8');
const hostile = readFileSync(new URL('../data/hostile.json', import.meta.url), 'utf8');

before(async () => {
  mkdirSync(join(DIST, 'test-data'), { recursive: true });
  writeFileSync(join(DIST, 'test-data', 'minimal.json'), minimal);
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(join(DIST, 'test-data'), { recursive: true, force: true });
});

const title = (page) => page.textContent('.page-header h1');
const pick = (page, name, text) =>
  page.setInputFiles('#dataset-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('the file picker loads a dataset into every view, and back to the bundled data', async () => {
  const page = await openApp(browser, server.url);
  const bundled = await title(page);
  await pick(page, 'minimal.json', minimal);
  await page.waitForSelector('#notice:not(.error)');
  assert.match(await page.textContent('#notice'), /Loaded minimal\.json: 1 event\./);
  assert.equal(await title(page), 'A minimal dataset');
  assert.equal(JSON.parse(await page.getAttribute('#timeline-canvas', 'data-hit-targets')).length, 1);
  assert.equal(await page.isHidden('#tab-mapping'), true, 'views without data are hidden');
  await page.click('#notice .dismiss');
  assert.equal(await page.locator('#notice').count(), 0);
  await openMenu(page);
  await page.click('#dataset-bundled');
  await page.waitForFunction((t) => document.querySelector('.page-header h1').textContent === t, bundled);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('bad input names the place and keeps the dataset shown', async () => {
  const page = await openApp(browser, server.url);
  const before = await title(page);
  await pick(page, 'broken.json', '{\n  "format": 1,\n  "title": "x",\n  oops\n}');
  await page.waitForSelector('#notice.error');
  const text = await page.textContent('#notice');
  assert.match(text, /broken\.json could not be loaded; the dataset shown is unchanged/);
  assert.match(text, /line 4, column 3/);
  assert.equal(await title(page), before);
  const wrong = JSON.parse(minimal);
  wrong.events[0].sources = ['nowhere'];
  wrong.events[0].date = '2023-02-29';
  await pick(page, 'wrong.json', JSON.stringify(wrong));
  await page.waitForFunction(() => /unknown source 'nowhere'/.test(document.querySelector('#notice')?.textContent));
  const lines = await page.$$eval('#notice li', (li) => li.map((l) => l.textContent));
  assert.ok(lines.includes("events[0].sources[0]: unknown source 'nowhere'"), lines.join('\n'));
  assert.ok(lines.includes("events[0].date: '2023-02-29' is not a day on the calendar"), lines.join('\n'));
  assert.equal(await title(page), before);
  const js = JSON.parse(minimal);
  js.sources[0].url = 'javascript:alert(1)';
  await pick(page, 'links.json', JSON.stringify(js));
  await page.waitForFunction(() => /is not an http or https address/.test(document.querySelector('#notice')?.textContent));
  // Warnings for refused files are expected in the console; nothing else.
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('dropping a file on the page loads it', async () => {
  const page = await openApp(browser, server.url);
  await dropFile(page, 'dropped.json', minimal);
  await page.waitForFunction(() => document.querySelector('.page-header h1').textContent === 'A minimal dataset');
  assert.match(await page.textContent('#notice'), /Loaded dropped\.json/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the data URL parameter loads a same-origin file and refuses anything else', async () => {
  const page = await openApp(browser, `${server.url}?data=test-data/minimal.json`);
  await page.waitForFunction(() => document.querySelector('.page-header h1').textContent === 'A minimal dataset');
  await page.context().close();

  const away = await openApp(browser, `${server.url}?data=https://example.org/evil.json`);
  await away.waitForSelector('#notice.error');
  assert.match(await away.textContent('#notice'), /The data parameter was ignored/);
  assert.notEqual(await title(away), 'A minimal dataset');
  assert.deepEqual(away.problems, [], 'no request left the page');
  await away.context().close();

  const missing = await openApp(browser, `${server.url}?data=test-data/absent.json`);
  await missing.waitForSelector('#notice.error');
  assert.match(await missing.textContent('#notice'), /404/);
  await missing.context().close();
});

test('a dataset named by the data parameter is requested once, and while the program is still loading', async () => {
  const opened = async (query) => {
    const page = await openApp(browser, `${server.url}${query}`, {}, {
      init: () => {
        addEventListener('TrunkApplicationStarted', () => { window.__programAt = performance.now(); });
        // Who asks for what: the program calls fetch from its WebAssembly (through the glue), so its
        // call's stack has frames of the wasm module (…_bg.wasm:wasm-function[…]); the page's first
        // script calls it from plain JavaScript.
        window.__fetches = [];
        const fetch = window.fetch;
        window.fetch = function (...args) {
          window.__fetches.push({ url: String(args[0]), byProgram: /_bg\.wasm:wasm-function\[/.test(new Error().stack) });
          return fetch.apply(this, args);
        };
      },
    });
    await page.waitForFunction(() => document.querySelector('.page-header h1')?.textContent === 'A minimal dataset');
    const seen = await page.evaluate(() => ({
      program: window.__programAt,
      fetches: window.__fetches.filter((f) => f.url.includes('minimal.json')),
      data: performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.endsWith('/minimal.json')).map((e) => e.startTime),
      left: '__unionStateData' in window,
    }));
    assert.deepEqual(page.problems, []);
    const requests = page.requests.filter((u) => new URL(u).pathname.endsWith('/minimal.json'));
    await page.context().close();
    return { requests, ...seen };
  };
  // A plain relative path: the page's first script asks for it before the program has started; the
  // program takes that response and asks nothing more.
  const plain = await opened('?data=test-data/minimal.json');
  assert.equal(plain.requests.length, 1, plain.requests.join(' '));
  assert.deepEqual(plain.fetches, [{ url: 'test-data/minimal.json', byProgram: false }]);
  assert.ok(plain.data[0] < plain.program, `requested at ${plain.data[0]} ms, program started at ${plain.program} ms`);
  assert.equal(plain.left, false, 'the program took the early response');
  // Any other path is left to the program, which fetches it itself, once.
  const other = await opened(`?data=${encodeURIComponent('test-data/minimal.json?v=1')}`);
  assert.equal(other.requests.length, 1, other.requests.join(' '));
  assert.deepEqual(other.fetches, [{ url: 'test-data/minimal.json?v=1', byProgram: true }]);
});

test('a dataset is read as text the way the browser reads it: a byte-order mark dropped, a malformed byte shown as U+FFFD', async () => {
  // The title ends in a byte that is not UTF-8; the file starts with a byte-order mark.
  const [head, tail] = minimal.split('"A minimal dataset"');
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(head + '"A minimal dataset'), Buffer.from([0xff]), Buffer.from('"' + tail)]);
  writeFileSync(join(DIST, 'test-data', 'marked.json'), bytes);
  const expected = 'A minimal dataset\uFFFD';
  assert.equal(new TextDecoder().decode(bytes), minimal.replace('"A minimal dataset"', `"${expected}"`));

  const page = await openApp(browser, `${server.url}?data=test-data/marked.json`);
  await page.waitForFunction((t) => document.querySelector('.page-header h1').textContent === t, expected);
  await page.setInputFiles('#dataset-file', { name: 'bundled-again.json', mimeType: 'application/json', buffer: Buffer.from(minimal) });
  await page.waitForFunction(() => document.querySelector('.page-header h1').textContent === 'A minimal dataset');
  await page.setInputFiles('#dataset-file', { name: 'marked.json', mimeType: 'application/json', buffer: bytes });
  await page.waitForFunction((t) => document.querySelector('.page-header h1').textContent === t, expected);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('counts are written as a reader of the page\'s language writes them', async () => {
  const many = JSON.parse(minimal);
  const event = many.events[0];
  many.events = Array.from({ length: 1200 }, (_, i) => ({ ...event, id: `event-${i}`, date: `${1990 + (i % 30)}` }));
  const text = JSON.stringify(many);
  const page = await openApp(browser, server.url);
  await pick(page, 'many.json', text);
  await page.waitForFunction(() => /1,200 events/.test(document.querySelector('#notice')?.textContent));
  assert.match(await page.textContent('#notice'), /Loaded many\.json: 1,200 events\./);
  assert.match(await page.getAttribute('#timeline-canvas', 'aria-label'), /^Timeline of 1,200 events in 1 lane\./);
  await page.click('#lang-ru');
  await pick(page, 'many.json', text);
  await page.waitForFunction(() => /событий\s— 1\u00a0200\./.test(document.querySelector('#notice')?.textContent));
  assert.match(await page.getAttribute('#timeline-canvas', 'aria-label'), /^Шкала времени: событий\s— 1\u00a0200,/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('an events list is made after its first frame: a short one in one step, a long one a chunk at a time', async () => {
  const many = JSON.parse(minimal);
  const event = many.events[0];
  many.events = Array.from({ length: 1200 }, (_, i) => ({ ...event, id: `event-${i}`, date: `${1990 + (i % 30)}` }));
  // How many items the list has in the first frame painted after the timeline's label names a count of
  // events (counted in that frame's animation callback, just before it is painted), and each count the
  // list has had.
  const page = await openApp(browser, server.url, {}, {
    init: () => {
      window.__itemsAtFrame = {};
      window.__counts = [];
      new MutationObserver(() => {
        const n = document.querySelectorAll('nav[aria-label="Events as a list"] li').length;
        if (n !== window.__counts.at(-1)) window.__counts.push(n);
        const label = document.querySelector('#timeline-canvas')?.getAttribute('aria-label') ?? '';
        const count = /^Timeline of ([\d,]+) events/.exec(label)?.[1];
        if (count && !(count in window.__itemsAtFrame)) {
          window.__itemsAtFrame[count] = null;
          requestAnimationFrame(() => {
            window.__itemsAtFrame[count] = document.querySelectorAll('nav[aria-label="Events as a list"] li').length;
          });
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    },
  });
  const items = () => page.locator('nav[aria-label="Events as a list"] li').count();
  const bundled = Number((await page.getAttribute('#timeline-canvas', 'aria-label')).match(/^Timeline of ([\d,]+) events/)[1].replace(/,/g, ''));
  assert.ok(bundled > 50 && bundled <= 200, `the bundled dataset is a short list (${bundled} events)`);
  await page.waitForFunction((n) => document.querySelectorAll('nav[aria-label="Events as a list"] li').length === n, bundled);
  assert.equal((await page.evaluate(() => window.__itemsAtFrame))[String(bundled)], 0, 'nothing of a short list in its first frame');
  assert.deepEqual((await page.evaluate(() => window.__counts)).filter((n) => n > 0), [bundled], 'a short list made in one step');
  await pick(page, 'many.json', JSON.stringify(many));
  await page.waitForFunction(() => window.__itemsAtFrame['1,200'] != null);
  assert.equal((await page.evaluate(() => window.__itemsAtFrame))['1,200'], 0, 'nothing of a long list in its first frame');
  // The last event chosen before its item is made: the item is marked when it is made.
  await page.keyboard.press('End');
  await page.waitForSelector('.event-card[data-event-id="event-1199"]');
  assert.ok((await items()) < 1200, 'the list was still filling');
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Events as a list"] li').length === 1200, null, { timeout: 15_000 });
  const buttons = page.locator('nav[aria-label="Events as a list"] button');
  assert.match(await buttons.nth(0).textContent(), /^1990/);
  assert.match(await buttons.nth(1199).textContent(), /^2019/);
  const marked = () => page.$$eval('nav[aria-label="Events as a list"] [aria-current="true"]', (b) => b.map((x) => x.textContent));
  assert.deepEqual(await marked(), [await buttons.nth(1199).textContent()]);
  // A button far down the list opens its event, and the mark moves to it alone. (The list is in date
  // order, events of the same date in the file's order.)
  const order = many.events.map((e, i) => [e.date, i]).sort((x, y) => x[0].localeCompare(y[0]) || x[1] - y[1]);
  await buttons.nth(1100).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.event-card[data-event-id="${many.events[order[1100][1]].id}"]`);
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Events as a list"] button')[1100].getAttribute('aria-current') === 'true');
  assert.deepEqual(await marked(), [await buttons.nth(1100).textContent()]);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('while the timeline plays, a long events list grows by a hundred items a second; paused, at every idle moment again', async () => {
  const page = await openApp(browser, server.url);
  const items = () => page.locator('nav[aria-label="Events as a list"] li').count();
  // Ten thousand events: made whenever the browser is idle, the list takes a second or more.
  await pick(page, 'ten-thousand.json', JSON.stringify(synthDataset(10_000)));
  await page.waitForFunction(() => /^Timeline of 10,000 events/.test(document.querySelector('#timeline-canvas')?.getAttribute('aria-label') ?? ''));
  await page.click('#play');
  const atPlay = await items();
  await page.waitForTimeout(2600);
  const playing = await items();
  assert.ok(playing - atPlay <= 400, `while playing, ${playing - atPlay} items made in 2.6 s (from ${atPlay})`);
  assert.ok(playing < 10_000, 'the list is not complete while the timeline plays');
  await page.click('#play');
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Events as a list"] li').length === 10_000, null, { timeout: 30_000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('while the timeline is zoomed with the wheel, a long events list grows by a hundred items a second; let be, at every idle moment again', async () => {
  const page = await openApp(browser, server.url);
  const items = () => page.locator('nav[aria-label="Events as a list"] li').count();
  await pick(page, 'ten-thousand.json', JSON.stringify(synthDataset(10_000)));
  await page.waitForFunction(() => /^Timeline of 10,000 events/.test(document.querySelector('#timeline-canvas')?.getAttribute('aria-label') ?? ''));
  const box = await page.locator('#timeline-canvas').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -100);
  const atStart = await items();
  // In and out, a wheel event after another with no pause: one gesture.
  const until = Date.now() + 2600;
  for (let i = 0; Date.now() < until; i++) await page.mouse.wheel(0, (i % 16 < 8 ? 1 : -1) * 100);
  const zooming = await items();
  assert.ok(zooming - atStart <= 400, `while zooming, ${zooming - atStart} items made in 2.6 s (from ${atStart})`);
  assert.ok(zooming < 10_000, 'the list is not complete while the timeline is zoomed');
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Events as a list"] li').length === 10_000, null, { timeout: 30_000 });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a link to a dataset of one\'s own opens it at the linked event, with no bundled dataset shown first', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Every page title shown, from the first.
  await context.addInitScript(() => {
    window.__titles = [];
    new MutationObserver(() => {
      const t = document.querySelector('.page-header h1')?.textContent;
      if (t && window.__titles.at(-1) !== t) window.__titles.push(t);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The dataset arrives late, as over a slow network.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/test-data/minimal.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${server.url}?data=test-data/minimal.json&sel=union-state-treaty&t=1999-12-08`);
  await page.waitForSelector('p.loading[role=status]');
  assert.match(await page.textContent('p.loading[role=status]'), /Loading test-data\/minimal\.json/);
  release();
  await page.waitForFunction(() => document.querySelector('#timeline-canvas')?.dataset.hitTargets?.length > 2);
  assert.deepEqual(await page.evaluate(() => window.__titles), ['A minimal dataset'], 'only the linked dataset was shown');
  assert.equal(await page.getAttribute('.event-card', 'data-event-id'), 'union-state-treaty', 'the linked event is open');
  assert.match(await page.textContent('#notice'), /Loaded test-data\/minimal\.json: 1 event\./);
  await page.waitForTimeout(500);
  assert.match(page.url(), /sel=union-state-treaty/, 'the link keeps its selection');
  assert.deepEqual(problems, []);
  await context.close();

  // A dataset that cannot be read: the bundled one, the reason, and the rest of the link left alone.
  const missing = await openApp(browser, `${server.url}?data=test-data/absent.json&sel=union-state-treaty`);
  await missing.waitForSelector('#notice.error');
  assert.match(await missing.textContent('#notice'), /absent\.json could not be loaded; the bundled dataset is shown/);
  assert.match(await missing.textContent('#notice'), /404/);
  assert.notEqual(await title(missing), 'A minimal dataset');
  await missing.context().close();
});

test('hostile text from data renders as text and runs nothing', async () => {
  const page = await openApp(browser, server.url);
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.dismiss();
  });
  await pick(page, 'hostile.json', hostile);
  await page.waitForSelector('#notice:not(.error)');
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  const h1 = await title(page);
  assert.match(h1, /<script>window.__pwned=1<\/script> Hostile <img/);
  assert.match(await page.textContent('#card-title'), /<img src=x onerror=/);
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned,
    imgs: document.querySelectorAll('img').length,
    iframes: document.querySelectorAll('iframe').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
    styles: [...document.querySelectorAll('style')].filter((s) => s.textContent.includes('display:none')).length,
    links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')),
    rels: [...document.querySelectorAll('.sources a')].map((a) => a.rel),
    bodyVisible: getComputedStyle(document.body).display !== 'none',
  }));
  assert.equal(injected.pwned, undefined);
  assert.equal(injected.imgs, 0);
  assert.equal(injected.iframes, 0);
  assert.equal(injected.scripts, 0);
  assert.equal(injected.styles, 0);
  assert.ok(injected.bodyVisible);
  assert.ok(injected.links.every((h) => h === null || /^https?:\/\//.test(h)), injected.links.join(' '));
  assert.ok(injected.rels.every((r) => r.includes('noopener') && r.includes('noreferrer')));
  // Long text wraps inside the card instead of widening the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
  assert.equal(dialogs, 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a dataset's notice keeps its place, and what its link says that is not read follows it", async () => {
  const data = await openApp(browser, `${server.url}?data=test-data/minimal.json&lnag=ru&embed=2`);
  await data.waitForSelector('#notice.error');
  const both = await data.textContent('#notice');
  assert.match(both, /Loaded test-data\/minimal\.json: 1 event\./);
  assert.match(both, /lnag=ru: not a parameter of this page/);
  assert.match(both, /embed=2: read as on/);
  assert.equal(await data.evaluate(() => document.documentElement.classList.contains('embed')), true);
  assert.deepEqual(data.problems, []);
  await data.context().close();
});
