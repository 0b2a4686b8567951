// Reads the proposals table straight through the DynamoDB JSON API of the local moto server,
// so the tests see what was stored, not what submit-fn says it stored. moto needs no valid
// signature, but it routes by the service and region in the Authorization credential scope:
// the region must be the one submit-fn uses (AWS_REGION).
import { env } from './env.mjs';

async function call(target, body) {
  const res = await fetch(env.ddbEndpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `DynamoDB_20120810.${target}`,
      authorization: `AWS4-HMAC-SHA256 Credential=test/20230601/${env.region}/dynamodb/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`DynamoDB ${target}: HTTP ${res.status}: ${text}`);
  return JSON.parse(text);
}

/** DynamoDB attribute value → plain JS value. */
export function unmarshal(av) {
  const [[type, v]] = Object.entries(av);
  switch (type) {
    case 'S': return v;
    case 'N': return Number(v);
    case 'BOOL': return v;
    case 'NULL': return null;
    case 'M': return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unmarshal(x)]));
    case 'L': return v.map(unmarshal);
    case 'SS': case 'NS': case 'BS': return v;
    case 'B': return v;
    default: throw new Error(`unknown attribute type ${type}`);
  }
}

/** Every item of the table, unmarshalled. */
export async function scanAll(table = env.table) {
  const items = [];
  let start;
  do {
    const out = await call('Scan', { TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) });
    items.push(...out.Items.map((it) => Object.fromEntries(Object.entries(it).map(([k, v]) => [k, unmarshal(v)]))));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** All values stored under `key` anywhere in an item (top level or nested maps). */
export function valuesOf(item, key) {
  const out = [];
  const walk = (o) => {
    if (o && typeof o === 'object') {
      for (const [k, v] of Object.entries(o)) {
        if (k === key) out.push(v);
        walk(v);
      }
    }
  };
  walk(item);
  return out;
}

/** True when the item mentions `text` as a whole string value anywhere. */
export function mentions(item, text) {
  return JSON.stringify(item).includes(JSON.stringify(text));
}

/**
 * The proposal items: those that carry the form's answers (organisation), leaving out
 * idempotency and rate-limit records that may share the table.
 */
export async function proposals(table = env.table) {
  return (await scanAll(table)).filter((it) => valuesOf(it, 'organisation').length > 0);
}
