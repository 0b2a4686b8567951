//! Text encodings shared by every output: escaping for HTML and XML, and content-hashed
//! file names. The escaping itself is the `html-escape` crate's, which submit-fn uses too.

/// Escapes text for XML (and HTML) element content and attribute values, quotes included.
pub fn xml_escape(text: &str) -> String {
    html_escape::encode_quoted_attribute(text).into_owned()
}

/// `site.css` + bytes -> `site.<16 hex digits of FNV-1a 64>.css`.
pub fn fingerprinted(name: &str, bytes: &[u8]) -> String {
    let hash = bytes.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash:016x}.{ext}"),
        None => format!("{name}.{hash:016x}"),
    }
}
