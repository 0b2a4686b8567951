//! The private link's secret (#18): a capability, never stored in clear.
//!
//! Each proposal carries a random `link_nonce` (32 bytes from the operating system) and the
//! SHA-256 of its secret (`link_hash`). The secret is the HMAC-SHA-256 of the nonce under the
//! link key, itself an HMAC of the server secret (`IP_HASH_SECRET`) with a
//! fixed label, so the two uses of that secret never share a key. Whoever reads the table sees
//! the nonce and the hash, not the secret; the outbox sender, which has the server secret,
//! derives the secret again to write the link into an email. A new nonce ("send my link
//! again") makes the old secret worthless.
//!
//! The token a person holds is `<reference>.<secret as 64 hex digits>`. [`parse`] checks its
//! shape only; [`matches`] compares hashes in constant time. Everything here is pure: no
//! clock, no I/O besides [`new_nonce`]'s random bytes.

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use crate::reference::hex;

/// The key that derives link secrets from nonces.
#[derive(Clone)]
pub struct LinkKey([u8; 32]);

impl std::fmt::Debug for LinkKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LinkKey(..)")
    }
}

fn hmac(key: &[u8], parts: &[&[u8]]) -> [u8; 32] {
    // An HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    let mut mac = match <Hmac<Sha256> as KeyInit>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => return [0; 32],
    };
    for p in parts {
        mac.update(&(p.len() as u64).to_le_bytes());
        mac.update(p);
    }
    mac.finalize().into_bytes().into()
}

impl LinkKey {
    /// The link key of a server secret (`IP_HASH_SECRET`).
    pub fn from_server_secret(secret: &[u8]) -> LinkKey {
        LinkKey(hmac(secret, &[b"winner private link key v1"]))
    }
}

/// Why no nonce could be made (the operating system's random source failed).
#[derive(Debug, Clone, Copy, thiserror::Error)]
#[error("no random bytes from the operating system")]
pub struct NoRandom;

/// A new nonce: 32 random bytes as 64 hex digits.
pub fn new_nonce() -> Result<String, NoRandom> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|_| NoRandom)?;
    Ok(hex(&bytes))
}

/// A new link: its nonce and the hash of its secret, the two things a proposal stores.
pub fn new_link(key: &LinkKey) -> Result<(String, String), NoRandom> {
    let nonce = new_nonce()?;
    let hash = hash(&secret(key, &nonce));
    Ok((nonce, hash))
}

/// The secret of `nonce`, as 64 hex digits.
pub fn secret(key: &LinkKey, nonce: &str) -> String {
    hex(&hmac(&key.0, &[b"secret", nonce.as_bytes()]))
}

/// What is stored: the SHA-256 of the secret, as hex.
pub fn hash(secret: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"winner private link\0");
    h.update(secret.as_bytes());
    hex(&h.finalize())
}

/// The token in the link: `<reference>.<secret>`.
pub fn token(reference: &str, secret: &str) -> String {
    format!("{reference}.{secret}")
}

/// The token of `reference` with `nonce` under `key`.
pub fn token_for(key: &LinkKey, reference: &str, nonce: &str) -> String {
    token(reference, &secret(key, nonce))
}

/// Reference and secret of a well-formed token: a reference of at most 32 characters of
/// `A-Z 0-9 -`, a dot, 64 lowercase hex digits. Anything else is `None`.
pub fn parse(token: &str) -> Option<(&str, &str)> {
    let (reference, secret) = token.trim().split_once('.')?;
    let reference_ok = (1..=32).contains(&reference.len())
        && reference
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    let secret_ok = secret.len() == 64
        && secret
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    (reference_ok && secret_ok).then_some((reference, secret))
}

/// Whether `secret` is the one whose hash is `stored`, compared in constant time.
pub fn matches(stored: &str, secret: &str) -> bool {
    let presented = hash(secret);
    let (a, b) = (stored.as_bytes(), presented.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_only_their_secret_matches() {
        let key = LinkKey::from_server_secret(b"0123456789abcdef0123456789abcdef");
        let nonce = new_nonce().expect("random");
        assert_eq!(nonce.len(), 64);
        assert_ne!(nonce, new_nonce().expect("random"));
        let t = token_for(&key, "WNR-61-7K3Q9X", &nonce);
        let (r, s) = parse(&t).expect("well formed");
        assert_eq!(r, "WNR-61-7K3Q9X");
        let stored = hash(s);
        assert!(matches(&stored, s));
        assert!(!stored.contains(s), "the hash is not the secret");
        // Another nonce, another key, a changed digit: no match.
        let other = secret(&key, &new_nonce().expect("random"));
        assert!(!matches(&stored, &other));
        let other_key = LinkKey::from_server_secret(b"another secret another secret 12");
        assert!(!matches(&stored, &secret(&other_key, &nonce)));
        let mut flipped = s.to_owned();
        flipped.replace_range(0..1, if s.starts_with('0') { "1" } else { "0" });
        assert!(!matches(&stored, &flipped));
        // The link key is not the server secret.
        assert_ne!(
            format!("{:?}", key),
            "LinkKey(0123456789abcdef0123456789abcdef)"
        );
    }

    #[test]
    fn malformed_tokens_are_refused_by_shape() {
        let good = format!("WNR-61-7K3Q9X.{}", "a".repeat(64));
        assert!(parse(&good).is_some());
        for bad in [
            String::new(),
            "WNR-61-7K3Q9X".to_owned(),
            format!("WNR-61-7K3Q9X.{}", "a".repeat(63)),
            format!("WNR-61-7K3Q9X.{}", "A".repeat(64)),
            format!("wnr-61.{}", "a".repeat(64)),
            format!("{}.{}", "W".repeat(33), "a".repeat(64)),
            format!(".{}", "a".repeat(64)),
        ] {
            assert_eq!(parse(&bad), None, "{bad}");
        }
    }
}
