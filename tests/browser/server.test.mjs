// The local server that `bash .ci/serve` runs and the browser tests load the product from: it serves
// files of its folder only, and an address it cannot read is answered, not fatal.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDir } from '../../.ci/static-server.mjs';

let dir;
let server;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'serve-'));
  mkdirSync(join(dir, 'site'));
  writeFileSync(join(dir, 'site', 'index.html'), '<!doctype html><title>index</title>');
  writeFileSync(join(dir, 'site', 'data.json'), '{}');
  // A sibling of the served folder, whose name begins alike.
  mkdirSync(join(dir, 'site-private'));
  writeFileSync(join(dir, 'site-private', 'secret.txt'), 'secret');
  server = await serveDir(join(dir, 'site'));
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** GETs `path` exactly as written (no normalisation by a URL parser); resolves to { status, type, body }. */
function get(path) {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    request({ hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => ok({ status: res.statusCode, type: res.headers['content-type'], body }));
    })
      .on('error', fail)
      .end();
  });
}

test('serves the page at its root, with or without a query, and each file with its type', async () => {
  for (const path of ['/', '//', '/index.html', '/?lang=ru#t', '/index.html?view=map']) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.match(res.body, /<title>index<\/title>/, path);
    assert.equal(res.type, 'text/html; charset=utf-8', path);
  }
  const json = await get('/data.json');
  assert.equal(json.status, 200);
  assert.equal(json.type, 'application/json');
  assert.equal((await get('/missing.json')).status, 404);
});

test('an address it cannot decode is answered 400, and the server goes on serving', async () => {
  for (const path of ['/%E0%A4%A', '/%', '/index.html%zz']) {
    const res = await get(path);
    assert.equal(res.status, 400, path);
    assert.equal(res.body, 'bad address', path);
  }
  assert.equal((await get('/')).status, 200);
});

test('nothing outside its folder is served', async () => {
  const ways = ['/../site-private/secret.txt', '/%2e%2e/site-private/secret.txt', '/..%2fsite-private%2fsecret.txt'];
  for (const path of ways) {
    const res = await get(path);
    // Refused (403), or read inside the folder, where there is no such file (404).
    assert.ok([403, 404].includes(res.status), `${path}: ${res.status}`);
    assert.doesNotMatch(res.body, /secret/, path);
  }
});
