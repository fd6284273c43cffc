// Presenting with the keys presenters' hands know (reveal.js's) and a clicker's Page Up / Page Down:
// every key does what the help overlay says. And the screens a talk is given on: at the sizes of
// laptops and projectors (1024 x 768 to 1920 x 1080), each view's chart and its controls are on one
// screen, with no scrolling, in every step of the story as well as outside it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openApp, openMenu, screenColour } from './harness.mjs';

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

const shown = (page) => page.getAttribute('.event-card', 'data-event-id');
async function pressAndWait(page, key, from) {
  await page.keyboard.press(key);
  await page.waitForFunction((id) => document.querySelector('.event-card')?.dataset.eventId !== id, from);
  return shown(page);
}

test('next and previous: arrows, Space, N / P, and a clicker\'s Page Down / Page Up', async () => {
  const page = await openApp(browser, server.url);
  await page.locator('#timeline-canvas').focus();
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  const order = [await shown(page)];
  for (const key of ['ArrowRight', 'ArrowDown', 'Space', 'n', 'PageDown']) {
    order.push(await pressAndWait(page, key, order.at(-1)));
  }
  assert.equal(new Set(order).size, 6, `each key moved on: ${order.join(' ')}`);
  const back = [];
  let at = order.at(-1);
  for (const key of ['PageUp', 'p', 'Shift+Space', 'ArrowUp', 'ArrowLeft']) {
    at = await pressAndWait(page, key, at);
    back.push(at);
  }
  assert.deepEqual(back, order.slice(0, 5).reverse(), 'previous walks back the same way');
  await page.keyboard.press('End');
  await page.waitForFunction((id) => document.querySelector('.event-card').dataset.eventId !== id, back.at(-1));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('Space after a click on a button is the next event, not the button again; from the keyboard it presses it', async () => {
  const page = await openApp(browser, `${server.url}?t=1990-09-01`);
  // Play clicked, then paused with K: Play keeps the focus, without its ring.
  await page.click('#play');
  await page.keyboard.press('k');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  const first = await shown(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'play');
  const next = await pressAndWait(page, 'Space', first);
  assert.notEqual(next, first);
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false', 'Space did not press Play');
  // Reached with Tab, a button is pressed by Space as any button is.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'play');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#play').getAttribute('aria-pressed') === 'true');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('A autoplays, B and "." blank the screen, ? lists the keys, Esc closes', async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('a');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.keyboard.press('A');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');

  await page.keyboard.press('b');
  await page.waitForSelector('#blank');
  const before = await shown(page);
  await page.keyboard.press('ArrowRight');
  assert.equal(await shown(page), before, 'keys do nothing while blank');
  await page.keyboard.press('b');
  await page.waitForSelector('#blank', { state: 'detached' });
  await page.keyboard.press('.');
  await page.waitForSelector('#blank');
  await page.keyboard.press('.');
  await page.waitForSelector('#blank', { state: 'detached' });
  await page.keyboard.press('b');
  await page.mouse.click(300, 300);
  await page.waitForSelector('#blank', { state: 'detached' });

  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help[role="dialog"]');
  const text = await page.textContent('#keys-help');
  for (const words of ['Page Down', 'Page Up', 'Space', 'Home', 'End', 'F5', 'Esc', 'Next event', 'Previous event', 'Fullscreen', 'Blank']) {
    assert.ok(text.includes(words), `the help mentions ${words}`);
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'keys-help-title', 'focus moves into the dialog, on its title');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#keys-help', { state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('on a phone the keys dialog opens at its top, its keys breaking between keys; behind it the presentation does not move', async () => {
  const page = await openApp(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const date = () => page.textContent('#playhead-date');
  const before = await date();
  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help');
  await page.waitForFunction(() => document.activeElement?.id === 'keys-help-title');
  const at = await page.evaluate(() => {
    const dialog = document.querySelector('#keys-help');
    const title = dialog.querySelector('h2').getBoundingClientRect();
    const box = dialog.getBoundingClientRect();
    const table = dialog.querySelector('table').getBoundingClientRect().width;
    const keys = Math.max(...[...dialog.querySelectorAll('th')].map((th) => th.getBoundingClientRect().width));
    return { scrollTop: dialog.scrollTop, scrolls: dialog.scrollHeight > dialog.clientHeight, titleTop: title.top, top: box.top, keys, table, marks: dialog.querySelectorAll('tr:first-child kbd').length };
  });
  assert.ok(at.scrolls, 'the list is longer than the screen (else this proves nothing)');
  assert.equal(at.scrollTop, 0, 'opened at its top');
  assert.ok(at.titleTop >= at.top, 'its title in sight');
  assert.equal(at.marks, 5, 'each key of the first row its own mark');
  assert.ok(at.keys <= 0.5 * at.table, `the keys' column ${at.keys} px of ${at.table}: the actions keep the room`);
  // Keys that move the presentation scroll the dialog instead; Esc closes it.
  for (const key of ['ArrowLeft', 'PageUp', 'Home', 'ArrowRight', 'PageDown', ' ']) await page.keyboard.press(key);
  assert.equal(await date(), before, 'the playhead has not moved behind the dialog');
  assert.ok(await page.evaluate(() => !!document.querySelector('#keys-help')), 'still open');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#keys-help', { state: 'detached' });
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((b) => document.querySelector('#playhead-date').textContent !== b, before);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a keys dialog longer than the screen shades its foot until it is scrolled to its end (a projector's 1280 x 720, in Russian)", async () => {
  const page = await openApp(browser, `${server.url}?theme=projector&lang=ru`, { viewport: { width: 1280, height: 720 } });
  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help');
  const dialog = page.locator('#keys-help');
  assert.ok(await dialog.evaluate((el) => el.scrollHeight > el.clientHeight + 50), 'the list is longer than the screen (else this proves nothing)');
  // Its text and marks made transparent, so that only what is drawn under them shows.
  await dialog.evaluate((el) => {
    for (const e of el.querySelectorAll('*')) {
      e.style.setProperty('color', 'transparent', 'important');
      e.style.setProperty('border-color', 'transparent', 'important');
      e.style.setProperty('background', 'transparent', 'important');
    }
  });
  const box = await dialog.boundingBox();
  const foot = async (scroll) => {
    await dialog.evaluate((el, s) => { el.scrollTop = s === 'end' ? el.scrollHeight : s; }, scroll);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return screenColour(page, { x: box.x + 8, y: box.y + box.height - 6, width: box.width - 40, height: 4 });
  };
  const start = await foot(0);
  const end = await foot('end');
  const sum = (c) => c[0] + c[1] + c[2];
  assert.ok(sum(end) - sum(start) >= 6, `the foot shaded with more below: ${start} against ${end} at the end`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('F, a clicker\'s F5 and the Fullscreen button go fullscreen without reloading; Esc leaves', async () => {
  const page = await openApp(browser, server.url);
  await page.evaluate(() => {
    window.__notReloaded = true;
  });
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.keyboard.press('F5');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  assert.equal(await page.evaluate(() => window.__notReloaded), true, 'F5 did not reload the page');
  await page.keyboard.press('F5');
  await page.waitForFunction(() => document.fullscreenElement === null);
  // The button under the chart does the same, and says which it will do.
  assert.equal(await page.getAttribute('.header-tools .fullscreen', 'aria-pressed'), 'false');
  await page.click('.header-tools .fullscreen');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.waitForSelector('.header-tools .fullscreen[aria-pressed="true"]');
  await page.click('.header-tools .fullscreen');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.waitForSelector('.header-tools .fullscreen[aria-pressed="false"]');
  assert.equal(await page.isVisible('.controls .fullscreen'), false, 'one button, beside the menu');
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // Embedded, the header is hidden: the button is under the chart.
  const embedded = await openApp(browser, `${server.url}?embed=1`);
  assert.equal(await embedded.isVisible('.controls .fullscreen'), true);
  await embedded.click('.controls .fullscreen');
  await embedded.waitForFunction(() => document.fullscreenElement !== null);
  assert.deepEqual(embedded.problems, []);
  await embedded.context().close();
});

test("keys typed into a field keep their meaning; on a list only the clicker's keys act", async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('Home');
  const first = await shown(page);
  // A field that takes typing (the embed code's): no key acts on the presentation.
  await openMenu(page);
  await page.click('#copy-embed');
  await page.focus('#embed-code textarea');
  for (const key of ['n', 'b', 'PageDown']) await page.keyboard.press(key);
  assert.equal(await shown(page), first);
  assert.equal(await page.locator('#blank').count(), 0);
  await page.keyboard.press('Escape');
  // A list: a letter is the list's, a clicker's B blanks the screen.
  await page.focus('#speed');
  await page.keyboard.press('n');
  assert.equal(await shown(page), first);
  await page.keyboard.press('b');
  await page.waitForSelector('#blank');
  assert.deepEqual(page.problems, []);
  await page.context().close();
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
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

function onOneScreen(m, [width, height], at) {
  assert.ok(m.pageWidth <= width, `${at}: the page is ${m.pageWidth} px wide on a ${width} px screen`);
  assert.ok(m.controls.bottom <= height, `${at}: the controls end at ${m.controls.bottom} px, below the ${height} px screen`);
  assert.ok(m.page <= height, `${at}: the page is ${m.page} px tall on a ${height} px screen`);
  assert.ok(m.chart.bottom <= m.controls.top, `${at}: the chart runs under the controls`);
  // The chart takes what the header and the controls leave: well over half the screen.
  assert.ok(m.chart.height >= height * 0.55, `${at}: the chart is ${m.chart.height} px of ${height}`);
}

test('every view, chart and controls, fits a laptop or projector screen', async () => {
  // Russian's view names are the longer: the header stays one row in both languages.
  for (const [size, lang] of [[[1024, 768], 'en'], [[1280, 720], 'en'], [[1366, 768], 'en'], [[1920, 1080], 'en'], [[1024, 768], 'ru']]) {
    for (const view of ['timeline', 'mapping', 'membership', 'depth']) {
      const page = await openApp(browser, `${server.url}?view=${view}&t=2001-07-12&lang=${lang}`, {
        viewport: { width: size[0], height: size[1] },
      });
      onOneScreen(await measure(page), size, `${view} at ${size.join(' x ')} (${lang})`);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
  }
});

test('on a large screen the timeline fills the height, at two device pixels to the px only on a tall one', async () => {
  // At one device pixel to the px (most projectors, a 1440p monitor) the chart takes what the header and
  // the controls leave; at two, it stops at 760 px (as tall in device pixels as 1520 px at one), except
  // on a screen 1200 px tall or more (a 5K monitor), which it fills too.
  for (const [[width, height], dpr] of [[[1920, 1080], 1], [[2560, 1440], 1], [[1920, 1080], 2], [[2560, 1440], 2], [[1920, 1200], 2]]) {
    const page = await openApp(browser, server.url, { viewport: { width, height }, deviceScaleFactor: dpr });
    const m = await measure(page);
    const at = `${width} x ${height} at ${dpr}`;
    const canvas = await page.evaluate(() => document.querySelector('#timeline-canvas').height);
    if (dpr === 1 || height >= 1200) {
      onOneScreen(m, [width, height], at);
      assert.ok(height - m.controls.bottom <= 24, `${at}: ${height - m.controls.bottom} px left empty under the controls`);
    } else {
      assert.ok(m.page <= height && m.chart.bottom <= m.controls.top, `${at}: the page is one screen`);
      assert.ok(m.chart.height <= 762, `${at}: the chart is ${m.chart.height} px tall`);
      assert.ok(canvas <= 1520, `${at}: ${canvas} rows of device pixels`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('every step of the story fits the screen, with its caption, and the side column keeps its charts', async () => {
  // 1280 x 620: a 1280 x 720 projector's screen less the browser's own bars, when the talk is not
  // given full screen; 1280 x 560, with a bookmarks bar and a taskbar as well. There the road maps'
  // diagram keeps the height its 59 rows need in its smallest type (about 450 px) and scrolls within
  // its frame.
  for (const size of [[1024, 768], [1366, 768], [1920, 1080], [1280, 620], [1280, 560]]) {
    const page = await openApp(browser, `${server.url}?step=1`, { viewport: { width: size[0], height: size[1] } });
    let steps = 0;
    for (;;) {
      const m = await measure(page);
      const where = `step ${m.step} (${m.view}) at ${size.join(' x ')}`;
      if (m.view === 'mapping-view' && size[1] < 700) {
        const diagram = await page.$eval('.mapping-frame', (frame) => {
          const canvas = frame.querySelector('#mapping-canvas');
          // The step's road map or programme (the card shows it), where the diagram draws it.
          const id = document.querySelector('.event-card[data-target-id]')?.dataset.targetId;
          const node = JSON.parse(canvas.dataset.targets).find((t) => t.id === id);
          return {
            canvas: canvas.getBoundingClientRect().height,
            lowest: Math.max(...JSON.parse(canvas.dataset.targets).filter((t) => t.kind !== 'link').map((t) => t.y)),
            scrolls: frame.scrollHeight > frame.clientHeight,
            id,
            seenAt: node ? node.y - frame.scrollTop : null,
            seen: frame.clientHeight,
          };
        });
        assert.ok(diagram.canvas >= 440 && diagram.lowest + 4 < diagram.canvas,
          `${where}: the diagram is ${diagram.canvas} px tall, its lowest node at ${diagram.lowest}`);
        assert.ok(diagram.scrolls, `${where}: the diagram scrolls within its frame`);
        // A step that selects a road map or programme has it in sight (the bundled story's road-map
        // steps select none: their captions speak of the whole diagram).
        if (diagram.id) {
          assert.ok(diagram.seenAt !== null && diagram.seenAt > 0 && diagram.seenAt < diagram.seen,
            `${where}: the step's ${diagram.id} is at ${diagram.seenAt} px in a frame showing ${diagram.seen} px`);
        }
        // The chart's frame gives way, not the controls or the page.
        onOneScreen({ ...m, chart: { ...m.chart, height: Infinity } }, size, where);
      } else {
        onOneScreen(m, size, where);
      }
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

test('the road maps\' diagram is never drawn past its canvas: a frame too short for it scrolls, with the selected map in sight', async () => {
  // The projector theme draws everything larger; a small embedded frame has less height than the
  // diagram needs. Every road map and programme must lie inside the canvas, and the canvas be reachable
  // by scrolling where it is taller than its frame.
  for (const [query, [width, height]] of [
    ['?view=mapping&theme=projector&lang=ru', [1280, 720]],
    ['?view=mapping&theme=projector', [1280, 720]],
    ['?view=mapping&embed=1', [640, 360]],
    // The 31st road map, low in the diagram, selected by a link in a window a bookmarks bar and a
    // taskbar leave short.
    ['?view=mapping&sel=rm-supranational-bodies&theme=projector&lang=ru', [1280, 560]],
  ]) {
    const page = await openApp(browser, `${server.url}${query}`, { viewport: { width, height } });
    await page.waitForTimeout(400);
    const d = await page.$eval('.mapping-frame', (frame) => {
      const canvas = frame.querySelector('#mapping-canvas');
      const id = document.querySelector('.event-card[data-target-id]')?.dataset.targetId;
      const targets = JSON.parse(canvas.dataset.targets).filter((t) => t.kind !== 'link');
      const node = targets.find((t) => t.id === id);
      return {
        canvas: canvas.getBoundingClientRect().height,
        lowest: Math.max(...targets.map((t) => t.y)),
        nodes: targets.length,
        scrolls: frame.scrollHeight > frame.clientHeight,
        seenAt: node ? node.y - frame.scrollTop : null,
        seen: frame.clientHeight,
        id,
      };
    });
    const at = `${query} at ${width} x ${height}`;
    assert.ok(d.nodes >= 40, `${at}: ${d.nodes} nodes`);
    assert.ok(d.lowest + 4 < d.canvas, `${at}: a node at ${d.lowest} px in a canvas ${d.canvas} px tall`);
    if (d.canvas > d.seen + 1) assert.ok(d.scrolls, `${at}: the diagram runs past its frame and does not scroll`);
    // A frame with more below has its foot shaded (some systems show no scroll bar), until scrolled
    // to the end.
    const shaded = () => page.$eval('.mapping-frame', (f) => f.classList.contains('more-below'));
    if (d.scrolls) {
      await page.$eval('.mapping-frame', (f) => { f.scrollTop = 0; });
      await page.waitForFunction(() => document.querySelector('.mapping-frame').classList.contains('more-below'));
      await page.$eval('.mapping-frame', (f) => { f.scrollTop = f.scrollHeight; });
      await page.waitForFunction(() => !document.querySelector('.mapping-frame').classList.contains('more-below'));
    } else {
      assert.equal(await shaded(), false, `${at}: a frame showing all of it is shaded`);
    }
    if (query.includes('sel=')) {
      assert.ok(d.scrolls, `${at}: the diagram scrolls`);
      assert.equal(d.id, 'rm-supranational-bodies');
      assert.ok(d.seenAt !== null && d.seenAt > 0 && d.seenAt < d.seen,
        `${at}: the selected ${d.id} is at ${d.seenAt} px in a frame showing ${d.seen} px`);
    }
    if (query.includes('theme=projector') && !query.includes('sel=')) {
      // The whole diagram in its frame, and beside it the officials' claims chart on the screen, in
      // Russian too, whose sector names make the most rows of chips.
      assert.ok(!d.scrolls, `${at}: the diagram scrolls`);
      const claims = await page.$eval('.claims-frame', (el) => el.getBoundingClientRect().bottom);
      assert.ok(claims <= height, `${at}: the claims chart ends at ${claims} px`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('a notice on a wide screen leaves the chart its size and place, and covers none of it', async () => {
  for (const size of [[1280, 720], [1920, 1080]]) {
    const viewport = { width: size[0], height: size[1] };
    const plain = await openApp(browser, `${server.url}?view=timeline&t=2001-07-12`, { viewport });
    const before = await measure(plain);
    await plain.context().close();
    // A link with a part that cannot be used opens with an error notice listing it.
    const page = await openApp(browser, `${server.url}?view=timeline&t=2001-07-12&sel=zzz&theme=neon`, { viewport });
    await page.waitForSelector('#notice.error');
    const withNotice = await measure(page);
    const at = size.join(' x ');
    assert.deepEqual(withNotice.chart, before.chart, `${at}: the chart moved or changed size with the notice`);
    onOneScreen(withNotice, size, `with a notice at ${at}`);
    const [notice, chart] = await page.evaluate(() =>
      ['#notice', '.chart-column'].map((s) => {
        const r = document.querySelector(s).getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
    assert.ok(notice.left >= chart.right, `${at}: the notice (from ${notice.left} px) covers the chart (to ${chart.right} px)`);
    assert.ok(notice.right <= size[0] && notice.bottom <= size[1], `${at}: the notice runs off the screen`);
    // It can be read and dismissed, and the chart stays where it was.
    await page.click('#notice .dismiss');
    assert.equal(await page.locator('#notice').count(), 0);
    assert.deepEqual((await measure(page)).chart, before.chart, `${at}: the chart moved when the notice went`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
