// The search page (/cari/, /en/search/) in Chromium, against the real Pagefind index of the
// built site served like the static host serves it: typing finds an issue by its title, the
// province and topic filters narrow the results, the state lives in the address, the English
// page searches the English index, a search without matches says so, without JavaScript the
// page offers the plain province and topic lists. Pagefind loads only once someone searches,
// within its own budget (lib/size.mjs), and when it cannot run the page says so and keeps
// the lists. Page quality at load (axe, vnu, 320 px, size) is checked with every other page
// by pages.test.mjs and validators.test.mjs; here axe and 320 px also see the results.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watch } from './lib/browser.mjs';
import { axeOnHtml, formatViolations, runAxe } from './lib/axe.mjs';
import { artifactDir, env, ROOT } from './lib/env.mjs';
import { loadCatalog } from './lib/site.mjs';
import { SEARCH_FIRST_QUERY_BUDGET, SIZE_BUDGET, wireBytes } from './lib/size.mjs';
import { contentType, serveStatic } from './lib/static-server.mjs';

const SEARCH_PATH = { id: '/cari/', en: '/en/search/' };

// One issue, as content/provinces/sulawesi-selatan/issues/kemiskinan-ekstrem{,.en}.md has it.
const ISSUE = {
  word: { id: 'ekstrem', en: 'extreme' },
  title: { id: 'Kemiskinan ekstrem', en: 'Extreme poverty' },
  path: { id: '/provinsi/sulawesi-selatan/kemiskinan-ekstrem/', en: '/en/provinces/sulawesi-selatan/kemiskinan-ekstrem/' },
};
// The filters, with their option labels (names on the Indonesian page) and slugs.
const PROVINCE = { name: 'Sulawesi Selatan', slug: 'sulawesi-selatan' };
const OTHER_PROVINCE = 'kalimantan-barat';
const TOPIC = { name: 'Perkawinan anak', slug: 'perkawinan-anak' };
const OTHER_TOPIC_ISSUE = '/provinsi/kalimantan-barat/kesehatan-ibu-dan-anak/';

let browser;
let shared;
let catalog;
before(async () => {
  browser = await launch();
  shared = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  catalog = loadCatalog(env.siteDir);
});
after(async () => { await browser?.close(); });

/**
 * A fresh page at 1280 px, with what goes wrong on it recorded (`seen`); `done` closes it.
 * Pages share one context (the site is served with no-store, so nothing comes from a cache)
 * unless `options` ask for a context of their own.
 */
async function open(options) {
  const ctx = options ? await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }) : shared;
  const page = await ctx.newPage();
  return { page, seen: watch(page), done: () => (options ? ctx.close() : page.close()) };
}

/** What the page shows once the search for the form's current state has answered. */
async function results(page) {
  await page.waitForSelector('#_results:not([aria-busy="true"])', { state: 'attached', timeout: 15_000 });
  return page.evaluate(() => ({
    status: document.getElementById('_status').textContent,
    urls: [...document.querySelectorAll('#_results a')].map((a) => a.getAttribute('href')),
    titles: [...document.querySelectorAll('#_results a')].map((a) => a.textContent),
    query: Object.fromEntries(new URLSearchParams(location.search)),
  }));
}

/** The URL paths of the built site's topic pages (/topik/<slug>/). */
const topicPaths = () => readdirSync(join(env.siteDir, 'topik'), { withFileTypes: true })
  .filter((e) => e.isDirectory()).map((e) => `/topik/${e.name}/`);

const countText = { id: (n) => `${n} hasil`, en: (n) => `${n} result${n === 1 ? '' : 's'}` };
const issueUrl = (provinceSlug, issueSlug) => `/provinsi/${provinceSlug}/${issueSlug}/`;

for (const site of env.qualitySites) {
  test(`(a) ${site.name}: typing a word of an issue's title on /cari/ lists the issue and counts the results`, async () => {
    const { page, seen, done } = await open();
    try {
      await page.goto(site.url + SEARCH_PATH.id);
      await page.locator('#_q').pressSequentially(ISSUE.word.id);
      const r = await results(page);
      assert.ok(r.urls.includes(ISSUE.path.id), `${ISSUE.path.id} among the results: ${r.urls.join(', ')}`);
      assert.equal(r.titles[r.urls.indexOf(ISSUE.path.id)], `${ISSUE.title.id} — ${PROVINCE.name}`, 'the link reads as the issue\'s title and its province');
      assert.ok(r.urls.length >= 1 && r.urls.length <= 20, `${r.urls.length} results listed`);
      assert.equal(r.status, countText.id(r.urls.length), 'the status counts the results listed');
      assert.deepEqual(r.query, { q: ISSUE.word.id }, 'the address keeps the query');
      assert.deepEqual(seen.external, [], 'no request off this machine');
      assert.deepEqual(seen.failed, [], 'no failed request');
      assert.deepEqual(seen.errors, [], 'no console error');
    } finally {
      await done();
    }
  });
}

test('(b) the province filter narrows the results to that province only', async () => {
  const { page, seen, done } = await open();
  try {
    await page.goto(env.siteUrl + SEARCH_PATH.id);
    await page.fill('#_q', 'stunting');
    let r = await results(page);
    const stunting = (slug) => issueUrl(slug, 'stunting');
    for (const slug of [PROVINCE.slug, OTHER_PROVINCE]) {
      assert.ok(r.urls.includes(stunting(slug)), `before filtering, ${stunting(slug)} is a result: ${r.urls.join(', ')}`);
    }

    await page.selectOption('#_province', { label: PROVINCE.name });
    r = await results(page);
    const prefix = `/provinsi/${PROVINCE.slug}/`;
    assert.deepEqual(r.urls.filter((u) => !u.startsWith(prefix)), [], `every result is under ${prefix}`);
    assert.ok(r.urls.includes(stunting(PROVINCE.slug)), `${stunting(PROVINCE.slug)} stays`);
    assert.ok(!r.urls.includes(stunting(OTHER_PROVINCE)), `${stunting(OTHER_PROVINCE)} is gone`);
    assert.equal(r.status, countText.id(r.urls.length));
    assert.deepEqual(r.query, { q: 'stunting', provinsi: PROVINCE.name });

    // Without a query the filter lists the province and each of its issues (catalog.json).
    await page.fill('#_q', '');
    r = await results(page);
    const province = catalog.provinces.find((p) => p.slug === PROVINCE.slug);
    const expected = [prefix, ...province.issues.map((i) => issueUrl(province.slug, i.slug))];
    assert.deepEqual([...r.urls].sort(), expected.sort(), 'the province page and its issues, nothing else');
    assert.equal(r.status, countText.id(expected.length));
    assert.deepEqual(r.query, { provinsi: PROVINCE.name });
    assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
  } finally {
    await done();
  }
});

test('(c) the topic filter narrows the results to that topic only', async () => {
  const { page, seen, done } = await open();
  try {
    await page.goto(env.siteUrl + SEARCH_PATH.id);
    await page.fill('#_q', 'anak');
    let r = await results(page);
    assert.ok(r.urls.includes(OTHER_TOPIC_ISSUE), `before filtering, ${OTHER_TOPIC_ISSUE} (another topic) is a result: ${r.urls.join(', ')}`);

    await page.selectOption('#_topic', { label: TOPIC.name });
    r = await results(page);
    // The topic's page and every issue of the topic (catalog.json): all have "anak" in their title.
    const expected = [
      `/topik/${TOPIC.slug}/`,
      ...catalog.provinces.flatMap((p) => p.issues.filter((i) => i.topic === TOPIC.slug).map((i) => issueUrl(p.slug, i.slug))),
    ];
    assert.ok(expected.length >= 3, `the content has issues of ${TOPIC.slug} in more than one province`);
    assert.deepEqual([...r.urls].sort(), expected.sort(), `the results are exactly the topic ${TOPIC.slug}`);
    assert.ok(!r.urls.includes(OTHER_TOPIC_ISSUE), `${OTHER_TOPIC_ISSUE} is gone`);
    assert.equal(r.status, countText.id(expected.length));
    assert.deepEqual(r.query, { q: 'anak', topik: TOPIC.name });
    assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
  } finally {
    await done();
  }
});

test('(d) /en/search/ finds the English title and links to the /en/ page', async () => {
  const { page, seen, done } = await open();
  try {
    await page.goto(env.siteUrl + SEARCH_PATH.en);
    await page.locator('#_q').pressSequentially(ISSUE.word.en);
    const r = await results(page);
    assert.ok(r.urls.includes(ISSUE.path.en), `${ISSUE.path.en} among the results: ${r.urls.join(', ')}`);
    assert.equal(r.titles[r.urls.indexOf(ISSUE.path.en)], `${ISSUE.title.en} — ${PROVINCE.name}`);
    assert.deepEqual(r.urls.filter((u) => !u.startsWith('/en/')), [], 'only English pages');
    assert.equal(r.status, countText.en(r.urls.length));
    // The English page's province filter takes the same names, its topics the English ones.
    await page.selectOption('#_topic', { label: 'Poverty reduction' });
    const narrowed = await results(page);
    assert.ok(narrowed.urls.includes(ISSUE.path.en), 'the issue is in the topic "Poverty reduction"');
    assert.deepEqual(narrowed.query, { q: ISSUE.word.en, topik: 'Poverty reduction' });
    assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
  } finally {
    await done();
  }
});

test('(e) /cari/?q=… restores the query and the filters and shows the results', async () => {
  const { page, seen, done } = await open();
  try {
    await page.goto(`${env.siteUrl}${SEARCH_PATH.id}?q=${ISSUE.word.id}`);
    let r = await results(page);
    assert.equal(await page.inputValue('#_q'), ISSUE.word.id, 'the query is back in the box');
    assert.ok(r.urls.includes(ISSUE.path.id), `${ISSUE.path.id} among the results: ${r.urls.join(', ')}`);
    assert.equal(r.status, countText.id(r.urls.length));

    const q = new URLSearchParams({ q: 'stunting', provinsi: PROVINCE.name, topik: 'Stunting, kesehatan ibu dan anak' });
    await page.goto(`${env.siteUrl}${SEARCH_PATH.id}?${q}`);
    r = await results(page);
    assert.equal(await page.inputValue('#_q'), 'stunting');
    assert.equal(await page.inputValue('#_province'), PROVINCE.name);
    assert.equal(await page.inputValue('#_topic'), 'Stunting, kesehatan ibu dan anak');
    assert.deepEqual(r.urls, [issueUrl(PROVINCE.slug, 'stunting')]);
    assert.equal(r.status, countText.id(1));

    // A filter that is no option is dropped, not searched for.
    await page.goto(`${env.siteUrl}${SEARCH_PATH.id}?q=stunting&provinsi=Atlantis`);
    r = await results(page);
    assert.equal(await page.inputValue('#_province'), '');
    assert.deepEqual(r.query, { q: 'stunting' });
    assert.ok(r.urls.includes(issueUrl(OTHER_PROVINCE, 'stunting')), 'all provinces searched');
    assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
  } finally {
    await done();
  }
});

test('(f) without JavaScript the page lists provinces and topics with working links and no search form', async () => {
  const { page, done } = await open({ javaScriptEnabled: false });
  try {
    const requested = [];
    page.on('request', (req) => requested.push(new URL(req.url()).pathname));
    const res = await page.goto(env.siteUrl + SEARCH_PATH.id);
    assert.equal(res.status(), 200);
    assert.equal(await page.locator('#_search').isVisible(), false, 'the search form is hidden');
    assert.equal(await page.locator('main input:visible, main select:visible, main button:visible').count(), 0, 'no visible control');

    const lists = await page.evaluate(() => [...document.querySelectorAll('.browse ul')].map((ul) =>
      [...ul.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), text: a.textContent }))));
    assert.equal(lists.length, 2, 'a list of provinces and a list of topics');
    const [provinces, topics] = lists;
    assert.deepEqual(provinces.map((l) => l.href), catalog.provinces.map((p) => `/provinsi/${p.slug}/`));
    assert.deepEqual(provinces.map((l) => l.text), catalog.provinces.map((p) => p.name));
    assert.deepEqual(topics.map((l) => l.href).sort(), topicPaths().sort(), 'every topic page of the site');
    for (const { href, text } of [...provinces, ...topics]) {
      const r = await page.request.get(env.siteUrl + href);
      assert.equal(r.status(), 200, `${href} is served`);
      const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(await r.text())?.[1];
      assert.equal(h1, text, `${href} is the page of ${text}`);
    }
    await page.getByRole('link', { name: PROVINCE.name, exact: true }).last().click();
    assert.equal(new URL(page.url()).pathname, `/provinsi/${PROVINCE.slug}/`, 'following a link opens the province');

    assert.deepEqual(requested.filter((p) => p.startsWith('/pagefind/')), [], 'nothing of Pagefind is fetched');
    const html = readFileSync(join(env.siteDir, 'cari', 'index.html'), 'utf8');
    const violations = await axeOnHtml(browser, html, env.siteUrl + SEARCH_PATH.id);
    assert.equal(violations.length, 0, `axe on /cari/ without JavaScript:\n${formatViolations(violations)}`);
  } finally {
    await done();
  }
});

test('(g) a query without matches says so in the status', async () => {
  const { page, seen, done } = await open();
  try {
    await page.goto(env.siteUrl + SEARCH_PATH.id);
    await page.fill('#_q', 'zxqvbnmoo');
    let r = await results(page);
    assert.equal(r.status, 'Tidak ada hasil. Coba kata lain, atau pilih semua provinsi dan semua topik.');
    assert.deepEqual(r.urls, []);
    assert.equal(await page.locator('#_results').isVisible(), false, 'no empty results list');

    // A province and a topic without an issue in common: no results either.
    await page.fill('#_q', '');
    await page.selectOption('#_province', { label: 'Banten' });
    await page.selectOption('#_topic', { label: TOPIC.name });
    r = await results(page);
    assert.match(r.status, /^Tidak ada hasil\./);
    assert.deepEqual(r.urls, []);

    // Emptying the form empties the status and the address.
    await page.selectOption('#_province', '');
    await page.selectOption('#_topic', '');
    r = await results(page);
    assert.equal(r.status, '');
    assert.equal(new URL(page.url()).search, '');
    assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
  } finally {
    await done();
  }
});

// What people type (issue 14): each query, on the page of its language, lists the right
// page first or among the first three. Abbreviations and everyday words come from
// content/search.yaml; the rest is the full text of the pages.
const TOP3 = [
  { lang: 'id', q: 'stunting', want: issueUrl(OTHER_PROVINCE, 'stunting') },
  { lang: 'id', q: 'kalbar', want: `/provinsi/${OTHER_PROVINCE}/` },
  { lang: 'id', q: 'nikah dini', want: issueUrl(OTHER_PROVINCE, 'perkawinan-anak'), or: [issueUrl(PROVINCE.slug, 'perkawinan-anak'), `/topik/${TOPIC.slug}/`] },
  { lang: 'id', q: 'USAID', want: '/berita/pengelolaan-bersama-jippnas/' },
  { lang: 'id', q: 'berpendidikan', want: issueUrl(OTHER_PROVINCE, 'akses-dan-kualitas-pendidikan'), or: [issueUrl(PROVINCE.slug, 'akses-dan-kualitas-pendidikan'), '/topik/pendidikan/'] },
  { lang: 'en', q: 'clean water', want: `/en/provinces/${OTHER_PROVINCE}/air-dan-sanitasi/` },
  { lang: 'en', q: 'child marriage', want: `/en/provinces/${OTHER_PROVINCE}/perkawinan-anak/`, or: [`/en/provinces/${PROVINCE.slug}/perkawinan-anak/`, `/en/topics/${TOPIC.slug}/`] },
];
// Words that occur in one body only (not in any title or summary): full text is indexed.
const BODY_ONLY = [
  { lang: 'id', q: 'padanan', want: issueUrl('sulawesi-selatan', 'universal-health-coverage'), what: 'an issue body' },
  { lang: 'en', q: 'definition', want: ISSUE.path.en, what: 'an issue body' },
  { lang: 'id', q: 'meluncurkan', want: '/berita/peluncuran-kompetisi-winner/', what: 'a news body' },
  { lang: 'en', q: 'represented', want: '/en/news/pengelolaan-bersama-jippnas/', what: 'a news body' },
];

describe('search finds what people type', () => {
  for (const { lang, q, want, or } of TOP3) {
    test(`"${q}" on ${SEARCH_PATH[lang]} lists ${want} in the first three`, async () => {
      const { page, seen, done } = await open();
      try {
        await page.goto(`${env.siteUrl}${SEARCH_PATH[lang]}?${new URLSearchParams({ q })}`);
        const r = await results(page);
        const top = r.urls.slice(0, 3);
        assert.ok([want, ...(or || [])].some((u) => top.includes(u)), `"${q}": first three ${top.join(', ')}; all ${r.urls.join(', ')}`);
        assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
      } finally {
        await done();
      }
    });
  }

  test('"stunting" finds the news about stunting too', async () => {
    const { page, done } = await open();
    try {
      await page.goto(`${env.siteUrl}${SEARCH_PATH.id}?q=stunting`);
      const r = await results(page);
      assert.ok(r.urls.some((u) => u.startsWith('/berita/') && u !== '/berita/'), `a news item among ${r.urls.join(', ')}`);
    } finally {
      await done();
    }
  });

  for (const { lang, q, want, what } of BODY_ONLY) {
    test(`a word only in ${what} (${lang}: "${q}") finds it`, async () => {
      const { page, done } = await open();
      try {
        await page.goto(`${env.siteUrl}${SEARCH_PATH[lang]}?${new URLSearchParams({ q })}`);
        const r = await results(page);
        assert.ok(r.urls.includes(want), `"${q}": ${r.urls.join(', ')}`);
      } finally {
        await done();
      }
    });
  }

  test('a typo ("stuntng") shows the results for "stunting" and says so', async () => {
    const { page, seen, done } = await open();
    try {
      await page.goto(env.siteUrl + SEARCH_PATH.id);
      await page.locator('#_q').pressSequentially('stuntng');
      let r = await results(page);
      assert.ok(r.urls.includes(issueUrl(OTHER_PROVINCE, 'stunting')), r.urls.join(', '));
      const offer = page.locator('#_suggest');
      assert.equal(await offer.textContent(), 'Menampilkan hasil untuk stunting.');
      await offer.getByRole('link', { name: 'stunting' }).click();
      r = await results(page);
      assert.equal(await page.inputValue('#_q'), 'stunting');
      assert.ok(r.urls.includes(issueUrl(OTHER_PROVINCE, 'stunting')), r.urls.join(', '));
      assert.equal(await offer.isVisible(), false, 'the note goes once the words are found as typed');
      assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
    } finally {
      await done();
    }
  });

  test('the search form is in place from the first paint: no layout shift (CLS 0)', async () => {
    const { page, done } = await open();
    try {
      await page.addInitScript(() => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto(env.siteUrl + SEARCH_PATH.id, { waitUntil: 'networkidle' });
      await page.waitForTimeout(300);
      assert.equal(await page.locator('#_search').isVisible(), true);
      assert.equal(await page.evaluate(() => window.__cls), 0, 'cumulative layout shift');
    } finally {
      await done();
    }
  });
});

describe('what the search costs a phone', () => {
  test('loading the page fetches nothing of Pagefind, and the page with its CSS and script is within the page budget', async () => {
    const { page, done } = await open();
    try {
      const fetched = [];
      page.on('response', (res) => fetched.push(new URL(res.url()).pathname));
      await page.goto(env.siteUrl + SEARCH_PATH.id, { waitUntil: 'networkidle' });
      assert.equal(await page.locator('#_search').isVisible(), true, 'the form is there to use');
      assert.deepEqual(fetched.filter((p) => p.startsWith('/pagefind/')), [], 'no Pagefind before someone searches');
      const files = fetched.map((p) => join(env.siteDir, p.endsWith('/') ? `${p}index.html` : p));
      const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
      assert.ok(fetched.some((p) => /^\/static\/search\.[0-9a-f]+\.js$/.test(p)), `the search script is loaded: ${fetched.join(', ')}`);
      assert.ok(bytes < SIZE_BUDGET, `${fetched.join(' + ')} = ${bytes} B, over ${SIZE_BUDGET} B`);
    } finally {
      await done();
    }
  });

  test(`a first search fetches at most ${SEARCH_FIRST_QUERY_BUDGET} B over the wire, with the content types of a static host`, async () => {
    const { page, seen, done } = await open();
    try {
      const fetched = [];
      page.on('response', (res) => {
        const path = new URL(res.url()).pathname;
        if (path.startsWith('/pagefind/')) fetched.push({ path, type: res.headers()['content-type'], encoding: res.headers()['content-encoding'] });
      });
      await page.goto(env.siteUrl + SEARCH_PATH.id);
      // A key every 400 ms, slower than search.js's debounce, as on a phone: each prefix is
      // searched in turn, the worst case for this budget (a CI run on 2 cores once typed that
      // slowly by accident and fetched 103,946 B, before search.js skipped one-letter terms).
      await page.locator('#_q').pressSequentially(ISSUE.word.id, { delay: 400 });
      const r = await results(page);
      assert.ok(r.urls.includes(ISSUE.path.id));
      const paths = fetched.map((f) => f.path);
      for (const need of ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.id.pagefind']) {
        assert.ok(paths.includes(need), `${need} fetched: ${paths.join(', ')}`);
      }
      assert.ok(paths.some((p) => p.endsWith('.pf_index')) && paths.some((p) => p.endsWith('.pf_fragment')), 'an index chunk and fragments');
      assert.ok(!paths.includes('/pagefind/wasm.en.pagefind'), 'not the English index\'s WebAssembly');
      for (const f of fetched) {
        assert.equal(f.type, contentType(f.path), `${f.path} content type`);
        assert.equal(f.encoding, undefined, `${f.path} is sent as it is stored`);
      }
      assert.equal(contentType('/pagefind/wasm.id.pagefind'), 'application/octet-stream');
      const wire = [...new Set(paths)].map((p) => [p, wireBytes(join(env.siteDir, p))]);
      const total = wire.reduce((n, [, b]) => n + b, 0);
      assert.ok(total <= SEARCH_FIRST_QUERY_BUDGET,
        `a first search fetches ${total} B, over ${SEARCH_FIRST_QUERY_BUDGET} B:\n${wire.map(([p, b]) => `  ${b} ${p}`).join('\n')}`);
      assert.deepEqual([...seen.external, ...seen.failed, ...seen.errors], []);
    } finally {
      await done();
    }
  });
});

test('with results shown: axe (WCAG 2.2 AA) finds nothing, and the page fits 320 px (screenshots at 1280 and 390 px)', async () => {
  const { page, done } = await open();
  try {
    await page.goto(env.siteUrl + SEARCH_PATH.id);
    await page.fill('#_q', 'pe');
    const r = await results(page);
    assert.equal(r.urls.length, 20, 'a full page of results');
    assert.match(r.status, /^\d+ hasil, 20 pertama ditampilkan$/);
    const violations = await runAxe(page);
    assert.equal(violations.length, 0, `axe with results:\n${formatViolations(violations)}`);
    // For a person to look at, beside screenshots.test.mjs's shots.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: join(artifactDir('screenshots'), `search-results-id-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 320, height: 800 });
    const { scrollWidth, width } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, width: document.documentElement.clientWidth }));
    assert.ok(scrollWidth <= width, `scrolls sideways at 320 px (${scrollWidth} px wide)`);
  } finally {
    await done();
  }
});

/** The Content-Security-Policy that deploy/template.yaml has CloudFront send, made local. */
function deployedCsp() {
  const yaml = readFileSync(join(ROOT, 'deploy', 'template.yaml'), 'utf8');
  const csp = /ContentSecurityPolicy: !Sub "([^"]+)"/.exec(yaml)?.[1];
  assert.ok(csp, 'deploy/template.yaml sets a ContentSecurityPolicy');
  return csp
    .replace(/\$\{[^}]+\}/g, 'example')
    // The test server is plain http on this machine; upgrading its requests to https would
    // only break them (and says nothing about search).
    .split(';').map((d) => d.trim()).filter((d) => d && d !== 'upgrade-insecure-requests').join('; ');
}

describe('under a Content-Security-Policy', () => {
  let strict;
  let deployed;
  before(async () => {
    strict = await serveStatic(env.siteDir, 0, { headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; img-src 'self' data:", 'x-content-type-options': 'nosniff' } });
    deployed = await serveStatic(env.siteDir, 0, { headers: { 'content-security-policy': deployedCsp(), 'x-content-type-options': 'nosniff' } });
  });
  after(async () => {
    await strict?.close();
    await deployed?.close();
  });

  test('when Pagefind cannot run (no \'wasm-unsafe-eval\'), the status says so, the form goes and the lists stay', async () => {
    const { page, done } = await open();
    try {
      await page.goto(strict.url + SEARCH_PATH.id);
      await page.locator('#_q').pressSequentially('stunting');
      await page.waitForSelector('#_search', { state: 'hidden', timeout: 15_000 });
      assert.equal(await page.textContent('#_status'), 'Pencarian tidak dapat dimuat. Gunakan daftar provinsi dan topik di bawah.');
      assert.equal(await page.evaluate(() => document.activeElement?.id), '_browse', 'focus moves to the lists');
      assert.equal(await page.locator('.browse a:visible').count(), 2 + catalog.provinces.length + topicPaths().length, 'the lists stay');
      assert.equal(await page.locator('#_results li').count(), 0);
    } finally {
      await done();
    }
  });

  test('search works under the policy deploy/template.yaml sends', async () => {
    const { page, done } = await open();
    try {
      await page.goto(deployed.url + SEARCH_PATH.id);
      await page.locator('#_q').pressSequentially(ISSUE.word.id);
      const r = await results(page);
      assert.ok(r.urls.includes(ISSUE.path.id), `${ISSUE.path.id} among the results; status: ${r.status}`);
    } finally {
      await done();
    }
  });
});
