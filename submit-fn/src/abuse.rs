//! Abuse limits that need no person's attention.
//!
//! - **Honeypot**: a field hidden from people and assistive technology; a bot that fills it
//!   gets a normal-looking success with a reference that was never stored, after about as long
//!   as a real write takes (see `crate::intake`).
//! - **Minimum fill time**: the form's script sends `started_at` (first page load, Unix ms,
//!   kept across reloads). A submission less than `form.min_fill_seconds` after it is treated
//!   like the honeypot (a decoy success), so a bot cannot tell which trap it hit. A
//!   `started_at` more than [`CLOCK_SKEW_MS`] in the future
//!   or older than [`MAX_AGE_MS`] is refused (`BadStartedAt`, "reload the form page"), and so is
//!   a JSON client (the form's script) that sends none. Plain form posts (no JavaScript) carry
//!   none and skip the check: it is a speed bump for naive bots, not a proof of humanity.
//! - **Rate limit**: at most `RATE_LIMIT` stored submissions per client per fixed window,
//!   counted in DynamoDB (see [`crate::store`]) with a TTL so the counters clean themselves up.
//!   Only submissions that passed validation are counted (refusals cost no write), repeats
//!   included; `Retry-After` is the time left in the window.
//! - **Client identity**: an HMAC-SHA-256 of the client IP keyed with `IP_HASH_SECRET`; the
//!   raw IP is never stored or logged. IPv6 clients are identified by their /64 prefix (one
//!   subscriber's usual allocation), so rotating the interface part does not reset the limit.
//!   The IP is the Lambda request context's `sourceIp` (set by API Gateway, never by the
//!   client), or locally the socket peer; with `TRUST_X_FORWARDED_FOR=true` (one proxy in
//!   front that appends the address it saw) the **last** `X-Forwarded-For` entry, since every
//!   entry left of it was written by the client and proves nothing.
//!
//! Nothing here knows HTTP: the edge (`crate::http`) hands over the addresses it saw as a
//! [`ClientAddress`], and every time is an argument.

use std::net::IpAddr;

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use winner_catalog::FormDefinition;

use crate::config::RateLimit;
use crate::reference::hex;
use crate::validate::Submission;

/// Whether a bot filled the honeypot.
pub fn honeypot_filled(form: &FormDefinition, sub: &Submission) -> bool {
    sub.get(&form.honeypot)
        .is_some_and(|v| !v.trim().is_empty())
}

/// How far in the future a client's `started_at` may be (its clock ahead of ours).
pub const CLOCK_SKEW_MS: i64 = 5 * 60 * 1000;
/// How old a `started_at` may be (a page left open for more than a day is reloaded).
pub const MAX_AGE_MS: i64 = 24 * 3600 * 1000;

/// What the fill time says about a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FillTime {
    /// Nothing against it.
    Fine,
    /// Sent faster than a person can: a trap, answered like the honeypot.
    TooFast,
    /// Missing from a scripted client, in the future or too old: [`Problem::BadStartedAt`].
    Bad,
}

/// Judges `started_at` (Unix ms) at `now_ms`; `scripted` is a JSON client (the form's script).
pub fn fill_time(
    form: &FormDefinition,
    started_at: Option<i64>,
    scripted: bool,
    now_ms: i64,
) -> FillTime {
    let Some(started) = started_at else {
        // The form's script always sends it; a JSON client without it is not the form.
        return if scripted {
            FillTime::Bad
        } else {
            FillTime::Fine
        };
    };
    let elapsed = now_ms.saturating_sub(started);
    if !(-CLOCK_SKEW_MS..=MAX_AGE_MS).contains(&elapsed) {
        return FillTime::Bad;
    }
    if elapsed < i64::from(form.min_fill_seconds) * 1000 {
        FillTime::TooFast
    } else {
        FillTime::Fine
    }
}

/// The addresses a request arrived with, as the HTTP edge saw them (no HTTP types).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientAddress {
    /// The API Gateway request context's `sourceIp` (inside Lambda).
    pub source_ip: Option<IpAddr>,
    /// The socket peer (local server).
    pub peer: Option<IpAddr>,
    /// The `X-Forwarded-For` headers, if any, joined with `,` in order.
    pub forwarded_for: Option<String>,
}

/// The client's IP address, from the places described in the module docs.
pub fn client_ip(addr: &ClientAddress, trust_forwarded_for: bool) -> Option<IpAddr> {
    if addr.source_ip.is_some() {
        return addr.source_ip;
    }
    if trust_forwarded_for
        && let Some(ip) = addr
            .forwarded_for
            .as_deref()
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
    {
        return Some(ip);
    }
    addr.peer
}

/// The client's identity: HMAC-SHA-256 of the IP (IPv6: its /64) with the secret, as hex.
/// Requests without any IP share one identity, `unknown` hashed the same way.
pub fn client_hash(secret: &[u8], ip: Option<IpAddr>) -> String {
    let material = match ip {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        None => "unknown".to_owned(),
    };
    // An HMAC takes keys of any length; `new_from_slice` cannot fail for it.
    match <Hmac<Sha256> as KeyInit>::new_from_slice(secret) {
        Ok(mut mac) => {
            mac.update(material.as_bytes());
            hex(&mac.finalize().into_bytes())
        }
        Err(_) => hex(material.as_bytes()),
    }
}

/// The fixed window `now_secs` falls in: (window start, seconds until the next window).
pub fn window(limit: RateLimit, now_secs: u64) -> (u64, u64) {
    let start = now_secs - now_secs % limit.window_secs;
    (start, start + limit.window_secs - now_secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> FormDefinition {
        winner_catalog::Catalog::from_json(include_str!("../tests/fixtures/catalog.json"))
            .expect("fixture")
            .form
    }

    #[test]
    fn fill_time_traps_fast_starts_and_bounds_them() {
        let f = form(); // 5 seconds
        let now = 100_000_000;
        assert_eq!(fill_time(&f, None, false, now), FillTime::Fine, "no script");
        assert_eq!(
            fill_time(&f, None, true, now),
            FillTime::Bad,
            "a JSON client must send it"
        );
        assert_eq!(
            fill_time(&f, Some(now - 2_000), true, now),
            FillTime::TooFast
        );
        assert_eq!(fill_time(&f, Some(now - 5_000), true, now), FillTime::Fine);
        assert_eq!(
            fill_time(&f, Some(now + 60_000), true, now),
            FillTime::TooFast,
            "a little ahead: no time spent as far as we can tell"
        );
        assert_eq!(
            fill_time(&f, Some(now + CLOCK_SKEW_MS + 1), true, now),
            FillTime::Bad
        );
        assert_eq!(
            fill_time(&f, Some(now - MAX_AGE_MS - 1), false, now),
            FillTime::Bad
        );
        assert_eq!(fill_time(&f, Some(i64::MIN), true, now), FillTime::Bad);
    }

    #[test]
    fn client_hash_is_keyed_and_groups_ipv6_by_prefix() {
        let k1 = b"0123456789abcdef0123456789abcdef";
        let k2 = b"fedcba9876543210fedcba9876543210";
        let ip: IpAddr = "203.0.113.7".parse().expect("ip");
        assert_ne!(client_hash(k1, Some(ip)), client_hash(k2, Some(ip)));
        assert!(!client_hash(k1, Some(ip)).contains("203"));
        let a: IpAddr = "2001:db8:1:2::1".parse().expect("ip");
        let b: IpAddr = "2001:db8:1:2:ffff::9".parse().expect("ip");
        let c: IpAddr = "2001:db8:1:3::1".parse().expect("ip");
        assert_eq!(client_hash(k1, Some(a)), client_hash(k1, Some(b)));
        assert_ne!(client_hash(k1, Some(a)), client_hash(k1, Some(c)));
    }

    #[test]
    fn forwarded_for_counts_only_its_last_hop_and_only_when_trusted() {
        let mut addr = ClientAddress {
            source_ip: None,
            peer: Some([127, 0, 0, 1].into()),
            forwarded_for: Some("198.51.100.1, 203.0.113.9".into()),
        };
        assert_eq!(client_ip(&addr, false), Some([127, 0, 0, 1].into()));
        assert_eq!(client_ip(&addr, true), Some([203, 0, 113, 9].into()));
        addr.forwarded_for = Some("203.0.113.9, garbage".into());
        assert_eq!(client_ip(&addr, true), Some([127, 0, 0, 1].into()));
        addr.source_ip = Some([192, 0, 2, 1].into());
        assert_eq!(
            client_ip(&addr, true),
            Some([192, 0, 2, 1].into()),
            "Lambda"
        );
    }

    #[test]
    fn windows_are_fixed() {
        let l = RateLimit {
            max: 3,
            window_secs: 60,
        };
        assert_eq!(window(l, 125), (120, 55));
        assert_eq!(window(l, 120), (120, 60));
    }
}
