//! The mistakes that used to pass silently, planted into copies of the good fixture: each
//! alone is reported once at its file:line:col with its code; all together in one run, each
//! still once, in Indonesian by default and in English with `--lang en`, exit code 1.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use generator::messages::{Lang, codes};

use crate::prelude::*;

const STUNTING: &str = "provinces/kalimantan-barat/issues/stunting.md";
const KALBAR: &str = "provinces/kalimantan-barat/province.yaml";
const PENDIDIKAN: &str = "provinces/kalimantan-barat/issues/pendidikan.md";

/// A planted mistake: what it changes, and where and under which code it must be reported.
struct Plant {
    name: &'static str,
    apply: fn(&Path),
    /// (file, line, col, code, is_error)
    expect: (&'static str, usize, usize, &'static str, bool),
}

fn edit(content: &Path, rel: &str, f: impl FnOnce(String) -> String) {
    let path = content.join(rel);
    let text = fs::read_to_string(&path).expect("read");
    fs::write(&path, f(text)).expect("write");
}

const PLANTS: &[Plant] = &[
    // Two mistakes in the front matter of one file: serde stops at the first, `check` must not
    // (all_planted_mistakes_together… sees all three of this file in one run).
    Plant {
        name: "misspelt_field",
        apply: |c| {
            edit(c, PENDIDIKAN, |t| {
                t.replace("topic: pendidikan", "topik: pendidikan")
            })
        },
        expect: (PENDIDIKAN, 3, 1, codes::UNKNOWN_FIELD, true),
    },
    // …and a broken link in its body: checked even while the front matter does not parse.
    Plant {
        name: "broken_link_below_a_broken_front_matter",
        apply: |c| {
            edit(c, PENDIDIKAN, |t| {
                t.replace(
                    "Masih dibahas.\n",
                    "Masih dibahas.\n\nLihat [x](@/pages/tidak-ada.md).\n",
                )
            })
        },
        expect: (PENDIDIKAN, 11, 7, codes::LINK_TARGET_MISSING, true),
    },
    Plant {
        name: "unknown_status_in_the_same_file",
        apply: |c| {
            edit(c, PENDIDIKAN, |t| {
                t.replace("status: pending", "status: menunggu")
            })
        },
        expect: (PENDIDIKAN, 4, 9, codes::UNKNOWN_VARIANT, true),
    },
    Plant {
        name: "reserved_page_name",
        apply: |c| {
            fs::copy(c.join("pages/tentang.md"), c.join("pages/berita.md")).expect("copy");
        },
        expect: ("pages/berita.md", 0, 0, codes::RESERVED_ROUTE, true),
    },
    Plant {
        name: "reserved_english_slug",
        apply: |c| {
            edit(c, "pages/tahapan.en.md", |t| {
                t.replace("slug: stages", "slug: provinces")
            })
        },
        expect: ("pages/tahapan.en.md", 2, 7, codes::RESERVED_ROUTE, true),
    },
    // Banten given Kalimantan Barat's code: the official list says which of the two is wrong,
    // so only Banten is blamed, not Kalimantan Barat for "a code already used".
    Plant {
        name: "code_of_another_province",
        apply: |c| {
            edit(c, "provinces/banten/province.yaml", |t| {
                t.replace("code: \"36\"", "code: \"61\"")
            })
        },
        expect: (
            "provinces/banten/province.yaml",
            1,
            7,
            codes::CODE_MISMATCH,
            true,
        ),
    },
    Plant {
        name: "unknown_wave",
        apply: |c| edit(c, KALBAR, |t| t.replace("wave: 1", "wave: 3")),
        expect: (KALBAR, 4, 7, codes::WAVE_UNKNOWN, true),
    },
    Plant {
        name: "placeholder_left",
        apply: |c| {
            edit(c, STUNTING, |t| {
                t.replace("## Masalah\n", "## Masalah\n_Tulis di sini: masalahnya._\n")
            })
        },
        expect: (STUNTING, 12, 1, codes::PLACEHOLDER_LEFT, true),
    },
    Plant {
        name: "title_cut_by_hash",
        apply: |c| {
            edit(c, STUNTING, |t| {
                t.replace("title: Stunting\n", "title: Isu #1 Kalbar\n")
            })
        },
        expect: (STUNTING, 2, 1, codes::TITLE_CUT_BY_HASH, false),
    },
    Plant {
        name: "nul_in_body",
        apply: |c| edit(c, STUNTING, |t| t.replace("## Masalah\n", "## Mas\0alah\n")),
        expect: (STUNTING, 11, 7, codes::CONTROL_CHAR, true),
    },
    Plant {
        name: "huge_markdown",
        apply: |c| {
            edit(c, "news/2023-02-06-peluncuran.md", |t| {
                t + &"Paragraf yang sangat panjang. ".repeat(80_000)
            })
        },
        expect: (
            "news/2023-02-06-peluncuran.md",
            0,
            0,
            codes::FILE_TOO_LARGE,
            true,
        ),
    },
    Plant {
        name: "validated_on_differs",
        apply: |c| {
            edit(c, STUNTING, |t| {
                t.replace("validated_on: 2023-04-11", "validated_on: 2023-04-12")
            })
        },
        expect: (STUNTING, 5, 15, codes::VALIDATED_ON_DIFFERS, false),
    },
    Plant {
        name: "window_state_in_prose",
        apply: |c| {
            edit(c, "provinces/kalimantan-barat/index.md", |t| {
                t + "\nPendaftaran ditutup pada 11 Juni 2023.\n"
            })
        },
        expect: (
            "provinces/kalimantan-barat/index.md",
            10,
            1,
            codes::WINDOW_STATE_IN_PROSE,
            false,
        ),
    },
    Plant {
        name: "empty_source_title_at_its_entry",
        apply: |c| {
            edit(c, "news/2023-04-11-fgd-kalimantan-barat.md", |t| {
                t.replace("title: \"Berita FGD\"", "title: \"\"")
            })
        },
        expect: (
            "news/2023-04-11-fgd-kalimantan-barat.md",
            6,
            7,
            codes::BLANK_FIELD,
            true,
        ),
    },
    Plant {
        name: "symlink",
        apply: |c| {
            std::os::unix::fs::symlink(c.join("pages/tentang.md"), c.join("pages/tautan.md"))
                .expect("symlink");
        },
        expect: ("pages/tautan.md", 0, 0, codes::SYMLINK, false),
    },
    Plant {
        name: "missing_image",
        apply: |c| {
            edit(c, "pages/tentang.md", |t| {
                t + "\n![Peta](images/peta.png)\n"
            })
        },
        expect: ("pages/tentang.md", 10, 1, codes::IMAGE_MISSING, true),
    },
    Plant {
        name: "png_that_is_text",
        apply: |c| {
            fs::create_dir_all(c.join("provinces/banten/images")).expect("mkdir");
            fs::write(c.join("provinces/banten/images/peta.png"), "teks\n").expect("write");
            edit(c, "provinces/banten/index.md", |t| {
                t + "\n![Peta Banten](images/peta.png)\n"
            });
        },
        expect: (
            "provinces/banten/index.md",
            6,
            1,
            codes::MEDIA_WRONG_TYPE,
            true,
        ),
    },
    Plant {
        name: "image_of_30_mb",
        apply: |c| {
            fs::create_dir_all(c.join("news/images")).expect("mkdir");
            let big = fs::File::create(c.join("news/images/foto.png")).expect("create");
            big.set_len(30 * 1024 * 1024).expect("grow");
            edit(c, "news/2023-04-11-fgd-kalimantan-barat.md", |t| {
                t + "\n![Foto rapat](images/foto.png)\n"
            });
        },
        expect: (
            "news/2023-04-11-fgd-kalimantan-barat.md",
            10,
            1,
            codes::MEDIA_TOO_LARGE,
            true,
        ),
    },
    Plant {
        name: "missing_linked_file",
        apply: |c| {
            edit(c, "pages/tahapan.md", |t| {
                t + "\n[Jadwal](files/jadwal.pdf)\n"
            })
        },
        expect: ("pages/tahapan.md", 9, 1, codes::LINKED_FILE_MISSING, true),
    },
];

/// The diagnostics of `code` in `diags`.
fn found(diags: &generator::content::Diagnostics, code: &str) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.code() == code)
        .map(|d| format!("{}:{}:{}", d.path.display(), d.line, d.col))
        .collect()
}

fn diagnostics(content: &Path) -> generator::content::Diagnostics {
    match load(content) {
        Ok(l) => l.warnings,
        Err(d) => d,
    }
}

#[test]
fn each_planted_mistake_alone_is_reported_once_at_its_place() {
    let mut failures = Vec::new();
    for p in PLANTS {
        let site = site_with_case(None);
        let content = site.path().join("content");
        (p.apply)(&content);
        let diags = diagnostics(&content);
        let (file, line, col, code, is_error) = p.expect;
        let at = found(&diags, code);
        let want = vec![format!("{file}:{line}:{col}")];
        let errors: Vec<_> = diags.errors().filter(|d| d.code() != code).collect();
        if at != want || diags.has_errors() != is_error || !errors.is_empty() {
            failures.push(format!(
                "{}: want {want:?}, got {at:?}; all:\n{diags}",
                p.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn all_planted_mistakes_together_in_one_run_in_both_languages() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    for p in PLANTS {
        (p.apply)(&content);
    }
    let diags = diagnostics(&content);
    for p in PLANTS {
        let (file, line, col, code, _) = p.expect;
        let at: Vec<_> = found(&diags, code)
            .into_iter()
            .filter(|a| a.starts_with(file))
            .collect();
        assert_eq!(
            at,
            vec![format!("{file}:{line}:{col}")],
            "{}:\n{diags}",
            p.name
        );
    }
    for (lang, label) in [(None, "kesalahan"), (Some("en"), "error")] {
        let mut cmd = check_command(&content, lang);
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for p in PLANTS {
            let (file, _, _, code, is_error) = p.expect;
            let label = if is_error {
                label
            } else if lang.is_none() {
                "peringatan"
            } else {
                "warning"
            };
            assert!(
                stderr.contains(&format!("{label}[{code}]")) && stderr.contains(file),
                "{} ({lang:?}):\n{stderr}",
                p.name
            );
        }
    }
    let d = diags
        .iter()
        .find(|d| d.code() == codes::TITLE_CUT_BY_HASH)
        .expect("hash");
    assert!(
        d.hint(Lang::En).contains("title: \"Isu #1 Kalbar\""),
        "{}",
        d.hint(Lang::En)
    );
}

#[test]
fn two_builds_with_a_reserved_page_fail_the_same_way() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    fs::copy(
        content.join("pages/tentang.md"),
        content.join("pages/ajukan.md"),
    )
    .expect("copy");
    let out = site.path().join("public");
    let run = || {
        cargo_bin_cmd!("generator")
            .env_remove("WINNER_LANG")
            .arg("build")
            .arg("--content")
            .arg(&content)
            .arg("--theme")
            .arg(theme())
            .arg("--out")
            .arg(&out)
            .output()
            .expect("run")
    };
    let (a, b) = (run(), run());
    assert_eq!(a.status.code(), Some(1));
    assert_eq!(b.status.code(), Some(1));
    assert_eq!(a.stderr, b.stderr);
    assert!(String::from_utf8_lossy(&a.stderr).contains("kesalahan[K0331]"));
    assert!(!out.exists(), "nothing may be written");
}

/// A province code of another province, and one no province has, are reported at the `code:`
/// value of province.yaml with the official code of the province's name (they used to pass,
/// or stop the build with a message about "the theme's map" and no place).
#[test]
fn province_codes_are_checked_against_the_official_list_the_map_uses() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let path = content.join(KALBAR);
    let original = fs::read_to_string(&path).expect("read");
    assert!(original.contains("code: \"61\""), "fixture: {original}");
    for (code, want_code, want_text) in [
        (
            "11",
            codes::CODE_MISMATCH,
            "kode provinsi `11` milik Aceh, bukan Kalimantan Barat",
        ),
        (
            "99",
            codes::CODE_UNKNOWN,
            "kode provinsi `99` tidak ada di daftar resmi",
        ),
    ] {
        fs::write(
            &path,
            original.replace("code: \"61\"", &format!("code: \"{code}\"")),
        )
        .expect("write");
        let out = check_command(&content, None).output().expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains(&format!("kesalahan[{want_code}]: {want_text}")),
            "{stderr}"
        );
        let line = original
            .lines()
            .position(|l| l.starts_with("code:"))
            .expect("code line")
            + 1;
        assert!(stderr.contains(&format!("{KALBAR}:{line}:7")), "{stderr}");
        assert!(
            stderr.contains("kode resmi Kalimantan Barat adalah \"61\""),
            "{stderr}"
        );
        assert_eq!(stderr.matches("kesalahan[").count(), 1, "{stderr}");
    }
}

/// A province.yaml that does not parse leaves its province out of the site, but not out of
/// the check: the link mistakes in its issues' bodies are reported in the same run.
#[test]
fn a_broken_province_file_does_not_hide_its_issues_link_mistakes() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    edit(&content, KALBAR, |t| {
        t.replace("capital: Pontianak", "ibu_kota: Pontianak")
    });
    edit(&content, STUNTING, |t| {
        t.replace(
            "Lihat [halaman tentang](@/pages/tentang.md).",
            "Lihat [halaman tentang](@/pages/tidak-ada.md).",
        )
    });
    let diags = diagnostics(&content);
    assert_eq!(
        found(&diags, codes::UNKNOWN_FIELD),
        [format!("{KALBAR}:3:1")],
        "{diags}"
    );
    let line = fs::read_to_string(content.join(STUNTING))
        .expect("read")
        .lines()
        .position(|l| l.contains("@/pages/tidak-ada.md"))
        .expect("the planted link")
        + 1;
    assert_eq!(
        found(&diags, codes::LINK_TARGET_MISSING),
        [format!("{STUNTING}:{line}:7")],
        "{diags}"
    );
}

/// A broken site.yaml and topics.yaml are reported, and every other file is still checked
/// against what is left: a province's own mistake shows in the same run, and no issue is
/// blamed for a topic that only the broken topics.yaml could have defined.
#[test]
fn broken_site_wide_files_do_not_hide_the_other_files_mistakes() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    edit(&content, "site.yaml", |t| {
        t.replace("base_url:", "alamat: x\nbase_url:")
    });
    edit(&content, "topics.yaml", |t| {
        t.replacen(
            "  - slug: stunting",
            "  - slug: stunting\n    warna: merah",
            1,
        )
    });
    edit(&content, "provinces/banten/province.yaml", |t| {
        t.replace("code: \"36\"", "code: 36")
    });
    let diags = diagnostics(&content);
    assert_eq!(
        found(&diags, codes::UNKNOWN_FIELD),
        ["site.yaml:5:1", "topics.yaml:5:5"],
        "{diags}"
    );
    assert_eq!(
        found(&diags, codes::CODE_UNQUOTED),
        ["provinces/banten/province.yaml:1:7"],
        "{diags}"
    );
    assert_eq!(
        found(&diags, codes::UNKNOWN_TOPIC),
        Vec::<String>::new(),
        "{diags}"
    );
    assert_eq!(diags.errors().count(), 3, "nothing else: {diags}");
}
