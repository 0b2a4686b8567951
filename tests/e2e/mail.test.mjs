// The emails about a proposal (#17), end to end: a real browser submits the form (with and
// without JavaScript, in both languages) to the real submit-fn with mail on, `submit-fn outbox
// run` drains the outbox, and the messages are read back from moto's SES. Each submission gets
// exactly one receipt, to the address typed, in the submission's language, with the reference
// and every answer; and exactly one notice to the organiser address.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './lib/browser.mjs';
import { env } from './lib/env.mjs';
import { answers, loadCatalog, openTargets } from './lib/site.mjs';
import { fillForm, formUrl, openForm, submitButton, waitThankYou } from './lib/form.mjs';
import { drainOutbox, fill, sentTo } from './lib/mail.mjs';

const LANGS = ['id', 'en'];
// Notices are written in Indonesian, whatever the submission's language (outbox::NOTICE_LANG).
const NOTICE_LANG = 'id';

let browser;
let catalog;
let target;
let reader; // a page that parses the emails' HTML part
const run = Date.now().toString(36).toUpperCase();

before(async () => {
  catalog = loadCatalog(env.siteDir);
  assert.ok(catalog.email, 'catalog.json carries the email texts');
  const open = openTargets(catalog, env.siteDir);
  assert.ok(open.length > 0, 'the catalog of the site built --as-of has an open issue');
  target = open[0];
  browser = await launch();
  reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
after(async () => { await browser?.close(); });

const str = (key, lang) => {
  const s = catalog.email.strings[key];
  assert.ok(s && s[lang], `catalog.json has the email string ${key} (${lang})`);
  return s[lang];
};

/** The HTML part as a reader sees it: its language, lead paragraph and label/value rows. */
async function parse(html) {
  await reader.setContent(html);
  return reader.evaluate(() => ({
    lang: document.documentElement.lang,
    lead: document.querySelector('body > p')?.textContent ?? '',
    rows: [...document.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent ?? null]),
    text: document.body.textContent,
  }));
}

/** How the receipt shows what was typed: a choice's label, "Ya"/"Yes" for a tick, else as typed. */
function shown(field, typed, lang) {
  if (field.type === 'select') return field.options.find((o) => o.value === typed).label[lang];
  if (field.type === 'checkbox') return str('email.ticked', lang);
  return typed;
}

/** Submits the form in `lang` with or without JS; returns the reference and what was typed. */
async function submit(lang, js) {
  const ctx = await browser.newContext({ javaScriptEnabled: js });
  try {
    const page = await ctx.newPage();
    const values = answers(catalog.form, `${run}-MAIL-${js ? 'JS' : 'NOJS'}-${lang}`);
    if (js) await openForm(page, catalog, lang, target);
    else await page.goto(formUrl(catalog, lang, target));
    await fillForm(page, catalog, target, values);
    await submitButton(page).click();
    return { ref: await waitThankYou(page, catalog, lang), values };
  } finally {
    await ctx.close();
  }
}

for (const lang of LANGS) {
  for (const js of [true, false]) {
    const how = js ? 'with JS' : 'without JS';
    describe(`mail (${lang}, ${how})`, () => {
      test(`one receipt to the typed address in ${lang} with the reference and every answer, one notice to the organiser`, async () => {
        const { ref, values } = await submit(lang, js);
        const emailField = catalog.form.fields.find((f) => f.type === 'email');
        assert.ok(emailField, 'the form asks for an email address');
        const to = values[emailField.name];
        assert.deepEqual(await sentTo(to), [], 'nothing is sent on the submit path');

        const summary = await drainOutbox();
        assert.match(summary, /[1-9][0-9]* sent/, `submit-fn outbox run sent the messages: ${summary}`);

        // The receipt.
        const receipts = await sentTo(to);
        assert.equal(receipts.length, 1, `exactly one receipt to ${to}: ${JSON.stringify(receipts.map((m) => m.subject))}`);
        const receipt = receipts[0];
        assert.deepEqual(receipt.to, [to], 'the receipt goes to the typed address only');
        assert.ok(receipt.subject.includes(ref), `the subject carries the reference: ${receipt.subject}`);
        assert.equal(receipt.subject, fill(str('email.receipt.subject', lang), { reference: ref }), 'the subject is in the submission\'s language');
        const r = await parse(receipt.body);
        assert.equal(r.lang, lang, 'the HTML part is marked with the submission\'s language');
        assert.equal(r.lead.trim(), str('email.receipt.lead', lang), 'the receipt opens in the submission\'s language');
        const rows = new Map();
        for (const [k, v] of r.rows) rows.set(k, [...(rows.get(k) ?? []), v]);
        assert.deepEqual(rows.get(str('email.reference', lang)), [ref], 'the reference row');
        assert.deepEqual(rows.get(str('email.province', lang)), [target.province.name], 'the province row');
        assert.deepEqual(rows.get(str('email.issue', lang)), [target.issue.title[lang]], 'the issue row, in the submission\'s language');
        let copied = 0;
        for (const field of catalog.form.fields) {
          if (values[field.name] === undefined) continue;
          const label = field.label[lang];
          assert.ok(rows.get(label)?.includes(shown(field, values[field.name], lang)),
            `the receipt copies the answer to "${label}" exactly: ${JSON.stringify(rows.get(label))} vs ${JSON.stringify(values[field.name])}`);
          copied += 1;
        }
        assert.equal(copied, catalog.form.fields.length, 'every field of the form was typed and copied');
        assert.ok(r.text.includes(str('sent.next_title', lang)), 'the receipt says what happens next');

        // The notice: one per proposal, to the organiser address.
        const notices = (await sentTo(env.organiserEmail)).filter((m) => m.subject.includes(ref));
        assert.equal(notices.length, 1, `exactly one notice about ${ref} to the organiser`);
        assert.deepEqual(notices[0].to, [env.organiserEmail], 'the notice goes to the organiser only');
        assert.equal(notices[0].subject,
          fill(str('email.notice.subject', NOTICE_LANG), { reference: ref, province: target.province.name }));
        const n = await parse(notices[0].body);
        assert.deepEqual(n.rows.filter(([k]) => k === str('email.reference', NOTICE_LANG)).map(([, v]) => v), [ref],
          'the notice carries the reference');

        // Drained again: nothing is sent twice.
        await drainOutbox();
        assert.equal((await sentTo(to)).length, 1, 'a second drain sends no second receipt');
        assert.equal((await sentTo(env.organiserEmail)).filter((m) => m.subject.includes(ref)).length, 1,
          'a second drain sends no second notice');
      });
    });
  }
}
