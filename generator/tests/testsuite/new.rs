//! `generator new issue|province|news` through the binary: the files it writes carry every
//! field of the model, fail `check` until filled in and pass it once filled in; refusals
//! (existing file, unknown province, bad slug) write nothing.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use generator::content::model::{
    IssueFront, NewsFront, ProvinceFile, ProvinceIndexFront, Source, Translation, Validation,
};
use generator::content::yaml::{self, Origin};
use predicates::str::contains;
use serde::de::DeserializeOwned;

use crate::prelude::*;

fn generator() -> assert_cmd::Command {
    let mut cmd = cargo_bin_cmd!("generator");
    cmd.env_remove("GENERATOR_LOG");
    // These tests read the English messages; the Indonesian default has its own tests.
    cmd.env("WINNER_LANG", "en");
    cmd
}

/// `generator new <args…> --content <content>`.
fn new(content: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    generator()
        .arg("new")
        .args(args)
        .arg("--content")
        .arg(content)
        .assert()
}

/// `generator check` on `content` with the repository's theme.
fn check(content: &Path) -> assert_cmd::assert::Assert {
    generator()
        .arg("check")
        .arg("--content")
        .arg(content)
        .arg("--theme")
        .arg(theme())
        .assert()
}

/// The field names of a content struct, read from its own "unknown field" error, so that a
/// field added to the model later must also be added to the scaffold.
fn fields_of<T: DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
    let origin = Origin {
        path: Path::new("probe.yaml"),
        first_line: 1,
        start_line: 1,
    };
    let errs = yaml::parse::<T>("zz_not_a_field: 1\n", origin).expect_err("unknown field");
    let message = errs[0].message(generator::messages::Lang::En);
    let expected = message
        .split_once("expected")
        .map(|(_, list)| list)
        .unwrap_or_else(|| panic!("no field list in {message:?}"));
    let fields: Vec<String> = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert!(!fields.is_empty(), "{message}");
    fields
}

/// Asserts that every field appears as a key (possibly commented out, possibly a list item).
fn assert_fields(path: &Path, fields: &[String]) {
    let text = fs::read_to_string(path).expect("read scaffold");
    for field in fields {
        let key = format!("{field}:");
        let present = text
            .lines()
            .any(|l| l.trim_start_matches(['#', ' ', '-']).starts_with(&key));
        assert!(present, "`{field}` is missing from {}", path.display());
    }
}

/// Replaces text in a file as an editor would; each `from` must occur exactly once.
fn edit(path: &Path, edits: &[(&str, &str)]) {
    let mut text = fs::read_to_string(path).expect("read");
    for (from, to) in edits {
        assert_eq!(
            text.matches(from).count(),
            1,
            "`{from}` should occur once in {}",
            path.display()
        );
        text = text.replace(from, to);
    }
    fs::write(path, text).expect("write");
}

/// Uncomments the optional lines whose key is one of `keys` (removes the `# ` before them,
/// as the header comment of the scaffold says) and keeps their example values.
fn uncomment(path: &Path, keys: &[&str]) {
    let text = fs::read_to_string(path).expect("read");
    let mut out = String::new();
    let mut done = 0;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        let hit = rest.strip_prefix("# ").filter(|r| {
            let r = r.trim_start().trim_start_matches("- ");
            keys.iter()
                .any(|k| r == *k || r.starts_with(&format!("{k}:")))
        });
        match hit {
            Some(r) => {
                done += 1;
                out.push_str(&line[..indent]);
                out.push_str(r);
            }
            None => out.push_str(line),
        }
        out.push('\n');
    }
    assert!(done >= keys.len(), "uncommented {done} of {keys:?}");
    fs::write(path, out).expect("write");
}

/// Replaces every italic instruction line of a body with a sentence.
fn write_body(path: &Path, sentence: &str) {
    let text = fs::read_to_string(path).expect("read");
    let mut replaced = 0;
    let body: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with("_Tulis di sini") || l.starts_with("_Write here") {
                replaced += 1;
                sentence.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    assert!(replaced > 0, "no instruction line in {}", path.display());
    fs::write(path, body.join("\n") + "\n").expect("write");
}

fn stdout_paths(assert: &assert_cmd::assert::Assert) -> Vec<PathBuf> {
    String::from_utf8_lossy(&assert.get_output().stdout)
        .lines()
        .map(PathBuf::from)
        .collect()
}

#[test]
fn scaffolds_fail_check_until_filled_in_then_pass() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let province = content.join("provinces/nusa-tenggara-barat");
    let issues = province.join("issues");
    let news_dir = content.join("news");

    let made = new(&content, &["province", "nusa-tenggara-barat"])
        .code(0)
        .stderr(contains("generator check --content"));
    assert_eq!(
        stdout_paths(&made),
        ["province.yaml", "index.md", "index.en.md"].map(|f| province.join(f))
    );
    let made = new(&content, &["issue", "nusa-tenggara-barat", "air-bersih"]).code(0);
    assert_eq!(
        stdout_paths(&made),
        ["air-bersih.md", "air-bersih.en.md"].map(|f| issues.join(f))
    );
    let made = new(&content, &["news", "fgd-ntb", "--as-of", "2023-05-02"])
        .code(0)
        .stderr(contains("dated 2023-05-02"));
    assert_eq!(
        stdout_paths(&made),
        ["2023-05-02-fgd-ntb.md", "2023-05-02-fgd-ntb.en.md"].map(|f| news_dir.join(f))
    );

    // Every field of every struct, with the nested ones.
    let source = fields_of::<Source>();
    let facts = province.join("province.yaml");
    assert_fields(&facts, &fields_of::<ProvinceFile>());
    assert_fields(&facts, &fields_of::<Validation>());
    assert_fields(&facts, &fields_of::<winner_catalog::Window>());
    assert_fields(&facts, &source);
    assert_fields(
        &province.join("index.md"),
        &fields_of::<ProvinceIndexFront>(),
    );
    assert_fields(&province.join("index.en.md"), &["summary".to_owned()]);
    let issue = issues.join("air-bersih.md");
    assert_fields(&issue, &fields_of::<IssueFront>());
    assert_fields(&issue, &source);
    assert_fields(
        &issues.join("air-bersih.en.md"),
        &fields_of::<Translation>(),
    );
    let news = news_dir.join("2023-05-02-fgd-ntb.md");
    assert_fields(&news, &fields_of::<NewsFront>());
    assert_fields(&news, &source);
    assert_fields(
        &news_dir.join("2023-05-02-fgd-ntb.en.md"),
        &fields_of::<Translation>(),
    );
    let comment = fs::read_to_string(&issue).expect("read");
    assert!(comment.contains("# Wajib"), "{comment}");
    assert!(comment.contains("Pilihan (choices): stunting, pendidikan"));

    // As written, every scaffold is rejected.
    check(&content)
        .code(1)
        .stderr(contains("nusa-tenggara-barat/province.yaml"))
        .stderr(contains("province code `` is not two digits"))
        .stderr(contains("issues/air-bersih.md"))
        .stderr(contains("issues/air-bersih.en.md"))
        .stderr(contains("news/2023-05-02-fgd-ntb.md"))
        .stderr(contains("news/2023-05-02-fgd-ntb.en.md"));

    // Filled in as an editor would, optional fields included.
    let source_edits = [
        ("  - title: \"\"", "  - title: \"Profil Provinsi NTB\""),
        ("url: \"\"", "url: \"https://ntbprov.go.id/\""),
    ];
    edit(
        &facts,
        &[
            ("code: \"\"", "code: \"52\""),
            ("name: \"\"", "name: Nusa Tenggara Barat"),
            ("capital: \"\"", "capital: Mataram"),
        ],
    );
    edit(&facts, &source_edits);
    uncomment(
        &facts,
        &[
            "wave",
            "validation",
            "date",
            "place",
            "opened_by",
            "agencies",
            "Dinas Kesehatan",
            "proposals",
            "opens",
            "closes",
            "publisher",
            "published",
        ],
    );
    edit(
        &province.join("index.md"),
        &[("summary:", "summary: \"NTB ikut gelombang II.\"")],
    );
    write_body(
        &province.join("index.md"),
        "Lihat [air bersih](@/provinces/nusa-tenggara-barat/issues/air-bersih.md).",
    );
    edit(
        &province.join("index.en.md"),
        &[("summary:", "summary: \"NTB took part in wave II.\"")],
    );
    write_body(&province.join("index.en.md"), "NTB in the competition.");

    edit(
        &issue,
        &[
            ("\ntitle: \"\"", "\ntitle: Air bersih"),
            ("topic: \"\"", "topic: stunting"),
            ("status:\n", "status: validated\n"),
            ("summary: \"\"", "summary: \"Akses air bersih.\""),
        ],
    );
    edit(&issue, &source_edits);
    uncomment(&issue, &["validated_on", "agencies", "publisher"]);
    write_body(&issue, "Isu air bersih, dari sumber publik.");
    let issue_en = issues.join("air-bersih.en.md");
    edit(
        &issue_en,
        &[
            ("title: \"\"", "title: Clean water"),
            ("summary:\n", "summary: \"Access to clean water.\"\n"),
        ],
    );
    write_body(&issue_en, "The clean water issue, from public sources.");

    edit(
        &news,
        &[
            ("\ntitle: \"\"", "\ntitle: FGD validasi NTB"),
            ("summary: \"\"", "summary: \"FGD di Mataram.\""),
            (
                "# provinces: [kalimantan-barat]",
                "provinces: [nusa-tenggara-barat]",
            ),
        ],
    );
    edit(&news, &source_edits);
    write_body(&news, "FGD validasi isu NTB.");
    let news_en = news_dir.join("2023-05-02-fgd-ntb.en.md");
    edit(&news_en, &[("title: \"\"", "title: NTB validation FGD")]);
    write_body(&news_en, "The NTB validation FGD.");

    check(&content)
        .code(0)
        .stderr(contains("ok: 3 provinces, 3 issues, 3 news"));
}

#[test]
fn refuses_to_overwrite_and_writes_nothing() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let before = snapshot(&content);

    new(&content, &["province", "kalimantan-barat"])
        .code(1)
        .stderr(contains("kalimantan-barat/province.yaml` already exists"));
    new(&content, &["issue", "kalimantan-barat", "stunting"])
        .code(1)
        .stderr(contains("issues/stunting.md` already exists"));
    new(&content, &["news", "peluncuran", "--as-of", "2024-01-02"])
        .code(1)
        .stderr(contains("news/2023-02-06-peluncuran.md"))
        .stderr(contains("already uses the name `peluncuran`"));
    assert_eq!(snapshot(&content), before, "a refusal changed the content");

    // Only the translation exists: the original is not written either.
    let lone = content.join("provinces/banten/issues/sampah.en.md");
    fs::create_dir_all(lone.parent().expect("parent")).expect("mkdir");
    fs::write(&lone, "---\ntitle: Waste\n---\nMine.\n").expect("write");
    new(&content, &["issue", "banten", "sampah"])
        .code(1)
        .stderr(contains("sampah.en.md` already exists"));
    assert_eq!(
        fs::read_to_string(&lone).expect("read"),
        "---\ntitle: Waste\n---\nMine.\n"
    );
    assert!(!content.join("provinces/banten/issues/sampah.md").exists());

    // A second run of the same scaffold is refused and leaves the first one as it was.
    new(&content, &["news", "baru", "--as-of", "2024-01-02"]).code(0);
    let first = content.join("news/2024-01-02-baru.md");
    let written = fs::read_to_string(&first).expect("read");
    fs::write(&first, format!("{written}\nSunting editor.\n")).expect("write");
    new(&content, &["news", "baru", "--as-of", "2024-01-02"])
        .code(1)
        .stderr(contains("2024-01-02-baru.md"));
    assert!(
        fs::read_to_string(&first)
            .expect("read")
            .ends_with("Sunting editor.\n")
    );
}

#[test]
fn unknown_province_is_1_and_suggests_new_province() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let before = snapshot(&content);
    new(&content, &["issue", "papua", "stunting"])
        .code(1)
        .stderr(contains("there is no province folder"))
        .stderr(contains("generator new province papua"));
    assert_eq!(snapshot(&content), before);
}

#[test]
fn bad_slugs_and_missing_folders_are_2() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let before = snapshot(&content);
    for args in [
        &["province", "Kalimantan-Barat"][..],
        &["province", "kal_barat"],
        &["province", "a--b"],
        &["issue", "kalimantan-barat", "Stunting"],
        &["issue", "Kalbar", "stunting"],
        &["news", "berita baru"],
        &["news", "berita-"],
    ] {
        new(&content, args)
            .code(2)
            .stderr(contains("cannot be used as the"))
            .stderr(contains("lowercase letters a-z, digits 0-9"));
    }
    // A leading dash reads as a flag: clap refuses it, also with exit code 2.
    new(&content, &["province", "-a"]).code(2);
    assert_eq!(snapshot(&content), before);

    new(&site.path().join("nowhere"), &["province", "banten"])
        .code(2)
        .stderr(contains("content folder"));
    new(&content, &["news", "x", "--as-of", "2023-02-30"])
        .code(2)
        .stderr(contains("YYYY-MM-DD"));
    generator().args(["new"]).assert().code(2);
    generator()
        .args(["new", "issue", "banten"])
        .assert()
        .code(2);
}

/// `new`'s refusals speak the editor's language like `check` does: Indonesian by default,
/// English with `--lang en`, labelled and exit code 1 or 2 as before.
#[test]
fn refusals_are_in_indonesian_by_default_and_english_on_request() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let run = |lang: Option<&str>, args: &[&str]| {
        let mut cmd = cargo_bin_cmd!("generator");
        cmd.env_remove("WINNER_LANG");
        if let Some(l) = lang {
            cmd.args(["--lang", l]);
        }
        cmd.arg("new")
            .args(args)
            .arg("--content")
            .arg(&content)
            .assert()
    };
    run(None, &["province", "kalimantan-barat"])
        .code(1)
        .stderr(contains("kesalahan: `"))
        .stderr(contains("province.yaml` sudah ada; tidak ada yang ditulis"));
    run(Some("en"), &["province", "kalimantan-barat"])
        .code(1)
        .stderr(contains("error: `"))
        .stderr(contains("province.yaml` already exists"));
    run(None, &["province", "Bad_Slug"])
        .code(2)
        .stderr(contains(
            "kesalahan: `Bad_Slug` tidak dapat dipakai sebagai nama provinsi",
        ));
    run(None, &["issue", "tidak-ada", "x"])
        .code(1)
        .stderr(contains(
            "buat provinsinya dulu dengan `generator new province tidak-ada`",
        ));
}
