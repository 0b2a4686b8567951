// The test harness's own static server behaves like a static host (so that a link that works
// here works when deployed): folders without index.html are 404, never a listing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic } from './lib/static-server.mjs';
import { linkedCss } from './lib/size.mjs';

let dir;
let server;
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
  server = await serveStatic(dir, 0);
});
after(async () => {
  await server?.close();
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

test('size budget counts linked and @imported stylesheets', () => {
  const html = '<link rel="stylesheet" href="/css/a.css"><link href="https://cdn.example/x.css" rel="stylesheet">';
  const css = linkedCss(dir, server.url, '/', html);
  assert.deepEqual([...css.keys()].sort(), [`${server.url}/css/a.css`, `${server.url}/css/b.css`, 'https://cdn.example/x.css']);
  assert.equal(css.get('https://cdn.example/x.css').external, true);
});
