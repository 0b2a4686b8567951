//! Province codes and names against the official list (Kemendagri) that the theme's map is
//! drawn from: a code that belongs to another province, or that no province has, would make
//! the map mark the wrong shape or none. The list comes in as plain data, so the content
//! layer does not depend on the theme.

use std::path::PathBuf;

use std::collections::BTreeSet;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::index::Files;
use super::site::Site;
use crate::messages::{Msg, codes};

/// Compares every province's `code` and `name` with `official` (code and name, e.g. `("61",
/// "Kalimantan Barat")`); problems are reported at the `code:` value of its province.yaml.
/// Codes that are not two digits are left to the rule that reports them. When a code is
/// shared by two provinces and one of them is wrong by this list, the "code already used"
/// error is withdrawn: it would blame whichever province comes second, often the right one.
pub(crate) fn check(
    site: &Site,
    files: &Files,
    official: &[(String, String)],
    diags: &mut Diagnostics,
) {
    let same = |a: &str, b: &str| {
        a.split_whitespace()
            .map(str::to_lowercase)
            .eq(b.split_whitespace().map(str::to_lowercase))
    };
    let mut in_doubt = BTreeSet::new();
    for p in &site.provinces {
        let code = p.facts.code.as_str();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let name = p.facts.name.as_str();
        let path = PathBuf::from("provinces")
            .join(&p.slug)
            .join("province.yaml");
        let (line, col) = files.source(&path).value_or_start("code");
        let expected = official
            .iter()
            .find(|(_, n)| same(n, name))
            .map_or("none", |(c, _)| c.as_str());
        let msg = match official.iter().find(|(c, _)| c == code) {
            Some((_, official_name)) if same(official_name, name) => continue,
            Some((_, official_name)) => Msg::new(codes::CODE_MISMATCH)
                .arg("code", code)
                .arg("official", official_name.as_str())
                .arg("name", name)
                .arg("expected", expected),
            None => Msg::new(codes::CODE_UNKNOWN)
                .arg("code", code)
                .arg("name", name)
                .arg("expected", expected),
        };
        in_doubt.insert(code.to_owned());
        diags.push(Diagnostic::error(path, line, col, msg));
    }
    let code_of = |d: &Diagnostic| {
        site.provinces
            .iter()
            .find(|p| d.path.starts_with(PathBuf::from("provinces").join(&p.slug)))
            .map(|p| p.facts.code.as_str())
    };
    diags.0.retain(|d| {
        d.code() != codes::CODE_DUPLICATE || !code_of(d).is_some_and(|c| in_doubt.contains(c))
    });
}
