// `generator serve` keeps search current (#20): an issue edited while serve runs is found by
// the search page, in Chromium against the index serve writes, within 2 s of the save, in
// both languages. The edit takes serve's incremental path (the page is re-rendered alone);
// the index is then written again in the background (generator/src/serve/search.rs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launch } from './lib/browser.mjs';
import { ROOT } from './lib/env.mjs';

const GENERATOR = process.env.E2E_GENERATOR || join(ROOT, 'target', 'debug', 'generator');
const ISSUE_FILE = 'provinces/sulawesi-selatan/issues/kemiskinan-ekstrem';
const ISSUE_PATH = {
  id: '/provinsi/sulawesi-selatan/kemiskinan-ekstrem/',
  en: '/en/provinces/sulawesi-selatan/kemiskinan-ekstrem/',
};
const SEARCH_PATH = { id: '/cari/', en: '/en/search/' };
// Words no content has, one per language, added to the issue's body by the edit.
const WORD = { id: 'zamrudkhatulistiwa', en: 'quetzalcoatlus' };
const PATIENCE_MS = 2000;

let browser;
let work;
let server;
const lines = [];

/** Starts `generator serve` on a copy of content/ and resolves with its address. */
function startServe(content) {
  const child = spawn(GENERATOR, ['serve', '--port', '0', '--content', content, '--theme', join(ROOT, 'themes', 'default')], {
    env: { ...process.env, WINNER_LANG: 'en', GENERATOR_LOG: 'generator=info,warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`generator serve did not start:\n${lines.join('\n')}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`generator serve exited (${code}):\n${lines.join('\n')}`)));
    createInterface({ input: child.stderr }).on('line', (line) => {
      lines.push(line);
      const m = /serving (http:\/\/[^/\s]+)\//.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'winner-serve-search-'));
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  server = await startServe(join(work, 'content'));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.child.kill('SIGTERM');
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The result links the search page lists for `word` in `lang`, in a fresh context (no cache). */
async function search(lang, word) {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    await page.goto(`${server.url}${SEARCH_PATH[lang]}?q=${word}`);
    await page.waitForSelector('#_results:not([aria-busy="true"])', { state: 'attached', timeout: 15_000 });
    return await page.evaluate(() => [...document.querySelectorAll('#_results a')].map((a) => a.getAttribute('href')));
  } finally {
    await ctx.close();
  }
}

/** The index's entry file as serve serves it now (it names every index chunk by its hash). */
async function entry() {
  const r = await fetch(`${server.url}/pagefind/pagefind-entry.json`, { cache: 'no-store' });
  assert.equal(r.status, 200, 'serve serves the search index');
  return r.text();
}

test('an issue edited while serve runs is searchable within 2 s, in both languages, through the incremental path', async () => {
  for (const lang of ['id', 'en']) {
    assert.deepEqual(await search(lang, WORD[lang]), [], `before the edit nothing has "${WORD[lang]}"`);
  }
  const before = await entry();
  const logged = lines.length;
  const saved = Date.now();
  appendFileSync(join(work, 'content', `${ISSUE_FILE}.md`), `\nKata uji: ${WORD.id}.\n`);
  appendFileSync(join(work, 'content', `${ISSUE_FILE}.en.md`), `\nTest word: ${WORD.en}.\n`);

  // When the served index changes, every search from then on sees the edit; polling the
  // entry file every 25 ms times that to within 25 ms (a browser search takes ~1 s here).
  let indexedAfter;
  while (indexedAfter === undefined) {
    if (await entry() !== before) indexedAfter = Date.now() - saved;
    else if (Date.now() - saved > 10_000) assert.fail(`the index did not change 10 s after the save:\n${lines.slice(logged).join('\n')}`);
    else await new Promise((r) => setTimeout(r, 25));
  }
  console.log(`the served index changed ${indexedAfter} ms after the save`);
  for (const lang of ['id', 'en']) {
    const urls = await search(lang, WORD[lang]);
    assert.ok(urls.includes(ISSUE_PATH[lang]), `${lang}: "${WORD[lang]}" finds ${ISSUE_PATH[lang]} once the index changed: ${urls.join(', ')}`);
  }
  const log = lines.slice(logged).join('\n');
  assert.match(log, /updated sulawesi-selatan\/kemiskinan-ekstrem/, `the edit took the incremental path:\n${log}`);
  assert.doesNotMatch(log, /full rebuild/, `no full rebuild wrote the index instead:\n${log}`);
  assert.match(log, /search index updated/, `the background index was written:\n${log}`);
  assert.ok(indexedAfter <= PATIENCE_MS, `searchable ${indexedAfter} ms after the save (at most ${PATIENCE_MS})`);
});
