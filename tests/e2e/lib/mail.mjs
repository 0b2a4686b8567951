// The emails of the outbox (#17): `submit-fn outbox run` sends what is due to moto's SES v2,
// and moto's /moto-api/data.json lists every message its SES accepted ("ses" / "Message":
// `destinations`, `subject`, `body`; with a text and an HTML part, moto keeps the HTML one),
// as the Rust outbox tests (submit-fn/tests/it/outbox.rs) read them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { env } from './env.mjs';

const run = promisify(execFile);

/**
 * Runs `submit-fn outbox run` once with the stack's environment (or `environment`, e.g. with
 * another TABLE_NAME); returns its summary line.
 */
export async function drainOutbox(environment = process.env) {
  const { stderr } = await run(env.submitFn, ['outbox', 'run'], { env: environment, timeout: 60_000 });
  return stderr.trim();
}

/**
 * Drains the outbox (of `environment`'s table) until `count` messages to `address` have
 * arrived: returns those messages, or throws after `timeout` ms.
 */
export async function drainFor(address, count = 1, environment = process.env, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    await drainOutbox(environment);
    const got = await sentTo(address);
    if (got.length >= count) return got;
    if (Date.now() > until) throw new Error(`${got.length} of ${count} message(s) to ${address} arrived within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Every message moto's SES accepted: [{ to: [address], subject, body }]. */
export async function sentMessages() {
  const res = await fetch(`${env.sesEndpoint}/moto-api/data.json`);
  if (!res.ok) throw new Error(`moto data.json: HTTP ${res.status}`);
  const data = await res.json();
  return (data.ses?.Message ?? []).map((m) => ({
    to: m.destinations?.ToAddresses ?? [],
    subject: m.subject ?? '',
    body: m.body ?? '',
  }));
}

/** The messages sent to `address`. */
export async function sentTo(address) {
  return (await sentMessages()).filter((m) => m.to.includes(address));
}

/** A theme string with its `{name}` placeholders filled (as submit-fn's render::fill does). */
export function fill(template, args) {
  return template.replace(/\{([^}]*)\}/g, (all, name) => (name in args ? args[name] : all));
}
