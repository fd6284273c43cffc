// Memory over many view switches: a view that unmounts must give back all it took. WebAssembly memory
// never shrinks, so a leak shows as growth of memory.buffer.byteLength, in whole 64 KiB pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch } from './harness.mjs';

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

const VIEWS = [
  ['#tab-mapping', '#mapping-canvas'],
  ['#tab-membership', '#membership-canvas'],
  ['#tab-depth', '#depth-canvas'],
  ['#tab-timeline', '#timeline-canvas'],
];
/** Rounds through every view before measuring, so that caches and the allocator reach their size. */
const WARM_UP_ROUNDS = 5;
/** Rounds measured: 120 views mounted and unmounted. Each used to leave 6 to 16 KiB behind. */
const ROUNDS = 30;
const PAGE_KIB = 64;

test('switching views 120 times leaves no WebAssembly memory behind', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => {
      window.__wasmMemory = e.detail.wasm.memory;
    });
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__wasmMemory && document.querySelector('#timeline-canvas')?.width > 0);
  const cdp = await context.newCDPSession(page);
  // Memory after a full garbage collection, so that Rust closures owned by collected JS functions have
  // been freed, in KiB.
  const wasmKiB = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
    return page.evaluate(() => window.__wasmMemory.buffer.byteLength / 1024);
  };
  const round = async () => {
    for (const [tab, canvas] of VIEWS) {
      await page.click(tab);
      await page.waitForFunction((sel) => document.querySelector(sel)?.width > 0, canvas);
    }
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i++) await round();
  const before = await wasmKiB();
  for (let i = 0; i < ROUNDS; i++) await round();
  const after = await wasmKiB();
  assert.ok(
    after - before <= PAGE_KIB,
    `${ROUNDS * VIEWS.length} view switches grew WebAssembly memory from ${before} KiB to ${after} KiB`,
  );
  assert.deepEqual(errors, []);
  await context.close();
});
