// Full-page screenshots at 390 px and 1280 px, written to tests/artifacts/screenshots/ for a
// person to look at (DESIGN: check the look by looking). The form with errors and the
// thank-you page are shot by form.test.mjs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch } from './lib/browser.mjs';
import { artifactDir, env } from './lib/env.mjs';
import { loadCatalog, openTargets } from './lib/site.mjs';

const WIDTHS = [390, 1280];
let browser;
let catalog;
before(async () => {
  browser = await launch();
  catalog = loadCatalog(env.siteDir);
});
after(async () => { await browser?.close(); });

function pagesToShoot() {
  const [t] = openTargets(catalog, env.siteDir);
  const p = t ? t.province : catalog.provinces[0];
  const i = t ? t.issue : p.issues[0];
  return [
    ['home-id', '/'],
    ['home-en', '/en/'],
    ['province-id', `/provinsi/${p.slug}/`],
    ['province-en', `/en/provinces/${p.slug}/`],
    ['issue-id', `/provinsi/${p.slug}/${i.slug}/`],
    ['issue-en', `/en/provinces/${p.slug}/${i.slug}/`],
    ['form-id', catalog.form_path.id],
  ];
}

test('screenshots of home, a province, an issue and the form at 390 px and 1280 px', async () => {
  const dir = artifactDir('screenshots');
  const failed = [];
  for (const width of WIDTHS) {
    const ctx = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    for (const [name, path] of pagesToShoot()) {
      const res = await page.goto(env.siteUrl + path);
      if (!res || res.status() !== 200) { failed.push(`${path} answered ${res && res.status()}`); continue; }
      await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
    }
    await ctx.close();
  }
  assert.deepEqual(failed, [], 'every page to shoot exists');
});
