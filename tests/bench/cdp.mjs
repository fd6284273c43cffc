// A bare Chrome DevTools Protocol connection to Chromium, for timing cold loads (cold.mjs's timeCold).
//
// Playwright enables the DevTools network domain for every page it drives, with the default buffers,
// so that it can hand out response bodies: the browser then keeps a copy of every response and decodes
// each text one as it arrives, on the page's main thread, for the developer tools to show. For a JSON
// dataset of 4.9 MB that is about 30 ms in the middle of the load being timed, work no reader's browser
// does. Here the network domain is enabled with no buffers (requests are still reported, bodies are not
// kept), and nothing else runs in the page but the benchmark's own small script.
//
// Chromium is started exactly as tests/browser/harness.mjs's launch() starts it through Playwright
// (the same program and command line, which Playwright extends with its own switches, read from a
// browser Playwright starts and closes at once), with a profile of its own, and spoken to over
// --remote-debugging-pipe (file descriptors 3 and 4, one JSON message per NUL-terminated line).
// Node 20.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchServer } from '../browser/harness.mjs';

/** The command line Playwright starts Chromium with, but for its profile directory. */
async function playwrightCommandLine() {
  const server = await launchServer();
  try {
    const [file, ...args] = server.process().spawnargs;
    if (!args.includes('--remote-debugging-pipe')) throw new Error(`Playwright no longer drives Chromium over a pipe: ${args.join(' ')}`);
    return { file, args: args.filter((a) => !a.startsWith('--user-data-dir=')) };
  } finally {
    await server.close();
  }
}

/**
 * Starts headless Chromium. Resolves to { send(method, params, sessionId), on(listener) -> off,
 * close() }, where a listener gets every event message ({ method, params, sessionId }).
 */
export async function launchBare() {
  const { file: executable, args } = await playwrightCommandLine();
  const profile = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  const proc = spawn(executable, [...args, `--user-data-dir=${profile}`], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
  });
  proc.on('exit', () => rmSync(profile, { recursive: true, force: true }));
  const [, , stderr, toBrowser, fromBrowser] = proc.stdio;
  let log = '';
  stderr.setEncoding('utf8');
  stderr.on('data', (s) => {
    log = (log + s).slice(-2000);
  });
  let nextId = 0;
  let closed = null;
  const pending = new Map();
  const listeners = new Set();
  const fail = (why) => {
    closed ??= why;
    for (const p of pending.values()) p.reject(new Error(`${p.method}: ${why}`));
    pending.clear();
  };
  proc.on('exit', (code, signal) => fail(`Chromium exited (${signal ?? code}); its last words: ${log.trim().slice(-500)}`));
  proc.on('error', (e) => fail(`cannot start ${executable}: ${e.message}`));
  let buffer = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id === undefined) {
        for (const listener of listeners) listener(message);
        continue;
      }
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (!p) continue;
      if (message.error) p.reject(new Error(`${p.method}: ${message.error.message}`));
      else p.resolve(message.result);
    }
  });
  const send = (method, params = {}, sessionId = undefined) =>
    new Promise((resolve, reject) => {
      if (closed) return reject(new Error(`${method}: ${closed}`));
      const id = ++nextId;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const browser = {
    send,
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      await send('Browser.close').catch(() => proc.kill());
      await exited;
    },
  };
  // The browser answers once it is up.
  await send('Browser.getVersion');
  return browser;
}
