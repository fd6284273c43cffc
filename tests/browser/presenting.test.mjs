// Presenting with the keys presenters' hands know (reveal.js's) and a clicker's Page Up / Page Down:
// every key does what the help overlay says.
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
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Close', 'focus moves into the dialog');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#keys-help', { state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('F and a clicker\'s F5 go fullscreen without reloading; Esc leaves', async () => {
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
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keys typed into a field keep their meaning', async () => {
  const page = await openApp(browser, server.url);
  await page.keyboard.press('Home');
  const first = await shown(page);
  await page.focus('#speed');
  await page.keyboard.press('n');
  await page.keyboard.press('b');
  assert.equal(await shown(page), first);
  assert.equal(await page.locator('#blank').count(), 0);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
