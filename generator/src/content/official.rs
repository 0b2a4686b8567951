//! Province codes and names against the official list (Kemendagri) that the theme's map is
//! drawn from: a code that belongs to another province, or that no province has, would make
//! the map mark the wrong shape or none. The list comes in as plain data, so the content
//! layer does not depend on the theme.

use std::path::PathBuf;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Index;
use super::site::Site;
use crate::messages::{Msg, codes};

/// One entry of the official list: code and name, e.g. `("61", "Kalimantan Barat")`.
pub type Official<'a> = (&'a str, &'a str);

/// Compares every province's `code` and `name` with `official`; problems are reported at the
/// `code:` value of its province.yaml. Codes that are not two digits are left to the rule
/// that reports them.
pub fn check(site: &Site, index: &Index, official: &[Official<'_>]) -> Diagnostics {
    let same = |a: &str, b: &str| {
        a.split_whitespace()
            .map(str::to_lowercase)
            .eq(b.split_whitespace().map(str::to_lowercase))
    };
    let mut diags = Diagnostics::new();
    for p in &site.provinces {
        let code = p.facts.code.as_str();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let name = p.facts.name.as_str();
        let path = PathBuf::from("provinces")
            .join(&p.slug)
            .join("province.yaml");
        let (line, col) = index.files.source(&path).value_or_start("code");
        let expected = official
            .iter()
            .find(|(_, n)| same(n, name))
            .map_or("none", |(c, _)| *c);
        let msg = match official.iter().find(|(c, _)| *c == code) {
            Some((_, official_name)) if same(official_name, name) => continue,
            Some((_, official_name)) => Msg::new(codes::CODE_MISMATCH)
                .arg("code", code)
                .arg("official", *official_name)
                .arg("name", name)
                .arg("expected", expected),
            None => Msg::new(codes::CODE_UNKNOWN)
                .arg("code", code)
                .arg("name", name)
                .arg("expected", expected),
        };
        diags.push(Diagnostic::error(path, line, col, msg));
    }
    diags.sort();
    diags
}
