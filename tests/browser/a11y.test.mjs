// Accessibility: an axe-core audit of every view reports no serious or critical violation; everything
// works from the keyboard with a visible focus ring; the canvases have text alternatives in sync with
// the selection; one polite live region announces the headline, and holds still while the timeline plays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openApp, openMenu, screenColour, dropFile } from './harness.mjs';
import { synthDataset } from '../bench/synth.mjs';

const AXE = join(fileURLToPath(new URL('../../.ci/node_modules/axe-core/axe.min.js', import.meta.url)));
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

async function audit(page, what) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${what}: ${JSON.stringify(bad, null, 1)}`);
}

test('axe-core finds no serious or critical violation in any view', async () => {
  // The audit script is injected, which the page's own policy would rightly refuse.
  const page = await openApp(browser, server.url, { bypassCSP: true });
  await audit(page, 'timeline (introduction)');
  await page.keyboard.press('Home');
  await page.waitForSelector('.event-card[data-event-id]');
  await audit(page, 'timeline (event card)');
  for (const [tab, canvas] of [['#tab-mapping', '#mapping-canvas'], ['#tab-membership', '#membership-canvas'], ['#tab-depth', '#depth-canvas']]) {
    await page.click(tab);
    await page.waitForFunction((sel) => document.querySelector(sel)?.width > 0, canvas);
    await audit(page, tab);
  }
  await page.setInputFiles('#dataset-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.waitForSelector('#notice.error');
  await audit(page, 'error notice');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the keyboard reaches everything, with a visible focus ring', async () => {
  const page = await openApp(browser, server.url);
  // Tab through the page: every stop is visible and outlined.
  const stops = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    // Past the last stop the focus leaves the page.
    if (await page.evaluate(() => document.activeElement === document.body)) break;
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { id: el.id || el.textContent.slice(0, 30), outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2, visible: r.width > 0 && r.height > 0 };
    });
    stops.push(stop);
  }
  const invisible = stops.filter((s) => !s.outline || !s.visible);
  assert.deepEqual(invisible, [], 'every focus stop is visible with a ring');
  const ids = stops.map((s) => s.id);
  for (const id of ['tab-timeline', 'Menu', 'timeline-canvas', 'play', 'scrub', 'speed']) {
    assert.ok(ids.includes(id), `Tab reaches #${id}: ${ids.join(', ')}`);
  }
  // The views' tabs are one stop: the chosen one (the arrows reach the others).
  assert.ok(!ids.includes('tab-mapping'), `the other tabs are not stops for Tab: ${ids.join(', ')}`);
  await page.context().close();
});

test("the views' tabs are tabs: each controls the view's panel, named by it, and the arrows, Home and End move between them from the keyboard, not after a click", async () => {
  const page = await openApp(browser, server.url);
  const state = () =>
    page.evaluate(() => {
      const tabs = [...document.querySelectorAll('[role="tablist"] [role="tab"]')];
      const panel = document.querySelector('[role="tabpanel"]');
      return {
        tabs: tabs.map((t) => `${t.id}:${t.getAttribute('aria-selected')}:${t.tabIndex}:${t.getAttribute('aria-controls')}`),
        panels: document.querySelectorAll('[role="tabpanel"]').length,
        panel: panel && `${panel.tagName}#${panel.id}:${panel.getAttribute('aria-labelledby')}:${panel.className}`,
        focused: document.activeElement?.id,
      };
    });
  const tabs = (chosen) => ['timeline', 'mapping', 'membership', 'depth'].map((v) => `tab-${v}:${v === chosen}:${v === chosen ? 0 : -1}:view-panel`);
  let s = await state();
  assert.deepEqual(s.tabs, tabs('timeline'));
  assert.equal(s.panels, 1);
  assert.equal(s.panel, 'MAIN#view-panel:tab-timeline:timeline-view');
  // From the keyboard: Tab onto the chosen tab, then the arrows; each key shows its view.
  const press = async (key, view) => {
    await page.keyboard.press(key);
    await page.waitForSelector(`main.${view}-view`);
    return state();
  };
  await page.focus('#tab-timeline');
  s = await press('ArrowRight', 'mapping');
  assert.deepEqual(s.tabs, tabs('mapping'));
  assert.equal(s.panel, 'MAIN#view-panel:tab-mapping:mapping-view');
  assert.equal(s.focused, 'tab-mapping', 'the focus moves with the chosen tab');
  assert.equal((await press('End', 'depth')).panel, 'MAIN#view-panel:tab-depth:depth-view');
  assert.equal((await press('ArrowRight', 'timeline')).focused, 'tab-timeline', 'round the end to the first');
  assert.equal((await press('ArrowLeft', 'depth')).focused, 'tab-depth', 'round the start to the last');
  s = await press('Home', 'timeline');
  assert.deepEqual(s.tabs, tabs('timeline'));
  assert.equal(s.focused, 'tab-timeline');
  // A tab clicked with the mouse keeps the focus, and a clicker's arrow is the presentation's next step.
  await page.click('#tab-membership');
  await page.waitForSelector('main.membership-view');
  const before = await page.getAttribute('#scrub', 'aria-valuetext');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => document.querySelector('#scrub').getAttribute('aria-valuetext') !== b, before);
  s = await state();
  assert.equal(s.panel, 'MAIN#view-panel:tab-membership:membership-view', 'the view stays');
  assert.equal(s.focused, 'tab-membership');
  // The list of keys says so.
  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help');
  assert.match(await page.textContent('#keys-help'), /On the views' tabs, reached with Tab, ← → Home End choose a view/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the events list is one stop for Tab, and the arrows walk it with the focus", async () => {
  const page = await openApp(browser, server.url);
  await page.waitForSelector('.text-alternative ol button');
  const inList = () => page.evaluate(() => {
    const a = document.activeElement;
    return a.closest('.text-alternative ol') ? Number(a.dataset.index) : null;
  });
  await page.focus('#zoom-reset');
  await page.keyboard.press('Tab');
  assert.equal(await inList(), 0, 'the first event before any is current');
  await page.keyboard.press('Tab');
  assert.equal(await inList(), null, 'the next Tab leaves the list');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await inList(), 0);
  const last = (await page.evaluate(() => document.querySelectorAll('.text-alternative ol button').length)) - 1;
  assert.ok(last > 100, `${last + 1} events listed`);
  for (const [key, at] of [['Home', 0], ['ArrowDown', 1], ['ArrowDown', 2], ['ArrowUp', 1], ['End', last]]) {
    await page.keyboard.press(key);
    // The focus on the current event's item.
    await page.waitForFunction((i) => document.activeElement.dataset.index === String(i) && document.activeElement.getAttribute('aria-current') === 'true', at);
  }
  // Back into the list later, at the current event.
  await page.focus('#play');
  await page.focus('#zoom-reset');
  await page.keyboard.press('Tab');
  assert.equal(await inList(), last);
  assert.equal(await page.evaluate(() => document.querySelectorAll('.text-alternative ol button[tabindex="0"]').length), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a chart focused from the keyboard shows its ring, round its frame (which clips the canvas's own)", async () => {
  for (const [view, id] of [['timeline', 'timeline-canvas'], ['mapping', 'mapping-canvas'], ['membership', 'membership-canvas'], ['depth', 'depth-canvas']]) {
    const page = await openApp(browser, `${server.url}?view=${view}`);
    for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.id)) !== id; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), id, `Tab reaches #${id}`);
    const { frame, focus } = await page.evaluate((cid) => {
      const r = document.getElementById(cid).closest('.canvas-frame').getBoundingClientRect();
      const hex = getComputedStyle(document.documentElement).getPropertyValue('--focus').trim();
      return { frame: { x: r.x, y: r.y, h: r.height }, focus: [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) };
    }, id);
    // The middle of the ring's left side: 2 px beyond the frame, 3 px wide.
    const seen = await screenColour(page, { x: frame.x - 4.5, y: frame.y + frame.h / 2, width: 2, height: 4 });
    const off = Math.max(...seen.map((v, k) => Math.abs(v - focus[k])));
    assert.ok(off < 40, `${view}: beside the frame rgb(${seen.map(Math.round)}), the focus colour rgb(${focus})`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the live region holds still while the timeline plays and reads where playback stopped', async () => {
  const page = await openApp(browser, server.url + '?t=1999-01-01');
  await page.selectOption('#speed', '4');
  await page.check('#loop');
  // Every text the live region takes from here on, and the titles the card shows while playing.
  await page.evaluate(() => {
    const live = document.querySelector('#announcer');
    window.__said = [];
    window.__shown = new Set();
    new MutationObserver(() => window.__said.push(live.textContent)).observe(live, { subtree: true, childList: true, characterData: true });
  });
  // Until the card has shown `n` events since the last call.
  const passing = async (n) => {
    await page.evaluate(() => window.__shown.clear());
    await page.waitForFunction((n) => {
      const t = document.querySelector('#card-title')?.textContent;
      if (t) window.__shown.add(t);
      return window.__shown.size >= n;
    }, n, { polling: 'raf' });
  };
  await page.click('#play');
  await passing(4);
  assert.deepEqual(await page.evaluate(() => window.__said), [], 'nothing is read while events pass');
  // Back on the timeline from another view while it plays: where it is, read once, then held again.
  await page.click('#tab-membership');
  await page.click('#tab-timeline');
  await page.waitForFunction(() => window.__said.at(-1)?.includes(', '));
  const said = await page.evaluate(() => window.__said.length);
  await passing(3);
  assert.equal(await page.evaluate(() => window.__said.length), said, 'held again while events pass');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true', 'still playing');
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');
  const title = await page.textContent('#card-title');
  await page.waitForFunction((t) => document.querySelector('#announcer').textContent.startsWith(`${t}, `), title);
  assert.equal(await page.evaluate(() => window.__said.length), said + 1, 'where playback stopped is read once');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('text alternatives follow the selection and the live region reads the headline', async () => {
  const page = await openApp(browser, server.url);
  // The events list is out of sight until focused; its buttons select events.
  const list = page.locator('nav[aria-label="Events as a list"]');
  assert.equal(await list.evaluate((el) => el.getBoundingClientRect().width <= 1), true, 'hidden until focused');
  const third = list.locator('button').nth(2);
  await third.focus();
  assert.ok((await list.evaluate((el) => el.getBoundingClientRect().width)) > 100, 'shown while focused');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.event-card[data-event-id]');
  assert.equal(await third.getAttribute('aria-current'), 'true');
  const title = await page.textContent('#card-title');
  await page.waitForFunction((t) => document.querySelector('#announcer').textContent.startsWith(t), title);
  assert.equal(await page.locator('[aria-live]:not([aria-live="off"])').count(), 1, 'one live region');
  // Selecting on the canvas (arrow key) moves the list's marker too.
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Events as a list"] [aria-current="true"]').length === 1 && !document.querySelectorAll('nav[aria-label="Events as a list"] button')[2].hasAttribute('aria-current'));
  // The membership view has a table of who belongs where, at the playhead.
  await page.click('#tab-membership');
  await page.waitForSelector('section[aria-label="Memberships as a table"] table');
  const rows = await page.locator('section[aria-label="Memberships as a table"] tbody tr').count();
  assert.equal(rows, 12);
  await page.locator('section[aria-label="Memberships as a table"] tbody th button').first().focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.event-card[data-pick-id]');
  await page.waitForFunction(() => /History of/.test(document.querySelector('#announcer').textContent));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('in the other views the live region reads the date stepped to, holds still while playing, and reads where it stopped', async () => {
  for (const [view, lang, year] of [['membership', 'en', /2000/], ['depth', 'ru', /2000\u00a0г\./], ['mapping', 'en', /20\d\d/]]) {
    const page = await openApp(browser, `${server.url}?view=${view}&t=2000-01-01&lang=${lang}`);
    const said = () => page.textContent('#announcer');
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.querySelector('#announcer').textContent.length > 0);
    assert.match(await said(), year, `${view}: ${await said()}`);
    // Events of one day make one date: stepping on reads the next day it reaches.
    const stepped = await said();
    for (let i = 0; i < 8 && (await said()) === stepped; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
    }
    assert.notEqual(await said(), stepped, `${view}: the next date is read`);
    // Playing: what it held is not replaced frame by frame; stopped: where it stopped.
    const before = await said();
    await page.keyboard.press('k');
    await page.waitForTimeout(700);
    assert.equal(await said(), before, `${view}: held while playing`);
    await page.keyboard.press('k');
    await page.waitForFunction((was) => document.querySelector('#announcer').textContent !== was, before);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("the events list says which events come after the playhead's date, as the timeline draws them faint", async () => {
  const page = await openApp(browser, `${server.url}?t=2000-01-01`);
  const list = 'nav[aria-label="Events as a list"] button';
  await page.waitForFunction((s) => document.querySelectorAll(s).length > 100, list);
  const t = Date.UTC(2000, 0, 1) / 86400000;
  const marks = () => page.$$eval(list, (b) => b.map((x) => [Number(x.dataset.day), x.hasAttribute('data-later')]));
  const at2000 = await marks();
  assert.ok(at2000.some(([, l]) => l) && at2000.some(([, l]) => !l));
  for (const [day, later] of at2000) assert.equal(later, day > t, `event of day ${day}`);
  // As a screen reader reads it: the accessibility tree's name of the button, with the style's text.
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const name = async (index) => {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `${list}[data-index="${index}"]` });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
    return nodes[0].name?.value ?? '(not in the accessibility tree)';
  };
  const first = at2000.findIndex(([, l]) => l);
  assert.match(await name(first), /— after the playhead's date$/);
  assert.doesNotMatch(await name(first - 1), /after the playhead/);
  // Played to the end, none is later; back at the start, every one after the first event's date is.
  await page.keyboard.press('End');
  await page.waitForFunction((s) => ![...document.querySelectorAll(s)].some((b) => b.hasAttribute('data-later')), list);
  await page.keyboard.press('Home');
  await page.waitForFunction((s) => {
    const b = [...document.querySelectorAll(s)];
    return b.every((x) => x.hasAttribute('data-later') === Number(x.dataset.day) > Number(b[0].dataset.day));
  }, list);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("every view's text alternative is in the accessibility tree while unfocused, for a screen reader's browse mode", async () => {
  for (const [view, name] of [['timeline', 'Events as a list'], ['mapping', 'Road maps and programmes as lists'], ['membership', 'Memberships as a table'], ['depth', 'Depth by sector as lists']]) {
    const page = await openApp(browser, `${server.url}?view=${view}`);
    await page.waitForFunction((n) => document.querySelector(`[aria-label="${n}"] button`), name);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const alt = nodes.find((n) => n.name?.value === name && !n.ignored);
    assert.ok(alt, `${view}: "${name}" in the tree`);
    const buttons = (n) => (n.childIds ?? []).map((c) => byId.get(c)).filter(Boolean)
      .reduce((a, c) => a + (c.role?.value === 'button' && !c.ignored ? 1 : 0) + buttons(c), 0);
    assert.ok(buttons(alt) >= 8, `${view}: ${buttons(alt)} buttons in the tree under "${name}"`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test("the events list's marks, held back while the timeline plays, are right when it stops, however much of the list was made meanwhile", async () => {
  const page = await openApp(browser, server.url);
  // A thousand events: the list is made a hundred at a time, one chunk a second while playing.
  await dropFile(page, 'thousand.json', JSON.stringify(synthDataset(1000)));
  await page.waitForFunction(() => /1,000/.test(document.querySelector('.page-header h1').textContent));
  await page.click('#play');
  await page.waitForTimeout(3000);
  await page.click('#play');
  const list = 'nav[aria-label="Events as a list"] button';
  await page.waitForFunction((s) => document.querySelectorAll(s).length === 1000, list);
  const state = await page.$$eval(list, (b) => ({
    current: b.filter((x) => x.getAttribute('aria-current') === 'true').map((x) => Number(x.dataset.index)),
    stops: b.filter((x) => x.getAttribute('tabindex') === '0').map((x) => Number(x.dataset.index)),
    items: b.map((x) => [Number(x.dataset.day), x.hasAttribute('data-later')]),
    t: Number(document.querySelector('#scrub').value),
  }));
  assert.equal(state.current.length, 1, `marked current: ${state.current}`);
  assert.deepEqual(state.stops, state.current, 'the one Tab stop is the current event');
  assert.ok(state.items[state.current[0]][0] <= state.t + 1, 'the current event is not after the playhead');
  // The scrubber's value is the playhead's day rounded: events within a day of it are not judged.
  const wrong = state.items.filter(([day, later]) => Math.abs(day - state.t) > 1 && later !== day > state.t);
  assert.deepEqual(wrong, [], `events marked against the playhead's day ${state.t}`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the depth lists say which provisions come after the playhead's date, as the ladder draws them faint", async () => {
  const page = await openApp(browser, `${server.url}?view=depth&t=2010-01-01`);
  const items = () => page.$$eval('nav[aria-label="Depth by sector as lists"] li', (li) => li.map((x) => x.textContent));
  await page.waitForFunction(() => document.querySelectorAll('nav[aria-label="Depth by sector as lists"] li').length > 10);
  const at2010 = await items();
  const later = at2010.filter((t) => t.endsWith("— after the playhead's date"));
  const year = (t) => Number(t.match(/declared (?:\d+ )?(?:\w+ )?(\d{4})/)[1]);
  assert.ok(later.length > 0 && later.length < at2010.length, `${later.length} of ${at2010.length} marked later`);
  for (const t of at2010.filter((t) => year(t) !== 2010)) assert.equal(later.includes(t), year(t) > 2010, t);
  await page.keyboard.press('End');
  await page.waitForFunction(() => ![...document.querySelectorAll('nav[aria-label="Depth by sector as lists"] li')].some((x) => x.textContent.includes('after the playhead')));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("the road maps' lists say which maps and programmes come after the playhead's date, as the diagram leaves them out", async () => {
  const page = await openApp(browser, `${server.url}?view=mapping&t=2010-06-01`);
  const nav = 'nav[aria-label="Road maps and programmes as lists"]';
  await page.waitForFunction((n) => document.querySelectorAll(`${n} li`).length > 30, nav);
  const lists = () => page.$$eval(`${nav} ol`, (ols) => ols.map((ol) => [...ol.querySelectorAll('li')].map((li) => li.textContent)));
  // In 2010 the diagram shows no road map and no programme: the lists say so of each.
  const [roads, programmes] = await lists();
  assert.deepEqual(roads.filter((t) => !t.endsWith("— reported after the playhead's date")), []);
  assert.deepEqual(programmes.filter((t) => !t.endsWith("— signed after the playhead's date")), []);
  // In Jun 2021 the road maps are there, the programmes not yet signed (10 Sep 2021).
  await page.goto(`${server.url}?view=mapping&t=2021-06-01`);
  await page.waitForFunction((n) => document.querySelectorAll(`${n} li`).length > 30, nav);
  const [roads21, programmes21] = await lists();
  assert.ok(roads21.filter((t) => t.includes('reported after')).length < roads21.length / 4, `most maps reported by Jun 2021: ${roads21}`);
  assert.ok(programmes21.every((t) => t.includes('signed after')));
  await page.keyboard.press('End');
  await page.waitForFunction((n) => ![...document.querySelectorAll(`${n} li`)].some((x) => x.textContent.includes('after the playhead')), nav);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the memberships table says what the cells show: each standing with its year, and when a column had no organisation', async () => {
  const page = await openApp(browser, `${server.url}?view=membership&t=2010-06-01`);
  await page.waitForSelector('section[aria-label="Memberships as a table"] tbody tr');
  const row = (name) => page.$$eval('section[aria-label="Memberships as a table"] tbody tr', (rows, n) => {
    const r = rows.find((x) => x.querySelector('th').textContent === n);
    return [...r.querySelectorAll('td')].map((td) => td.textContent);
  }, name);
  // CIS, CST/CSTO, EurAsEC, Customs Union / SES, EAEU, Union State.
  assert.deepEqual(await row('Russia'), ['Member (1991)', 'Member (1994)', 'Member (2001)', 'Member (2010)', 'from 2014', 'Member (2000)']);
  assert.deepEqual(await row('Georgia'), ['Left (2009)', 'Left (1999)', '', '', 'from 2014', '']);
  await page.goto(`${server.url}?view=membership&t=2016-01-01&lang=ru`);
  await page.waitForSelector('section[aria-label] tbody tr');
  const ru = await page.$$eval('section.text-alternative tbody tr', (rows) => [...rows[0].querySelectorAll('td')].map((td) => td.textContent));
  assert.equal(ru[2], 'до 2015', 'EurAsEC after its end');
  assert.match(ru[4], /^\S+ \(2015 г\.\)$/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two discrepancies on one card are two landmarks a screen reader tells apart, each named by its title', async () => {
  const page = await openApp(browser, `${server.url}?sel=union-state-treaty-1999`);
  await page.waitForSelector('.event-card aside.discrepancy');
  const labels = await page.$$eval('.event-card aside.discrepancy', (asides) => asides.map((a) => a.getAttribute('aria-label')));
  assert.ok(labels.length >= 2, labels.join(' | '));
  assert.equal(new Set(labels).size, labels.length, labels.join(' | '));
  assert.ok(labels.every((l) => l.startsWith('Documented discrepancy: ')), labels.join(' | '));
  assert.ok(labels.some((l) => /9\s+Dec\s+1999/.test(l)), labels.join(' | '));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the header menu closes as a menu does: Esc, a press outside it, a button chosen in it', async () => {
  const page = await openApp(browser, server.url);
  const open = () => page.evaluate(() => document.querySelector('#menu').open);
  await openMenu(page);
  assert.equal(await open(), true);
  await page.keyboard.press('Escape');
  assert.equal(await open(), false, 'Esc closes it');
  await openMenu(page);
  await page.mouse.click(400, 400);
  assert.equal(await open(), false, 'a click on the chart closes it');
  await openMenu(page);
  await page.click('#open-keys');
  assert.equal(await open(), false, 'choosing one of its buttons closes it');
  await page.waitForSelector('#keys-help');
  await page.keyboard.press('Escape');
  // Inside it, choosing a theme from its list keeps it open.
  await openMenu(page);
  await page.selectOption('#theme', 'dark');
  assert.equal(await open(), true);
  // Its actions (the dataset's, embedding, the presenter window, the keys) one under another, each as
  // wide as the menu, in Russian too (the dataset's three were each as wide as its words).
  for (const lang of ['en', 'ru']) {
    if (lang === 'ru') {
      await page.click('.language-switch button:has-text("RU")');
      await openMenu(page);
    }
    const widths = await page.$$eval('.menu-panel > button, .menu-panel .data-menu > *', (els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    assert.ok(widths.length >= 6, `${lang}: ${widths}`);
    assert.equal(new Set(widths).size, 1, `${lang}: the menu's actions ${widths} px wide`);
  }
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the focus is never left to the page: after a menu choice, Esc in the menu, and a dialog closed', async () => {
  const page = await openApp(browser, server.url, { acceptDownloads: true });
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a === document.body ? 'body' : a.id || `${a.tagName.toLowerCase()}${a.parentElement?.id ? ` in #${a.parentElement.id}` : ''}`;
  });
  // A button of the menu chosen with the keyboard: the menu closes, its own button keeps the focus.
  await openMenu(page);
  await page.focus('#export-png-1');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.match(download.suggestedFilename(), /\.png$/);
  assert.equal(await page.evaluate(() => document.querySelector('#menu').open), false);
  assert.equal(await focused(), 'summary in #menu', 'after a menu choice');
  // Esc in the theme list inside the menu.
  await openMenu(page);
  await page.focus('#theme');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => document.querySelector('#menu').open), false);
  assert.equal(await focused(), 'summary in #menu', 'after Esc in the menu');
  // The keys dialog opened with ? from Play, and closed with Esc: back on Play. Tab stays inside it.
  await page.focus('#play');
  await page.keyboard.press('?');
  await page.waitForSelector('#keys-help');
  await page.waitForFunction(() => document.activeElement?.closest('#keys-help'));
  for (const key of ['Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('#keys-help')), `${key} stays in the dialog`);
  }
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#keys-help'));
  await page.waitForFunction(() => document.activeElement?.id === 'play');
  // The embed code's dialog, from the menu: Tab goes round its controls, and closing it gives the
  // focus back to the menu's button.
  await openMenu(page);
  await page.focus('#copy-embed');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('#embed-code'));
  const round = [];
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    round.push(await page.evaluate(() => (document.activeElement.closest('#embed-code') ? document.activeElement.tagName : 'outside')));
  }
  assert.deepEqual(round, ['INPUT', 'BUTTON', 'TEXTAREA', 'INPUT']);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#embed-code'));
  await page.waitForFunction(() => document.activeElement?.matches('#menu > summary'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('at 400 % zoom (320 x 180) the menu stays on the screen, in both languages', async () => {
  for (const lang of ['en', 'ru']) {
    const page = await openApp(browser, `${server.url}?lang=${lang}`, { viewport: { width: 320, height: 180 }, deviceScaleFactor: 4 });
    await openMenu(page);
    const out = await page.evaluate(() => [document.querySelector('.menu-panel'), ...document.querySelectorAll('.menu-panel *')]
      .filter((e) => { const b = e.getBoundingClientRect(); return b.width > 0 && (b.left < 0 || b.right > innerWidth); })
      .map((e) => `${e.tagName} ${e.textContent.trim().slice(0, 30)}`));
    assert.deepEqual(out, [], `${lang}: nothing of the menu off the screen`);
    await page.context().close();
  }
});

test("in a story the live region reads the step's position and caption, once per step, in the page's language", async () => {
  const page = await openApp(browser, server.url);
  // Everything the live region says, in order.
  await page.evaluate(() => {
    window.__said = [];
    new MutationObserver(() => window.__said.push(document.querySelector('#announcer').textContent))
      .observe(document.querySelector('#announcer'), { childList: true, characterData: true, subtree: true });
  });
  const caption = () => page.evaluate(() => document.querySelector('#story-caption .story-step-caption').textContent.replace(/^\d+ \/ \d+ · /, ''));
  await page.click('#story-start');
  await page.waitForFunction(() => document.querySelector('#announcer').textContent.startsWith('Step 1 / 9: '));
  assert.equal(await page.textContent('#announcer'), `Step 1 / 9: ${await caption()}`);
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('#announcer').textContent.startsWith('Step 2 / 9: '));
  // The step's transition moves the playhead past events: the caption holds.
  await page.waitForTimeout(1200);
  assert.equal(await page.textContent('#announcer'), `Step 2 / 9: ${await caption()}`);
  const said = await page.evaluate(() => window.__said.filter((t, i, all) => t && t !== all[i - 1]));
  assert.deepEqual(said.map((t) => t.slice(0, 11)), ['Step 1 / 9:', 'Step 2 / 9:']);
  await page.click('#lang-ru');
  await page.waitForFunction(() => document.querySelector('#announcer').textContent.startsWith('Шаг 2 / 9: '));
  // Left, the story's caption goes and the headline of what is shown is read again.
  await page.click('#story-exit');
  await page.waitForFunction(() => !document.querySelector('#announcer').textContent.startsWith('Шаг'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
