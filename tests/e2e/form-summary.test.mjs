// The form's own error summary with JavaScript (issue #14): sending the empty form lists every
// required field at once, each message naming its field, in both languages, and sends nothing.
// Needs only the built site (no submit-fn): nothing may be posted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { env } from './lib/env.mjs';
import { loadCatalog } from './lib/site.mjs';
import { FORM, submitButton } from './lib/form.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const lang of ['id', 'en']) {
  test(`empty form with JS: the site's summary lists every required field at once, named (${lang})`, async () => {
    const catalog = loadCatalog(env.siteDir);
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const page = await ctx.newPage();
      const posts = [];
      page.on('request', (r) => { if (r.method() === 'POST') posts.push(r.url()); });
      await page.goto(env.siteUrl + catalog.form_path[lang]);
      await submitButton(page).click();
      const summary = page.locator('#_errors');
      await summary.waitFor({ state: 'visible', timeout: 5_000 });
      const items = await summary.locator('li').allTextContents();
      const required = await page.locator(`${FORM} [required]`).evaluateAll((els) => els.map((el) => {
        const label = document.querySelector(`label[for="${el.id}"]`);
        const star = label.querySelector('.req');
        return label.textContent.replace(star ? star.textContent : '', '').trim();
      }));
      assert.ok(required.length >= 3, 'the form has required fields');
      assert.equal(items.length, required.length, `one message per required field:\n${items.join('\n')}`);
      required.forEach((label, i) => assert.ok(items[i].startsWith(`${label}: `), `"${items[i]}" names ${label}`));
      assert.equal(await page.evaluate(() => document.activeElement?.id), '_errors', 'the summary takes focus');
      assert.deepEqual(posts, [], 'nothing sent');
    } finally {
      await ctx.close();
    }
  });
}
