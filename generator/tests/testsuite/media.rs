//! Images and documents editors add (#12 item 5): an image from a province's `images/`
//! folder builds under a hashed name with its width and height; a missing image, a `.png`
//! that is really text, a 30 MB image and a missing linked file are each refused at the
//! Markdown reference, all in one run, in Indonesian by default and English with `--lang en`;
//! unused, misplaced and unsupported files, and the studio's `/images/…` paths, are reported
//! too.

use std::fs;
use std::path::Path;

use assert_cmd::cargo::cargo_bin_cmd;
use generator::messages::codes;

use crate::prelude::*;

/// A 4×3 PNG (73 bytes), committed as a fixture.
fn peta_png() -> Vec<u8> {
    fs::read(suite("media/peta.png")).expect("fixture")
}

fn append(content: &Path, rel: &str, text: &str) {
    let path = content.join(rel);
    let mut body = fs::read_to_string(&path).expect("read");
    body.push_str(text);
    fs::write(&path, body).expect("write");
}

fn put(content: &Path, rel: &str, bytes: &[u8]) {
    let path = content.join(rel);
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(path, bytes).expect("write");
}

fn build(content: &Path, out: &Path) -> std::process::Output {
    cargo_bin_cmd!("generator")
        .env_remove("WINNER_LANG")
        .arg("build")
        .arg("--content")
        .arg(content)
        .arg("--theme")
        .arg(theme())
        .arg("--out")
        .arg(out)
        .output()
        .expect("run")
}

#[test]
fn an_image_from_the_province_folder_builds_with_a_hashed_name_and_its_size() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    let png = peta_png();
    put(&content, "provinces/banten/images/peta.png", &png);
    put(
        &content,
        "provinces/banten/files/laporan.pdf",
        b"%PDF-1.4\n%%EOF\n",
    );
    append(
        &content,
        "provinces/banten/index.md",
        "\n![Peta Banten](images/peta.png)\n\n[Laporan (PDF)](files/laporan.pdf#page=2)\n",
    );
    // From an issue, the same folder is one level up.
    append(
        &content,
        "provinces/kalimantan-barat/issues/stunting.md",
        "\n![Peta \"Banten\" & sekitarnya](../../banten/images/peta.png)\n",
    );
    let out = site.path().join("public");
    let run = build(&content, &out);
    assert!(run.status.success(), "{run:?}");

    // The theme's content hash (16 hex digits of FNV-1a 64) over the file's bytes.
    let name = generator::encode::fingerprinted("peta.png", &png);
    let hash = &name["peta.".len()..name.len() - ".png".len()];
    assert_eq!(hash.len(), 16, "{name}");
    let published = out.join(format!("media/{name}"));
    assert_eq!(fs::read(&published).expect("published image"), png);
    let media: Vec<_> = fs::read_dir(out.join("media"))
        .expect("media folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(media.len(), 2, "{media:?}");
    assert!(
        media
            .iter()
            .any(|m| m.starts_with("laporan.") && m.ends_with(".pdf"))
    );

    let page = fs::read_to_string(out.join("provinsi/banten/index.html")).expect("page");
    let img = format!(
        "<img src=\"/media/peta.{hash}.png\" alt=\"Peta Banten\" width=\"4\" height=\"3\" loading=\"lazy\">"
    );
    assert!(page.contains(&img), "{page}");
    let pdf = media.iter().find(|m| m.ends_with(".pdf")).expect("pdf");
    assert!(
        page.contains(&format!(
            "<a href=\"/media/{pdf}#page=2\">Laporan (PDF)</a>"
        )),
        "{page}"
    );
    let issue = fs::read_to_string(out.join("provinsi/kalimantan-barat/stunting/index.html"))
        .expect("issue page");
    assert!(
        issue.contains(&format!(
            "<img src=\"/media/peta.{hash}.png\" alt=\"Peta &quot;Banten&quot; &amp; sekitarnya\" width=\"4\" height=\"3\" loading=\"lazy\">"
        )),
        "{issue}"
    );
    // Hashed names come from the bytes only: a second build is byte-identical.
    let first = snapshot(&out);
    let again = build(&content, &out);
    assert!(again.status.success(), "{again:?}");
    assert_eq!(first, snapshot(&out), "two builds differ");
}

/// Line of the image appended by [`plant_refusals`] to a file of `lines` lines.
const fn appended(lines: usize) -> usize {
    lines + 2
}

/// Plants the four refusals of the issue's "done when" into a copy of the good fixture.
fn plant_refusals(content: &Path) {
    append(
        content,
        "pages/tentang.md",
        "\n![Peta provinsi](images/peta-provinsi.png)\n",
    );
    put(
        content,
        "provinces/banten/images/peta.png",
        b"ini teks, bukan gambar\n",
    );
    append(
        content,
        "provinces/banten/index.md",
        "\n![Peta Banten](images/peta.png)\n",
    );
    // 30 MB, made here (never committed): a PNG header and zeros, never read whole.
    let big = content.join("news/images/foto.png");
    fs::create_dir_all(big.parent().expect("parent")).expect("mkdir");
    fs::write(&big, &peta_png()[..33]).expect("write");
    fs::File::options()
        .write(true)
        .open(&big)
        .and_then(|f| f.set_len(30 * 1024 * 1024))
        .expect("grow");
    append(
        content,
        "news/2023-04-11-fgd-kalimantan-barat.md",
        "\n![Foto rapat](images/foto.png)\n",
    );
    append(
        content,
        "pages/tahapan.md",
        "\n[Jadwal (PDF)](files/jadwal.pdf)\n",
    );
}

#[test]
fn missing_text_as_png_huge_and_missing_linked_files_are_refused_at_their_reference() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    plant_refusals(&content);
    let diags = load(&content).expect_err("must fail");
    let mut got: Vec<String> = diags
        .errors()
        .map(|d| format!("{}:{}:{} {}", d.path.display(), d.line, d.col, d.code()))
        .collect();
    got.sort();
    let mut want = vec![
        format!(
            "pages/tentang.md:{}:1 {}",
            appended(8),
            codes::IMAGE_MISSING
        ),
        format!(
            "provinces/banten/index.md:{}:1 {}",
            appended(4),
            codes::MEDIA_WRONG_TYPE
        ),
        format!(
            "news/2023-04-11-fgd-kalimantan-barat.md:{}:1 {}",
            appended(8),
            codes::MEDIA_TOO_LARGE
        ),
        format!(
            "pages/tahapan.md:{}:1 {}",
            appended(7),
            codes::LINKED_FILE_MISSING
        ),
    ];
    want.sort();
    assert_eq!(got, want, "{diags}");

    let check = |lang: Option<&str>| {
        let mut cmd = check_command(&content, lang);
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(1), "{out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let id = check(None);
    for text in [
        "kesalahan[K0409]: gambar `images/peta-provinsi.png` tidak ada",
        "yang dicari: pages/images/peta-provinsi.png",
        "kesalahan[K0219]: isi `provinces/banten/images/peta.png` bukan PNG, melainkan teks",
        "kesalahan[K0218]: `news/images/foto.png` berukuran 30720 KB; gambar paling besar 2048 KB",
        "kesalahan[K0410]: berkas `files/jadwal.pdf` yang ditautkan tidak ada",
        "4 kesalahan, 0 peringatan",
    ] {
        assert!(id.contains(text), "missing {text:?} in:\n{id}");
    }
    assert!(
        id.contains(&format!("provinces/banten/index.md:{}:1", appended(4))),
        "{id}"
    );
    let en = check(Some("en"));
    for text in [
        "error[K0409]: image `images/peta-provinsi.png` does not exist",
        "error[K0219]: `provinces/banten/images/peta.png` is not PNG but text",
        "error[K0218]: `news/images/foto.png` is 30720 KB; an image may be at most 2048 KB",
        "error[K0410]: linked file `files/jadwal.pdf` does not exist",
        "4 errors, 0 warnings",
    ] {
        assert!(en.contains(text), "missing {text:?} in:\n{en}");
    }
}

#[test]
fn files_no_page_uses_and_files_in_the_wrong_place_are_reported_at_the_file() {
    let site = site_with_case(None);
    let content = site.path().join("content");
    put(&content, "provinces/banten/images/lama.png", &peta_png());
    put(&content, "provinces/banten/images/rusak.png", b"teks\n");
    put(&content, "pages/images/logo.svg", b"<svg onload=\"x()\"/>");
    put(&content, "provinces/banten/peta.png", &peta_png());
    // The studio's shared library writes `/images/…`, an address the site does not serve.
    put(&content, "images/logo.png", &peta_png());
    append(
        &content,
        "pages/tentang.md",
        "\n![Logo](/images/logo.png)\n",
    );
    append(
        &content,
        "provinces/banten/index.md",
        "\n![Peta](../../../peta.png)\n\n[lihat](../kalimantan-barat/index.md)\n",
    );
    let diags = load(&content).expect_err("must fail");
    let mut got: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{}:{} {}", d.path.display(), d.line, d.col, d.code()))
        .collect();
    got.sort();
    let mut want = vec![
        format!("pages/images/logo.svg:0:0 {}", codes::MEDIA_UNSUPPORTED),
        format!(
            "provinces/banten/images/lama.png:0:0 {}",
            codes::MEDIA_UNUSED
        ),
        format!(
            "provinces/banten/images/rusak.png:0:0 {}",
            codes::MEDIA_WRONG_TYPE
        ),
        format!(
            "provinces/banten/peta.png:0:0 {}",
            codes::MEDIA_OUTSIDE_FOLDER
        ),
        format!("provinces/banten/index.md:6:1 {}", codes::MEDIA_REF_OUTSIDE),
        format!("provinces/banten/index.md:8:1 {}", codes::LINK_NOT_ALLOWED),
        format!("pages/tentang.md:10:1 {}", codes::MEDIA_LIBRARY_PATH),
    ];
    want.sort();
    assert_eq!(got, want, "{diags}");
    let library = diags
        .iter()
        .find(|d| d.code() == codes::MEDIA_LIBRARY_PATH)
        .expect("library path");
    assert_eq!(
        library.hint(generator::messages::Lang::En),
        "write the path from this Markdown file: ../images/logo.png"
    );
    let svg = diags
        .iter()
        .find(|d| d.code() == codes::MEDIA_UNSUPPORTED)
        .expect("svg");
    assert!(
        svg.hint(generator::messages::Lang::En)
            .contains("SVG can carry script"),
        "{}",
        svg.hint(generator::messages::Lang::En)
    );
}
