// Debian's chromium driven by playwright-core (no browser download is possible here).
// The flags keep chromium off the network: on this closed network it otherwise tries Google's
// hosts at start-up (see shared/research/quality-tools.md).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const p of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(p)) return p;
  }
  throw new Error('Debian chromium not found: run scripts/setup.sh');
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-default-apps',
  '--disable-extensions',
  '--hide-scrollbars',
  '--log-level=3',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

/**
 * Launches headless chromium. playwright gives each launch a fresh temporary profile
 * (--user-data-dir) and removes it on close, so parallel runs never share one. `extraArgs`
 * are added to CHROMIUM_ARGS (Lighthouse needs a DevTools port).
 */
export async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** True when a URL is served from this machine (all the site and the function may use). */
export function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return true;
  try {
    const h = new URL(url).hostname;
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Records what goes wrong while a page runs: requests to another host (`external`), answers
 * of 400 and above (`failed`, except chromium's own /favicon.ico probe), console errors and
 * uncaught exceptions (`errors`). Filled as the page runs.
 */
export function watch(page) {
  const seen = { external: [], failed: [], errors: [] };
  page.on('request', (req) => {
    if (!isLocal(req.url())) seen.external.push(req.url());
  });
  page.on('response', (res) => {
    if (res.status() >= 400 && new URL(res.url()).pathname !== '/favicon.ico') {
      seen.failed.push(`${res.status()} ${res.request().method()} ${res.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    if (isLocal(req.url())) seen.failed.push(`${req.failure()?.errorText} ${req.method()} ${req.url()}`);
  });
  page.on('console', (msg) => {
    // "Failed to load resource" repeats a failed answer, which `failed` names with its URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) seen.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  return seen;
}
