// The public on a phone (issue #14), at 320 and 390 px: the header takes under a quarter of
// the screen, and while a window is open "Ajukan solusi" (the call to propose) is visible
// without scrolling on the home page, an open province's page and one of its issue pages,
// in both languages. Runs against the site built as of E2E_AS_OF (scripts/test.sh).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { env } from './lib/env.mjs';
import { loadCatalog, openTargets } from './lib/site.mjs';

const VIEWPORTS = [{ width: 320, height: 640 }, { width: 390, height: 844 }];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

describe('phone: header and the call to propose', () => {
  const catalog = loadCatalog(env.siteDir);
  const targets = openTargets(catalog, env.siteDir);

  test('a window is open on the build day (the call to propose must then show)', () => {
    assert.ok(targets.length > 0, 'no open (province, issue) in catalog.json');
  });

  const pagesOf = (lang) => {
    const t = targets[0];
    const prov = lang === 'id' ? `/provinsi/${t.province.slug}/` : `/en/provinces/${t.province.slug}/`;
    return [lang === 'id' ? '/' : '/en/', prov, `${prov}${t.issue.slug}/`];
  };

  for (const vp of VIEWPORTS) {
    for (const lang of ['id', 'en']) {
      test(`${vp.width}x${vp.height} (${lang}): header under 25 %, call to propose above the fold`, async () => {
        if (!targets.length) return;
        const ctx = await browser.newContext({ viewport: vp });
        try {
          const page = await ctx.newPage();
          for (const path of pagesOf(lang)) {
            const res = await page.goto(env.siteUrl + path);
            assert.equal(res?.status(), 200, `${path} served`);
            const m = await page.evaluate((form) => {
              const header = document.querySelector('header.site-header').getBoundingClientRect();
              const links = [...document.querySelectorAll(`a[href^="${form}"]`)]
                .map((a) => a.getBoundingClientRect())
                .filter((r) => r.width > 0 && r.height > 0);
              const nav = document.querySelectorAll('header nav a').length;
              return { header: header.height, nav, visible: links.filter((r) => r.top >= 0 && r.bottom <= innerHeight).length, vh: innerHeight };
            }, catalog.form_path[lang]);
            assert.ok(m.header < 0.25 * m.vh, `${path}: header ${m.header} px of ${m.vh} px`);
            assert.ok(m.nav <= 5, `${path}: ${m.nav} links in the header`);
            assert.ok(m.visible >= 1, `${path}: no link to the form visible without scrolling`);
          }
        } finally {
          await ctx.close();
        }
      });
    }
  }
});
