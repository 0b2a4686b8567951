// A small static file server for the built site, behaving like a static host (S3 website,
// CloudFront): /dir/ serves dir/index.html, a folder without index.html is 404 (never a
// listing), unknown paths get 404.html with status 404. Bound to 127.0.0.1 only.
// Content types follow what such a host sends: the usual web types by extension, WebAssembly
// as application/wasm, and Pagefind's index files (pagefind/*.pf_meta, .pf_index, .pf_filter,
// .pf_fragment and wasm.<lang>.pagefind, all gzip streams that pagefind.js inflates itself) as
// plain binary, never with a Content-Encoding (the browser would inflate them first).
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** The Content-Type this server (like the static host) sends for a file name. */
export function contentType(name) {
  return TYPES[extname(name).toLowerCase()] || 'application/octet-stream';
}

function fileAt(path) {
  try {
    const st = statSync(path);
    return st.isFile() ? st : null;
  } catch {
    return null;
  }
}

function isDir(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Types CloudFront compresses (deploy/template.yaml sets `Compress: true`); never Pagefind's binaries. */
const COMPRESSED = /^(text\/|application\/(json|xml|javascript|wasm)|image\/svg)/;

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0 = any free port). Resolves to { url, close }.
 * `headers` are added to every answer, as a CDN's response-headers policy adds them (the
 * search tests use it to serve the site under a Content-Security-Policy). `gzip` compresses
 * text answers for clients that accept it, as CloudFront does (benchmarks of what a phone
 * downloads use it; the tests measure bytes themselves).
 */
export function serveStatic(dir, port = 0, { headers: always = {}, gzip = false } = {}) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const send = (status, path, headers = {}) => {
      headers = { ...always, ...headers };
      const st = path && fileAt(path);
      if (!st) {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
        res.end(status === 404 ? 'not found\n' : '');
        return;
      }
      const type = contentType(path);
      if (gzip && COMPRESSED.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        res.writeHead(status, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', 'cache-control': 'no-store', ...headers });
        if (req.method === 'HEAD') return res.end();
        createReadStream(path).pipe(createGzip()).pipe(res);
        return;
      }
      res.writeHead(status, {
        'content-type': type,
        'content-length': st.size,
        'cache-control': 'no-store',
        ...headers,
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(path).pipe(res);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(405, null, { allow: 'GET, HEAD' });
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, null);
    }
    const target = normalize(join(root, pathname));
    if (target !== root && !target.startsWith(root + sep)) return send(404, null);
    const notFound = () => send(404, fileAt(join(root, '404.html')) ? join(root, '404.html') : null);
    if (pathname.endsWith('/')) {
      const index = join(target, 'index.html');
      return fileAt(index) ? send(200, index) : notFound();
    }
    if (fileAt(target)) return send(200, target);
    if (isDir(target) && fileAt(join(target, 'index.html'))) {
      const q = new URL(req.url, 'http://x').search;
      return send(301, null, { location: `${pathname}/${q}` });
    }
    return notFound();
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      ok({ url: `http://127.0.0.1:${p}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}
