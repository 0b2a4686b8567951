use std::path::Path;

use super::*;

/// A minimal PNG header: signature and IHDR of a `w`×`h` image (enough for type and size).
pub(crate) fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn formats_are_read_from_bytes_not_names() {
    assert_eq!(Format::sniff(&png_header(4, 3)), Some(Format::Png));
    assert_eq!(
        Format::sniff(b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01"),
        Some(Format::Jpeg)
    );
    assert_eq!(
        Format::sniff(b"GIF89a\x04\0\x03\0\0\0\0"),
        Some(Format::Gif)
    );
    // Fewer than 12 bytes is no image at all.
    assert_eq!(Format::sniff(b"GIF89a\x04\0\x03\0"), None);
    assert_eq!(Format::sniff(b"RIFF\0\0\0\0WEBPVP8 "), Some(Format::Webp));
    assert_eq!(Format::sniff(b"%PDF-1.7\n"), Some(Format::Pdf));
    assert_eq!(
        Format::sniff(b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        None
    );
    assert_eq!(Format::sniff(b"just some text"), None);
    assert_eq!(Format::sniff(b""), None);
    assert_eq!(Format::from_extension("JPG"), Some(Format::Jpeg));
    assert_eq!(Format::from_extension("svg"), None);
}

#[test]
fn media_folders_are_any_images_or_files_folder() {
    assert!(is_media_path(Path::new("provinces/banten/images/peta.png")));
    assert!(is_media_path(Path::new("pages/files/laporan.pdf")));
    assert!(is_media_path(Path::new("images/logo.png")));
    assert!(is_media_path(Path::new(
        "provinces/banten/images/2023/a.png"
    )));
    assert!(!is_media_path(Path::new("provinces/banten/peta.png")));
    assert!(!is_media_path(Path::new("pages/images.md")));
    assert!(!is_media_path(Path::new("images")));
}

#[test]
fn relative_references_resolve_from_the_markdown_file() {
    let index = Path::new("provinces/banten/index.md");
    let issue = Path::new("provinces/banten/issues/air.md");
    assert_eq!(
        resolve(index, "images/peta.png"),
        Some(PathBuf::from("provinces/banten/images/peta.png"))
    );
    assert_eq!(
        resolve(issue, "../images/peta.png"),
        Some(PathBuf::from("provinces/banten/images/peta.png"))
    );
    assert_eq!(
        resolve(issue, "./../files/lap.pdf#page=2"),
        Some(PathBuf::from("provinces/banten/files/lap.pdf"))
    );
    assert_eq!(resolve(index, "../../../etc/passwd"), None);
    let to = Path::new("images/logo.png");
    for from in [index, issue, Path::new("site.md")] {
        let path = relative_path(from, to);
        assert_eq!(resolve(from, &path).as_deref(), Some(to), "{path}");
    }
    assert_eq!(relative_path(issue, to), "../../../images/logo.png");
    assert!(is_relative_reference("images/peta.png"));
    assert!(is_relative_reference("../files/a.pdf"));
    for url in [
        "/images/a.png",
        "https://x.org/a.png",
        "#data",
        "@/pages/a.md",
        "mailto:a@b.id",
        "javascript:alert(1)",
        "//host/a.png",
        "",
    ] {
        assert!(!is_relative_reference(url), "{url}");
    }
}

fn inspect_bytes(name: &str, bytes: &[u8]) -> Result<Media, Diagnostic> {
    let dir = tempfile::tempdir().expect("tempdir");
    let rel = Path::new("pages/images").join(name);
    std::fs::create_dir_all(dir.path().join("pages/images")).expect("mkdir");
    std::fs::write(dir.path().join(&rel), bytes).expect("write");
    inspect(dir.path(), &rel)
}

#[test]
fn an_image_gets_its_size_and_a_hashed_name() {
    let m = inspect_bytes("peta.png", &png_header(640, 480)).expect("ok");
    assert_eq!(m.format, Format::Png);
    assert_eq!(m.size, Some((640, 480)));
    let hash = m
        .published
        .strip_prefix("peta.")
        .and_then(|h| h.strip_suffix(".png"))
        .expect("peta.<hash>.png");
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        "{hash}"
    );
    assert_eq!(m.url(), format!("/media/{}", m.published));
    let again = inspect_bytes("peta.png", &png_header(640, 480)).expect("ok");
    assert_eq!(
        m.published, again.published,
        "the name depends on the bytes only"
    );
    let other = inspect_bytes("peta.png", &png_header(641, 480)).expect("ok");
    assert_ne!(m.published, other.published);
    let jpeg = inspect_bytes("foto.JPEG", b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xc0\0\x11\x08\0\x03\0\x04\x03\x01\x22\0\x02\x11\x01\x03\x11\x01\xff\xd9");
    assert_eq!(
        jpeg.map(|j| (j.format, j.size, j.published.ends_with(".jpg")))
            .map_err(|d| d.msg),
        Ok((Format::Jpeg, Some((4, 3)), true)),
        "one extension per format"
    );
    let pdf = inspect_bytes("lap.pdf", b"%PDF-1.4\n%%EOF\n").expect("ok");
    assert_eq!((pdf.format, pdf.size), (Format::Pdf, None));
}

#[test]
fn wrong_type_unsupported_too_large_and_bad_names_are_refused() {
    let code = |r: Result<Media, Diagnostic>| r.map(|_| ()).map_err(|d| d.msg);
    let msg = code(inspect_bytes("peta.png", b"bukan gambar\n")).unwrap_err();
    assert_eq!(msg.id, codes::MEDIA_WRONG_TYPE);
    assert_eq!(msg.get("found"), Some(&"text".into()));
    let msg = code(inspect_bytes("peta.jpg", &png_header(1, 1))).unwrap_err();
    assert_eq!(msg.get("found"), Some(&"PNG".into()));
    let msg = code(inspect_bytes("peta.svg", b"<svg/>")).unwrap_err();
    assert_eq!(msg.id, codes::MEDIA_UNSUPPORTED);
    assert_eq!(msg.get("ext"), Some(&"svg".into()));
    let msg = code(inspect_bytes("Peta Besar.png", &png_header(1, 1))).unwrap_err();
    assert_eq!(msg.id, codes::NAME_NOT_SLUG);
    let msg = code(inspect_bytes("nol.png", &png_header(0, 10))).unwrap_err();
    assert_eq!(msg.get("found"), Some(&"damaged".into()));
    let mut big = png_header(10, 10);
    big.resize(usize::try_from(MAX_IMAGE_BYTES).expect("fits") + 1, 0);
    let msg = code(inspect_bytes("besar.png", &big)).unwrap_err();
    assert_eq!(msg.id, codes::MEDIA_TOO_LARGE);
    assert_eq!(msg.get("limit"), Some(&2048usize.into()));
    assert_eq!(msg.get("size"), Some(&2049usize.into()));
}

proptest::proptest! {
    /// The dimension reader sees untrusted bytes: a file that starts like one of the accepted
    /// formats and goes on with anything is refused or measured, never a panic.
    #[test]
    fn any_bytes_after_an_image_header_never_panic(
        kind in 0usize..4,
        body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600),
    ) {
        let headers: [&[u8]; 4] = [
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"\xff\xd8\xff",
            b"GIF89a",
            b"RIFF\0\0\0\0WEBPVP8X",
        ];
        let mut bytes = headers[kind].to_vec();
        bytes.extend(body);
        let _ = Format::sniff(&bytes);
        let _ = imagesize::blob_size(&bytes);
    }
}
