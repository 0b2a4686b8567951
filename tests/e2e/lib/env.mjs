// What scripts/test.sh hands the node tests: where the built site is served, where submit-fn
// listens, and the DynamoDB API (moto) holding its table.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT = resolve(E2E_DIR, '..', '..');

function need(name) {
  const v = process.env[name];
  if (!v) {
    throw new Error(`${name} is not set: run these tests through scripts/test.sh (it builds the site and starts the stack)`);
  }
  return v;
}

export const env = {
  get siteDir() { return need('E2E_SITE_DIR'); },
  get siteUrl() { return need('E2E_SITE_URL').replace(/\/$/, ''); },
  get submitUrl() { return need('E2E_SUBMIT_URL'); },
  get table() { return need('TABLE_NAME'); },
  get ddbEndpoint() { return need('AWS_ENDPOINT_URL_DYNAMODB'); },
  get region() { return process.env.AWS_REGION || 'ap-southeast-3'; },
  /** moto's SES v2, where `submit-fn outbox run` sends the emails (scripts/lib.sh export_mail_env). */
  get sesEndpoint() { return need('AWS_ENDPOINT_URL_SESV2').replace(/\/$/, ''); },
  /** The deployment's organiser address, to which a new proposal's notice goes unless its province gives its own (none in the test content). */
  get organiserEmail() { return need('ORGANISER_EMAIL'); },
  /** The submit-fn binary scripts/test.sh serves, for `submit-fn outbox run`. */
  get submitFn() { return need('E2E_SUBMIT_FN'); },
  /** Sites whose every page gets the page-quality checks: [{ name, dir, url }]. */
  get qualitySites() {
    if (process.env.E2E_QUALITY_SITES) return JSON.parse(process.env.E2E_QUALITY_SITES);
    return [{ name: 'as-of', dir: this.siteDir, url: this.siteUrl }];
  },
};

/** tests/artifacts/<sub>, created on demand (git-ignored): screenshots and reports. */
export function artifactDir(sub = '') {
  const dir = join(process.env.E2E_ARTIFACTS || join(ROOT, 'tests', 'artifacts'), sub);
  mkdirSync(dir, { recursive: true });
  return dir;
}
