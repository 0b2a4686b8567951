// Lighthouse (its default mobile preset: a Moto G-sized screen, simulated slow 4G and a 4x
// slower CPU) on home, a province, an issue, the form and the search page, in both languages
// (#14). Every run's report goes to tests/artifacts/lighthouse/ with a summary table
// (summary.md), as a benchmark would print its figures.
//
// What is asserted: accessibility, best practices and SEO at 100, and a cumulative layout
// shift of exactly 0. Performance is recorded, not asserted: its score comes from timings
// simulated from this machine's CPU, which the other suites share, so a threshold would fail
// on a busy machine for no fault of the page. The local static server sends no gzip (the CDN
// does), so the audits about compression and caching headers say nothing about production.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { launch } from './lib/browser.mjs';
import { artifactDir, env } from './lib/env.mjs';
import { loadCatalog, openTargets } from './lib/site.mjs';

const ASSERTED = ['accessibility', 'best-practices', 'seo'];
const CATEGORIES = ['performance', ...ASSERTED];

/** A free loopback port for chromium's DevTools endpoint, which Lighthouse connects to. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let browser;
let port;
before(async () => {
  port = await freePort();
  browser = await launch([`--remote-debugging-port=${port}`, '--remote-debugging-address=127.0.0.1']);
});
after(async () => { await browser?.close(); });

function pagesToAudit() {
  const catalog = loadCatalog(env.siteDir);
  const [t] = openTargets(catalog, env.siteDir);
  const p = t ? t.province : catalog.provinces[0];
  const i = t ? t.issue : p.issues[0];
  return [
    ['home', 'id', '/'],
    ['home', 'en', '/en/'],
    ['province', 'id', `/provinsi/${p.slug}/`],
    ['province', 'en', `/en/provinces/${p.slug}/`],
    ['issue', 'id', `/provinsi/${p.slug}/${i.slug}/`],
    ['issue', 'en', `/en/provinces/${p.slug}/${i.slug}/`],
    ['form', 'id', catalog.form_path.id],
    ['form', 'en', catalog.form_path.en],
    ['search', 'id', '/cari/'],
    ['search', 'en', '/en/search/'],
  ];
}

/** The audits of one category that did not score full marks, for the failure message. */
function shortfalls(lhr, category) {
  return lhr.categories[category].auditRefs
    .map((ref) => lhr.audits[ref.id])
    .filter((a) => a.score !== null && a.score < 1 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id} (${a.score})${a.displayValue ? `: ${a.displayValue}` : ''}`);
}

test('Lighthouse mobile: accessibility, best practices and SEO 100 and no layout shift on ten pages', async () => {
  const dir = artifactDir('lighthouse');
  const rows = [];
  const problems = [];
  let version = '';
  for (const [name, lang, path] of pagesToAudit()) {
    const url = `${env.siteUrl}${path}`;
    const result = await lighthouse(url, { port, output: 'html', logLevel: 'error', onlyCategories: CATEGORIES });
    assert.ok(result?.lhr, `Lighthouse returned no report for ${url}`);
    const { lhr } = result;
    version = lhr.lighthouseVersion;
    assert.equal(lhr.runtimeError, undefined, `Lighthouse could not load ${url}: ${lhr.runtimeError?.message}`);
    writeFileSync(join(dir, `${name}-${lang}.html`), result.report);
    const score = (c) => Math.round((lhr.categories[c].score ?? 0) * 100);
    const cls = lhr.audits['cumulative-layout-shift'].numericValue;
    const lcp = lhr.audits['largest-contentful-paint'].numericValue;
    rows.push(`| ${name} | ${lang} | ${path} | ${CATEGORIES.map(score).join(' | ')} | ${cls} | ${Math.round(lcp)} |`);
    for (const c of ASSERTED) {
      if (score(c) !== 100) problems.push(`${path}: ${c} ${score(c)}: ${shortfalls(lhr, c).join('; ')}`);
    }
    if (cls !== 0) problems.push(`${path}: cumulative layout shift ${cls}, expected 0`);
  }
  const summary = [
    `# Lighthouse ${version} (mobile preset) on ${env.siteUrl}`,
    '',
    `| page | lang | path | ${CATEGORIES.join(' | ')} | CLS | LCP ms (simulated) |`,
    `|---|---|---|${CATEGORIES.map(() => '---').join('|')}|---|---|`,
    ...rows,
    '',
  ].join('\n');
  writeFileSync(join(dir, 'summary.md'), summary);
  console.log(summary);
  assert.deepEqual(problems, [], `pages below the bar:\n${problems.join('\n')}`);
});
