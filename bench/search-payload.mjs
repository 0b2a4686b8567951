// What a visitor downloads of the search index for one query (issue #20: at most 300 KB at
// 100,000 issues). A benchmark, not a test: it prints figures. Usage, on a built site:
//
//   node bench/search-payload.mjs SITE_DIR [QUERY_ID] [QUERY_EN]
//
// Serves SITE_DIR like the static host (tests/e2e/lib/static-server.mjs), opens the search
// page of each language in Chromium, puts the query in the box at once, waits for the
// results, and sums the bytes of every /pagefind/ file the page fetched, by kind, as the host
// sends them (tests/e2e/lib/size.mjs: the index files and WebAssembly as stored, gzip streams
// already; the script and entry file gzipped, as CloudFront compresses them). The defaults are words of bench/gen_content.py's synthetic site.
import { join } from 'node:path';
import { launch } from '../tests/e2e/lib/browser.mjs';
import { serveStatic } from '../tests/e2e/lib/static-server.mjs';
import { wireBytes } from '../tests/e2e/lib/size.mjs';

const [siteDir, queryId = 'puskesmas', queryEn = 'clinic'] = process.argv.slice(2);
if (!siteDir) {
  console.error('usage: node bench/search-payload.mjs SITE_DIR [QUERY_ID] [QUERY_EN]');
  process.exit(2);
}
const server = await serveStatic(siteDir, 0);
const browser = await launch();
const kindOf = (path) => {
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_index')) return 'word index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  if (path.endsWith('.pf_filter')) return 'filters';
  if (path.includes('wasm.')) return 'WebAssembly';
  return 'script and entry';
};
try {
  for (const [path, query] of [['/cari/', queryId], ['/en/search/', queryEn]]) {
    const page = await browser.newPage();
    const fetched = new Set();
    page.on('response', (res) => {
      const p = new URL(res.url()).pathname;
      if (p.startsWith('/pagefind/')) fetched.add(p);
    });
    await page.goto(server.url.replace(/\/$/, '') + path, { waitUntil: 'load' });
    await page.locator('#_q').fill(query);
    await page.waitForFunction(() => document.querySelectorAll('#_results a').length > 0, null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const shown = await page.evaluate(() => document.querySelectorAll('#_results a').length);
    const byKind = {};
    let total = 0;
    for (const p of fetched) {
      const bytes = wireBytes(join(siteDir, p));
      byKind[kindOf(p)] = (byKind[kindOf(p)] || 0) + bytes;
      total += bytes;
    }
    const parts = Object.entries(byKind).map(([k, b]) => `${k} ${(b / 1024).toFixed(1)}`).join(', ');
    console.log(`${path} "${query}": ${shown} results shown, ${fetched.size} files, ${(total / 1024).toFixed(1)} KB (${parts})`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
