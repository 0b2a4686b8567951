// Page quality over every generated HTML page of each built site (both languages):
// WCAG 2.2 AA by axe-core, no request to another host, usable at 320 px, and the size budget
// (the page's HTML plus the CSS it links under 30 KiB before compression; the home page's
// inline map is held to its own budget of 12 KB gzipped instead, as issue #8 sets it; and
// HTML plus CSS gzipped within one round trip, 14,600 B, as issue #14 sets it).
// Nu Html Checker and the link checker run over the same sites in validators.test.mjs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { launch, watch } from './lib/browser.mjs';
import { env } from './lib/env.mjs';
import { htmlPages } from './lib/site.mjs';
import { formatViolations, runAxe } from './lib/axe.mjs';
import { MAP_GZIP_BUDGET, ROUND_TRIP_BUDGET, SIZE_BUDGET, gzipBytes, linkedCss, splitInlineMap } from './lib/size.mjs';

/** Loads a page at 1280 px, runs axe, then narrows it to 320 px and measures the overflow. */
async function checkInBrowser(ctx, url) {
  const page = await ctx.newPage();
  try {
    const seen = watch(page);
    const res = await page.goto(url, { waitUntil: 'load' });
    const status = res ? res.status() : 0;
    const violations = await runAxe(page);
    await page.setViewportSize({ width: 320, height: 800 });
    const overflow = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > w + 1 && getComputedStyle(el).position !== 'fixed')
        .slice(0, 3)
        .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
      return { scrollWidth: document.documentElement.scrollWidth, width: w, wide };
    });
    return { status, violations, overflow, seen };
  } finally {
    await page.close();
  }
}

const sites = env.qualitySites;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// A page whose HTML is the same as in an earlier site (apart from the site's own origin) gets
// the same results: it is checked once. The builds as of the open window and as of today
// differ only where the window shows (home, provinces, the form).
const checked = new Map(); // URL path -> normalised HTML already checked
const normalised = (site, file) => readFileSync(file, 'utf8').split(site.url).join('{{site}}');

for (const site of sites) {
  const all = htmlPages(site.dir);
  const pages = all.filter(({ file, path }) => checked.get(path) !== normalised(site, file));
  for (const { file, path } of pages) checked.set(path, normalised(site, file));
  const same = all.length - pages.length;
  describe(`pages of ${site.name} (${all.length} HTML files${same ? `, ${same} the same as already checked` : ''})`, () => {
    test(`${site.name}: the site has pages in both languages`, () => {
      assert.ok(all.some((p) => p.path === '/'), 'has /');
      assert.ok(all.some((p) => p.path.startsWith('/en/')), 'has /en/ pages');
    });

    // The search pages are checked here as they load (before anyone types, Pagefind is not
    // fetched); search.test.mjs checks them with results shown.
    test(`${site.name}: the search pages are among the pages checked`, () => {
      for (const path of ['/cari/', '/en/search/']) assert.ok(all.some((p) => p.path === path), `has ${path}`);
    });

    let ctx;
    before(async () => { ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } }); });
    after(async () => { await ctx?.close(); });

    // One load per page serves the three browser checks below. While a page is checked, the
    // next one is already loading (two pages at a time keep both cores busy).
    const loads = new Map();
    const loadPage = (i) => {
      if (i >= pages.length) return null;
      if (!loads.has(i)) {
        const p = checkInBrowser(ctx, site.url + pages[i].path);
        p.catch(() => {}); // awaited (and reported) by the page's own tests
        loads.set(i, p);
      }
      return loads.get(i);
    };

    pages.forEach(({ file, path }, i) => {
      const load = () => {
        const mine = loadPage(i);
        loadPage(i + 1);
        return mine;
      };

      test(`axe ${site.name} ${path}`, async () => {
        const { status, violations } = await load();
        assert.equal(status, 200, 'served');
        assert.equal(violations.length, 0, `axe violations on ${path}:\n${formatViolations(violations)}`);
      });

      test(`only local requests, no errors ${site.name} ${path}`, async () => {
        const { seen } = await load();
        assert.deepEqual(seen.external, [], `requests to other hosts from ${path}`);
        assert.deepEqual(seen.failed, [], `failed requests from ${path}`);
        assert.deepEqual(seen.errors, [], `console errors on ${path}`);
      });

      test(`fits 320 px ${site.name} ${path}`, async () => {
        const { overflow } = await load();
        assert.ok(overflow.scrollWidth <= overflow.width,
          `${path} scrolls sideways at 320 px (${overflow.scrollWidth} px wide); widest: ${overflow.wide.join(', ')}`);
      });

      test(`size ${site.name} ${path}`, () => {
        const html = readFileSync(file, 'utf8');
        const css = linkedCss(site.dir, site.url, path, html);
        const bad = [...css].filter(([, v]) => v.external || v.missing).map(([k, v]) => `${k} (${v.external ? 'external' : 'missing'})`);
        assert.deepEqual(bad, [], `stylesheets of ${path} that are not files of the site`);
        const [rest, map] = splitInlineMap(html);
        if (map) {
          const mapGzip = gzipSync(Buffer.from(map), { level: 9 }).length;
          assert.ok(mapGzip <= MAP_GZIP_BUDGET, `${path}: the inline map is ${mapGzip} B gzipped, over ${MAP_GZIP_BUDGET} B`);
        }
        const htmlBytes = Buffer.byteLength(rest);
        const cssBytes = [...css.values()].reduce((n, v) => n + v.bytes, 0);
        assert.ok(htmlBytes + cssBytes < SIZE_BUDGET,
          `${path}: ${htmlBytes} B HTML${map ? ' (without the inline map)' : ''} + ${cssBytes} B CSS = ${htmlBytes + cssBytes} B, over the ${SIZE_BUDGET} B budget`);
        // The whole page, inline map included, arrives in one round trip.
        const wire = gzipBytes(html) + [...css.values()].reduce((n, v) => n + v.gzip, 0);
        assert.ok(wire <= ROUND_TRIP_BUDGET, `${path}: ${wire} B gzipped with its CSS, over the ${ROUND_TRIP_BUDGET} B of one round trip`);
      });
    });
  });
}
