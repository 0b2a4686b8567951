//! `generator new issue|province|news`: new content files with every field laid out.
//!
//! Each scaffold writes the Indonesian file and its English translation with every field of
//! the model ([`crate::content::model`]) present, and a short comment in Indonesian with the
//! English meaning above each one. Optional fields are commented out with an example value.
//!
//! # An untouched scaffold fails `check`
//!
//! Required values are left empty (`code: ""`, `title: ""`, `topic: ""`, `status:`,
//! `url: ""` …), never filled with plausible stand-ins: content arrives through pull requests,
//! and a scaffold that passed `check` as it stands could be merged and published with
//! placeholder text. Every scaffold holds at least one empty value that `check` rejects at its
//! line (a province code, a topic, a status, a source address, an English title), so the
//! pull-request check stays red until the editor has filled the files in; once every required
//! field is filled in, the files pass `check`. (`check` does not yet reject empty free text such
//! as `summary: ""` by itself; the comment above each field says it is required.)
//!
//! The Markdown bodies hold the section headings the editors' guide recommends, each with one
//! line in italics saying what to write; `check` cannot tell those lines from real prose, so
//! the header comment asks the editor to replace them.
//!
//! [`plan`] only reads (validates the request, renders the files); [`write`] creates them,
//! never over an existing file; [`create`] does both.

use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use time::Date;

use crate::content::model::TopicsFile;
use crate::content::slug::is_slug;
use crate::content::yaml::{self, Origin};

/// What to scaffold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// `provinces/<slug>/province.yaml`, `index.md`, `index.en.md`.
    Province {
        /// Folder name, e.g. `kalimantan-barat`.
        slug: String,
    },
    /// `provinces/<province>/issues/<slug>.md` and `.en.md`.
    Issue {
        /// An existing province folder.
        province: String,
        /// File name without `.md`, e.g. `stunting`.
        slug: String,
    },
    /// `news/<date>-<slug>.md` and `.en.md`.
    News {
        /// The date in the file name (usually today).
        date: Date,
        /// The part of the file name after the date.
        slug: String,
    },
}

/// A file to be written: where, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// Path (the content folder joined with the file's place in it).
    pub path: PathBuf,
    /// The whole text of the file.
    pub text: String,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    /// A slug that cannot be part of a web address (a usage error).
    #[error(
        "`{value}` cannot be used as the {what}: use only lowercase letters a-z, digits 0-9 and single dashes, e.g. `kalimantan-barat`"
    )]
    InvalidSlug {
        /// Which argument, e.g. `province slug`.
        what: &'static str,
        /// What was given.
        value: String,
    },
    /// The content folder does not exist (an environment error).
    #[error(
        "the content folder `{0}` does not exist (run from the repository root or pass --content DIR)"
    )]
    NoContentDir(PathBuf),
    /// `new issue` for a province without a folder.
    #[error(
        "there is no province folder `{}`; create the province first with `generator new province {province}`",
        dir.display()
    )]
    NoProvince {
        /// The province slug asked for.
        province: String,
        /// The folder that is missing.
        dir: PathBuf,
    },
    /// A file that would be written exists already.
    #[error("`{}` already exists; nothing was written (edit that file, or choose another name)", .0.display())]
    Exists(PathBuf),
    /// Another news item already uses the slug (news web addresses leave out the date).
    #[error(
        "the news item `{}` already uses the name `{slug}` (news addresses leave out the date); nothing was written, choose another name",
        existing.display()
    )]
    NewsSlugTaken {
        /// The slug asked for.
        slug: String,
        /// The existing news file.
        existing: PathBuf,
    },
    /// Reading the content folder or writing a file failed.
    #[error("cannot {what} `{}`: {source}", path.display())]
    Io {
        /// What was being done, e.g. `write`.
        what: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl ScaffoldError {
    /// Whether this is a usage or environment error (exit code 2) rather than a refusal
    /// because of the content folder's contents (exit code 1).
    pub fn is_usage(&self) -> bool {
        self.usage()
    }

    /// The message editors see, from the catalogue (`new-*`), in whichever language is chosen.
    pub fn message(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        let shown = |p: &Path| p.display().to_string();
        match self {
            ScaffoldError::InvalidSlug { what, value } => Msg::new("new-invalid-slug")
                .arg("what", what.split(' ').next().unwrap_or("province"))
                .arg("value", value.as_str()),
            ScaffoldError::NoContentDir(dir) => Msg::new("new-no-content").arg("dir", shown(dir)),
            ScaffoldError::NoProvince { province, dir } => Msg::new("new-no-province")
                .arg("province", province.as_str())
                .arg("dir", shown(dir)),
            ScaffoldError::Exists(path) => Msg::new("new-exists").arg("path", shown(path)),
            ScaffoldError::NewsSlugTaken { slug, existing } => Msg::new("new-news-slug-taken")
                .arg("slug", slug.as_str())
                .arg("existing", shown(existing)),
            ScaffoldError::Io { what, path, source } => Msg::new("new-io")
                .arg(
                    "what",
                    match *what {
                        "create the folder" => "mkdir",
                        "read the folder" => "readdir",
                        "create" => "create",
                        _ => "write",
                    },
                )
                .arg("path", shown(path))
                .arg("detail", source.to_string()),
        }
    }

    fn usage(&self) -> bool {
        matches!(
            self,
            ScaffoldError::InvalidSlug { .. }
                | ScaffoldError::NoContentDir(_)
                | ScaffoldError::Io { .. }
        )
    }
}

/// Validates `request` against `content_dir` and renders its files; writes nothing.
pub fn plan(content_dir: &Path, request: &Request) -> Result<Vec<NewFile>, ScaffoldError> {
    let slug_ok = |what: &'static str, value: &str| {
        if is_slug(value) {
            Ok(())
        } else {
            Err(ScaffoldError::InvalidSlug {
                what,
                value: value.to_owned(),
            })
        }
    };
    match request {
        Request::Province { slug } => slug_ok("province slug", slug)?,
        Request::Issue { province, slug } => {
            slug_ok("province slug", province)?;
            slug_ok("issue slug", slug)?;
        }
        Request::News { slug, .. } => slug_ok("news slug", slug)?,
    }
    if !content_dir.is_dir() {
        return Err(ScaffoldError::NoContentDir(content_dir.to_path_buf()));
    }
    let files = match request {
        Request::Province { slug } => province(content_dir, slug),
        Request::Issue { province, slug } => {
            let dir = content_dir.join("provinces").join(province);
            if !dir.is_dir() {
                return Err(ScaffoldError::NoProvince {
                    province: province.clone(),
                    dir,
                });
            }
            issue(content_dir, province, slug)
        }
        Request::News { date, slug } => {
            if let Some(existing) = news_with_slug(content_dir, slug)? {
                return Err(ScaffoldError::NewsSlugTaken {
                    slug: slug.clone(),
                    existing,
                });
            }
            news(content_dir, *date, slug)
        }
    };
    if let Some(taken) = files.iter().find(|f| f.path.exists()) {
        return Err(ScaffoldError::Exists(taken.path.clone()));
    }
    Ok(files)
}

/// Creates `files` (and their folders), never replacing an existing file. When one cannot be
/// created, the ones created before it are removed again, so a failure writes nothing.
pub fn write(files: &[NewFile]) -> Result<(), ScaffoldError> {
    let mut created: Vec<&Path> = Vec::new();
    for file in files {
        if let Err(e) = create_one(file) {
            for path in created {
                let _ = std::fs::remove_file(path);
            }
            return Err(e);
        }
        created.push(&file.path);
    }
    Ok(())
}

/// [`plan`], then [`write`]: the paths written, in order.
pub fn create(content_dir: &Path, request: &Request) -> Result<Vec<PathBuf>, ScaffoldError> {
    let files = plan(content_dir, request)?;
    write(&files)?;
    Ok(files.into_iter().map(|f| f.path).collect())
}

fn create_one(file: &NewFile) -> Result<(), ScaffoldError> {
    let io = |what, source| ScaffoldError::Io {
        what,
        path: file.path.clone(),
        source,
    };
    if let Some(dir) = file.path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| ScaffoldError::Io {
            what: "create the folder",
            path: dir.to_path_buf(),
            source: e,
        })?;
    }
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&file.path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                ScaffoldError::Exists(file.path.clone())
            } else {
                io("create", e)
            }
        })?;
    out.write_all(file.text.as_bytes())
        .map_err(|e| io("write", e))
}

/// The existing news file (Indonesian or English) whose name after the date is `slug`.
fn news_with_slug(content_dir: &Path, slug: &str) -> Result<Option<PathBuf>, ScaffoldError> {
    let dir = content_dir.join("news");
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(ScaffoldError::Io {
                what: "read the folder",
                path: dir,
                source,
            });
        }
    };
    // Name the Indonesian file when there is one (`.en.md` sorts before `.md`).
    let mut names: Vec<(bool, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .map(|name| (name.ends_with(".en.md"), name))
        .collect();
    names.sort();
    Ok(names
        .into_iter()
        .find(|(_, name)| {
            let stem = name
                .strip_suffix(".en.md")
                .or_else(|| name.strip_suffix(".md"));
            stem.and_then(|s| s.get(11..)) == Some(slug)
        })
        .map(|(_, name)| dir.join(name)))
}

/// Replaces every `{key}` of `template` by its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// The topic slugs of `topics.yaml`, for the comment above `topic:` (empty when unreadable:
/// `check` reports that file's problems).
fn topic_slugs(content_dir: &Path) -> String {
    let path = Path::new("topics.yaml");
    let Ok(text) = std::fs::read_to_string(content_dir.join(path)) else {
        return String::new();
    };
    let origin = Origin {
        path,
        first_line: 1,
        start_line: 1,
    };
    match yaml::parse::<TopicsFile>(&text, origin) {
        Ok(file) => file
            .topics
            .iter()
            .map(|t| t.slug.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        Err(_) => String::new(),
    }
}

fn province(content_dir: &Path, slug: &str) -> Vec<NewFile> {
    let dir = content_dir.join("provinces").join(slug);
    let values = [("slug", slug)];
    vec![
        NewFile {
            path: dir.join("province.yaml"),
            text: fill(PROVINCE_YAML, &values),
        },
        NewFile {
            path: dir.join("index.md"),
            text: fill(PROVINCE_INDEX, &values),
        },
        NewFile {
            path: dir.join("index.en.md"),
            text: fill(PROVINCE_INDEX_EN, &values),
        },
    ]
}

fn issue(content_dir: &Path, province: &str, slug: &str) -> Vec<NewFile> {
    let dir = content_dir.join("provinces").join(province).join("issues");
    let topics = topic_slugs(content_dir);
    let topics = if topics.is_empty() {
        "lihat content/topics.yaml (see content/topics.yaml)".to_owned()
    } else {
        topics
    };
    let values = [
        ("province", province),
        ("slug", slug),
        ("topics", topics.as_str()),
    ];
    vec![
        NewFile {
            path: dir.join(format!("{slug}.md")),
            text: fill(ISSUE, &values),
        },
        NewFile {
            path: dir.join(format!("{slug}.en.md")),
            text: fill(ISSUE_EN, &values),
        },
    ]
}

fn news(content_dir: &Path, date: Date, slug: &str) -> Vec<NewFile> {
    let dir = content_dir.join("news");
    let date = winner_catalog::clock::format_date(date);
    let stem = format!("{date}-{slug}");
    let values = [("stem", stem.as_str()), ("date", date.as_str())];
    vec![
        NewFile {
            path: dir.join(format!("{stem}.md")),
            text: fill(NEWS, &values),
        },
        NewFile {
            path: dir.join(format!("{stem}.en.md")),
            text: fill(NEWS_EN, &values),
        },
    ]
}

/// The `sources:` block shared by every Indonesian file (same fields as
/// [`crate::content::model::Source`]).
macro_rules! sources_block {
    () => {
        "# Wajib: sumber publik untuk fakta di berkas ini; satu atau lebih, masing-masing diawali `- `.
# (Required: public sources for the facts in this file; one or more, each starting with `- `.)
sources:
  - title: \"\"   # Wajib: judul sumber seperti tertulis (required: the source's title as published)
    url: \"\"   # Wajib: alamat lengkap, diawali https:// (required: the full address, https://…)
    # publisher: Kementerian PANRB   # Opsional: penerbit (optional: who published it)
    # published: 2023-04-11          # Opsional: tanggal terbit, YYYY-MM-DD (optional: publication date)
"
    };
}

/// How every scaffold's header ends: what to do with it.
macro_rules! fill_in_note {
    () => {
        "# Isi setiap kolom Wajib: `generator check` gagal selama berkas ini belum diisi.
# (Fill in every Required field: `generator check` fails until this file is filled in.)
# Kolom Opsional diawali `# `: hapus `# ` di awal baris untuk memakainya.
# (Optional fields start with `# `: remove the `# ` at the start of the line to use one.)
"
    };
}

const PROVINCE_YAML: &str = concat!(
    "# provinces/{slug}/province.yaml: fakta provinsi (the province's facts).
# Dibuat oleh `generator new province`; panduan: docs/editors-guide.md bagian 4.
# (Made by `generator new province`; guide: docs/editors-guide.en.md section 4.)
",
    fill_in_note!(),
    "
# Wajib: kode Kemendagri, dua digit, selalu dalam tanda kutip, mis. \"61\".
# (Required: the Kemendagri code, two digits, always in quotes.)
code: \"\"

# Wajib: nama resmi provinsi, mis. Kalimantan Barat. (Required: the official name.)
name: \"\"

# Wajib: ibu kota provinsi, mis. Pontianak. (Required: the capital city.)
capital: \"\"

# Opsional: gelombang kompetisi, angka tanpa tanda kutip: 1 atau 2.
# (Optional: the competition wave, a number without quotes.)
# wave: 2

# Opsional: rapat (FGD) yang memvalidasi isu strategis provinsi; hapus blok bila tidak terdokumentasi.
# (Optional: the meeting that validated the province's issues; leave out if undocumented.)
# validation:
#   date: 2023-04-11        # Wajib dalam validation: tanggal rapat (required inside: the day, YYYY-MM-DD)
#   place: Pontianak        # Wajib dalam validation: tempat (required inside: where it was held)
#   opened_by: Nama, Jabatan   # Opsional: yang membuka rapat (optional: who opened it)
#   agencies:               # Opsional: perangkat daerah peserta (optional: agencies taking part)
#     - Dinas Kesehatan

# Opsional: jendela usulan. TANPA blok ini provinsi TIDAK menerima usulan. Tanggal termasuk harinya (WIB).
# (Optional: the proposals window. WITHOUT it the province accepts NO proposals. Days inclusive, WIB.)
# Tulis `opens` bila sumber menyebut hari pertama. Bila tidak, tulis `not_before`: hari paling awal
# yang dimungkinkan sumber (mis. peluncuran); situs tidak pernah menyebut pendaftaran dibuka sebelumnya.
# (Write `opens` when a source states the first day; otherwise `not_before`, the earliest day a source
# allows, e.g. the launch: the site never calls the window open before it. One of the two is required.)
# proposals:
#   opens: 2023-04-12       # hari pertama menurut sumber (first day, as a source states it)
#   # not_before: 2023-02-06  # ATAU: hari pertama tidak diketahui, paling awal hari ini (OR: first day unknown, not before)
#   closes: 2023-06-11      # Opsional: hari terakhir; tanpa ini tidak berakhir (optional: last day; absent = open-ended)

# Opsional: jumlah isu menurut sumber, bila berbeda dari jumlah berkas isu (mis. rilis menyebut
# \"lima isu\" tetapi mendaftar enam butir). `source` adalah URL salah satu `sources` di bawah.
# (Optional: the issue count a source states, where it differs from the issue files.)
# issues_stated:
#   count: 5
#   source: https://…

# Opsional: alamat email resmi lembaga yang menerima pemberitahuan setiap usulan untuk provinsi ini,
# menggantikan alamat penyelenggara. Satu alamat, tanpa nama. Alamat ini tercantum di catalog.json yang
# terbuka untuk umum: jangan isi alamat pribadi.
# (Optional: an institution's published address for the notice of each proposal, instead of the
# organiser's. One address, no name. It is published in catalog.json: never a person's address.)
# organiser_email: bappeda@…

",
    sources_block!(),
    "
# Opsional: catatan penyunting, alasan dan sumber di balik fakta di atas; tidak tampil di situs.
# Tulis di sini, bukan sebagai komentar `#`: studio penyuntingan menghapus komentar saat menyimpan.
# (Optional: the editors' reasoning behind these facts; never shown. Write it here, not as `#`
# comments: the editing studio drops comments when it saves.)
# notes: |-
#   Hari pertama pendaftaran belum kami temukan; ...
",
);

const PROVINCE_INDEX: &str = concat!(
    "---
# provinces/{slug}/index.md: narasi provinsi (the province's narrative), bahasa Indonesia.
# Tanpa `title`: judul halaman adalah nama provinsi. (No `title`: the page title is the province's name.)
",
    fill_in_note!(),
    "# Ganti setiap baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace every italic instruction line below with your text.)

# Opsional: satu kalimat untuk daftar provinsi dan pratinjau tautan.
# (Optional: one sentence for lists and link previews.)
summary:
---
_Tulis di sini: provinsi ini dalam kompetisi (gelombang, pendaftaran), sejauh yang disebut sumber._

## Validasi isu

_Tulis di sini: kapan dan di mana isu strategis divalidasi, dengan tautan ke beritanya; atau tulis bahwa hal itu belum kami temukan di sumber publik._

## Isu strategis

_Tulis di sini: daftar isu, mis. `- [Stunting](@/provinces/{slug}/issues/stunting.md)`._
"
);

const PROVINCE_INDEX_EN: &str = "---
# provinces/{slug}/index.en.md: terjemahan Inggris narasi provinsi (the English translation).
# Hanya `summary` dan isi; tanpa `title`. (Only `summary` and the body; no `title`.)
# Ganti setiap baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace every italic instruction line below with your text.)

# Opsional: ringkasan dalam bahasa Inggris, satu kalimat. (Optional: the English summary.)
summary:
---
_Write here: the province in the competition (wave, registration), as far as the sources say._

## Issue validation

_Write here: when and where the strategic issues were validated, with a link to the news item; or say that we have not found it in public sources._

## Strategic issues

_Write here: the list of issues, e.g. `- [Stunting](@/provinces/{slug}/issues/stunting.md)`._
";

const ISSUE: &str = concat!(
    "---
# provinces/{province}/issues/{slug}.md: satu isu strategis (one strategic issue).
# Dibuat oleh `generator new issue`; panduan: docs/editors-guide.md bagian 5.
# (Made by `generator new issue`; guide: docs/editors-guide.en.md section 5.)
",
    fill_in_note!(),
    "# Ganti setiap baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace every italic instruction line below with your text.)

# Wajib: nama isu seperti yang divalidasi, mis. Stunting. (Required: the issue's name as validated.)
title: \"\"

# Wajib: topik nasional, satu slug dari content/topics.yaml. (Required: the national topic, a slug from topics.yaml.)
# Pilihan (choices): {topics}
topic: \"\"

# Wajib: validated (divalidasi pemerintah provinsi) atau pending (diumumkan, belum divalidasi).
# (Required: validated by the provincial government, or pending: announced, not yet validated.)
status:

# Opsional, hanya bila status validated: tanggal validasi, YYYY-MM-DD.
# (Optional, only for validated issues: the day of validation.)
# validated_on: 2023-04-11

# Opsional: perangkat daerah PENANGGUNG JAWAB isu, hanya bila sumber menyebutnya.
# (Optional: the agencies RESPONSIBLE for the issue, only if a source says so.)
# agencies: [Dinas Kesehatan]

# Wajib: satu kalimat untuk daftar isu dan pratinjau tautan. (Required: one sentence for lists and link previews.)
summary: \"\"

",
    sources_block!(),
    "---
## Isu yang divalidasi

_Tulis di sini: apa masalahnya, kapan dan di mana divalidasi, siapa yang ikut, sejauh yang disebut sumber._

## Data dan sumber

_Tulis di sini: angka dan target beserta sumbernya, atau (dengan judul \"Yang belum kami temukan\") apa yang belum kami temukan di sumber publik. Petunjuk umum bagi pengusul ditambahkan tampilan situs; jangan ditulis di sini._

## Asal keterangan

_Tulis di sini: dari mana fakta di halaman ini berasal, dengan tautan._
"
);

const ISSUE_EN: &str = "---
# provinces/{province}/issues/{slug}.en.md: terjemahan Inggris (the English translation).
# Hanya `title`, `summary` dan isi; fakta (topic, status, tanggal, sumber) ada di {slug}.md.
# (Only `title`, `summary` and the body; the facts live in {slug}.md.)
# Ganti setiap baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace every italic instruction line below with your text.)

# Wajib: judul dalam bahasa Inggris; kosong membuat `generator check` gagal.
# (Required: the English title; empty makes `generator check` fail.)
title: \"\"

# Opsional: ringkasan bahasa Inggris, satu kalimat. (Optional: the English summary, one sentence.)
summary:
---
## The issue as validated

_Write here: what the problem is, when and where it was validated, who took part, as far as the sources say._

## Data and sources

_Write here: figures and targets with their sources, or (headed \"What we have not found\") what we have not found in public sources. The site's design adds the general guidance for proposers; do not write it here._

## Where this information comes from

_Write here: where the facts on this page come from, with links._
";

const NEWS: &str = concat!(
    "---
# news/{stem}.md: satu berita (one news item).
# Tanggal berita diambil dari nama berkas ({date}): ganti nama kedua berkas bila tanggalnya lain.
# (The item's date comes from the file name: rename both files if the day is another one.)
# Dibuat oleh `generator new news`; panduan: docs/editors-guide.md bagian 6.
# (Made by `generator new news`; guide: docs/editors-guide.en.md section 6.)
",
    fill_in_note!(),
    "# Ganti baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace the italic instruction line below with your text.)

# Wajib: judul berita. (Required: the headline.)
title: \"\"

# Wajib: satu kalimat untuk daftar berita dan feed. (Required: one sentence for news lists and feeds.)
summary: \"\"

# Opsional: provinsi yang dibahas, nama folder di provinces/. (Optional: the provinces it is about, folder names.)
# provinces: [kalimantan-barat]

",
    sources_block!(),
    "---
_Tulis di sini: isi berita dengan kata-kata sendiri, dari sumber publik yang tercantum._
"
);

const NEWS_EN: &str = "---
# news/{stem}.en.md: terjemahan Inggris (the English translation).
# Hanya `title`, `summary` dan isi; fakta ada di {stem}.md. (Only `title`, `summary` and the body.)
# Ganti baris petunjuk bercetak miring di bawah dengan teks Anda.
# (Replace the italic instruction line below with your text.)

# Wajib: judul dalam bahasa Inggris; kosong membuat `generator check` gagal.
# (Required: the English headline; empty makes `generator check` fail.)
title: \"\"

# Opsional: ringkasan bahasa Inggris, satu kalimat. (Optional: the English summary, one sentence.)
summary:
---
_Write here: the item in your own words, from the public sources listed in the Indonesian file._
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_loader() {
        for good in ["kalimantan-barat", "a", "isu-2", "2023"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in [
            "",
            "Kalbar",
            "kal_bar",
            "-a",
            "a-",
            "a--b",
            "kal barat",
            "é",
        ] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn templates_have_no_unfilled_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let date = time::macros::date!(2023 - 04 - 11);
        let all = [
            province(dir.path(), "banten"),
            issue(dir.path(), "banten", "stunting"),
            news(dir.path(), date, "fgd"),
        ];
        for file in all.iter().flatten() {
            for key in ["{slug}", "{province}", "{topics}", "{stem}", "{date}"] {
                assert!(!file.text.contains(key), "{key} in {}", file.path.display());
            }
        }
        assert!(all[2][0].path.ends_with("news/2023-04-11-fgd.md"));
    }

    #[test]
    fn news_slug_matching_ignores_the_date() {
        let dir = tempfile::tempdir().expect("tempdir");
        let news = dir.path().join("news");
        std::fs::create_dir_all(&news).expect("mkdir");
        std::fs::write(news.join("2023-04-11-fgd.en.md"), "").expect("write");
        let found = news_with_slug(dir.path(), "fgd").expect("read");
        assert_eq!(found, Some(news.join("2023-04-11-fgd.en.md")));
        assert_eq!(news_with_slug(dir.path(), "fg").expect("read"), None);
    }
}
