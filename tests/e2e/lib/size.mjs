// The size budget: a page's HTML plus the CSS it links, before compression.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentType } from './static-server.mjs';

export const SIZE_BUDGET = 30 * 1024;

/**
 * One round trip (issue #14): a page's HTML and the CSS it links, each gzipped as a static
 * host sends them, fit in the TCP initial window of 10 segments of 1,460 B.
 */
export const ROUND_TRIP_BUDGET = 10 * 1460;

/** Bytes of `text` gzipped (level 9, as wireBytes). */
export function gzipBytes(text) {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}

/**
 * The search page (search.test.mjs). Loading it costs what any page costs: its HTML, CSS and
 * scripts stay within SIZE_BUDGET, and nothing of Pagefind is fetched before someone uses the
 * form. Pagefind's script, worker, WebAssembly and the index chunks, filters and fragments a
 * first search needs are held, as sent over the wire (wireBytes), to this: about 2 s on a
 * slow 3G phone connection (400 kbit/s), paid once and only by those who search.
 */
export const SEARCH_FIRST_QUERY_BUDGET = 100 * 1024;

/**
 * Bytes a static host sends for a file of the site: text (scripts, JSON, HTML, CSS, SVG) gzip
 * compressed, as CloudFront compresses it; everything else as it is (Pagefind's index files
 * and WebAssembly are gzip streams already).
 */
export function wireBytes(file) {
  const bytes = readFileSync(file);
  return /^(text\/|application\/(json|javascript|xml)|image\/svg)/.test(contentType(file))
    ? gzipSync(bytes, { level: 9 }).length
    : bytes.length;
}

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
    found.set(r.url, { bytes: statSync(r.file).size, gzip: gzipBytes(text) });
    for (const m of text.matchAll(/@import\s+(?:url\()?\s*["']?([^"')\s;]+)/g)) add(m[1], r.url);
  };
  for (const tag of html.match(/<link\b[^>]*>/gi) || []) {
    const rel = /\brel\s*=\s*["']?([^"'>]+)/i.exec(tag)?.[1] ?? '';
    const href = /\bhref\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if (href && rel.toLowerCase().split(/\s+/).includes('stylesheet')) add(href.replace(/&amp;/g, '&'), siteUrl + pagePath);
  }
  return found;
}
