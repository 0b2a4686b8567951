// The editing studio at /admin/ (docs/studio.md) in Chromium: Sveltia CMS, written by
// `generator studio` from the content model, on a temporary copy of content/.
//
// Sveltia's local mode reads and writes a clone through the File System Access API, whose
// folder picker no script can answer. The test therefore hands the CMS a real
// FileSystemDirectoryHandle of the browser's origin private file system (OPFS), filled with a
// copy of content/ and an empty .git folder, by replacing window.showDirectoryPicker before
// the page loads; everything after that (sign-in, forms, saving through the handle) is the
// CMS's own code. After saving, the test copies the OPFS tree back to a temporary folder on
// disk and checks it there: the project's layout, untouched files byte-identical,
// `generator check` passing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { launch, watch } from './lib/browser.mjs';
import { artifactDir, ROOT } from './lib/env.mjs';
import { serveStatic } from './lib/static-server.mjs';

const GENERATOR = process.env.E2E_GENERATOR || join(ROOT, 'target', 'debug', 'generator');
const THEME = join(ROOT, 'themes', 'default');
const AS_OF = process.env.E2E_AS_OF || '2023-06-01';
const ISSUE = 'content/provinces/kalimantan-barat/issues/stunting';
// The issue's public pages (DESIGN.md's URLs).
const ISSUE_PAGES = { id: 'provinsi/kalimantan-barat/stunting/index.html', en: 'en/provinces/kalimantan-barat/stunting/index.html' };

/** The Content-Security-Policy deploy/template.yaml has CloudFront send for /admin/, made local. */
function studioCsp() {
  const yaml = readFileSync(join(ROOT, 'deploy', 'template.yaml'), 'utf8');
  const csp = /StudioSecurityHeaders:[\s\S]*?ContentSecurityPolicy: "([^"]+)"/.exec(yaml)?.[1];
  assert.ok(csp, 'deploy/template.yaml sets the studio\'s ContentSecurityPolicy');
  // The test server is plain http on this machine: upgrading its requests would break them.
  return csp.split(';').map((d) => d.trim()).filter((d) => d && d !== 'upgrade-insecure-requests').join('; ');
}

function build(content, out) {
  execFileSync(GENERATOR, ['build', '--content', content, '--theme', THEME, '--out', out, '--as-of', AS_OF], { stdio: 'inherit' });
}

function walk(dir, base = dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, base, out);
    else out.push(relative(base, p));
  }
  return out;
}

let work, server, browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'winner-studio-'));
  cpSync(join(ROOT, 'content'), join(work, 'repo', 'content'), { recursive: true });
  // The site as published: `generator build`, then the studio written into its /admin/.
  build(join(work, 'repo', 'content'), join(work, 'site'));
  execFileSync(GENERATOR, ['studio', '--content', join(work, 'repo', 'content'), '--theme', THEME,
    '--packages', join(ROOT, 'studio', 'node_modules'), '--out', join(work, 'site', 'admin')], { stdio: 'inherit' });
  // Served with the headers CloudFront sends for /admin/ (deploy/template.yaml).
  server = await serveStatic(join(work, 'site'), 0, { headers: { 'content-security-policy': studioCsp(), 'x-content-type-options': 'nosniff' } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (work && !process.env.KEEP_WORK) rmSync(work, { recursive: true, force: true });
});

/** Copies the repo folder into OPFS `repo/` and makes showDirectoryPicker return it. */
async function openWithRepo(context) {
  const files = walk(join(work, 'repo')).map((path) => ({ path, text: readFileSync(join(work, 'repo', path), 'utf8') }));
  await context.addInitScript(() => {
    window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('repo');
  });
  const page = await context.newPage();
  const seen = watch(page);
  // Requests the page's Content-Security-Policy stopped in the browser (they never left it).
  seen.blocked = [];
  page.on('requestfailed', (req) => {
    if (['csp', 'net::ERR_BLOCKED_BY_CSP'].includes(req.failure()?.errorText)) seen.blocked.push(req.url());
  });
  await page.goto(`${server.url}/admin/`);
  await page.evaluate(async (files) => {
    const root = await navigator.storage.getDirectory();
    const repo = await root.getDirectoryHandle('repo', { create: true });
    await repo.getDirectoryHandle('.git', { create: true });
    for (const { path, text } of files) {
      const parts = path.split('/');
      let dir = repo;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const w = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(text);
      await w.close();
    }
  }, files);
  return { page, seen };
}

/** The OPFS repo folder as { path: text }. */
async function readRepo(page) {
  return page.evaluate(async () => {
    const out = {};
    async function walk(dir, prefix) {
      for await (const [name, h] of dir.entries()) {
        if (h.kind === 'directory') await walk(h, `${prefix}${name}/`);
        else out[`${prefix}${name}`] = await (await h.getFile()).text();
      }
    }
    await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle('repo'), '');
    return out;
  });
}

/** Files that differ between two readRepo() results: { changed, added, removed }, sorted. */
function difference(before, after) {
  const keys = (o) => Object.keys(o).sort();
  return {
    changed: keys(after).filter((k) => k in before && after[k] !== before[k]),
    added: keys(after).filter((k) => !(k in before)),
    removed: keys(before).filter((k) => !(k in after)),
  };
}

/** The front matter's body: Sveltia writes one blank line after the closing `---`, which
 * renders nothing; every other byte of the body must stay. */
const body = (text) => text.slice(text.indexOf('\n---\n', 4) + 5).replace(/^\n/, '');

/**
 * Writes the saved tree to disk as `work/<name>/`, runs `generator check` on it (it throws
 * when check fails) and builds it into `work/<name>-site/`, which it returns.
 */
function checkAndBuild(saved, name) {
  for (const [path, text] of Object.entries(saved)) {
    if (path.startsWith('.git')) continue;
    mkdirSync(dirname(join(work, name, path)), { recursive: true });
    writeFileSync(join(work, name, path), text);
  }
  execFileSync(GENERATOR, ['check', '--content', join(work, name, 'content'), '--theme', THEME], { stdio: 'inherit' });
  build(join(work, name, 'content'), join(work, `${name}-site`));
  return join(work, `${name}-site`);
}

/**
 * Under the studio's policy no request leaves this machine: the CMS's version check and
 * GitHub's status page (docs/studio.md) are refused by the browser, which says so on the
 * console; any other console error or failed local request fails the test.
 */
function assertStayedLocal(seen) {
  assert.deepEqual(seen.external.filter((u) => !seen.blocked.includes(u)), [], 'no request to another host');
  const refused = seen.errors.filter((e) => /^console: (Fetch API cannot load \S+ Refused to connect because it violates the document's Content Security Policy|Refused to|Loading the font '[^']+' violates|Connecting to '[^']+' violates)/.test(e));
  assert.deepEqual(seen.errors.filter((e) => !refused.includes(e)), []);
  assert.deepEqual(seen.failed, []);
}

/** A new browser context on the studio, signed in to the seeded local repository. */
async function signedIn(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const { page, seen } = await openWithRepo(context);
  const before = await readRepo(page);
  await page.getByRole('button', { name: /Local Repository|Repositori Lokal/i }).click();
  return { context, page, seen, before };
}

/**
 * Presses Save and returns the repository once the CMS has written it: it differs from
 * `before` and two reads 500 ms apart agree. (A fixed two-second wait once read the folder
 * before a save had finished on CI's busy two cores.)
 */
async function save(page, before) {
  await page.getByRole('button', { name: /^Save/ }).first().click();
  const changed = (repo) => Object.values(difference(before, repo)).some((list) => list.length > 0);
  const deadline = Date.now() + 30_000;
  let last = await readRepo(page);
  while (Date.now() < deadline) {
    await page.waitForTimeout(500);
    const now = await readRepo(page);
    if (changed(now) && JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  // Nothing written: say which fields the CMS holds invalid, so a failure names its cause.
  const invalid = await page.evaluate(() => [...document.querySelectorAll('[aria-invalid="true"]')]
    .map((el) => el.getAttribute('aria-label') || el.labels?.[0]?.textContent?.trim() || el.outerHTML.slice(0, 160)));
  await page.screenshot({ path: join(artifactDir('screenshots/studio'), 'save-refused.png'), fullPage: true });
  assert.fail(`the CMS wrote nothing within 30 s of Save; fields it holds invalid: ${JSON.stringify(invalid)}`);
}

/**
 * Types `text` into a field of the CMS and waits until the field holds it, typing again if an
 * editor that was still starting up dropped it (seen on two busy cores).
 */
async function typeInto(locator, text) {
  const want = text.split('\n').find((line) => line.trim()) ?? '';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await locator.fill(text);
    for (let i = 0; i < 10; i += 1) {
      const held = await locator.evaluate((el) => el.value ?? el.textContent ?? '');
      if (held.includes(want)) return;
      await locator.page().waitForTimeout(100);
    }
  }
  assert.fail(`the field never held ${JSON.stringify(want)}`);
}

test('studio edits an issue summary in both languages through the CMS, in our layout', async () => {
  const { context, page, seen, before } = await signedIn();
  const shots = artifactDir('screenshots/studio');
  await page.getByText('Isu: Kalimantan Barat').first().click();
  await page.getByText('Stunting', { exact: true }).first().click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: join(shots, 'editor-1280.png') });
  const summaries = page.getByRole('textbox', { name: /Ringkasan/ });
  await summaries.nth(0).fill('Ringkasan baru dari studio.');
  await page.getByText('English', { exact: true }).nth(1).click();
  await page.waitForTimeout(500);
  await summaries.nth(1).fill('New summary from the studio.');
  const afterSave = await save(page, before);
  await page.screenshot({ path: join(shots, 'saved-1280.png') });

  // Only the issue's two files changed; every other file is byte-identical.
  assert.deepEqual(difference(before, afterSave), { changed: [`${ISSUE}.en.md`, `${ISSUE}.md`], added: [], removed: [] });
  // The project's layout: the Indonesian file keeps the facts, the translation only its words.
  const id = afterSave[`${ISSUE}.md`];
  const en = afterSave[`${ISSUE}.en.md`];
  assert.match(id, /^summary: Ringkasan baru dari studio\.$/m);
  assert.match(id, /^topic: stunting-kesehatan-ibu-anak$/m);
  assert.match(en, /^summary: New summary from the studio\.$/m);
  assert.doesNotMatch(en, /^(topic|status|sources|validated_on):/m, 'facts stay in the Indonesian file');
  assert.equal(body(id), body(before[`${ISSUE}.md`]), 'the Indonesian body is untouched');
  assert.equal(body(en), body(before[`${ISSUE}.en.md`]), 'the English body is untouched');
  // `generator check` accepts the saved content; the rebuilt site shows the new summaries.
  const rebuilt = checkAndBuild(afterSave, 'saved-summary');
  assert.match(readFileSync(join(rebuilt, ISSUE_PAGES.id), 'utf8'), /Ringkasan baru dari studio\./);
  assert.match(readFileSync(join(rebuilt, ISSUE_PAGES.en), 'utf8'), /New summary from the studio\./);
  assert.doesNotMatch(readFileSync(join(work, 'site', ISSUE_PAGES.id), 'utf8'), /Ringkasan baru dari studio/, 'the first build had the old one');
  assertStayedLocal(seen);
  // On a 390 px phone: the collections and the same entry's editor, without sideways scrolling.
  const phone = await context.newPage();
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`${server.url}/admin/`);
  await phone.getByText('Isu: Kalimantan Barat').first().waitFor();
  await phone.screenshot({ path: join(shots, 'home-390.png') });
  await phone.getByText('Isu: Kalimantan Barat').first().click();
  await phone.getByText('Stunting', { exact: true }).first().click();
  await phone.getByRole('textbox', { name: /Ringkasan/ }).first().waitFor();
  assert.equal(await phone.getByRole('textbox', { name: /Ringkasan/ }).first().inputValue(), 'Ringkasan baru dari studio.');
  await phone.screenshot({ path: join(shots, 'editor-390.png') });
  assert.ok(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling at 390 px');
  await context.close();
});

test('studio adds a new issue with its English translation to a province', async () => {
  const { context, page, seen, before } = await signedIn();
  await page.getByText('Isu: Kalimantan Barat').first().click();
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  await typeInto(page.getByRole('textbox', { name: 'Judul' }).first(), 'Gizi buruk');
  // The topic, chosen again should a busy page drop the choice (the combobox shows it).
  const topic = page.getByRole('combobox', { name: 'Topik' });
  for (let attempt = 0; attempt < 5 && !(await topic.textContent()).includes('Stunting'); attempt += 1) {
    await topic.click();
    await page.getByRole('option', { name: 'Stunting, kesehatan ibu dan anak' }).click();
  }
  assert.match(await topic.textContent(), /Stunting, kesehatan ibu dan anak/);
  await page.getByRole('radio', { name: 'Belum divalidasi' }).check();
  await typeInto(page.getByRole('textbox', { name: 'Ringkasan' }).first(), 'Ringkasan isu gizi buruk dari studio.');
  await page.getByRole('button', { name: /Add.*Sumber/ }).click();
  const source = page.getByRole('group', { name: /Sumber/ }).first();
  await typeInto(source.getByRole('textbox', { name: 'Judul' }), 'Kompetisi WiNNER Tuju Kolaborasi Wirausaha Sosial dan Pemerintah Daerah');
  await typeInto(source.getByRole('textbox', { name: 'Alamat (URL)' }), 'https://menpan.go.id/site/berita-terkini/kompetisi-winner-tuju-kolaborasi-wirausaha-sosial-dan-pemerintah-daerah');
  await typeInto(page.getByRole('textbox', { name: 'Isi' }).first(), '## Yang belum kami temukan\n\nKami belum menemukan sumber publik tentang isu ini.\n');
  await page.getByRole('radio', { name: 'English' }).nth(1).click();
  await page.waitForTimeout(500);
  await typeInto(page.getByRole('textbox', { name: 'Judul' }).nth(2), 'Malnutrition');
  await typeInto(page.getByRole('textbox', { name: 'Ringkasan' }).nth(1), 'Summary of the malnutrition issue from the studio.');
  await typeInto(page.getByRole('textbox', { name: 'Isi' }).nth(1), '## What we have not found\n\nWe have not found a public source on this issue.\n');
  const afterSave = await save(page, before);
  await page.screenshot({ path: join(artifactDir('screenshots/studio'), 'new-issue-1280.png') });

  const dir = 'content/provinces/kalimantan-barat/issues';
  assert.deepEqual(difference(before, afterSave), { changed: [], added: [`${dir}/gizi-buruk.en.md`, `${dir}/gizi-buruk.md`], removed: [] });
  const id = afterSave[`${dir}/gizi-buruk.md`];
  const en = afterSave[`${dir}/gizi-buruk.en.md`];
  assert.match(id, /^topic: stunting-kesehatan-ibu-anak$/m);
  assert.match(id, /^status: pending$/m);
  assert.match(id, /^sources:\n {2}- title: /m);
  assert.match(en, /^title: Malnutrition$/m);
  assert.doesNotMatch(en, /^(topic|status|sources|validated_on):/m, 'facts stay in the Indonesian file');
  const rebuilt = checkAndBuild(afterSave, 'saved-new-issue');
  assert.match(readFileSync(join(rebuilt, 'provinsi/kalimantan-barat/gizi-buruk/index.html'), 'utf8'), /Ringkasan isu gizi buruk dari studio\./);
  assert.match(readFileSync(join(rebuilt, 'en/provinces/kalimantan-barat/gizi-buruk/index.html'), 'utf8'), /Summary of the malnutrition issue from the studio\./);
  assertStayedLocal(seen);
  await context.close();
});

test('studio adds a news item with its translation', async () => {
  const { context, page, seen, before } = await signedIn();
  await page.getByText('Berita', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Create New Entry' }).click();
  await typeInto(page.getByRole('textbox', { name: 'Judul berita' }).first(), 'Kabar dari studio');
  await typeInto(page.getByRole('textbox', { name: 'Ringkasan' }).first(), 'Ringkasan kabar dari studio.');
  await page.getByRole('button', { name: /Add.*Sumber/ }).click();
  const source = page.getByRole('group', { name: /Sumber/ }).first();
  await typeInto(source.getByRole('textbox', { name: 'Judul' }), 'Kompetisi WiNNER Tuju Kolaborasi Wirausaha Sosial dan Pemerintah Daerah');
  await typeInto(source.getByRole('textbox', { name: 'Alamat (URL)' }), 'https://menpan.go.id/site/berita-terkini/kompetisi-winner-tuju-kolaborasi-wirausaha-sosial-dan-pemerintah-daerah');
  await typeInto(page.getByRole('textbox', { name: 'Isi' }).first(), 'Isi kabar dari studio.\n');
  await page.getByRole('radio', { name: 'English' }).nth(1).click();
  await page.waitForTimeout(500);
  await typeInto(page.getByRole('textbox', { name: 'Judul berita' }).nth(1), 'News from the studio');
  await typeInto(page.getByRole('textbox', { name: 'Ringkasan' }).nth(1), 'Summary of the news from the studio.');
  await typeInto(page.getByRole('textbox', { name: 'Isi' }).nth(1), 'Body of the news from the studio.\n');
  const afterSave = await save(page, before);

  const diff = difference(before, afterSave);
  assert.deepEqual([diff.changed, diff.removed], [[], []]);
  assert.equal(diff.added.length, 2, diff.added.join(', '));
  // content/news/<yyyy>-<mm>-<dd>-kabar-dari-studio.md and its .en.md, as the other news.
  assert.match(diff.added[0], /^content\/news\/\d{4}-\d{2}-\d{2}-kabar-dari-studio\.en\.md$/);
  assert.equal(diff.added[1], diff.added[0].replace(/\.en\.md$/, '.md'));
  assert.doesNotMatch(afterSave[diff.added[0]], /^(sources|provinces):/m, 'facts stay in the Indonesian file');
  const rebuilt = checkAndBuild(afterSave, 'saved-news');
  assert.match(readFileSync(join(rebuilt, 'berita/kabar-dari-studio/index.html'), 'utf8'), /Isi kabar dari studio\./);
  assert.match(readFileSync(join(rebuilt, 'en/news/kabar-dari-studio/index.html'), 'utf8'), /Body of the news from the studio\./);
  assertStayedLocal(seen);
  await context.close();
});

test("studio changes a province's proposal window", async () => {
  const { context, page, seen, before } = await signedIn();
  await page.getByText('Provinsi: data').first().click();
  await page.getByText('Kalimantan Barat', { exact: true }).first().click();
  const window = page.getByRole('group', { name: /Masa pengajuan usulan/ }).first();
  await window.scrollIntoViewIfNeeded();
  await window.getByRole('textbox', { name: 'Ditutup' }).fill('2023-06-12');
  const afterSave = await save(page, before);

  const file = 'content/provinces/kalimantan-barat/province.yaml';
  assert.deepEqual(difference(before, afterSave), { changed: [file], added: [], removed: [] });
  assert.match(afterSave[file], /^proposals:\n {2}not_before: 2023-05-12\n {2}closes: 2023-06-12$/m);
  // Sveltia rewrites the YAML without its comments (docs/studio.md, "Known limits"), which is
  // why the reasoning behind the facts lives in `notes`: that survives the save, line for line.
  // When the header comment survives too, the CMS keeps comments, and the docs should say so.
  // (`|-`, as Sveltia writes a block of text, so that a save changes nothing in it.)
  const notes = (text) => text.slice(text.indexOf('\nnotes: |-\n'));
  assert.match(before[file], /\nnotes: \|-\n {2}\S/);
  assert.equal(notes(afterSave[file]), notes(before[file]), 'the editors\' notes are kept');
  assert.match(before[file], /^# /m);
  assert.doesNotMatch(afterSave[file], /^\s*# /m);
  const rebuilt = checkAndBuild(afterSave, 'saved-window');
  assert.match(readFileSync(join(rebuilt, 'provinsi/kalimantan-barat/index.html'), 'utf8'), /Sampai 12 Juni 2023/);
  assert.match(readFileSync(join(work, 'site', 'provinsi/kalimantan-barat/index.html'), 'utf8'), /Sampai 11 Juni 2023/);
  assertStayedLocal(seen);
  await context.close();
});

test('the studio is noindex and kept out of the sitemap', async () => {
  const page = await browser.newPage();
  const res = await page.goto(`${server.url}/admin/`);
  assert.equal(res.status(), 200);
  // Our wrapper page says so itself (Sveltia adds its own noindex once it runs).
  assert.match(await res.text(), /<meta name="robots" content="noindex, nofollow">/);
  // The CMS's own code is served from this site (copied from studio/node_modules), not a CDN.
  const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((e) => e.src));
  assert.ok(scripts.length >= 1);
  for (const src of scripts) assert.ok(src.startsWith(`${server.url}/admin/`), src);
  await page.close();
  // Our own wrapper page is valid HTML (Nu Html Checker, as every page of the site).
  const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
  const vnu = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', join(work, 'site', 'admin', 'index.html')], { encoding: 'utf8' });
  assert.deepEqual(JSON.parse(vnu.stdout).messages, []);
  const sitemap = readFileSync(join(work, 'site', 'sitemap.xml'), 'utf8');
  assert.match(sitemap, /\/provinsi\/kalimantan-barat\//, 'the sitemap lists the site');
  assert.doesNotMatch(sitemap, /admin/);
});
