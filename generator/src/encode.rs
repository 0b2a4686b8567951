//! Content-hashed file names. (Escaping is `winner_catalog::escape`, shared with submit-fn
//! and the same code tera runs for templates.)

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
