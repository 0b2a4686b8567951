// axe-core injected into a playwright page (the same install drives the form tests).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page as it is now; returns its violations (empty when clean). The page must
 * run scripts: for a page opened with JavaScript off, use axeOnHtml. Gives up after `timeout` ms.
 */
export async function runAxe(page, timeout = 60_000) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${timeout} ms on ${page.url()}`)), timeout);
  });
  try {
    return await Promise.race([limit, axeNow(page)]);
  } finally {
    clearTimeout(timer);
  }
}

async function axeNow(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the devtools protocol, so a page's Content-Security-Policy cannot block it.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      tags: v.tags.filter((t) => t.startsWith('wcag')),
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary })),
    }));
  }, AXE_TAGS);
}

/** Runs axe on an HTML document in a fresh page of `browser` (for pages got with JS off). */
export async function axeOnHtml(browser, html, url) {
  const ctx = await browser.newContext();
  try {
    const page = await ctx.newPage();
    // Serve the document at its own URL so that relative links and styles resolve as they did.
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(url);
    return await runAxe(page);
  } finally {
    await ctx.close();
  }
}

export function formatViolations(violations) {
  return violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help} (${v.tags.join(' ')})\n` +
    v.nodes.map((n) => `      at ${n.target}\n        ${n.html}\n        ${(n.summary || '').replace(/\n/g, '\n        ')}`).join('\n')).join('\n');
}
