// Driving the proposal form the way a person does: open it, choose, type, submit.
import { env } from './env.mjs';

export const FORM = 'form:has([name="province"])';

/** Where submit-fn sends a plain form post once stored: the reference in the page (#14). */
export const RECEIVED_PATH = '/proposals/received/';

/** The form page URL for a language with the issue preselected through the query string. */
export function formUrl(catalog, lang, target) {
  const q = target ? `?provinsi=${target.province.slug}&isu=${target.issue.slug}` : '';
  return `${env.siteUrl}${catalog.form_path[lang]}${q}`;
}

/**
 * Opens the form. With JS on, the page clock starts a minute in the past, as if the person had
 * opened the form a minute ago: the form's started_at then passes the minimum fill time
 * (form.min_fill_seconds) without the test sleeping.
 */
export async function openForm(page, catalog, lang, target) {
  await page.clock.install({ time: Date.now() - 60_000 });
  const res = await page.goto(formUrl(catalog, lang, target));
  if (!res || res.status() !== 200) throw new Error(`form page answered ${res && res.status()}`);
}

/** Chooses the target and types every answer into the form. */
export async function fillForm(page, catalog, target, values) {
  const form = page.locator(FORM);
  await form.locator('[name="province"]').selectOption(target.province.slug);
  await form.locator('[name="issue"]').selectOption(target.issue.slug);
  for (const field of catalog.form.fields) {
    const v = values[field.name];
    if (v === undefined) continue;
    const input = form.locator(`[name="${field.name}"]`);
    if (field.type === 'checkbox') {
      if (v) await input.check(); else await input.uncheck();
    } else if (field.type === 'select') {
      await input.selectOption(v);
    } else {
      await input.fill(v);
    }
  }
}

export function submitButton(page) {
  return page.locator(`${FORM} button[type="submit"], ${FORM} input[type="submit"], ${FORM} button:not([type])`).first();
}

/**
 * Resolves when the page shows the thank-you page of `lang` (the site's, after a post by the
 * page's script; the function's own, after a plain form post); returns the reference.
 */
export async function waitThankYou(page, catalog, lang, timeout = 15_000) {
  const path = catalog.thank_you_path[lang];
  // The function's page is matched by its path alone: a test may route the stack's submit-fn
  // to one of its own (private-link.test.mjs), and the 303 then resolves against that host.
  await page.waitForURL((u) => (u.pathname === path && u.searchParams.has('ref'))
    || u.pathname.startsWith(RECEIVED_PATH), { timeout });
  const u = new URL(page.url());
  if (u.pathname === path) return u.searchParams.get('ref');
  // A plain form post (no JavaScript) lands on the function's own page, which shows the
  // reference in the page itself (#14): read it from there, and hold it to its address.
  const shown = (await page.locator('#reference').textContent()).trim();
  if (decodeURIComponent(u.pathname.slice(RECEIVED_PATH.length)) !== shown) {
    throw new Error(`the page shows ${shown}, its address says ${u.pathname}`);
  }
  const pageLang = await page.locator('html').getAttribute('lang');
  if (pageLang !== lang) throw new Error(`the received page is in ${pageLang}, not ${lang}`);
  return shown;
}

/** Collects the reference of every answer submit-fn gives to a POST from this page. */
export function recordSubmitResponses(page) {
  const seen = [];
  page.on('response', async (res) => {
    if (!res.url().startsWith(env.submitUrl) || res.request().method() !== 'POST') return;
    const entry = { status: res.status(), location: res.headers().location || null, reference: null };
    seen.push(entry);
    try {
      if ((res.headers()['content-type'] || '').includes('json')) entry.reference = (await res.json()).reference ?? null;
      else if (entry.location) {
        const u = new URL(entry.location, env.submitUrl);
        entry.reference = u.pathname.startsWith(RECEIVED_PATH)
          ? decodeURIComponent(u.pathname.slice(RECEIVED_PATH.length))
          : u.searchParams.get('ref');
      }
    } catch { /* body not available (aborted) */ }
  });
  return seen;
}
