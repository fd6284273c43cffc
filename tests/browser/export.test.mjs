// Export: PNG at 1x, 2x and 4x the size on screen, and SVG from the same drawing code; and a print
// style sheet that lays every event out on paper with its sources.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openApp, openMenu, dropFile } from './harness.mjs';
import { synthDataset } from '../bench/synth.mjs';

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

async function grab(page, button) {
  await openMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (b) => ({ w: b.readUInt32BE(16), h: b.readUInt32BE(20) });

/** The texts of an SVG's text elements, entities decoded. */
const svgTexts = (svg) =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1].trim().replaceAll('&apos;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
  );

/** The words of the legend on the page, in order. */
const pageLegend = (page) => page.$$eval('main .legend li', (items) => items.map((li) => li.textContent.trim()));

test('PNG exports are the view at 1x, 2x and 4x with its legend under it, and SVG is the same drawing', async () => {
  const page = await openApp(browser, server.url, { acceptDownloads: true });
  const css = await page.evaluate(() => {
    const c = document.querySelector('#timeline-canvas');
    return { w: c.clientWidth, h: c.clientHeight };
  });
  const below = [];
  for (const [button, k] of [['#export-png-1', 1], ['#export-png-2', 2], ['#export-png-4', 4]]) {
    const { name, bytes } = await grab(page, button);
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG', `${name} is a PNG`);
    const size = pngSize(bytes);
    assert.equal(size.w, css.w * k, name);
    below.push((size.h - css.h * k) / k);
    assert.ok(bytes.length > 10000 * k, `${name} is not blank (${bytes.length} bytes)`);
    assert.match(name, new RegExp(`timeline@${k}x\\.png$`));
  }
  // The legend under the view is as tall at every scale: two rows of marks and the caption here.
  assert.ok(below.every((b) => Math.abs(b - below[0]) <= 1) && below[0] >= 60 && below[0] <= 120, `legend heights ${below}`);
  const { name, bytes } = await grab(page, '#export-svg');
  const svg = bytes.toString('utf8');
  assert.match(name, /timeline\.svg$/);
  assert.match(svg, /^<svg/);
  assert.equal(Number(svg.match(/height="(\d+)"/)[1]), css.h + below[0], 'the SVG is the view and the legend');
  assert.ok(svg.includes('Legal and political'), 'lane names are in the SVG');
  assert.ok((svg.match(/<circle/g) ?? []).length >= 100, 'event marks are in the SVG');
  // The legend says what the page's legend says, and the caption names the figure.
  const texts = svgTexts(svg);
  for (const words of await pageLegend(page)) assert.ok(texts.includes(words), `"${words}" is in the SVG's legend`);
  const date = (await page.textContent('#playhead-date')).trim();
  assert.equal(texts.at(-1), `Timeline · ${date} · The Union State of Russia and Belarus, treaty by treaty`);
  // Another view exports too, with its own legend, in the page's language.
  await page.click('#lang-ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  await page.click('#tab-membership');
  await page.waitForFunction(() => document.querySelector('#membership-canvas')?.width > 0);
  const matrix = await grab(page, '#export-svg');
  assert.match(matrix.name, /memberships\.svg$/);
  const matrixTexts = svgTexts(matrix.bytes.toString());
  assert.ok(matrixTexts.includes('ОДКБ') || matrixTexts.some((t) => t.includes('ОДКБ')), 'the organisations are in the SVG');
  const legend = await pageLegend(page);
  assert.equal(legend.length, 7);
  for (const words of legend) assert.ok(matrixTexts.includes(words), `"${words}" is in the SVG's legend`);
  assert.match(matrixTexts.at(-1), /^Членство · \d+ \S+ \d{4}\u00a0г\. · Союзное государство России и Беларуси: договор за договором$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the bundled dataset saves as the JSON the page reads, sources and all', async () => {
  const page = await openApp(browser, server.url, { acceptDownloads: true });
  const { name, bytes } = await grab(page, '#dataset-save');
  assert.equal(name, 'union-state-data.json');
  const data = JSON.parse(bytes.toString('utf8'));
  assert.equal(data.title, await page.textContent('.page-header h1'));
  assert.ok(data.events.length >= 100 && data.sources.length >= 100, `${data.events.length} events, ${data.sources.length} sources`);
  assert.ok(data.events.every((e) => e.sources.length > 0 && e.confidence), 'every event with its sources and confidence');
  // What it saved opens again as a dataset.
  await page.setInputFiles('#dataset-file', { name: 'saved.json', mimeType: 'application/json', buffer: bytes });
  await page.waitForFunction(() => /Loaded saved\.json/.test(document.querySelector('.notice')?.textContent ?? ''));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("beside the road maps, the officials' claims chart exports on its own, with its key and a caption", async () => {
  const page = await openApp(browser, `${server.url}?view=mapping`, { acceptDownloads: true });
  await page.waitForFunction(() => document.querySelector('#claims-canvas')?.width > 0);
  const css = await page.evaluate(() => {
    const c = document.querySelector('#claims-canvas');
    return { w: c.clientWidth, h: c.clientHeight };
  });
  const sizes = [];
  for (const [button, k] of [['#export-claims-png-2', 2], ['#export-claims-png-4', 4]]) {
    const { name, bytes } = await grab(page, button);
    assert.match(name, new RegExp(`road-maps-claims@${k}x\\.png$`));
    const size = pngSize(bytes);
    // At least 400 px wide, however narrow its column.
    assert.equal(size.w, Math.max(css.w, 400) * k, name);
    sizes.push((size.h - css.h * k) / k);
  }
  // Under the chart, only the caption (on two lines in the side column's width, the dataset's title
  // whole): the chart's key is part of its drawing.
  assert.ok(sizes.every((b) => Math.abs(b - sizes[0]) <= 1) && sizes[0] >= 20 && sizes[0] <= 66, `caption heights ${sizes}`);
  const { name, bytes } = await grab(page, '#export-claims-svg');
  assert.match(name, /road-maps-claims\.svg$/);
  const texts = svgTexts(bytes.toString('utf8'));
  assert.ok(texts.some((t) => t.includes('self-reported')), 'the title says whose figures they are');
  for (const plan of ['Programmes 2021–2023', 'Main Directions 2024–2026']) assert.ok(texts.includes(plan), `the key names ${plan}: ${texts}`);
  // Named as the chart it is, not as the view beside it.
  const caption = texts.slice(texts.findIndex((t) => t.startsWith("Officials' claims · "))).join(' ');
  assert.match(caption, /^Officials' claims · \d+ \S+ \d{4} · The Union State of Russia and Belarus, treaty by treaty$/);
  // The diagram's own export is unchanged by it.
  assert.match((await grab(page, '#export-svg')).name, /road-maps\.svg$/);
  // In Russian, whole on its two lines too.
  await page.click('#lang-ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  const ru = svgTexts((await grab(page, '#export-claims-svg')).bytes.toString('utf8'));
  const line = ru.slice(ru.findIndex((t) => t.startsWith('Заявления официальных лиц · '))).join(' ');
  assert.match(line, /^Заявления официальных лиц · \d+\s\S+\s\d{4}\sг\. · Союзное государство России и Беларуси: договор за договором$/);
  // In the narrow column of a 1024 px projector, in Russian: drawn wider, nothing cut.
  await page.setViewportSize({ width: 1024, height: 768 });
  await openMenu(page);
  await page.selectOption('#theme', 'projector');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'projector');
  const narrow = await page.evaluate(() => document.querySelector('#claims-canvas').clientWidth);
  const wide = await grab(page, '#export-claims-png-2');
  assert.ok(narrow < 400 * 1.3, `the column is narrower than the figure (${narrow} px)`);
  assert.equal(pngSize(wide.bytes).w, 400 * 1.3 * 2, 'drawn 1.3 times larger in the projector theme');
  const whole = svgTexts((await grab(page, '#export-claims-svg')).bytes.toString('utf8'));
  assert.deepEqual(whole.filter((t) => t.includes('…')), [], `nothing cut: ${whole}`);
  assert.ok(whole.includes('Основные направления 2024–2026'), `the key whole: ${whole}`);
  // Other views have no claims chart to export.
  await page.click('#tab-timeline');
  await openMenu(page);
  assert.equal(await page.$('#export-claims-svg'), null);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('printing lays every event out on paper with its sources', async () => {
  const page = await openApp(browser, server.url);
  const events = await page.evaluate(() =>
    Number(document.querySelector('#timeline-canvas').getAttribute('aria-label').match(/of ([\d,]+) events/)[1].replace(/,/g, '')));
  // Only paper shows the list: the page does not make it until it is printed.
  assert.equal(await page.evaluate(() => document.querySelectorAll('#print-list li').length), 0, 'no printed list on screen');
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction((n) => document.querySelectorAll('#print-list li.print-event').length === n, events);
  const printed = await page.evaluate(() => {
    const list = document.querySelector('#print-list');
    const canvas = document.querySelector('#timeline-canvas');
    return {
      shown: list && getComputedStyle(list).display !== 'none',
      items: list ? list.querySelectorAll('li.print-event').length : 0,
      sources: list ? list.querySelectorAll('li.print-event .sources li').length : 0,
      // What the cards show beside the summary: the documented discrepancies and the confidence notes.
      discrepancies: list ? list.querySelectorAll('li.print-event .discrepancy').length : 0,
      putin2007: [...(list?.querySelectorAll('li.print-event') ?? [])].find((li) => li.textContent.includes('Putin in Minsk'))?.textContent ?? '',
      canvasHidden: getComputedStyle(canvas).display === 'none' || getComputedStyle(canvas.closest('main')).display === 'none',
    };
  });
  assert.ok(printed.shown, 'the printable list shows');
  assert.ok(printed.items >= 40 && printed.items === events, `${printed.items} of ${events} events printed`);
  assert.ok(printed.sources >= printed.items, 'every event has its sources');
  const bundled = JSON.parse(readFileSync(new URL('../../src/model/data/union_state.json', import.meta.url), 'utf8'));
  const boxes = bundled.discrepancies.reduce((n, d) => n + d.events.length, 0);
  assert.equal(printed.discrepancies, boxes, 'each discrepancy is printed with each of its events');
  assert.match(printed.putin2007, /Claim: .*Evidence: /s, 'the 2007–2008 discrepancy is printed with its event');
  assert.ok(printed.canvasHidden, 'the interactive chart is not printed');
  // The last event's number (three digits and a point) fits in the room the list leaves for it.
  const room = await page.evaluate(() => {
    const list = document.querySelector('#print-list ol.print-events');
    const last = list.querySelector('li.print-event:last-child');
    const context = document.createElement('canvas').getContext('2d');
    context.font = getComputedStyle(last).font;
    return { padding: parseFloat(getComputedStyle(list).paddingLeft), number: context.measureText(`${list.children.length}. `).width };
  });
  assert.ok(room.padding >= room.number, `the numbers fit: ${JSON.stringify(room)}`);
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 20000, `a real document (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#print-list')).display), 'none');
  await page.context().close();
  // Printed from the dark theme, the paper is as in the light one: dark grey on white, not pale grey.
  const dark = await openApp(browser, `${server.url}?theme=dark`);
  await dark.emulateMedia({ media: 'print' });
  await dark.waitForSelector('#print-list li.print-event .title-ru');
  const colours = await dark.evaluate(() => ({
    muted: getComputedStyle(document.querySelector('#print-list .title-ru')).color,
    page: getComputedStyle(document.documentElement).backgroundColor,
  }));
  assert.deepEqual(colours, { muted: 'rgb(84, 90, 102)', page: 'rgb(255, 255, 255)' });
  await dark.context().close();
});

test('the printed list is whole before the print dialog lays the page out, whatever the size of the dataset', async () => {
  // More events than the lists make at once; the browser fires beforeprint before it lays the page out
  // for paper, and runs what the handler queued before it does.
  const page = await openApp(browser, server.url);
  const n = 450;
  await dropFile(page, 'many.json', JSON.stringify(synthDataset(n)));
  await page.waitForFunction((n) => (document.querySelector('#timeline-canvas')?.getAttribute('aria-label') ?? '').includes(`of ${n} events`), n);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#print-list li').length), 0, 'no printed list on screen');
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  const items = await page.evaluate(() => document.querySelectorAll('#print-list li.print-event').length);
  assert.equal(items, n, 'every event is on paper');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
