// The static site runs under its strict Content Security Policy: no inline script but Trunk's loader
// (with the glue) and the early start of a dataset's download, no inline style but the stylesheet (each
// by its hash), no event handlers, no eval beyond WebAssembly's, same-origin requests only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openApp, DIST } from './harness.mjs';

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

test('the build ships a strict policy', () => {
  for (const file of ['index.html', 'union-state.html']) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    assert.ok(policy, `${file} has a policy`);
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/, `${file}: ${policy}`);
    assert.match(policy, /script-src [^;]*'sha256-[^']+'[^;]*'wasm-unsafe-eval'/);
    assert.match(policy, /object-src 'none'/);
  }
});

test('every view works with no policy violation', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const violations = [];
  await page.exposeFunction('__reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__reportViolation(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`),
    );
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#timeline-canvas')?.width > 0);
  await page.click('#play');
  await page.waitForTimeout(400);
  await page.click('#play');
  for (const [tab, canvas] of [['#tab-mapping', '#mapping-canvas'], ['#tab-membership', '#membership-canvas'], ['#tab-depth', '#depth-canvas']]) {
    await page.click(tab);
    await page.waitForFunction((sel) => document.querySelector(sel)?.width > 0, canvas);
    const box = await page.locator(canvas).boundingBox();
    // Sweep the pointer across the chart: tooltips, highlights and cards all render.
    for (let i = 1; i < 8; i++) await page.mouse.move(box.x + (box.width * i) / 8, box.y + (box.height * i) / 8);
    await page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.3);
  }
  await page.setInputFiles('#dataset-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{') });
  await page.waitForSelector('#notice.error');
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the site opens and plays with nothing in the console, not even a warning', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  const said = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && said.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => said.push(`page error: ${e.message}`));
  await page.goto(server.url);
  await page.waitForFunction(() => document.querySelector('#timeline-canvas')?.width > 0);
  await page.click('#play');
  await page.waitForTimeout(1500);
  await page.click('#play');
  assert.deepEqual(said, []);
  await page.close();
});
