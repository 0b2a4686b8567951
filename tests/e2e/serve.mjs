#!/usr/bin/env node
// node tests/e2e/serve.mjs DIR [PORT]: serve a built site on 127.0.0.1 like a static host.
import { serveStatic } from './lib/static-server.mjs';

const [dir, port = '0'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/e2e/serve.mjs DIR [PORT]');
  process.exit(2);
}
const { url } = await serveStatic(dir, Number(port));
console.log(`serving ${dir} at ${url}/`);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(0));
