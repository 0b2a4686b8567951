//! The studio's configuration (Sveltia CMS `config.json`), generated from the content model.
//!
//! One function per content struct lists that struct's fields as form fields (type,
//! required-ness, options, formats, limits, Indonesian help). The tests below compare every
//! list with the struct's own field names ([`super::fields`]), in both directions, so a field
//! added to `content::model` and forgotten here (or the other way round) fails the build's
//! tests. Options (topic slugs, province slugs, statuses) come from the loaded site, so the
//! form offers exactly what `check` accepts.
//!
//! Layout: one folder collection per province for issues (`provinces/<p>/issues/`), news,
//! pages; file collections for `site.yaml`, `topics.yaml`, each `province.yaml` and each
//! province narrative. Translations follow DESIGN.md: `i18n.structure: multiple_files` with the
//! default locale (`id`) left out of the file name, so `stunting.md` and `stunting.en.md`
//! stay as they are; facts are fields without `i18n` and so are written to the Indonesian file
//! only.

use serde_json::{Value, json};

use super::widgets::{
    SLUG_PATTERN, URL_PATTERN, body, date, integer, list, object, pattern, required_in, select,
    string, strings, text, translated,
};
use crate::content::{Site, media};

/// Where the studio reads and writes: the git host in production; the same settings let the
/// CMS offer "work with local repository" on `localhost`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backend {
    /// `github`, `gitlab` or `gitea` (what Sveltia CMS supports).
    pub name: String,
    /// `owner/name` of the repository.
    pub repo: String,
    /// The branch edits are committed to (a pull request takes them to `main`).
    pub branch: String,
    /// The OAuth helper or the git host's URL, when not the default.
    pub base_url: Option<String>,
}

/// Everything the configuration needs besides the content.
#[derive(Debug, Clone)]
pub struct StudioOptions {
    /// The git backend.
    pub backend: Backend,
    /// Public base URL of the site (for "view on site" links).
    pub site_url: String,
}

/// The shared media library (the CMS requires one): the content folder's top-level
/// `images/` folder, which `check` accepts like any other (`content::media`). Uploads made
/// while editing an entry go to the entry's own folder instead ([`with_entry_media`]).
pub const MEDIA_FOLDER: &str = "content/images";
/// The public path of [`MEDIA_FOLDER`] (the CMS wants an absolute one).
pub const PUBLIC_FOLDER: &str = "/images";

/// Where an entry's uploads land, relative to the entry's file (the CMS reads a relative
/// `media_folder` so), which is also the path written into its Markdown (`public_folder`):
/// `images/` beside a narrative, a news item or a page, the province's `images/` one level
/// up from an issue. The Markdown then reads `![…](images/peta.png)` or
/// `![…](../images/peta.png)`, the relative form `check` resolves and the site publishes.
fn with_entry_media(mut value: Value, up: usize) -> Value {
    let folder = format!("{}{}", "../".repeat(up), media::IMAGE_FOLDER);
    value["media_folder"] = json!(folder);
    value["public_folder"] = json!(folder);
    value
}

/// The whole configuration for `site` (its provinces and topics give the options).
pub fn config(site: &Site, options: &StudioOptions) -> Value {
    let b = &options.backend;
    let mut backend = json!({ "name": b.name, "repo": b.repo, "branch": b.branch });
    if let Some(url) = &b.base_url {
        backend["base_url"] = json!(url);
    }
    let mut collections = vec![
        site_collection(),
        topics_collection(),
        provinces_collection(site),
        narratives_collection(site),
    ];
    for p in &site.provinces {
        collections.push(issues_collection(site, &p.slug, &p.facts.name));
    }
    collections.push(news_collection(site));
    collections.push(pages_collection());
    let mut config = json!({
        "backend": backend,
        "site_url": options.site_url,
        "locale": "id",
        "media_folder": MEDIA_FOLDER,
        "public_folder": PUBLIC_FOLDER,
        "output": { "omit_empty_optional_fields": true },
        "i18n": {
            "structure": "multiple_files",
            "locales": ["id", "en"],
            "default_locale": "id",
            "omit_default_locale_from_file_path": true,
        },
        "collections": collections,
    });
    // Edits reach `main` as pull requests (a branch per entry, checked by the content
    // workflow), where the git host allows it: Sveltia's editorial workflow is GitHub and
    // GitLab only. In local mode the CMS writes the clone directly and ignores this.
    if ["github", "gitlab"].contains(&b.name.as_str()) {
        config["publish_mode"] = json!("editorial_workflow");
    }
    config
}

// ---- shared field groups -------------------------------------------------------------------

/// `model::Source`.
pub(super) fn source_fields() -> Vec<Value> {
    vec![
        string(
            "title",
            "Judul",
            "Judul sumber seperti ditulis penerbitnya.",
            true,
        ),
        pattern(
            "url",
            "Alamat (URL)",
            "Alamat lengkap, diawali https://",
            true,
            URL_PATTERN,
            "Alamat harus diawali http:// atau https://",
        ),
        string("publisher", "Penerbit", "Misalnya KemenPANRB.", false),
        date(
            "published",
            "Tanggal terbit",
            "Kosongkan bila tidak diketahui.",
            false,
        ),
    ]
}

fn sources(required: bool) -> Value {
    list(
        "sources",
        "Sumber",
        "Sumber publik untuk setiap fakta di halaman ini.",
        required,
        source_fields(),
    )
}

/// `winner_catalog::Localized`.
pub(super) fn localized_fields(multiline: bool) -> Vec<Value> {
    let field = if multiline { text } else { string };
    vec![
        field("id", "Bahasa Indonesia", "", true),
        field("en", "English", "", true),
    ]
}

fn localized(name: &str, label: &str, hint: &str, multiline: bool) -> Value {
    object(name, label, hint, true, localized_fields(multiline))
}

// ---- site.yaml -------------------------------------------------------------------------

/// `model::SiteFile`.
pub(super) fn site_fields() -> Vec<Value> {
    vec![
        localized("title", "Judul situs", "", false),
        localized("tagline", "Slogan", "Satu baris di bawah judul.", false),
        localized(
            "description",
            "Deskripsi",
            "Untuk mesin pencari dan pratinjau tautan.",
            true,
        ),
        localized(
            "intro",
            "Pengantar",
            "Paragraf singkat di beranda (teks biasa).",
            true,
        ),
        pattern(
            "base_url",
            "Alamat situs",
            "Tanpa garis miring di akhir.",
            true,
            "^https?://[^/\\s]+(/[^\\s]*[^/\\s])?$",
            "Alamat lengkap tanpa garis miring di akhir",
        ),
        pattern(
            "submit_url",
            "Alamat pengiriman formulir",
            "",
            true,
            URL_PATTERN,
            "Alamat harus diawali http:// atau https://",
        ),
        strings(
            "languages",
            "Bahasa",
            "Selalu id lalu en; jangan diubah.",
            true,
        ),
        localized("organiser", "Penyelenggara", "", false),
        object("competition", "Kompetisi", "", true, competition_fields()),
        sources(true),
    ]
}

/// `model::Competition`.
pub(super) fn competition_fields() -> Vec<Value> {
    vec![
        localized("name", "Nama lengkap", "", false),
        string("edition", "Edisi", "Misalnya 2023.", true),
        localized(
            "legal_basis",
            "Dasar hukum",
            "Nomor dan judul keputusan.",
            true,
        ),
        list(
            "stages",
            "Tahapan",
            "Urut dari yang pertama.",
            true,
            stage_fields(),
        ),
    ]
}

/// `model::Stage`.
pub(super) fn stage_fields() -> Vec<Value> {
    vec![
        pattern(
            "slug",
            "Slug",
            "Huruf kecil dan tanda hubung, misalnya peluncuran.",
            true,
            SLUG_PATTERN,
            "Huruf kecil, angka dan tanda hubung saja",
        ),
        localized("title", "Nama tahap", "", false),
        localized("description", "Keterangan", "", true),
        date(
            "starts",
            "Mulai",
            "Kosongkan bila tidak dipublikasikan.",
            false,
        ),
        date(
            "ends",
            "Selesai",
            "Kosongkan bila tidak dipublikasikan.",
            false,
        ),
        object(
            "note",
            "Catatan waktu",
            "Misalnya \"tanggal belum kami temukan\".",
            false,
            localized_fields(false),
        ),
        sources(false),
    ]
}

fn site_collection() -> Value {
    json!({
        "name": "site",
        "label": "Pengaturan situs",
        "files": [{
            "name": "site",
            "label": "Pengaturan situs (site.yaml)",
            "file": "content/site.yaml",
            "fields": site_fields(),
        }],
    })
}

// ---- topics.yaml -----------------------------------------------------------------------

/// `model::TopicsFile`.
pub(super) fn topics_file_fields() -> Vec<Value> {
    vec![
        sources(true),
        list(
            "topics",
            "Topik",
            "Urutan di sini adalah urutan tampil.",
            true,
            topic_fields(),
        ),
    ]
}

/// `model::Topic`.
pub(super) fn topic_fields() -> Vec<Value> {
    vec![
        pattern(
            "slug",
            "Slug",
            "Dipakai di alamat /topik/<slug>/ dan di isian topic setiap isu.",
            true,
            SLUG_PATTERN,
            "Huruf kecil, angka dan tanda hubung saja",
        ),
        localized("name", "Nama", "", false),
        localized("description", "Keterangan", "Satu atau dua kalimat.", true),
    ]
}

fn topics_collection() -> Value {
    json!({
        "name": "topics",
        "label": "Topik prioritas",
        "files": [{
            "name": "topics",
            "label": "Topik prioritas (topics.yaml)",
            "file": "content/topics.yaml",
            "fields": topics_file_fields(),
        }],
    })
}

// ---- provinces -------------------------------------------------------------------------

/// `model::ProvinceFile`.
pub(super) fn province_fields() -> Vec<Value> {
    vec![
        pattern(
            "code",
            "Kode Kemendagri",
            "Dua angka, misalnya 61.",
            true,
            "^[0-9]{2}$",
            "Dua angka",
        ),
        string("name", "Nama provinsi", "", true),
        string("capital", "Ibu kota", "", true),
        integer(
            "wave",
            "Gelombang",
            "Kosongkan bila tidak diketahui.",
            false,
            1,
            9,
        ),
        object(
            "validation",
            "Rapat validasi isu",
            "Kosongkan bila belum terdokumentasi.",
            false,
            validation_fields(),
        ),
        object(
            "proposals",
            "Masa pengajuan usulan",
            "Kosongkan seluruhnya bila provinsi tidak menerima usulan. Bila tanggal buka tidak \
             diketahui, isi \"paling cepat\" dan kosongkan \"dibuka\".",
            false,
            window_fields(),
        ),
        object(
            "issues_stated",
            "Jumlah isu menurut sumber",
            "Hanya bila sumber menyebut jumlah yang berbeda dari jumlah berkas isu.",
            false,
            issues_stated_fields(),
        ),
        // No pattern here: `check` holds the one address rule (`winner_catalog::is_email`).
        string(
            "organiser_email",
            "Email penerima pemberitahuan usulan",
            "Alamat resmi lembaga (mis. Bappeda) yang menerima pemberitahuan setiap usulan untuk \
             provinsi ini, menggantikan alamat penyelenggara. Satu alamat saja, tanpa nama, dan \
             hanya alamat yang diterbitkan lembaganya. Alamat ini tercantum di catalog.json yang \
             terbuka untuk umum: jangan isi alamat pribadi. Kosongkan untuk memakai alamat \
             penyelenggara.",
            false,
        ),
        sources(true),
        text(
            "notes",
            "Catatan penyunting",
            "Alasan dan sumber di balik isian di atas (mis. mengapa hanya ada \"paling cepat\"). \
             Tidak tampil di situs. Tulis di sini, bukan sebagai komentar #: studio menghapus \
             komentar saat menyimpan.",
            false,
        ),
    ]
}

/// `model::Validation`.
pub(super) fn validation_fields() -> Vec<Value> {
    vec![
        date("date", "Tanggal", "", true),
        string("place", "Tempat", "", true),
        string(
            "opened_by",
            "Dibuka oleh",
            "Kosongkan bila tidak diberitakan.",
            false,
        ),
        strings("agencies", "Perangkat daerah", "Satu per baris.", false),
    ]
}

/// `winner_catalog::Window`.
pub(super) fn window_fields() -> Vec<Value> {
    vec![
        date("opens", "Dibuka", "Hari pertama usulan diterima.", false),
        date(
            "not_before",
            "Paling cepat",
            "Hanya bila tanggal buka tidak diketahui: hari paling awal menurut sumber.",
            false,
        ),
        date(
            "closes",
            "Ditutup",
            "Hari terakhir; kosongkan bila tanpa batas.",
            false,
        ),
    ]
}

/// `model::IssuesStated`.
pub(super) fn issues_stated_fields() -> Vec<Value> {
    vec![
        integer("count", "Jumlah", "", true, 1, 99),
        pattern(
            "source",
            "Sumber",
            "Alamat salah satu sumber provinsi ini.",
            true,
            URL_PATTERN,
            "Alamat harus diawali http:// atau https://",
        ),
    ]
}

fn provinces_collection(site: &Site) -> Value {
    let files: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| {
            json!({
                "name": p.slug,
                "label": p.facts.name,
                "file": format!("content/provinces/{}/province.yaml", p.slug),
                "fields": province_fields(),
            })
        })
        .collect();
    json!({ "name": "provinces", "label": "Provinsi: data", "files": files })
}

/// `model::ProvinceIndexFront` (Indonesian file) and the narrative's translated fields.
pub(super) fn narrative_fields() -> Vec<Value> {
    vec![
        translated(text(
            "summary",
            "Ringkasan",
            "Satu kalimat untuk daftar dan pratinjau tautan.",
            false,
        )),
        translated(body("Narasi provinsi.")),
    ]
}

fn narratives_collection(site: &Site) -> Value {
    let files: Vec<Value> = site
        .provinces
        .iter()
        .map(|p| {
            with_entry_media(
                json!({
                    "name": p.slug,
                    "label": p.facts.name,
                    "file": format!("content/provinces/{}/index.{{{{locale}}}}.md", p.slug),
                    "format": "yaml-frontmatter",
                    "i18n": true,
                    "fields": narrative_fields(),
                }),
                0,
            )
        })
        .collect();
    json!({
        "name": "narratives",
        "label": "Provinsi: narasi",
        "i18n": true,
        "files": files,
    })
}

// ---- issues ---------------------------------------------------------------------------

/// `model::IssueFront` (all fields) with `model::Translation`'s marked as translated.
pub(super) fn issue_fields(site: &Site) -> Vec<Value> {
    let topics: Vec<(String, String)> = site
        .topics
        .iter()
        .map(|t| (t.slug.clone(), t.name.id.clone()))
        .collect();
    let statuses = [
        ("validated".to_string(), "Divalidasi".to_string()),
        ("pending".to_string(), "Belum divalidasi".to_string()),
    ];
    vec![
        translated(string("title", "Judul", "Nama isu, singkat.", true)),
        select(
            "topic",
            "Topik",
            "Topik prioritas nasional dari topics.yaml.",
            true,
            false,
            &topics,
        ),
        select(
            "status",
            "Status",
            "Divalidasi hanya bila sumber menyebut isu ini divalidasi.",
            true,
            false,
            &statuses,
        ),
        date(
            "validated_on",
            "Tanggal validasi",
            "Kosongkan bila tidak diketahui.",
            false,
        ),
        strings("agencies", "Perangkat daerah", "Satu per baris.", false),
        translated(text(
            "summary",
            "Ringkasan",
            "Satu kalimat untuk daftar dan pratinjau tautan.",
            true,
        )),
        sources(true),
        translated(body(
            "Masalahnya, apa yang perlu dicapai solusi, dan data beserta sumbernya.",
        )),
    ]
}

fn issues_collection(site: &Site, province: &str, name: &str) -> Value {
    let collection = json!({
        "name": format!("issues-{province}"),
        "label": format!("Isu: {name}"),
        "label_singular": "Isu",
        "folder": format!("content/provinces/{province}/issues"),
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": true,
        "identifier_field": "title",
        "slug": "{{title}}",
        "i18n": true,
        "fields": issue_fields(site),
    });
    with_entry_media(collection, 1)
}

// ---- news -----------------------------------------------------------------------------

/// `model::NewsFront` with `model::Translation`'s fields marked as translated.
pub(super) fn news_fields(site: &Site) -> Vec<Value> {
    let provinces: Vec<(String, String)> = site
        .provinces
        .iter()
        .map(|p| (p.slug.clone(), p.facts.name.clone()))
        .collect();
    vec![
        translated(string("title", "Judul berita", "", true)),
        translated(text(
            "summary",
            "Ringkasan",
            "Satu kalimat untuk daftar dan umpan.",
            true,
        )),
        select(
            "provinces",
            "Provinsi",
            "Provinsi yang diberitakan.",
            false,
            true,
            &provinces,
        ),
        sources(true),
        translated(body("Isi berita.")),
    ]
}

fn news_collection(site: &Site) -> Value {
    let collection = json!({
        "name": "news",
        "label": "Berita",
        "label_singular": "Berita",
        "folder": "content/news",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": true,
        "identifier_field": "title",
        "slug": "{{year}}-{{month}}-{{day}}-{{title}}",
        "sortable_fields": { "fields": ["title"], "default": { "field": "title" } },
        "i18n": true,
        "fields": news_fields(site),
    });
    with_entry_media(collection, 0)
}

// ---- pages ----------------------------------------------------------------------------

/// `model::PageFront` with `model::PageTranslation`'s fields marked as translated (`slug`
/// exists only in the English file).
pub(super) fn page_fields() -> Vec<Value> {
    let layouts = [("stages".to_string(), "Tahapan dari site.yaml".to_string())];
    vec![
        required_in(
            translated(pattern(
                "slug",
                "Slug bahasa Inggris",
                "Hanya di versi English: kata di alamat /en/<slug>/.",
                false,
                SLUG_PATTERN,
                "Huruf kecil, angka dan tanda hubung saja",
            )),
            &["en"],
        ),
        translated(string("title", "Judul", "", true)),
        translated(text(
            "summary",
            "Ringkasan",
            "Satu kalimat untuk pratinjau tautan.",
            true,
        )),
        integer(
            "nav_order",
            "Urutan di menu",
            "Kosongkan bila tidak tampil di menu.",
            false,
            1,
            99,
        ),
        select(
            "layout",
            "Tambahan",
            "Data yang ditambahkan ke halaman.",
            false,
            false,
            &layouts,
        ),
        sources(false),
        translated(body("Isi halaman.")),
    ]
}

fn pages_collection() -> Value {
    let collection = json!({
        "name": "pages",
        "label": "Halaman",
        "label_singular": "Halaman",
        "folder": "content/pages",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": true,
        "identifier_field": "title",
        "slug": "{{title}}",
        "i18n": true,
        "fields": page_fields(),
    });
    with_entry_media(collection, 0)
}
