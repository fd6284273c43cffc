#!/usr/bin/env node
// Packs Trunk's release output into ONE self-contained HTML file, dist/union-state.html, that opens by
// double-click (file://) with the network off, directly and inside a sandboxed iframe, in Chromium and
// Firefox; and makes the static site's page (dist/index.html) need two requests fewer. Trunk has no
// single-file output, so this takes dist/ apart and puts it back together:
//
//   - the stylesheet is inlined in a <style>, in the site's page and in the single file;
//   - the wasm-bindgen glue is inlined, with its `export`s turned into local bindings, inside the one
//     inline <script type="module"> that Trunk writes (its `import` of the glue is replaced by them), in
//     both; the two files are then removed from dist/. The site's page is marked as packed, and a later
//     run packs it again as it is;
//   - in the single file, the wasm is gzipped (zlib, level 9), embedded as base64, inflated in the page
//     with DecompressionStream('gzip') and handed to the glue's (async) init as a Response of type
//     application/wasm, instead of a path, so that it is compiled while it is being inflated;
//     the site's page keeps fetching it, preloaded;
//   - in the single file, the preload links go, and a Content-Security-Policy meta forbids every request
//     the page could make (no fetch, no fonts, no images but data:), so a regression shows as an error
//     instead of a request, and allows only the page's own inline script and style, by hash;
//   - the early start of a dataset's download (public/early-data.js) goes from the single file: it
//     fetches nothing.
// It also writes a Content-Security-Policy into dist/index.html, the static site: same-origin files,
// its inline module script, that early start and its style by their hashes, no other inline script or
// style, no eval beyond WebAssembly's.
//
// Usage: node .ci/single-file.mjs [DIST_DIR]   (default: dist/ beside .ci/). Node 20, built-ins only.
import { readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';

const OUT_NAME = 'union-state.html';

class PackError extends Error {}
const fail = (message) => {
  throw new PackError(message);
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const kib = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;
const gz = (buf) => gzipSync(buf, { level: constants.Z_BEST_COMPRESSION });

/** The one file in `files` that ends with `suffix`; fails unless there is exactly one. */
function exactlyOne(dist, files, suffix, what) {
  const found = files.filter((f) => f.endsWith(suffix));
  if (found.length !== 1) {
    fail(
      `expected exactly one ${what} (*${suffix}) in ${dist}, found ${found.length}` +
        (found.length ? `: ${found.join(', ')}` : '') +
        '. Run `trunk build --release` (into a clean dist/) first.',
    );
  }
  return found[0];
}

/**
 * Turns the wasm-bindgen glue (an ES module) into a script body with no imports or exports. Returns the
 * body and the exported names, as [exported, local] pairs, so that the caller can build the namespace.
 */
export function deModule(glue, glueName) {
  const exported = [];
  let js = glue;

  const staticImport = js.match(/^\s*import\s*(?:[\w$*{][^;]*?\bfrom\s*)?["'][^"']+["']/m);
  if (staticImport) {
    fail(`${glueName} imports another file (${staticImport[0].trim()}); inline JS snippets are not supported`);
  }
  if (/(^|[^\w$.])import\s*\(/.test(js)) fail(`${glueName} has a dynamic import(), which a single file cannot serve`);
  if (/^\s*export\s*\*/m.test(js)) fail(`${glueName} re-exports another module (export *)`);

  // The glue's fallback wasm location is a URL relative to the glue itself. The packed pages always pass
  // the wasm (its path, or a response made of its embedded bytes), so that path is dead: make it throw
  // rather than fetch.
  js = js.replace(
    /new\s+URL\(\s*(["'])[^"']*\1\s*,\s*import\.meta\.url\s*\)/g,
    () => '(() => { throw new Error("the glue is inline in this page: init() must be given the wasm"); })()',
  );
  if (/import\.meta/.test(js)) fail(`${glueName} still uses import.meta after packing; the packer needs updating`);

  // export [default] (async) function* / class NAME
  js = js.replace(
    /^export\s+(default\s+)?((?:async\s+)?function\s*\*?|class)\s+([A-Za-z_$][\w$]*)/gm,
    (_, dflt, kind, name) => {
      exported.push([dflt ? 'default' : name, name]);
      return `${kind} ${name}`;
    },
  );
  // export const / let / var NAME (one plain binding per statement)
  js = js.replace(/^export\s+(const|let|var)\s+([A-Za-z_$][\w$]*)(\s*[=;])/gm, (_, kind, name, rest) => {
    exported.push([name, name]);
    return `${kind} ${name}${rest}`;
  });
  // export { a, b as c };
  js = js.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const spec of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const m = spec.match(/^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/);
      if (!m) fail(`${glueName}: cannot read the export specifier '${spec}'`);
      exported.push([m[2] ?? m[1], m[1]]);
    }
    return '';
  });
  // export default EXPRESSION;
  js = js.replace(/^export\s+default\s+/gm, () => {
    exported.push(['default', '__glue_default']);
    return 'const __glue_default = ';
  });

  const leftover = js.match(/^\s*export\b.*$/m);
  if (leftover) fail(`${glueName}: an export the packer cannot turn into a local binding: ${leftover[0].trim()}`);
  if (!exported.some(([name]) => name === 'default')) fail(`${glueName} has no default export (the init function)`);
  return { js, exported };
}

/** Makes `js` safe to sit inside an HTML <script> element. */
function scriptSafe(js, what) {
  if (/<!--|<script/i.test(js)) fail(`${what} contains '<!--' or '<script', which would break the inline <script>`);
  // `<\/script` means the same in JS strings, template literals, comments and regular expressions.
  return js.replace(/<\/script/gi, '<\\/script');
}

/** Checks that the stylesheet needs no other file. */
function checkCss(css, cssName) {
  if (/<\/style/i.test(css)) fail(`${cssName} contains '</style', which would end the inline <style>`);
  if (/@import\b/i.test(css)) fail(`${cssName} uses @import; the single file cannot load another stylesheet`);
  for (const m of css.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    if (!/^(data:|#)/i.test(m[2])) fail(`${cssName} refers to another file: url(${m[2]})`);
  }
}

/** Every attribute of the page's own markup that would load something must be data: (or a fragment). */
function checkMarkup(html) {
  const problems = [];
  for (const tag of html.matchAll(/<(link|script|img|iframe|frame|source|video|audio|object|embed|track|image|use|input|base)\b[^>]*>/gi)) {
    for (const attr of tag[0].matchAll(/\s(src|href|srcset|data|poster|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const value = attr[2] ?? attr[3] ?? attr[4];
      if (!/^(data:|#)/i.test(value)) problems.push(`${tag[0]}`);
    }
  }
  if (problems.length) fail(`the packed page would still request other files:\n  ${problems.join('\n  ')}`);
}

/** The CSP source expression for an inline element's exact text. */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The single file: every request the page could make is refused; the one inline script and the one
// inline style are allowed by their hashes (so no other inline script, style or event handler runs), the
// wasm is compiled from bytes ('wasm-unsafe-eval', and no other eval), images may only be data: URLs.
const singleFileCsp = (scriptText, styleText) =>
  [
    "default-src 'none'",
    `script-src ${sha256(scriptText)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(styleText)}`,
    'img-src data: blob:',
    'font-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

// The static site: files from its own origin only; its inline module script (the glue and Trunk's
// loader), the early start of a dataset's download and its inline style allowed by their hashes; fetches
// (the wasm, a dataset named by the data parameter) from the same origin only.
const siteCsp = (scriptTexts, styleText) =>
  [
    "default-src 'self'",
    `script-src 'self' ${scriptTexts.map(sha256).join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${sha256(styleText)}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

const CSP_META = /\s*<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy[^>]*>/gi;
const addCsp = (html, policy) => {
  const out = html.replace(/<meta\s+charset\s*=\s*["']?utf-8["']?\s*\/?>/i, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (out === html) fail('index.html has no <meta charset="utf-8"> to put the Content-Security-Policy after');
  return out;
};

// The static site's page as the packer leaves it: its stylesheet and its module script (the glue and
// Trunk's loader) carry this attribute. A page that has them was packed by an earlier run, and is packed
// again as it is (the glue and stylesheet files it was made from are gone by then).
const PACKED = 'data-packed';

/**
 * Trunk's page with the stylesheet and the wasm-bindgen glue inlined, as the static site serves it: one
 * request fewer for each, before the program can start. The wasm stays a file of its own, preloaded.
 */
function inlineSite(dist, entries, html, wasmName) {
  const glueName = exactlyOne(dist, entries, '.js', 'wasm-bindgen glue');
  const cssName = exactlyOne(dist, entries, '.css', 'stylesheet');
  const glue = readFileSync(join(dist, glueName), 'utf8');
  const css = readFileSync(join(dist, cssName), 'utf8');

  // 1. The stylesheet link becomes a <style>.
  const sheets = html.match(/<link\b[^>]*\brel\s*=\s*["']?stylesheet\b[^>]*>/gi) ?? [];
  if (sheets.length !== 1 || !sheets[0].includes(cssName)) {
    fail(`expected index.html to link exactly one stylesheet, ${cssName}; found: ${sheets.join(' ') || 'none'}`);
  }
  checkCss(css, cssName);
  html = html.replace(sheets[0], () => `<style ${PACKED}>\n${css.trimEnd()}\n</style>`);

  // 2. The glue's preload goes: it is in the page.
  html = html.replace(/<link\b[^>]*\brel\s*=\s*["']?modulepreload\b[^>]*>/gi, '');

  // 3. Trunk's loader script: the import of the glue is replaced by the glue itself.
  const { loader } = pageScripts(html, (body) => fileRef(glueName).test(body), `importing ${glueName}`);
  let boot = loader[2];
  const importRe = new RegExp(
    `import\\s+([A-Za-z_$][\\w$]*)\\s*(?:,\\s*\\*\\s*as\\s+([A-Za-z_$][\\w$]*))?\\s*from\\s*${fileRef(glueName).source}\\s*;?`,
  );
  const imp = boot.match(importRe);
  if (!imp) fail(`Trunk's loader changed shape: no \`import init, * as bindings from '…/${glueName}'\` in it:\n${boot}`);
  boot = boot.replace(
    importRe,
    (_, init, ns) => `const ${init} = __glue.default;${ns ? ` const ${ns} = __glue;` : ''}`,
  );
  if (!fileRef(wasmName).test(boot)) fail(`Trunk's loader changed shape: it does not pass '…/${wasmName}' to init:\n${boot}`);
  if (/(^|[^\w$.])import\b/.test(boot)) fail(`Trunk's loader still imports something after packing:\n${boot}`);

  const { js, exported } = deModule(glue, glueName);
  const namespace = exported.map(([name, local]) => `${JSON.stringify(name)}: ${local}`).join(', ');
  const script = `<script type="module" ${PACKED}>
// Packed by .ci/single-file.mjs from the wasm-bindgen glue and Trunk's loader.
// The wasm-bindgen glue, as it was but for its exports, which are collected here instead.
const __glue = await (async () => {
${scriptSafe(js, glueName)}
return Object.freeze({ __proto__: null, ${namespace} });
})();
// Trunk's loader.
${scriptSafe(boot, 'Trunk\'s loader script')}
</script>`;
  html = html.replace(loader[0], () => script);
  for (const name of [glueName, cssName]) {
    if (html.includes(name)) fail(`the site's page still refers to ${name}`);
  }
  return { html, inlined: [glueName, cssName] };
}

/**
 * The page's inline scripts: the one module script `isLoader` picks (Trunk's loader, or the packed glue and
 * loader) and the classic script starting a dataset's download (public/early-data.js), and no other.
 */
function pageScripts(html, isLoader, what) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
  for (const m of scripts) {
    if (/\bsrc\s*=/i.test(m[1])) fail(`index.html loads a script from another file: <script${m[1]}>`);
  }
  const loader = scripts.filter((m) => isLoader(m[2], m[1]));
  if (loader.length !== 1 || !/type\s*=\s*["']?module/i.test(loader[0][1])) {
    fail(`expected exactly one inline <script type="module"> in index.html ${what}, found ${loader.length}`);
  }
  const early = scripts.filter((m) => m[2].includes('__unionStateData'));
  if (early.length !== 1 || /type\s*=/i.test(early[0][1])) {
    fail(`expected exactly one inline classic <script> in index.html starting the dataset download (public/early-data.js), found ${early.length}`);
  }
  const unknown = scripts.filter((m) => m !== loader[0] && m !== early[0]);
  if (unknown.length) fail(`index.html has an inline script the packer does not know: <script${unknown[0][1]}>`);
  return { loader: loader[0], early: early[0] };
}

/** A string literal naming one of dist/'s files, with whatever public-url prefix Trunk put before it. */
const fileRef = (name) => new RegExp(`["'][^"']*?${escapeRe(name)}["']`);

export function pack(dist) {
  let entries;
  try {
    entries = readdirSync(dist).filter((f) => statSync(join(dist, f)).isFile());
  } catch (e) {
    fail(`cannot read ${dist} (${e.code ?? e.message}). Run \`trunk build --release\` first.`);
  }
  if (!entries.includes('index.html')) fail(`${dist} has no index.html. Run \`trunk build --release\` first.`);
  const wasmName = exactlyOne(dist, entries, '.wasm', 'wasm module');
  const wasm = readFileSync(join(dist, wasmName));
  if (wasm.subarray(0, 4).toString('binary') !== '\0asm') fail(`${wasmName} is not a WebAssembly module`);

  // A policy from an earlier run is dropped; index.html itself must not carry one (this writes it).
  const page = readFileSync(join(dist, 'index.html'), 'utf8').replace(CSP_META, '');
  // The static site's page: Trunk's, with the stylesheet and the glue inlined (or so already).
  const marked = (attrs) => new RegExp(`\\s${PACKED}\\b`, 'i').test(attrs);
  const packed = [...page.matchAll(/<script\b([^>]*)>/gi)].some((m) => marked(m[1]));
  const { html: site, inlined } = packed ? { html: page, inlined: [] } : inlineSite(dist, entries, page, wasmName);
  const { loader, early } = pageScripts(site, (_, attrs) => marked(attrs), `marked ${PACKED}`);
  const styles = [...site.matchAll(/<style\b([^>]*)>([\s\S]*?)<\/style\s*>/gi)];
  if (styles.length !== 1 || !marked(styles[0][1])) fail(`expected exactly one <style ${PACKED}> in the site's page, found ${styles.length}`);
  const styleText = styles[0][2];

  // The single file, from the site's page:
  // 1. the preload links and the early start of a dataset's download go (the single file fetches
  //    nothing);
  let html = site.replace(/<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload|prefetch)\b[^>]*>/gi, '');
  html = html.replace(early[0], '');
  // 2. the wasm's path given to init becomes a response made of its bytes, embedded in the script.
  const wasmRe = new RegExp(fileRef(wasmName).source, 'g');
  let body = loader[2];
  if ((body.match(wasmRe) ?? []).length !== 1) fail(`the site's loader does not pass '…/${wasmName}' to init exactly once:\n${body.slice(-400)}`);
  const wasmGz = gz(wasm);
  body = body.replace(wasmRe, () => '__wasmResponse()');
  const script = `<script type="module">
// The wasm module: ${wasm.length} bytes, gzipped (level 9) to ${wasmGz.length} and base64-encoded.
const __wasmGz = "${wasmGz.toString('base64')}";
function __wasmResponse() {
  let gz;
  if (typeof Uint8Array.fromBase64 === 'function') {
    gz = Uint8Array.fromBase64(__wasmGz);
  } else {
    const bin = atob(__wasmGz);
    gz = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
  }
  const inflated = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  // The glue compiles a Response as it streams in: the compiling keeps pace with the inflating.
  return new Response(inflated, { headers: { 'Content-Type': 'application/wasm' } });
}${body}</script>`;
  html = html.replace(loader[0], () => '\u0000SCRIPT\u0000');
  const scriptText = script.slice(script.indexOf('>') + 1, script.lastIndexOf('</script>'));
  html = addCsp(html, singleFileCsp(scriptText, styleText));

  // Nothing may name dist/'s files any more, and no markup may load anything.
  if (html.includes(wasmName)) fail(`the packed page still refers to ${wasmName}`);
  checkMarkup(html);

  html = html.replace('\u0000SCRIPT\u0000', () => script);
  const out = join(dist, OUT_NAME);
  writeFileSync(out, html);
  // The static site gets its own policy, allowing its two inline scripts and its style by their hashes.
  writeFileSync(join(dist, 'index.html'), addCsp(site, siteCsp([early[2], loader[2]], styleText)));
  // The files inlined into the site's page are no longer part of it.
  for (const name of inlined) unlinkSync(join(dist, name));
  return { out, size: Buffer.byteLength(html), gzSize: gz(Buffer.from(html)).length, wasm: wasm.length, wasmGz: wasmGz.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = resolve(process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist'));
  try {
    const r = pack(dist);
    console.log(`single-file: wrote ${r.out}`);
    console.log(`single-file:   size ${kib(r.size)}, gzipped ${kib(r.gzSize)}`);
    console.log(`single-file:   wasm ${kib(r.wasm)}, gzipped ${kib(r.wasmGz)} (embedded as base64)`);
  } catch (e) {
    if (!(e instanceof PackError)) throw e;
    console.error(`single-file: error: ${e.message}`);
    process.exit(1);
  }
}
