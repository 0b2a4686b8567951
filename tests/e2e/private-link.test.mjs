// The private link (#18), end to end: a real browser submits the form (with and without
// JavaScript, in both languages), `submit-fn outbox run` sends the receipt to moto's SES, and
// the link read back from it opens the proposal in the browser. The person corrects a field
// (version 2, and a receipt of the correction), withdraws it (with the confirmation step), and
// the reviewers' export shows the history. The same link opened by a submit-fn whose clock is
// past the province's window (AS_OF) shows the proposal read-only and refuses changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { axeOnHtml, formatViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { env } from './lib/env.mjs';
import { answers, loadCatalog, openTargets } from './lib/site.mjs';
import { fillForm, formUrl, openForm, submitButton, waitThankYou } from './lib/form.mjs';
import { drainFor, fill } from './lib/mail.mjs';

const run = promisify(execFile);
const LANGS = ['id', 'en'];
// The page's words (submit-fn/src/messages.rs), as a person reads them.
const WORDS = {
  id: { received: 'Diterima', corrected: 'Diperbaiki', withdrawn: 'Ditarik', save: 'Simpan perbaikan', withdraw: 'Tarik usulan', confirm: 'Ya, tarik usulan', closed: 'Pendaftaran ditutup pada' },
  en: { received: 'Received', corrected: 'Corrected', withdrawn: 'Withdrawn', save: 'Save the correction', withdraw: 'Withdraw the proposal', confirm: 'Yes, withdraw it', closed: 'Registration closed on' },
};

let browser;
let catalog;
let target;
let closed; // { url, child }: submit-fn on the same table, its clock past the window
const tag = Date.now().toString(36).toUpperCase();

const str = (key, lang) => {
  const s = catalog.email.strings[key];
  assert.ok(s && s[lang], `catalog.json has the email string ${key} (${lang})`);
  return s[lang];
};

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** The day after `date` (YYYY-MM-DD). */
function dayAfter(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** `submit-fn serve` with `environment` on a free port; resolves once it answers /health. */
async function startServer(environment) {
  const port = await freePort();
  const child = spawn(env.submitFn, ['serve', '--listen', `127.0.0.1:${port}`], {
    env: environment,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error('submit-fn serve did not start');
}

// This file runs beside mail.test.mjs, which checks that nothing is sent before its own drain:
// its proposals go to a submit-fn of its own with a table of its own (the browser's requests
// to the stack's submit-fn are routed there), so neither drains the other's outbox.
let own; // { env, open: { url, child } }

before(async () => {
  catalog = loadCatalog(env.siteDir);
  assert.ok(catalog.email, 'catalog.json carries the email texts');
  target = openTargets(catalog, env.siteDir)[0];
  assert.ok(target, 'the site built --as-of has an open issue');
  const closes = target.province.proposals?.closes;
  assert.ok(closes, 'the open target has a closing day');
  const table = `winner-e2e-link-${process.pid}-${tag}`;
  const base = { ...process.env, TABLE_NAME: table };
  await run(env.submitFn, ['create-table'], { env: base, timeout: 60_000 });
  const open = await startServer(base);
  // Messages to authors carry <SUBMIT_URL>/link/<token>: this file's own server.
  own = { env: { ...base, SUBMIT_URL: `${open.url}/proposals` }, open };
  closed = await startServer({ ...base, AS_OF: dayAfter(closes) });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  closed?.child.kill();
  own?.open.child.kill();
});

/** A browser context whose requests to the stack's submit-fn go to this file's own. */
async function context(js) {
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  const from = new URL(env.submitUrl).origin;
  await ctx.route((u) => u.origin === from, (route) => {
    const u = new URL(route.request().url());
    return route.continue({ url: `${own.open.url}${u.pathname}${u.search}` });
  });
  return ctx;
}

async function submit(lang, js, values) {
  const ctx = await context(js);
  try {
    const page = await ctx.newPage();
    if (js) await openForm(page, catalog, lang, target);
    else await page.goto(formUrl(catalog, lang, target));
    await fillForm(page, catalog, target, values);
    await submitButton(page).click();
    return await waitThankYou(page, catalog, lang);
  } finally {
    await ctx.close();
  }
}

/** The private link in a message's HTML part. */
function linkIn(body) {
  const m = body.match(/https?:\/\/[^\s"<]+\/proposals\/link\/[A-Z0-9-]+\.[0-9a-f]{64}/);
  assert.ok(m, `a private link in the message: ${body.slice(0, 400)}`);
  return m[0];
}

const text = (page, sel) => page.locator(sel).innerText();

/** Pages of the link seen along the way, for the quality check at the end: [{ name, url, html }]. */
const seen = [];
async function keep(name, page) {
  if (seen.some((s) => s.name === name)) return;
  seen.push({ name, url: page.url(), html: await page.content() });
}

for (const lang of LANGS) {
  for (const js of [true, false]) {
    const how = js ? 'with JS' : 'without JS';
    describe(`private link (${lang}, ${how})`, () => {
      test('open it from the receipt, correct, receive the correction receipt, withdraw; the export shows the history; past the window nothing can change', async () => {
        const w = WORDS[lang];
        const values = answers(catalog.form, `${tag}-LINK-${js ? 'JS' : 'NOJS'}-${lang}`);
        const emailField = catalog.form.fields.find((f) => f.type === 'email');
        const to = values[emailField.name];
        const ref = await submit(lang, js, values);
        const receipts = await drainFor(to, 1, own.env);
        assert.equal(receipts.length, 1, 'one receipt');
        const link = linkIn(receipts[0].body);
        assert.ok(link.startsWith(`${own.open.url}/proposals/link/`), `the link is the function's: ${link}`);
        // The HTML part's entities as a reader sees them (numeric ones in any base, `&amp;` last).
        const unescaped = receipts[0].body
          .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
          .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
          .replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        assert.ok(unescaped.includes(str('email.link_title', lang)), 'the receipt explains the link');

        const ctx = await browser.newContext({ javaScriptEnabled: js });
        const page = await ctx.newPage();
        try {
          // See.
          const res = await page.goto(link);
          assert.equal(res.status(), 200);
          assert.equal(res.headers()['referrer-policy'], 'no-referrer');
          assert.match(res.headers()['x-robots-tag'], /noindex/);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          assert.equal(await text(page, '#status'), w.received);
          assert.equal(await text(page, '#version'), '1');
          assert.ok((await page.content()).includes(ref), 'the page shows the reference');
          await keep(`view-${lang}`, page);

          // Correct a field: the same form, prefilled.
          const field = catalog.form.fields.find((f) => f.type === 'textarea');
          const input = page.locator(`#f-${field.name}`);
          assert.equal(await input.inputValue(), values[field.name].replace(/\r\n/g, '\n'), 'prefilled with the stored answer');
          const corrected = answers(catalog.form, `${tag}-FIX-${js ? 'JS' : 'NOJS'}-${lang}`)[field.name];
          await input.fill(corrected);
          await page.getByRole('button', { name: w.save }).click();
          await page.waitForLoadState();
          assert.equal(await text(page, '#version'), '2', 'version 2');
          assert.equal(await text(page, '#status'), w.corrected);
          assert.equal(await page.locator(`#f-${field.name}`).inputValue(), corrected, 'the corrected answer is stored');

          const mails = await drainFor(to, 2, own.env);
          const fix = mails.filter((m) => m.subject === fill(str('email.correction.subject', lang), { reference: ref, version: '2' }));
          assert.equal(fix.length, 1, `one correction receipt: ${JSON.stringify(mails.map((m) => m.subject))}`);
          assert.ok(fix[0].body.includes(corrected.slice(0, 40)), 'the receipt carries the corrected answer');

          // Past the window: the same link, read-only; changes refused.
          const late = await ctx.newPage();
          const lateUrl = link.replace(/^https?:\/\/[^/]+/, closed.url);
          const lr = await late.goto(lateUrl);
          assert.equal(lr.status(), 200);
          assert.ok((await text(late, '#window')).startsWith(w.closed), await text(late, '#window'));
          assert.equal(await late.getByRole('button', { name: w.save }).count(), 0, 'no correction form');
          assert.equal(await late.getByRole('button', { name: w.withdraw }).count(), 0, 'no withdrawal');
          await keep(`closed-${lang}`, late);
          const token = link.split('/').pop();
          const refused = await fetch(`${closed.url}/proposals/link`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams({ link: token, action: 'confirm_withdrawal' }).toString(),
          });
          assert.equal(refused.status, 403, 'a withdrawal past the window is refused');
          await late.close();

          // Withdraw, with the confirmation step.
          await page.getByRole('button', { name: w.withdraw }).click();
          await page.waitForLoadState();
          assert.equal(await text(page, '#status'), w.corrected, 'the first step only asks');
          await keep(`confirm-${lang}`, page);
          await page.getByRole('button', { name: w.confirm }).click();
          await page.waitForLoadState();
          assert.equal(await text(page, '#status'), w.withdrawn);
          assert.equal(await page.getByRole('button', { name: w.save }).count(), 0, 'no edit after withdrawal');
          await keep(`withdrawn-${lang}`, page);
        } finally {
          await ctx.close();
        }

        // The export: status, version and history.
        const { stdout } = await run(env.submitFn, ['export', '--province', target.province.slug, '--format', 'jsonl'],
          { env: own.env, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 });
        const row = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((r) => r.reference === ref);
        assert.ok(row, `the export has ${ref}`);
        assert.equal(row.status, 'withdrawn');
        assert.equal(row.version, 2);
        assert.deepEqual(row.history.map((h) => h.status), ['received', 'corrected', 'withdrawn']);
      });
    });
  }
}

describe('private link pages', () => {
  test('are valid HTML (Nu Html Checker) and pass axe, the unknown-link and lost-link pages too', async () => {
    for (const [name, path] of [['unknown', `/link/WNR-61-ZZZZZZ.${'0'.repeat(64)}`], ['lost', '/link/?lang=en']]) {
      const url = `${own.open.url}/proposals${path}`;
      const res = await fetch(url);
      assert.equal(res.status, name === 'unknown' ? 404 : 200, name);
      seen.push({ name, url, html: await res.text() });
    }
    assert.ok(seen.length >= 6, `pages collected: ${seen.map((s) => s.name).join(', ')}`);
    const work = mkdtempSync(join(tmpdir(), 'private-link-'));
    const files = seen.map((s) => {
      const f = join(work, `${s.name}.html`);
      writeFileSync(f, s.html);
      return f;
    });
    const jar = join(dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');
    const vnu = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...files], { encoding: 'utf8' });
    assert.deepEqual(JSON.parse(vnu.stdout).messages, [], 'no Nu errors');
    for (const s of seen) {
      const violations = await axeOnHtml(browser, s.html, s.url);
      assert.deepEqual(violations, [], `axe on ${s.name}:\n${formatViolations(violations)}`);
    }
  });
});
