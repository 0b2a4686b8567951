// Facts about the built site the tests need, read from its catalog.json (the same contract
// submit-fn reads), so the tests follow the content instead of hard-coding it.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const AS_OF = process.env.E2E_AS_OF || '2023-06-01';

export function loadCatalog(siteDir) {
  return JSON.parse(readFileSync(join(siteDir, 'catalog.json'), 'utf8'));
}

/** Whether a province's proposals window contains `day` (YYYY-MM-DD, inclusive, null = open). */
export function windowOpen(province, day = AS_OF) {
  const w = province.proposals;
  if (!w) return false;
  return (!w.opens || w.opens <= day) && (!w.closes || day <= w.closes);
}

/** Every (province, issue) that takes proposals on `day`. */
export function openTargets(catalog, day = AS_OF) {
  return catalog.provinces
    .filter((p) => windowOpen(p, day))
    .flatMap((p) => p.issues.filter((i) => i.status === 'validated').map((i) => ({ province: p, issue: i })));
}

/** Every HTML file of a built site as { file, path } where path is the URL path it is served at. */
export function htmlPages(siteDir) {
  const out = [];
  const walk = (dir) => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, ent.name);
      if (ent.isDirectory()) walk(full);
      else if (ent.name.endsWith('.html')) {
        const rel = relative(siteDir, full).split(sep).join('/');
        const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        out.push({ file: full, path });
      }
    }
  };
  walk(siteDir);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Text with Indonesian punctuation and line breaks, at least `min` characters. */
function longText(label, min = 20) {
  let s = `${label}: Pemberdayaan ibu & anak — Kalimantan Barat, kebutuhan air bersih.\n` +
    'Baris kedua: 1.200 keluarga di Kabupaten Sambas; «kutipan», ‘petik’ & "dua" — selesai.\n\n' +
    'Paragraf ketiga dengan aksara é, ü, ñ dan angka 50%.';
  while (s.length < min) s += ' Tambahan kalimat.';
  return s;
}

/**
 * Answers for every field of the form definition, keyed by field name, as a person would type
 * them. `tag` makes each submission unique (submissions without a token are deduplicated by
 * their content).
 */
export function answers(form, tag) {
  const out = {};
  for (const f of form.fields) {
    switch (f.type) {
      case 'text':
        out[f.name] = f.name === 'organisation'
          ? `Pemberdayaan ibu & anak — Kalimantan Barat, kebutuhan air bersih (${tag})`
          : f.name === 'contact_name' ? 'Siti Nurhaliza Ramadhani' : `Jawaban ${f.name} ${tag}`;
        break;
      case 'email': out[f.name] = `uji.${tag.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.org`; break;
      case 'tel': out[f.name] = '+62 812 3456 7890'; break;
      case 'url': out[f.name] = 'https://example.org/video-usulan'; break;
      case 'number': out[f.name] = String(f.min ?? 1); break;
      case 'textarea': out[f.name] = longText(`${f.name} ${tag}`, f.min_length ?? 0); break;
      case 'select': out[f.name] = f.options[f.options.length > 1 ? 1 : 0].value; break;
      case 'checkbox': out[f.name] = 'yes'; break;
      default: throw new Error(`form field type ${f.type} unknown to the tests`);
    }
    if (f.max_length && out[f.name].length > f.max_length) out[f.name] = out[f.name].slice(0, f.max_length).trim();
  }
  return out;
}
