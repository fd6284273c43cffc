// A small static file server for dist/ on loopback: what `bash .ci/serve` runs, and what the browser
// tests load the product from. Node built-ins only.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves `dir` on `port` (0 = any free port) at 127.0.0.1; resolves to { url, close }. */
export async function serveDir(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    // The path as sent, without query or fragment. An address the server cannot read (a stray `%`, say)
    // is answered 400; it must not stop the server that the open page is still using.
    let path;
    try {
      path = normalize(decodeURIComponent(req.url.replace(/[?#].*$/s, ''))).replace(/^([/\\])+/, '');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad address');
      return;
    }
    const file = join(root, path === '' ? 'index.html' : path);
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      // Any origin may load the files: a sandboxed frame (sandbox="allow-scripts") has an opaque origin,
      // and its module script and wasm requests are cross-origin to this server.
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'access-control-allow-origin': '*',
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address();
  return { url: `http://127.0.0.1:${bound}/`, close: () => new Promise((r) => server.close(r)) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serveDir(dir, port);
  console.log(`Serving ${dir} at ${url} (Ctrl+C stops). The single file is ${url}union-state.html`);
}
