// The screens a talk is given on: at the sizes of laptops and projectors (1024 x 768 to 1920 x 1080),
// each view's chart and its controls are on one screen, with no scrolling, in every step of the story
// as well as outside it; the chart takes the height the rest leaves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp } from './harness.mjs';

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

/** Where the shown view's chart and controls are, and how tall the page is. */
function measure(page) {
  return page.evaluate(() => {
    const edges = (el) => {
      const r = el.getBoundingClientRect();
      return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: Math.round(r.height) };
    };
    const main = document.querySelector('main');
    return {
      view: main.className,
      chart: edges(main.querySelector('.chart-column > .canvas-frame')),
      controls: edges(main.querySelector('.chart-column > .controls')),
      page: document.documentElement.scrollHeight,
      step: document.querySelector('.story-position')?.textContent ?? null,
    };
  });
}

function onOneScreen(m, [, height], at) {
  assert.ok(m.controls.bottom <= height, `${at}: the controls end at ${m.controls.bottom} px, below the ${height} px screen`);
  assert.ok(m.page <= height, `${at}: the page is ${m.page} px tall on a ${height} px screen`);
  assert.ok(m.chart.bottom <= m.controls.top, `${at}: the chart runs under the controls`);
  // The chart takes what the header and the controls leave: well over half the screen.
  assert.ok(m.chart.height >= height * 0.55, `${at}: the chart is ${m.chart.height} px of ${height}`);
}

test('every view, chart and controls, fits a laptop or projector screen', async () => {
  for (const size of [[1024, 768], [1280, 720], [1366, 768], [1920, 1080]]) {
    for (const view of ['timeline', 'mapping', 'membership', 'depth']) {
      const page = await openApp(browser, `${server.url}?view=${view}&t=2001-07-12`, {
        viewport: { width: size[0], height: size[1] },
      });
      onOneScreen(await measure(page), size, `${view} at ${size.join(' x ')}`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
});

test('every step of the story fits the screen, with its caption, and the side column keeps its charts', async () => {
  for (const size of [[1024, 768], [1366, 768], [1920, 1080]]) {
    const page = await openApp(browser, `${server.url}?step=1`, { viewport: { width: size[0], height: size[1] } });
    let steps = 0;
    for (;;) {
      const m = await measure(page);
      onOneScreen(m, size, `step ${m.step} (${m.view}) at ${size.join(' x ')}`);
      // The officials' claims beside the road maps keep their own height in the story too.
      const claims = await page.$eval('.claims-frame', (el) => el.getBoundingClientRect().height).catch(() => null);
      if (claims !== null) assert.ok(claims < 250, `step ${m.step}: the claims chart is ${claims} px tall`);
      steps += 1;
      const [at, of] = (m.step ?? '').match(/\d+/g)?.map(Number) ?? [];
      if (!of || at >= of) break;
      await page.keyboard.press('PageDown');
      await page.waitForFunction((n) => (document.querySelector('.story-position')?.textContent ?? '').includes(`${n} /`), at + 1);
      // The view changes with an animated transition; measure once it has settled.
      await page.waitForTimeout(400);
    }
    assert.ok(steps >= 5, `walked ${steps} steps`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
