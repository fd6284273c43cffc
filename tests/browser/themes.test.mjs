// Themes (light, dark, projector; the system's choice by default) and reduced motion (cuts, not sweeps).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, hitTargets, openMenu, timelinePixel, screenColour } from './harness.mjs';

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

test("the projector theme's header keeps the title in two lines at most, whole at 1280 x 720 in English and in Russian, and most of it at 1024 x 768", async () => {
  // How much of the title shows, and how tall the header is beside its one row of buttons.
  const header = (page) => page.evaluate(() => {
    const h1 = document.querySelector('.page-header h1');
    const line = parseFloat(getComputedStyle(h1).lineHeight);
    return {
      whole: h1.scrollHeight <= h1.clientHeight + 1 && h1.scrollWidth <= h1.clientWidth + 1,
      lines: Math.round(h1.clientHeight / line),
      width: h1.clientWidth,
      header: document.querySelector('.page-header').getBoundingClientRect().height,
      tabs: document.querySelector('.view-tabs').getBoundingClientRect().height,
    };
  });
  for (const [width, height, whole, lang] of [[1280, 720, true, 'en'], [1280, 720, true, 'ru'], [1024, 768, false, 'en'], [1920, 1080, true, 'en']]) {
    const page = await openApp(browser, `${server.url}/?theme=projector&lang=${lang}`, { viewport: { width, height } });
    const h = await header(page);
    assert.equal(h.whole, whole, `${lang} at ${width} x ${height}: the title ${whole ? 'whole' : 'cut'}: ${JSON.stringify(h)}`);
    assert.ok(h.lines <= 2, `${width} x ${height}: two lines at most: ${JSON.stringify(h)}`);
    // At 1024 px the buttons give up some padding: "The Union State of / Russia and Belarus,…"
    // rather than "The Union / State of…".
    if (width === 1024) assert.ok(h.width >= 220, `${width} x ${height}: the title ${h.width} px wide`);
    // One row: the header no taller than its buttons and its padding, whatever the title's lines.
    assert.ok(h.header < h.tabs + 24, `${width} x ${height}: the header is one row: ${JSON.stringify(h)}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('reduced motion replaces the sweep with cuts from event to event', async () => {
  const page = await openApp(browser, server.url, { reducedMotion: 'reduce' });
  await page.waitForSelector('nav[aria-label="Events as a list"] button');
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

test('a card longer than its box shades the edge with more beyond it, in both themes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openApp(browser, `${server.url}?lang=ru&sel=single-currency-postponed&t=2008-01-01`, { colorScheme });
    await page.waitForSelector('.event-card[data-event-id="single-currency-postponed"]');
    const card = page.locator('.event-card');
    const box = await card.boundingBox();
    assert.ok(await card.evaluate((el) => el.scrollHeight > el.clientHeight + 50), `${colorScheme}: the card scrolls`);
    // Its text made transparent, so that only what is drawn under it shows.
    await card.evaluate((el) => {
      for (const e of [el, ...el.querySelectorAll('*')]) {
        e.style.setProperty('color', 'transparent', 'important');
        e.style.setProperty('border-color', 'transparent', 'important');
      }
    });
    // Strips 4 px tall inside the card at its top and foot, clear of the scroll bar.
    const strip = (top) => ({ x: box.x + 4, y: top ? box.y + 3 : box.y + box.height - 7, width: box.width - 28, height: 4 });
    const at = async (scroll) => {
      await card.evaluate((el, s) => { el.scrollTop = s === 'end' ? el.scrollHeight : s; }, scroll);
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      return { top: await screenColour(page, strip(true)), foot: await screenColour(page, strip(false)) };
    };
    const start = await at(0);
    const middle = await at(150);
    const end = await at('end');
    // The card's own colour where nothing more is beyond an edge; shaded (towards the text's colour:
    // darker in the light theme, lighter in the dark one) where more is.
    const away = (c, from) => Math.abs(c[0] + c[1] + c[2] - (from[0] + from[1] + from[2]));
    assert.ok(away(start.foot, end.foot) >= 6, `${colorScheme}: the foot with more below ${start.foot} against ${end.foot} at the end`);
    assert.ok(away(middle.top, start.top) >= 6, `${colorScheme}: the top with more above ${middle.top} against ${start.top} at the start`);
    assert.ok(away(end.foot, start.top) <= 3, `${colorScheme}: at the end the foot is the card's colour: ${end.foot}, ${start.top}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("the side column's foot fades out where more of it is below", async () => {
  // The road maps at 1280 x 720: the filter, key, claims chart and card run past the column's foot.
  const page = await openApp(browser, `${server.url}?view=mapping&sel=up-10`, { viewport: { width: 1280, height: 720 } });
  await page.waitForSelector('.event-card[data-target-id="up-10"]');
  const column = page.locator('.mapping-view .card-column');
  assert.ok(await column.evaluate((el) => el.scrollHeight > el.clientHeight + 50), 'the column scrolls');
  await column.evaluate((el) => {
    for (const e of el.querySelectorAll('*')) e.style.setProperty('color', 'transparent', 'important');
  });
  const card = await page.locator('.mapping-view .event-card').boundingBox();
  const box = await column.boundingBox();
  assert.ok(card.y + card.height > box.y + box.height, 'the card runs past the column');
  const strip = (y) => ({ x: card.x + 6, y, width: card.width - 30, height: 3 });
  // Inside the card, well above the foot: the card's colour; at the foot, faded towards the page's.
  const inside = await screenColour(page, strip(box.y + box.height - 60));
  const foot = await screenColour(page, strip(box.y + box.height - 4));
  const page_ = await screenColour(page, { x: box.x + box.width + 2, y: box.y + 4, width: 2, height: 4 });
  const sum = (c) => c[0] + c[1] + c[2];
  assert.ok(Math.abs(sum(foot) - sum(page_)) < Math.abs(sum(inside) - sum(page_)) - 6,
    `the foot ${foot} nearer the page's colour ${page_} than the card's ${inside}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
