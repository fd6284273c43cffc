// Themes (light, dark, projector; the system's choice by default) and reduced motion (cuts, not sweeps).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, hitTargets, openMenu, timelinePixel } from './harness.mjs';

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

const theme = (page) => page.getAttribute('html', 'data-theme');
const cornerPixel = (page) => timelinePixel(page, -3, -3);

test('the system colour scheme is followed, and the menu overrides it', async () => {
  const page = await openApp(browser, server.url, { colorScheme: 'dark' });
  assert.equal(await theme(page), 'dark');
  const [r, g, b] = await cornerPixel(page);
  assert.ok(r + g + b < 150, `the canvas is dark: ${r},${g},${b}`);
  await openMenu(page);
  await page.selectOption('#theme', 'light');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  for (let i = 0; ; i++) {
    const [r, g, b] = await cornerPixel(page);
    if (r + g + b > 700) break;
    assert.ok(i < 100, `the canvas turned light: ${r},${g},${b}`);
    await new Promise((done) => setTimeout(done, 50));
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the projector theme draws larger, stays sharp and still hits what it shows', async () => {
  const page = await openApp(browser, server.url, { deviceScaleFactor: 2 });
  const normal = (await hitTargets(page)).length;
  await openMenu(page);
  await page.selectOption('#theme', 'projector');
  await page.click('#menu summary');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'projector');
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  assert.ok(fontSize >= 19, `large type (${fontSize}px)`);
  // While the layout changes, a live layer shows the drawing; the image follows once it is still.
  await page.waitForFunction(() => {
    const c = document.querySelector('#timeline-canvas');
    return c.width === Math.round(c.clientWidth * 2);
  }, null, { timeout: 5000 }).catch(() => {});
  const dims = await page.evaluate(() => {
    const c = document.querySelector('#timeline-canvas');
    return { w: c.width, cw: c.clientWidth };
  });
  assert.equal(dims.w, Math.round(dims.cw * 2), 'the backing store still follows devicePixelRatio');
  const targets = await hitTargets(page);
  assert.equal(targets.length, normal);
  const box = await page.locator('#timeline-canvas').boundingBox();
  const t = targets[Math.floor(targets.length / 2)];
  await page.mouse.click(box.x + t.x, box.y + t.y);
  await page.waitForSelector(`.event-card[data-event-id="${t.id}"]`);
  await page.screenshot({ path: 'target/screenshots/projector-theme.png' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('reduced motion replaces the sweep with cuts from event to event', async () => {
  const page = await openApp(browser, server.url, { reducedMotion: 'reduce' });
  const days = new Set(await page.$$eval('nav[aria-label="Events as a list"] button', (b) => b.map((x) => Number(x.dataset.day))));
  await page.$eval('#scrub', (el) => {
    el.value = el.min;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.selectOption('#speed', '4');
  await page.click('#play');
  const seen = [];
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(150);
    seen.push(Number(await page.inputValue('#scrub')));
  }
  await page.click('#play');
  const moved = seen.filter((v, i) => i > 0 && v !== seen[i - 1]);
  assert.ok(moved.length >= 2, `the playhead moved: ${seen.join(' ')}`);
  const min = Number(await page.getAttribute('#scrub', 'min'));
  assert.ok(seen.every((v) => v === min || days.has(v)), `every position is an event's day: ${seen.join(' ')}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the legends' swatches are in the colours their chart draws, in every theme", async () => {
  // The charts' colours of members, associates and programmes (src/render/theme.rs), which differ by
  // theme: the dark theme's members are lighter than its associates, unlike the light theme's.
  const expected = {
    light: { member: 'rgb(30, 90, 160)', associate: 'rgb(110, 150, 205)', programme: 'rgb(40, 60, 110)' },
    dark: { member: 'rgb(95, 155, 235)', associate: 'rgb(55, 85, 135)', programme: 'rgb(140, 170, 235)' },
    projector: { member: 'rgb(0, 60, 140)', associate: 'rgb(90, 130, 190)', programme: 'rgb(10, 30, 90)' },
  };
  for (const [name, colours] of Object.entries(expected)) {
    const page = await openApp(browser, `${server.url}?view=membership&theme=${name}`);
    const swatch = (view, kind) => page.$eval(`.${view}-view .swatch.${kind}`, (el) => getComputedStyle(el).backgroundColor);
    assert.equal(await swatch('membership', 'member'), colours.member, `${name}: member`);
    assert.equal(await swatch('membership', 'associate'), colours.associate, `${name}: associate`);
    await page.click('#tab-mapping');
    await page.waitForSelector('.mapping-view .swatch.programme');
    assert.equal(await swatch('mapping', 'programme'), colours.programme, `${name}: programme`);
    // Chosen from the menu, the light theme gives the light colours back.
    await openMenu(page);
    await page.selectOption('#theme', 'light');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
    assert.equal(await swatch('mapping', 'programme'), expected.light.programme, `${name}, then light: programme`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
