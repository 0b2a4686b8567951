// The test harness's own static server behaves like a static host (so that a link that works
// here works when deployed): folders without index.html are 404, never a listing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './lib/static-server.mjs';
import { linkedCss, wireBytes } from './lib/size.mjs';

let dir;
let server;
let withHeaders;
// Pagefind's bundle: [file under pagefind/, the Content-Type a static host sends].
const PAGEFIND_FILES = [
  ['pagefind.js', 'text/javascript; charset=utf-8'],
  ['pagefind-worker.js', 'text/javascript; charset=utf-8'],
  ['pagefind-entry.json', 'application/json'],
  ['pagefind.id_0123456789.pf_meta', 'application/octet-stream'],
  ['wasm.id.pagefind', 'application/octet-stream'],
  ['index/id_0123456.pf_index', 'application/octet-stream'],
  ['id_0123456.pf_filter', 'application/octet-stream'],
  ['id_0123456.pf_fragment', 'application/octet-stream'],
];
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winner-static-'));
  mkdirSync(join(dir, 'a'));
  mkdirSync(join(dir, 'empty'));
  mkdirSync(join(dir, 'css'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>root</title>');
  writeFileSync(join(dir, 'a', 'index.html'), '<!doctype html><title>a</title>');
  writeFileSync(join(dir, '404.html'), '<!doctype html><title>not found</title>');
  writeFileSync(join(dir, 'css', 'a.css'), '@import url("b.css");body{}');
  writeFileSync(join(dir, 'css', 'b.css'), 'p{}');
  mkdirSync(join(dir, 'pagefind', 'index'), { recursive: true });
  for (const f of PAGEFIND_FILES) writeFileSync(join(dir, 'pagefind', f[0]), 'x');
  writeFileSync(join(dir, 'm.wasm'), 'x');
  server = await serveStatic(dir, 0);
  withHeaders = await serveStatic(dir, 0, { headers: { 'content-security-policy': "script-src 'self'" } });
});
after(async () => {
  await server?.close();
  await withHeaders?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path) => fetch(server.url + path, { redirect: 'manual' });

test('static server: / and /a/ serve index.html', async () => {
  assert.equal((await get('/')).status, 200);
  const res = await get('/a/?x=1');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<title>a<\/title>/);
});

test('static server: /a redirects to /a/ keeping the query', async () => {
  const res = await get('/a?x=1');
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/a/?x=1');
});

test('static server: a folder without index.html and a missing file are 404 with 404.html', async () => {
  for (const p of ['/empty/', '/empty', '/nope.html', '/../etc/passwd']) {
    const res = await get(p);
    assert.equal(res.status, 404, p);
    assert.match(await res.text(), /not found/, p);
  }
});

test('static server: Pagefind\'s files with a static host\'s content types, as stored (no Content-Encoding)', async () => {
  for (const [file, type] of [...PAGEFIND_FILES.map(([f, t]) => [`pagefind/${f}`, t]), ['m.wasm', 'application/wasm']]) {
    const res = await get(`/${file}`);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-type'), type, file);
    assert.equal(res.headers.get('content-encoding'), null, file);
    assert.equal(await res.text(), 'x', file);
  }
});

test('static server: extra headers go on every answer, 404 included', async () => {
  for (const [path, status] of [['/', 200], ['/pagefind/wasm.id.pagefind', 200], ['/nope.html', 404]]) {
    const res = await fetch(withHeaders.url + path);
    assert.equal(res.status, status, path);
    assert.equal(res.headers.get('content-security-policy'), "script-src 'self'", path);
  }
  assert.equal((await get('/')).headers.get('content-security-policy'), null, 'none unless asked for');
});

test('size budget counts linked and @imported stylesheets', () => {
  const html = '<link rel="stylesheet" href="/css/a.css"><link href="https://cdn.example/x.css" rel="stylesheet">';
  const css = linkedCss(dir, server.url, '/', html);
  assert.deepEqual([...css.keys()].sort(), [`${server.url}/css/a.css`, `${server.url}/css/b.css`, 'https://cdn.example/x.css']);
  assert.equal(css.get('https://cdn.example/x.css').external, true);
});

test('wire bytes: scripts and JSON counted gzipped, Pagefind\'s binary files as stored', () => {
  const script = join(dir, 'css', 'repeated.js');
  const wasm = join(dir, 'css', 'wasm.xx.pagefind');
  writeFileSync(script, 'const a = 1;\n'.repeat(500));
  writeFileSync(wasm, Buffer.alloc(4000, 7));
  assert.ok(wireBytes(script) < 200, `${wireBytes(script)} B for 6,500 B of repeated script`);
  assert.equal(wireBytes(wasm), 4000);
});
