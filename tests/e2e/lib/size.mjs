// The size budget: a page's HTML plus the CSS it links, before compression.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SIZE_BUDGET = 30 * 1024;

/** The home page's inline map has its own budget (issue #8): at most 12 KB gzipped. */
export const MAP_GZIP_BUDGET = 12 * 1024;

/**
 * Splits the inline map (`<svg class="map" …>…</svg>`) out of a page's HTML: the rest of the
 * page keeps the 30 KiB rule, the map is held to MAP_GZIP_BUDGET. Returns [rest, map or null].
 */
export function splitInlineMap(html) {
  const m = /<svg\b[^>]*\bclass="map\b[^"]*"[^>]*>[\s\S]*?<\/svg>/.exec(html);
  if (!m) return [html, null];
  return [html.slice(0, m.index) + html.slice(m.index + m[0].length), m[0]];
}

/** Stylesheets a page links (and those they @import), as files of the site with their size. */
export function linkedCss(siteDir, siteUrl, pagePath, html) {
  const found = new Map();
  const toFile = (href, base) => {
    const u = new URL(href, base);
    if (u.origin !== siteUrl) return { external: u.href };
    return { file: join(siteDir, decodeURIComponent(u.pathname)), url: u.href };
  };
  const add = (href, base) => {
    const r = toFile(href, base);
    if (r.external) { found.set(r.external, { external: true, bytes: 0 }); return; }
    if (found.has(r.url)) return;
    let text = '';
    try { text = readFileSync(r.file, 'utf8'); } catch { found.set(r.url, { missing: true, bytes: 0 }); return; }
    found.set(r.url, { bytes: statSync(r.file).size });
    for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) add(m[1], r.url);
  };
  for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1] ?? '';
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href && rel.toLowerCase().split(/\s+/).includes('stylesheet')) add(href.replace(/&amp;/g, '&'), siteUrl + pagePath);
  }
  return found;
}
