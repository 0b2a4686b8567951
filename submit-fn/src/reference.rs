//! Idempotency keys and reference codes.
//!
//! - The **idempotency key** is the SHA-256 of the client's `token` when the form's script sent
//!   one, otherwise of a fingerprint of the normalised submission (province, issue and every
//!   non-empty answer in form order, length-prefixed; `lang`, `token`, `started_at` and the
//!   honeypot are left out, so the same proposal sent from the English page is still a repeat).
//!   Text is already in NFC (validation normalises it); the fingerprint also folds every run of
//!   white space into one space, so re-wrapped lines do not make a different proposal.
//! - The **reference** shown to people is `WNR-<province code>-<6 Crockford base32 characters>`,
//!   taken from the key's first 30 bits. In the rare case that another key already holds that
//!   reference, the store tries the next candidate ([`reference`] with `attempt` 1, 2, ...),
//!   and records which one it took beside the key, so a retry always gets the first answer.

use sha2::{Digest, Sha256};

use crate::validate::{Answer, Submission, Valid};

/// Crockford's base32 alphabet (no I, L, O, U).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The idempotency key of a valid proposal, as lowercase hex.
pub fn idempotency_key(valid: &Valid) -> String {
    match &valid.token {
        Some(token) => {
            let mut h = Sha256::new();
            h.update(b"token\0");
            h.update(token.as_bytes());
            hex(&h.finalize())
        }
        None => hex(&fingerprint(valid)),
    }
}

/// The content fingerprint as lowercase hex, whatever the token: what an idempotency record
/// is bound to, and what recognises the same proposal sent under two tokens.
pub fn content_fingerprint(valid: &Valid) -> String {
    hex(&fingerprint(valid))
}

/// The fingerprint of the normalised submission (see the module docs).
pub fn fingerprint(valid: &Valid) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"fingerprint-v2");
    let mut part = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    part(valid.province.as_bytes());
    part(valid.issue.as_bytes());
    for (name, answer) in &valid.answers {
        part(name.as_bytes());
        match answer {
            Answer::Text(t) => part(
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .as_bytes(),
            ),
            Answer::Number(n) => part(n.to_string().as_bytes()),
            Answer::Ticked => part(b"yes"),
        }
    }
    h.finalize().into()
}

/// A digest of everything a client sent, for honeypot answers that must look real and stable.
pub fn raw_digest(sub: &Submission) -> String {
    let mut h = Sha256::new();
    h.update(b"raw-v1");
    for name in sub.names() {
        let value = sub.get(name).unwrap_or("");
        h.update((name.len() as u64).to_le_bytes());
        h.update(name.as_bytes());
        h.update((value.len() as u64).to_le_bytes());
        h.update(value.as_bytes());
    }
    hex(&h.finalize())
}

/// The reference for `key` (hex) in the province with Kemendagri `code`; `attempt` 0 is the
/// normal case, higher attempts give further candidates after a collision.
pub fn reference(code: &str, key_hex: &str, attempt: u32) -> String {
    let mut h = Sha256::new();
    h.update(key_hex.as_bytes());
    if attempt > 0 {
        h.update(attempt.to_le_bytes());
    }
    let d = h.finalize();
    let bits = u32::from_be_bytes([d[0], d[1], d[2], d[3]]) >> 2; // 30 bits
    let code6: String = (0..6)
        .rev()
        .map(|i| char::from(CROCKFORD[((bits >> (i * 5)) & 31) as usize]))
        .collect();
    format!("WNR-{code}-{code6}")
}

/// Whether `s` has the shape of a reference (for `?ref=` and lookups).
pub fn is_reference(s: &str) -> bool {
    let mut parts = s.split('-');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some("WNR"), Some(code), Some(tail), None)
            if (1..=4).contains(&code.len())
                && code.chars().all(|c| c.is_ascii_digit())
                && tail.len() == 6
                && tail.bytes().all(|b| CROCKFORD.contains(&b))
    )
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use winner_catalog::Lang;

    fn valid(token: Option<&str>, summary: &str) -> Valid {
        Valid {
            province: "kalimantan-barat".into(),
            province_code: "61".into(),
            issue: "stunting".into(),
            lang: Lang::Id,
            token: token.map(str::to_owned),
            started_at: None,
            answers: vec![
                ("organisation".into(), Answer::Text("Koperasi Maju".into())),
                ("summary".into(), Answer::Text(summary.into())),
                ("consent".into(), Answer::Ticked),
            ],
        }
    }

    #[test]
    fn fingerprint_ignores_language_and_timing_but_not_content() {
        let a = valid(None, "Ringkasan yang cukup panjang.");
        let mut b = a.clone();
        b.lang = Lang::En;
        b.started_at = Some(1);
        assert_eq!(fingerprint(&a), fingerprint(&b));
        assert_eq!(idempotency_key(&a), idempotency_key(&b));
        let c = valid(None, "Ringkasan yang lain sama sekali.");
        assert_ne!(fingerprint(&a), fingerprint(&c));
    }

    #[test]
    fn fingerprint_folds_white_space() {
        let a = valid(None, "Ringkasan yang cukup panjang.");
        let b = valid(None, "Ringkasan  yang\ncukup\tpanjang.");
        assert_eq!(content_fingerprint(&a), content_fingerprint(&b));
        assert_eq!(
            content_fingerprint(&a),
            content_fingerprint(&valid(
                Some("some-token-123"),
                "Ringkasan yang cukup panjang."
            ))
        );
    }

    #[test]
    fn fingerprint_is_unambiguous_across_field_boundaries() {
        let mut a = valid(None, "x");
        a.answers = vec![("a".into(), Answer::Text("bc".into()))];
        let mut b = a.clone();
        b.answers = vec![("ab".into(), Answer::Text("c".into()))];
        assert_ne!(fingerprint(&a), fingerprint(&b));
    }

    #[test]
    fn token_decides_the_key_when_present() {
        let a = valid(Some("0b6f8a52-1c1e-4d7e-9f43-6a2b7c0d9e11"), "one");
        let b = valid(Some("0b6f8a52-1c1e-4d7e-9f43-6a2b7c0d9e11"), "two");
        assert_eq!(idempotency_key(&a), idempotency_key(&b));
        assert_ne!(idempotency_key(&a), idempotency_key(&valid(None, "one")));
    }

    #[test]
    fn references_are_stable_well_formed_and_vary_by_attempt() {
        let key = idempotency_key(&valid(None, "x"));
        let r0 = reference("61", &key, 0);
        assert_eq!(r0, reference("61", &key, 0));
        assert!(is_reference(&r0), "{r0}");
        assert!(r0.starts_with("WNR-61-"));
        assert_ne!(r0, reference("61", &key, 1));
        assert!(!is_reference("WNR-61-7K3Q9"));
        assert!(!is_reference("WNR-61-7K3Q9I"));
        assert!(is_reference("WNR-61-7K3Q9X"));
    }
}
