// Nu Html Checker (npm vnu-jar, run with java) over every HTML file of each built site and
// over submit-fn's own HTML answers (the no-JS error pages), and lychee (internal links and
// #anchors, offline) over each site.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { env, ROOT } from './lib/env.mjs';
import { answers, loadCatalog, openTargets } from './lib/site.mjs';

const require = createRequire(import.meta.url);
const VNU_JAR = join(dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
const LYCHEE = process.env.LYCHEE || join(ROOT, '.local', 'tools', 'bin', 'lychee');
const sites = env.qualitySites;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, out: `${r.stdout}${r.stderr}`.trim() };
}

function escapeRegex(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** submit-fn's own HTML pages (an invalid plain form post's answer, the received page, the
 * lost-link page), per language, saved as files. */
async function submitFnPages() {
  const dir = mkdtempSync(join(tmpdir(), 'winner-fn-pages-'));
  const catalog = loadCatalog(env.siteDir);
  const [target] = openTargets(catalog, env.siteDir);
  for (const lang of ['id', 'en']) {
    const values = answers(catalog.form, `VNU-${lang}`);
    delete values[catalog.form.fields.find((f) => f.required && f.type === 'email').name];
    const body = new URLSearchParams({ lang, province: target.province.slug, issue: target.issue.slug, ...values });
    const res = await fetch(env.submitUrl, { method: 'POST', body, redirect: 'manual', headers: { accept: 'text/html' } });
    assert.equal(res.status, 422, `an invalid plain form post (${lang}) gets 422`);
    assert.match(res.headers.get('content-type') || '', /^text\/html/, 'as an HTML page');
    writeFileSync(join(dir, `submit-fn-422-${lang}.html`), await res.text());
    // The pages it renders itself for a GET: where a plain post lands once stored (#14), and
    // the private link's "lost your link?" page (#18).
    const origin = new URL(env.submitUrl).origin;
    const q = lang === 'en' ? '?lang=en' : '';
    for (const [name, path] of [['received', `/proposals/received/WNR-61-7K3Q9X${q}`], ['link-lost', `/proposals/link/${q}`]]) {
      const page = await fetch(origin + path, { redirect: 'manual' });
      assert.equal(page.status, 200, `GET ${path}`);
      writeFileSync(join(dir, `submit-fn-${name}-${lang}.html`), await page.text());
    }
  }
  return dir;
}

// One JVM start for everything: the sites and submit-fn's pages.
let vnu;
before(async () => {
  let fnDir = null;
  let fnError = null;
  try { fnDir = await submitFnPages(); } catch (e) { fnError = e; }
  const dirs = [...sites.map((s) => resolve(s.dir)), ...(fnDir ? [fnDir] : [])];
  const r = run('java', ['-jar', VNU_JAR, '--errors-only', '--skip-non-html', '--format', 'json', '--stdout', ...dirs]);
  let messages;
  try {
    messages = JSON.parse(r.stdout).messages;
  } catch {
    throw new Error(`Nu Html Checker did not answer in JSON (exit ${r.code}):\n${r.out}`);
  }
  vnu = { messages, fnDir, fnError };
});

function vnuErrors(dir) {
  const prefix = `file:${resolve(dir)}/`;
  return vnu.messages
    .filter((m) => m.url && m.url.startsWith(prefix))
    .map((m) => `${m.url.slice(prefix.length)}:${m.lastLine ?? '?'}.${m.firstColumn ?? '?'}: ${m.type}: ${m.message}` +
      (m.extract ? `\n      ${m.extract.replace(/\n/g, ' ').trim()}` : ''));
}

for (const site of sites) {
  test(`Nu Html Checker: no errors in ${site.name}`, () => {
    const errors = vnuErrors(site.dir);
    assert.equal(errors.length, 0, `Nu Html Checker found ${errors.length} error(s):\n${errors.join('\n')}`);
  });
}

test('Nu Html Checker: no errors in submit-fn\'s own HTML pages: 422, received, lost link (id, en)', () => {
  if (vnu.fnError) throw vnu.fnError;
  const files = readdirSync(vnu.fnDir).sort();
  assert.deepEqual(files, ['id', 'en'].flatMap((l) => [`submit-fn-422-${l}.html`, `submit-fn-link-lost-${l}.html`, `submit-fn-received-${l}.html`]).sort());
  const errors = vnuErrors(vnu.fnDir);
  assert.equal(errors.length, 0, `Nu Html Checker found ${errors.length} error(s):\n${errors.join('\n')}`);
});

test('Nu Html Checker: nothing outside the checked folders', () => {
  const roots = [...sites.map((s) => resolve(s.dir)), vnu.fnDir].filter(Boolean).map((d) => `file:${d}/`);
  const other = vnu.messages.filter((m) => !m.url || !roots.some((r) => m.url.startsWith(r)));
  assert.deepEqual(other, [], 'messages not tied to a checked file (e.g. a failure of the checker itself)');
});

for (const site of sites) {
  test(`lychee: internal links and #anchors resolve in ${site.name}`, () => {
    assert.ok(existsSync(LYCHEE), `lychee missing at ${LYCHEE}: run scripts/setup.sh`);
    const dir = resolve(site.dir);
    const args = [
      '--offline', '--no-progress', '--include-fragments', '--no-ignore', '--mode', 'plain',
      '--root-dir', dir, '--index-files', 'index.html',
      // Absolute links to the site itself (canonical, hreflang, feeds) are checked as files too.
      '--remap', `^${escapeRegex(site.url)}/(.*)$ file://${dir}/$1`,
      // The form posts to submit-fn, which is no file of the site.
      '--exclude', `^${escapeRegex(env.submitUrl)}`,
      dir,
    ];
    const { code, out } = run(LYCHEE, args);
    assert.equal(code, 0, `lychee (exit ${code}):\n${out}`);
  });
}
