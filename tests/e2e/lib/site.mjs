// Facts about the built site the tests need, read from its catalog.json (the same contract
// submit-fn reads) and its pages, so the tests follow the content and the generator's own rules
// instead of hard-coding or re-deriving them.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function loadCatalog(siteDir) {
  return JSON.parse(readFileSync(join(siteDir, 'catalog.json'), 'utf8'));
}

/**
 * Every (province, issue) that the site built in `siteDir` takes proposals for, as catalog
 * objects. Which ones are open is not re-derived here: the generator applies the one window
 * rule (winner_catalog's `Window::state_on`, with `opens`, `not_before` and `closes`) as of its
 * build date and renders exactly the open targets into the form page's issue list
 * (`<optgroup data-province>` of `<option value>`), so that page is read.
 */
export function openTargets(catalog, siteDir) {
  const html = readFileSync(join(siteDir, catalog.form_path.id.replace(/^\//, ''), 'index.html'), 'utf8');
  const out = [];
  for (const group of html.matchAll(/<optgroup [^>]*data-province="([^"]+)"[^>]*>([\s\S]*?)<\/optgroup>/g)) {
    const province = catalog.provinces.find((p) => p.slug === group[1]);
    if (!province) throw new Error(`the form offers province ${group[1]}, which the catalog lacks`);
    for (const opt of group[2].matchAll(/<option value="([^"]+)"/g)) {
      const issue = province.issues.find((i) => i.slug === opt[1]);
      if (!issue) throw new Error(`the form offers issue ${group[1]}/${opt[1]}, which the catalog lacks`);
      out.push({ province, issue });
    }
  }
  return out;
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
