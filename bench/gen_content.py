#!/usr/bin/env python3
"""Synthetic content for the generator benchmark, and the same site for Hugo.

    python3 bench/gen_content.py OUT [--issues 10000] [--provinces 38] [--news 120] [--seed 42]

writes
    OUT/content/   our content format (DESIGN.md): site.yaml and form.yaml copied from the
                   repository's content/, topics.yaml (12 topics), 38 provinces with real
                   Kemendagri codes and names (the codes the theme's map knows), N issues spread
                   round-robin over them, news and four pages; every Markdown file has its
                   English translation (`*.en.md`), as the real site does.
    OUT/hugo/      a Hugo 0.111 site with the same pages: the same Markdown bodies (internal links
                   written as root-relative paths instead of `@/` content links), Indonesian at /
                   and English under /en/, province sections listing their issues, a `topik`
                   taxonomy (topic pages), the news section, the pages, RSS and the sitemap.

Deterministic: the same arguments give byte-identical trees (random.Random(seed), no clock).
Bodies are about 600 words with h2/h3 headings, bold, a bullet list, an ordered list, a table,
a blockquote, inline code, an internal and an external link.
"""

import argparse
import json
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CAPITALS = {
    "11": "Banda Aceh", "12": "Medan", "13": "Padang", "14": "Pekanbaru", "15": "Jambi",
    "16": "Palembang", "17": "Bengkulu", "18": "Bandar Lampung", "19": "Pangkalpinang",
    "21": "Tanjungpinang", "31": "Jakarta", "32": "Bandung", "33": "Semarang",
    "34": "Yogyakarta", "35": "Surabaya", "36": "Serang", "51": "Denpasar", "52": "Mataram",
    "53": "Kupang", "61": "Pontianak", "62": "Palangka Raya", "63": "Banjarbaru",
    "64": "Samarinda", "65": "Tanjung Selor", "71": "Manado", "72": "Palu", "73": "Makassar",
    "74": "Kendari", "75": "Gorontalo", "76": "Mamuju", "81": "Ambon", "82": "Sofifi",
    "91": "Jayapura", "92": "Manokwari", "93": "Merauke", "94": "Nabire", "95": "Wamena",
    "96": "Sorong",
}

TOPICS = [
    ("pengurangan-kemiskinan", "Pengurangan kemiskinan", "Poverty reduction"),
    ("kesehatan", "Kesehatan", "Health"),
    ("air-bersih-dan-sanitasi", "Air bersih dan sanitasi", "Clean water and sanitation"),
    ("pendidikan", "Pendidikan", "Education"),
    ("stunting", "Stunting", "Stunting"),
    ("perkawinan-anak", "Perkawinan anak", "Child marriage"),
    ("pertanian", "Pertanian", "Agriculture"),
    ("perikanan", "Perikanan", "Fisheries"),
    ("energi", "Energi terbarukan", "Renewable energy"),
    ("pariwisata", "Pariwisata", "Tourism"),
    ("umkm", "UMKM", "Small businesses"),
    ("lingkungan", "Lingkungan hidup", "Environment"),
]

ID_WORDS = (
    "layanan publik daerah masyarakat program pemerintah provinsi kabupaten kota desa warga "
    "keluarga anak ibu sekolah guru puskesmas bidan air bersih sanitasi jalan pasar petani "
    "nelayan usaha sosial solusi inovasi teknologi data angka sasaran capaian anggaran dinas "
    "kesehatan pendidikan pelatihan pendampingan akses kualitas biaya waktu jarak wilayah "
    "terpencil pesisir pegunungan kepulauan perempuan pemuda koperasi digital aplikasi laporan "
    "survei hasil dampak berkelanjutan kolaborasi mitra swasta lembaga komunitas relawan "
    "kebijakan peraturan rencana strategis prioritas target indikator pengukuran evaluasi "
    "penyuluhan gizi imunisasi sampah listrik internet transportasi harga produksi panen "
    "pemasaran modal kredit tabungan pendapatan pekerjaan keterampilan sertifikasi"
).split()
EN_WORDS = (
    "public service region community programme government province district city village "
    "resident family child mother school teacher clinic midwife clean water sanitation road "
    "market farmer fisher social enterprise solution innovation technology data figure target "
    "outcome budget office health education training mentoring access quality cost time "
    "distance area remote coastal highland island women youth cooperative digital app report "
    "survey result impact sustainable collaboration partner private institution community "
    "volunteer policy regulation plan strategic priority indicator measurement evaluation "
    "outreach nutrition immunisation waste electricity internet transport price production "
    "harvest marketing capital credit savings income job skill certification"
).split()
ID_CONNECT = "dan yang di untuk dengan dari pada agar karena oleh dalam".split()
EN_CONNECT = "and the of for with from on so because by in".split()

ID = {
    "h": ["Isu yang divalidasi", "Apa yang perlu dicapai solusi", "Data dan sumber", "Yang belum dipublikasikan"],
    "h3": "Rincian",
    "cols": ["Indikator", "Nilai", "Tahun", "Sumber"],
    "see": "Lihat juga",
    "prov": "daftar isu provinsi ini",
    "other": "isu lain di provinsi ini",
    "ext": "laman Kementerian PANRB",
}
EN = {
    "h": ["The issue as validated", "What a solution should achieve", "Data and sources", "What is not yet published"],
    "h3": "Details",
    "cols": ["Indicator", "Value", "Year", "Source"],
    "see": "See also",
    "prov": "this province's issues",
    "other": "another issue in this province",
    "ext": "the KemenPANRB website",
}


def slugify(name):
    out = []
    for ch in name.lower():
        out.append(ch if ch.isalnum() else "-")
    s = "".join(out)
    while "--" in s:
        s = s.replace("--", "-")
    return s.strip("-")


def sentence(rng, words, connect, n):
    ws = []
    for i in range(n):
        ws.append(rng.choice(connect) if i % 4 == 3 else rng.choice(words))
    ws[0] = ws[0].capitalize()
    return " ".join(ws) + "."


def paragraph(rng, words, connect, sentences=5):
    return " ".join(sentence(rng, words, connect, rng.randint(10, 16)) for _ in range(sentences))


def body(rng, lang, links):
    """About 600 words. `links` = (province link, other issue link, external url)."""
    words, connect, t = (ID_WORDS, ID_CONNECT, ID) if lang == "id" else (EN_WORDS, EN_CONNECT, EN)
    p = lambda n=5: paragraph(rng, words, connect, n)  # noqa: E731
    prov, other, ext = links
    w = lambda: rng.choice(words)  # noqa: E731
    parts = [
        f"## {t['h'][0]}\n",
        p(6) + f" **{w()} {w()}** {w()} {w()}.\n",
        p(5) + f" {t['see']} [{t['other']}]({other}).\n",
        f"### {t['h3']}\n",
        "\n".join(f"- {sentence(rng, words, connect, rng.randint(6, 10))}" for _ in range(4)) + "\n",
        f"## {t['h'][1]}\n",
        p(5) + f" Gunakan `{w()}-{w()}` {w()}.\n" if lang == "id" else p(5) + f" Use `{w()}-{w()}` {w()}.\n",
        "\n".join(f"{i}. {sentence(rng, words, connect, rng.randint(6, 10))}" for i in range(1, 4)) + "\n",
        f"> {sentence(rng, words, connect, 14)}\n",
        f"## {t['h'][2]}\n",
        "| " + " | ".join(t["cols"]) + " |\n|---|---:|---:|---|\n"
        + "\n".join(f"| {w()} {w()} | {rng.randint(1, 999)},{rng.randint(0, 9)} | {rng.randint(2015, 2023)} | {w()} |" for _ in range(4)) + "\n",
        p(5) + f" [{t['ext']}]({ext}).\n",
        f"## {t['h'][3]}\n",
        p(5) + f" {t['see']} [{t['prov']}]({prov}).\n",
    ]
    return "\n".join(parts)


def q(s):
    return json.dumps(s, ensure_ascii=False)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def provinces_from_map():
    with open(os.path.join(ROOT, "themes/default/data/indonesia-map.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = [(p["code"], p["name"]) for p in data["provinces"]] + [(p["code"], p["name"]) for p in data["points"]]
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--issues", type=int, default=10000)
    ap.add_argument("--provinces", type=int, default=38)
    ap.add_argument("--news", type=int, default=120)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    provs = provinces_from_map()[: args.provinces]
    if len(provs) < args.provinces:
        sys.exit(f"the map knows only {len(provs)} provinces")
    out = os.path.abspath(args.out)
    for sub in ("content", "hugo"):
        shutil.rmtree(os.path.join(out, sub), ignore_errors=True)
    c = os.path.join(out, "content")
    h = os.path.join(out, "hugo")
    hc = os.path.join(h, "content")

    os.makedirs(c, exist_ok=True)
    shutil.copy(os.path.join(ROOT, "content/site.yaml"), os.path.join(c, "site.yaml"))
    shutil.copy(os.path.join(ROOT, "content/form.yaml"), os.path.join(c, "form.yaml"))
    src = '  - { title: "Sumber sintetis", url: "https://menpan.go.id/site/berita-terkini", publisher: "Kementerian PANRB" }\n'

    topics_yaml = "sources:\n" + src + "topics:\n"
    for slug, idn, en in TOPICS:
        topics_yaml += (f"  - slug: {slug}\n    name:\n      id: {q(idn)}\n      en: {q(en)}\n"
                        f"    description:\n      id: {q('Solusi untuk ' + idn.lower() + '.')}\n"
                        f"      en: {q('Solutions for ' + en.lower() + '.')}\n")
    write(os.path.join(c, "topics.yaml"), topics_yaml)

    hugo_cfg = """baseURL: https://winner.example/
title: Kompetisi WiNNER
defaultContentLanguage: id
defaultContentLanguageInSubdir: false
disableKinds: []
rssLimit: 20
taxonomies:
  topik: topik
languages:
  id:
    languageName: Bahasa Indonesia
    weight: 1
  en:
    languageName: English
    weight: 2
outputs:
  home: [HTML, RSS]
  section: [HTML]
  taxonomy: [HTML]
  term: [HTML]
markup:
  goldmark:
    renderer:
      unsafe: false
"""
    write(os.path.join(h, "hugo.yaml"), hugo_cfg)
    write_hugo_layouts(h)

    for lang, sfx in (("id", ""), ("en", ".en")):
        write(os.path.join(hc, f"_index{sfx}.md"), f"---\ntitle: {q('Kompetisi WiNNER')}\n---\n")
        write(os.path.join(hc, "provinsi", f"_index{sfx}.md"), f"---\ntitle: {q('Provinsi' if lang == 'id' else 'Provinces')}\n---\n")
        write(os.path.join(hc, "berita", f"_index{sfx}.md"), f"---\ntitle: {q('Berita' if lang == 'id' else 'News')}\n---\n")

    rng = random.Random(args.seed)
    pslugs = []
    for code, name in provs:
        slug = slugify(name)
        pslugs.append(slug)
        pdir = os.path.join(c, "provinces", slug)
        write(os.path.join(pdir, "province.yaml"),
              f'code: "{code}"\nname: {q(name)}\ncapital: {q(CAPITALS[code])}\nwave: {1 + int(code) % 2}\n'
              f"validation:\n  date: 2023-04-11\n  place: {q(CAPITALS[code])}\n  agencies: [Dinas Kesehatan, Bappeda]\n"
              f"proposals:\n  opens: 2023-05-01\n  closes: 2023-06-11\nsources:\n{src}")
        for lang, sfx in (("id", ""), ("en", ".en")):
            words, connect = (ID_WORDS, ID_CONNECT) if lang == "id" else (EN_WORDS, EN_CONNECT)
            summary = sentence(rng, words, connect, 12)
            text = paragraph(rng, words, connect, 4) + "\n\n## " + ("Isu strategis" if lang == "id" else "Strategic issues") + "\n\n" + paragraph(rng, words, connect, 3) + "\n"
            write(os.path.join(pdir, f"index{sfx}.md"), f"---\nsummary: {q(summary)}\n---\n{text}")
            write(os.path.join(hc, "provinsi", slug, f"_index{sfx}.md"),
                  f"---\ntitle: {q(name)}\nsummary: {q(summary)}\n---\n{text}")

    counts = [0] * len(provs)
    for n in range(args.issues):
        pi = n % len(provs)
        counts[pi] += 1
        pslug = pslugs[pi]
        islug = f"isu-{n + 1:05d}"
        # The next issue of the same province (the last one links back to the first).
        other_n = n + len(provs) if n + len(provs) < args.issues else pi
        other = f"isu-{other_n + 1:05d}"
        topic = TOPICS[rng.randrange(len(TOPICS))][0]
        status = "validated" if rng.random() < 0.8 else "pending"
        ext = f"https://menpan.go.id/site/berita-terkini/isu-{n + 1}"
        for lang, sfx in (("id", ""), ("en", ".en")):
            words, connect = (ID_WORDS, ID_CONNECT) if lang == "id" else (EN_WORDS, EN_CONNECT)
            title = " ".join(rng.choice(words) for _ in range(4)).capitalize()
            summary = sentence(rng, words, connect, 14)
            state = rng.getstate()
            ours = body(rng, lang, (f"@/provinces/{pslug}/index.md", f"@/provinces/{pslug}/issues/{other}.md", ext))
            rng.setstate(state)
            hugo_prefix = "" if lang == "id" else "/en"
            theirs = body(rng, lang, (f"{hugo_prefix}/provinsi/{pslug}/", f"{hugo_prefix}/provinsi/{pslug}/{other}/", ext))
            if lang == "id":
                front = (f"---\ntitle: {q(title)}\ntopic: {topic}\nstatus: {status}\n"
                         + ("validated_on: 2023-04-11\n" if status == "validated" else "")
                         + f"agencies: [Dinas Kesehatan, Bappeda]\nsummary: {q(summary)}\nsources:\n{src}---\n")
                hfront = (f"---\ntitle: {q(title)}\ndate: 2023-04-11\ntopik: [{topic}]\nstatus: {status}\n"
                          f"summary: {q(summary)}\nagencies: [Dinas Kesehatan, Bappeda]\n"
                          f"sources:\n{src}---\n")
            else:
                front = f"---\ntitle: {q(title)}\nsummary: {q(summary)}\n---\n"
                hfront = (f"---\ntitle: {q(title)}\ndate: 2023-04-11\ntopik: [{topic}]\nstatus: {status}\n"
                          f"summary: {q(summary)}\nagencies: [Dinas Kesehatan, Bappeda]\n"
                          f"sources:\n{src}---\n")
            write(os.path.join(c, "provinces", pslug, "issues", f"{islug}{sfx}.md"), front + ours)
            write(os.path.join(hc, "provinsi", pslug, f"{islug}{sfx}.md"), hfront + theirs)

    for n in range(args.news):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        date = f"2023-{month:02d}-{day:02d}"
        slug = f"berita-{n + 1:04d}"
        pslug = pslugs[n % len(pslugs)]
        for lang, sfx in (("id", ""), ("en", ".en")):
            words, connect = (ID_WORDS, ID_CONNECT) if lang == "id" else (EN_WORDS, EN_CONNECT)
            title = " ".join(rng.choice(words) for _ in range(5)).capitalize()
            summary = sentence(rng, words, connect, 12)
            text = "\n\n".join(paragraph(rng, words, connect, 4) for _ in range(4)) + "\n"
            if lang == "id":
                front = f"---\ntitle: {q(title)}\nsummary: {q(summary)}\nprovinces: [{pslug}]\nsources:\n{src}---\n"
            else:
                front = f"---\ntitle: {q(title)}\nsummary: {q(summary)}\n---\n"
            write(os.path.join(c, "news", f"{date}-{slug}{sfx}.md"), front + text)
            write(os.path.join(hc, "berita", f"{slug}{sfx}.md"),
                  f"---\ntitle: {q(title)}\ndate: {date}\nsummary: {q(summary)}\n---\n{text}")

    pages = [("tentang", "about", 1, None), ("tahapan", "stages", 2, "stages"),
             ("faq", "faq", 3, None), ("privasi", "privacy", 4, None)]
    for slug, en_slug, order, layout in pages:
        for lang, sfx in (("id", ""), ("en", ".en")):
            words, connect = (ID_WORDS, ID_CONNECT) if lang == "id" else (EN_WORDS, EN_CONNECT)
            title = slug.capitalize() if lang == "id" else en_slug.capitalize()
            summary = sentence(rng, words, connect, 10)
            text = "\n\n".join(paragraph(rng, words, connect, 4) for _ in range(3)) + "\n"
            if slug == "privasi":
                # The notice states the version the form's consent records (check K0338).
                label = "Versi" if lang == "id" else "Version"
                text = f"{label}: **{privacy_version()}**\n\n" + text
            if lang == "id":
                front = (f"---\ntitle: {q(title)}\nsummary: {q(summary)}\nnav_order: {order}\n"
                         + (f"layout: {layout}\n" if layout else "") + f"sources:\n{src}---\n")
            else:
                front = f"---\nslug: {en_slug}\ntitle: {q(title)}\nsummary: {q(summary)}\n---\n"
            write(os.path.join(c, "pages", f"{slug}{sfx}.md"), front + text)
            write(os.path.join(hc, f"{slug}{sfx}.md"), f"---\ntitle: {q(title)}\nsummary: {q(summary)}\n---\n{text}")
    print(f"{out}: {args.issues} issues over {len(provs)} provinces, {args.news} news, {len(pages)} pages (each in id and en)")


def privacy_version():
    """The `privacy_notice_version` of the repository's form.yaml (copied into the site)."""
    with open(os.path.join(ROOT, "content/form.yaml"), encoding="utf-8") as f:
        found = re.search(r'^privacy_notice_version:\s*"?([^"\n]+)"?\s*$', f.read(), re.M)
    if not found:
        sys.exit("content/form.yaml states no privacy_notice_version")
    return found.group(1)


def write_hugo_layouts(h):
    lay = os.path.join(h, "layouts", "_default")
    write(os.path.join(lay, "baseof.html"), """<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.summary }}{{ . }}{{ else }}{{ .Site.Title }}{{ end }}">
<link rel="canonical" href="{{ .Permalink }}">
{{ range .Translations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="/site.css">
</head>
<body>
<a href="#main">Skip</a>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav><ul>{{ range .Site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
<li><a href="{{ "topik/" | relLangURL }}">Topik</a></li></ul></nav>
{{ range .Translations }}<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>{{ end }}
</header>
<main id="main">
{{ if .Parent }}<nav aria-label="breadcrumb"><ol><li><a href="{{ .Site.Home.RelPermalink }}">Beranda</a></li>{{ with .Parent }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol></nav>{{ end }}
{{ block "main" . }}{{ end }}
</main>
<footer><p>{{ .Site.Title }}</p><a href="{{ "index.xml" | relLangURL }}">RSS</a></footer>
</body>
</html>
""")
    write(os.path.join(lay, "single.html"), """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>{{ .Params.summary }}</p>
<dl>
<dt>Provinsi</dt><dd>{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</dd>
{{ with .GetTerms "topik" }}<dt>Topik</dt><dd>{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</dd>{{ end }}
{{ with .Params.status }}<dt>Status</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.agencies }}<dt>Dinas</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
</dl>
{{ .Content }}
{{ with .Params.sources }}<section><h2>Sumber</h2><ul>{{ range . }}<li><a href="{{ .url }}">{{ .title }}</a> {{ .publisher }}</li>{{ end }}</ul></section>{{ end }}
</article>
{{ end }}
""")
    write(os.path.join(lay, "list.html"), """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul class="cards">
{{ range .Pages }}<li><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
{{ with .GetTerms "topik" }}{{ range . }}<a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}{{ end }}
<p>{{ .Params.summary }}</p></li>
{{ end }}
</ul>
{{ end }}
""")


if __name__ == "__main__":
    main()
