// The proposal form end to end: a real browser on the built site, the real submit-fn, and
// the table in the local DynamoDB API (moto) read back directly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, watch } from './lib/browser.mjs';
import { artifactDir, env } from './lib/env.mjs';
import { proposals, valuesOf } from './lib/ddb.mjs';
import { answers, loadCatalog, openTargets } from './lib/site.mjs';
import {
  FORM, fillForm, formUrl, openForm, recordSubmitResponses, submitButton, waitThankYou,
} from './lib/form.mjs';
import { axeOnHtml, formatViolations, runAxe } from './lib/axe.mjs';

const LANGS = ['id', 'en'];
const SHOT_WIDTHS = [390, 1280];

let browser;
let catalog;
let target;
const shots = artifactDir('screenshots');
const pages = artifactDir('pages');
const run = Date.now().toString(36).toUpperCase();

before(async () => {
  catalog = loadCatalog(env.siteDir);
  const open = openTargets(catalog, env.siteDir);
  assert.ok(open.length > 0, 'the catalog of the site built --as-of has an open issue');
  target = open[0];
  browser = await launch();
});
after(async () => { await browser?.close(); });

/** The stored proposals whose organisation carries `tag`. */
async function storedWith(tag) {
  return (await proposals()).filter((it) => valuesOf(it, 'organisation').some((v) => String(v).includes(`(${tag})`)));
}

/**
 * Asserts the item holds exactly what was typed. Line breaks typed as LF must come back as LF,
 * also from a plain form post (browsers send a textarea's line breaks as CR LF).
 * A ticked checkbox may be stored as "yes", true, or a record with `given: true` (consent).
 */
function assertStoredExactly(item, values) {
  const checkboxes = new Set(catalog.form.fields.filter((f) => f.type === 'checkbox').map((f) => f.name));
  for (const [name, typed] of Object.entries(values)) {
    const stored = valuesOf(item, name);
    assert.ok(stored.length >= 1, `field ${name} is stored (item: ${JSON.stringify(item)})`);
    const got = stored[0];
    if (checkboxes.has(name)) {
      const ticked = got === true || got === 'yes' || (got && typeof got === 'object' && got.given === true);
      assert.ok(ticked, `checkbox ${name} is stored as ticked: ${JSON.stringify(got)}`);
      continue;
    }
    assert.equal(String(got), typed, `field ${name} is stored exactly as typed`);
  }
}

async function screenshot(page, name) {
  const size = page.viewportSize();
  for (const width of SHOT_WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(size);
}

for (const lang of LANGS) {
  describe(`form (${lang})`, () => {
    test(`submit with JS stores exactly what was typed and shows the reference (${lang})`, async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const seen = watch(page);
      const tag = `${run}-JS-${lang}`;
      const values = answers(catalog.form, tag);
      await openForm(page, catalog, lang, target);
      await fillForm(page, catalog, target, values);
      await submitButton(page).click();
      const ref = await waitThankYou(page, catalog, lang);
      assert.match(ref, new RegExp(`^WNR-${target.province.code}-[0-9A-HJKMNP-TV-Z]{6}$`), 'reference format');
      await page.locator('body').getByText(ref).first().waitFor({ timeout: 5_000 })
        .catch(() => assert.fail(`the thank-you page does not show the reference ${ref}`));
      const items = await storedWith(tag);
      assert.equal(items.length, 1, 'one proposal stored');
      assert.ok(JSON.stringify(items[0]).includes(ref), `the stored item carries the reference ${ref}`);
      assertStoredExactly(items[0], values);
      assert.deepEqual(valuesOf(items[0], 'province').slice(0, 1), [target.province.slug]);
      assert.deepEqual(valuesOf(items[0], 'issue').slice(0, 1), [target.issue.slug]);
      await screenshot(page, `thank-you-${lang}`);
      assert.deepEqual(seen.external, [], 'no request left this machine');
      assert.deepEqual(seen.errors, [], 'no console errors');
      await ctx.close();
    });

    test(`submit without JS: plain POST, 303, a page that shows the reference (${lang})`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      const responses = recordSubmitResponses(page);
      const tag = `${run}-NOJS-${lang}`;
      const values = answers(catalog.form, tag);
      await page.goto(formUrl(catalog, lang, target));
      await fillForm(page, catalog, target, values);
      await submitButton(page).click();
      const ref = await waitThankYou(page, catalog, lang);
      assert.equal(responses.length, 1, 'one POST');
      assert.equal(responses[0].status, 303, 'the function answers a plain form post with 303 See Other');
      assert.equal(responses[0].location, `/proposals/received/${ref}${lang === 'en' ? '?lang=en' : ''}`,
        'the 303 goes to the function\'s page for this reference, in the language of the form');
      // The reference is in the page itself (#14), with the thank-you page's own words, and on a
      // phone it stays on one line (it once wrapped at its hyphen).
      const words = catalog.email.strings;
      assert.equal(await page.locator('h1').textContent(), words['sent.title'][lang]);
      const main = await page.locator('main').textContent();
      assert.ok(main.includes(words['sent.lead'][lang]), 'the thank-you lead');
      assert.ok(main.includes(words['sent.receipt'][lang]), 'with email on, that a receipt is on its way');
      await page.setViewportSize({ width: 320, height: 640 });
      const layout = await page.locator('#reference').evaluate((el) => ({
        lines: Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
        sideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
      }));
      assert.deepEqual(layout, { lines: 1, sideways: false }, 'one line at 320 px, no sideways scrolling');
      await screenshot(page, `received-nojs-${lang}-320`);
      const axe = await axeOnHtml(browser, await page.content(), page.url());
      assert.equal(axe.length, 0, `axe on the received page:\n${formatViolations(axe)}`);
      const items = await storedWith(tag);
      assert.equal(items.length, 1, 'one proposal stored');
      assert.ok(JSON.stringify(items[0]).includes(ref), `the stored item carries the reference ${ref}`);
      assertStoredExactly(items[0], values);
      await ctx.close();
    });

    test(`a bad field shows its error beside the field and in the summary, stores nothing (${lang})`, async () => {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      const tag = `${run}-BAD-${lang}`;
      const values = answers(catalog.form, tag);
      // Too many words: only the form's rules (max_words) know this, not the browser.
      const field = catalog.form.fields.find((f) => f.max_words);
      assert.ok(field, 'the form has a field with max_words');
      values[field.name] = Array.from({ length: field.max_words + 30 }, (_, i) => `kata${i % 10}`).join(' ')
        .slice(0, field.max_length ?? Infinity);
      await openForm(page, catalog, lang, target);
      await fillForm(page, catalog, target, values);
      await submitButton(page).click();
      // Focus moves to the error summary, which links to the field.
      const fieldId = await page.locator(`${FORM} [name="${field.name}"]`).getAttribute('id');
      assert.ok(fieldId, `the ${field.name} field has an id for the summary to link to`);
      await page.waitForFunction((id) => {
        const a = document.activeElement;
        return a && a !== document.body && a.querySelector(`a[href="#${CSS.escape(id)}"]`);
      }, fieldId, { timeout: 10_000 }).catch(() => assert.fail('focus does not move to an error summary linking to the field'));
      const summaryText = (await page.evaluate((id) => document.activeElement
        .querySelector(`a[href="#${CSS.escape(id)}"]`).textContent, fieldId)).trim();
      // The summary names the field, then the problem (GOV.UK's error summary): "Label: problem".
      const label = field.label[lang];
      assert.ok(summaryText.startsWith(`${label}: `) && summaryText.length > label.length + 2,
        `the summary names the field "${label}" and the problem: "${summaryText}"`);
      const problem = summaryText.slice(label.length + 2);
      // Beside the field: an error message tied to it by aria-describedby.
      const described = await page.evaluate((id) => {
        const el = document.getElementById(id);
        return (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
          .map((d) => document.getElementById(d)).filter(Boolean)
          .map((d) => ({ text: d.textContent.trim(), visible: !!(d.offsetWidth || d.offsetHeight) }));
      }, fieldId);
      assert.ok(described.some((d) => d.visible && d.text.includes(problem)),
        `an error message "${summaryText}" is beside the field (aria-describedby): ${JSON.stringify(described)}`);
      const invalid = await page.locator(`#${fieldId}`).getAttribute('aria-invalid');
      assert.equal(invalid, 'true', 'the field is marked aria-invalid');
      assert.equal((await storedWith(tag)).length, 0, 'nothing stored');
      const axe = await runAxe(page);
      assert.equal(axe.length, 0, `the form with errors has axe violations:\n${formatViolations(axe)}`);
      await screenshot(page, `form-errors-${lang}`);
      await ctx.close();
    });

    test(`without JS a bad field gets an accessible 422 page and stores nothing (${lang})`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      const tag = `${run}-BADNOJS-${lang}`;
      const values = answers(catalog.form, tag);
      const field = catalog.form.fields.find((f) => f.max_words);
      values[field.name] = Array.from({ length: field.max_words + 30 }, (_, i) => `kata${i % 10}`).join(' ')
        .slice(0, field.max_length ?? Infinity);
      await page.goto(formUrl(catalog, lang, target));
      await fillForm(page, catalog, target, values);
      const answered = page.waitForResponse((r) => r.url().startsWith(env.submitUrl) && r.request().method() === 'POST');
      await submitButton(page).click();
      const res = await answered;
      const body = await res.text();
      await page.waitForURL((u) => u.href.startsWith(env.submitUrl));
      writeFileSync(join(pages, `submit-fn-422-${lang}.html`), body);
      assert.equal(res.status(), 422, 'the function answers 422');
      assert.equal(await page.locator('html').getAttribute('lang'), lang, 'the page is in the submitter\'s language');
      // The answers are on the form page, so the page names each field by its label.
      const text = await page.locator('body').innerText();
      assert.ok(text.includes(field.label[lang]), `the page names the field "${field.label[lang]}":\n${text}`);
      const links = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(links.some((h) => h && h.startsWith(env.siteUrl + catalog.form_path[lang])),
        `the page links back to the form: ${links.join(' ')}`);
      assert.equal((await storedWith(tag)).length, 0, 'nothing stored');
      const axe = await axeOnHtml(browser, body, page.url());
      assert.equal(axe.length, 0, `the 422 page has axe violations:\n${formatViolations(axe)}`);
      await page.screenshot({ path: join(shots, `submit-fn-422-${lang}-390.png`), fullPage: true });
      await ctx.close();
    });
  });
}

describe('form: idempotency', () => {
  test('a double click stores one proposal and answers one reference', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const responses = recordSubmitResponses(page);
    const tag = `${run}-DBL`;
    await openForm(page, catalog, 'id', target);
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    await submitButton(page).dblclick();
    const ref = await waitThankYou(page, catalog, 'id');
    const items = await storedWith(tag);
    assert.equal(items.length, 1, 'one proposal stored');
    const refs = new Set(responses.map((r) => r.reference).filter(Boolean));
    assert.ok(refs.size <= 1 && (refs.size === 0 || refs.has(ref)), `every answer has the same reference: ${JSON.stringify(responses)}`);
    await ctx.close();
  });

  test('a retry after a lost answer stores one proposal with the same reference', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const tag = `${run}-RETRY`;
    let first = null;
    let firstSeen;
    const firstDone = new Promise((resolve) => { firstSeen = resolve; });
    // The first POST reaches submit-fn (and is stored), but its answer is lost on the way back.
    await page.route((u) => u.href.startsWith(env.submitUrl), async (route) => {
      if (route.request().method() === 'POST' && first === null) {
        const res = await route.fetch();
        first = { status: res.status(), body: await res.text() };
        await route.abort('failed');
        return firstSeen();
      }
      return route.continue();
    });
    await openForm(page, catalog, 'id', target);
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    const button = submitButton(page);
    await button.click();
    await Promise.race([firstDone, new Promise((r) => setTimeout(r, 15_000).unref())]);
    assert.ok(first, 'the first POST was sent');
    assert.ok([200, 201].includes(first.status), `the first POST was accepted: ${first.status} ${first.body}`);
    // The person sees the failure and presses the button again (unless the script retried by itself).
    const thankPath = catalog.thank_you_path.id;
    if (new URL(page.url()).pathname !== thankPath) {
      await page.waitForFunction(({ sel, thankPath: tp }) => {
        if (location.pathname === tp) return true;
        const b = document.querySelector(sel);
        return b && !b.disabled && b.getAttribute('aria-disabled') !== 'true';
      }, { sel: `${FORM} [type="submit"], ${FORM} button:not([type])`, thankPath }, { timeout: 10_000 });
      if (new URL(page.url()).pathname !== thankPath) await button.click();
    }
    const ref = await waitThankYou(page, catalog, 'id');
    const firstRef = JSON.parse(first.body).reference;
    assert.equal(ref, firstRef, 'the retry gets the reference of the first, lost answer');
    assert.equal((await storedWith(tag)).length, 1, 'one proposal stored');
    await ctx.close();
  });

  test('an unconfirmed answer is retried by the script with the same token', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const tag = `${run}-UNCONF`;
    const tokens = [];
    let firstRef = null;
    // The first POST is stored, but answered "unconfirmed" (503), as when the write's outcome
    // is unknown; the script must send it again by itself, with the same token.
    await page.route((u) => u.href.startsWith(env.submitUrl), async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      tokens.push(JSON.parse(req.postData() || '{}').token);
      if (tokens.length > 1) return route.continue();
      const res = await route.fetch();
      firstRef = JSON.parse(await res.text()).reference;
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(env.siteUrl).origin, 'retry-after': '1' },
        body: JSON.stringify({ error: 'unconfirmed', message: 'press send again', retry: true }),
      });
    });
    await openForm(page, catalog, 'id', target);
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    await submitButton(page).click();
    const ref = await waitThankYou(page, catalog, 'id');
    assert.ok(tokens.length >= 2 && tokens.every((t) => t && t === tokens[0]), `one token, sent again: ${JSON.stringify(tokens)}`);
    assert.equal(ref, firstRef, 'the retry answers with the reference of the first write');
    assert.equal((await storedWith(tag)).length, 1, 'one proposal stored');
    await ctx.close();
  });

  test('a reload after unconfirmed answers keeps the token', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const tokens = [];
    // Every POST is answered "unconfirmed" (and nothing is stored): the script gives up and
    // says so; a reload of the page must send the same token again.
    await page.route((u) => u.href.startsWith(env.submitUrl), async (route) => {
      const req = route.request();
      if (req.method() !== 'POST') return route.continue();
      tokens.push(JSON.parse(req.postData() || '{}').token);
      return route.fulfill({
        status: 503,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': new URL(env.siteUrl).origin },
        body: JSON.stringify({ error: 'unconfirmed', message: 'press send again', retry: true }),
      });
    });
    await openForm(page, catalog, 'id', target);
    await fillForm(page, catalog, target, answers(catalog.form, `${run}-RELOAD`));
    const button = submitButton(page);
    await button.click();
    await page.waitForFunction((sel) => { const b = document.querySelector(sel); return b && !b.disabled; },
      `${FORM} [type="submit"]`, { timeout: 15_000 });
    assert.ok(tokens.length >= 2, `the script retried: ${JSON.stringify(tokens)}`);
    await page.reload();
    const after = await page.locator(`${FORM} [name="token"]`).inputValue();
    assert.equal(after, tokens[0], 'the reloaded page keeps the token of the unconfirmed send');
    await ctx.close();
  });

  test('after an unconfirmed answer, a later "not saved" is told as unconfirmed and the token is kept', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const tag = `${run}-UNSURE`;
    const tokens = [];
    let firstRef = null;
    // The first POST is stored but answered "unconfirmed"; every later one is answered "not
    // saved" (503 unavailable), as when the function's lookup could not finish in time. The
    // proposal IS stored, so the page must not say "not saved".
    const origin = new URL(env.siteUrl).origin;
    const route = async (r) => {
      const req = r.request();
      if (req.method() !== 'POST') return r.continue();
      tokens.push(JSON.parse(req.postData() || '{}').token);
      if (tokens.length === 1) {
        const res = await r.fetch();
        firstRef = JSON.parse(await res.text()).reference;
        return r.fulfill({ status: 503, headers: { 'content-type': 'application/json', 'access-control-allow-origin': origin },
          body: JSON.stringify({ error: 'unconfirmed', message: 'UNCONFIRMED-TEXT', retry: true }) });
      }
      return r.fulfill({ status: 503, headers: { 'content-type': 'application/json', 'access-control-allow-origin': origin },
        body: JSON.stringify({ error: 'unavailable', message: 'NOT-SAVED-TEXT' }) });
    };
    const toFunction = (u) => u.href.startsWith(env.submitUrl);
    await page.route(toFunction, route);
    await openForm(page, catalog, 'id', target);
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    await submitButton(page).click();
    await page.waitForFunction((sel) => { const b = document.querySelector(sel); return b && !b.disabled; },
      `${FORM} [type="submit"]`, { timeout: 15_000 });
    assert.equal(tokens.length, 3, `the script sent three times: ${JSON.stringify(tokens)}`);
    const shown = await page.locator('#_errors').innerText();
    assert.ok(shown.includes('UNCONFIRMED-TEXT'), `the page tells the uncertain answer: ${shown}`);
    assert.ok(!shown.includes('NOT-SAVED-TEXT'), `the page never says "not saved" here: ${shown}`);
    // After a reload the token and the uncertainty are kept; with the store back, pressing
    // send again answers with the first write's reference.
    await page.reload();
    assert.equal(await page.locator(`${FORM} [name="token"]`).inputValue(), tokens[0], 'the token is kept');
    await page.unroute(toFunction, route);
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    await submitButton(page).click();
    assert.equal(await waitThankYou(page, catalog, 'id'), firstRef, 'the same reference');
    assert.equal((await storedWith(tag)).length, 1, 'one proposal stored');
    await ctx.close();
  });

  test('a filled honeypot looks accepted but stores nothing', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const tag = `${run}-BOT`;
    await page.goto(formUrl(catalog, 'id', target));
    await fillForm(page, catalog, target, answers(catalog.form, tag));
    await page.locator(`${FORM} [name="${catalog.form.honeypot}"]`).evaluate((el) => { el.value = 'https://spam.example'; });
    await submitButton(page).click();
    await waitThankYou(page, catalog, 'id');
    assert.equal((await storedWith(tag)).length, 0, 'nothing stored');
    await ctx.close();
  });
});
