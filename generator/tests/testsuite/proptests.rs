//! The loader never panics on arbitrary bytes in a content file, and every error it reports
//! about that file points at a line inside it.

use std::fs;

use proptest::prelude::*;

use crate::prelude::*;

const TARGETS: [&str; 3] = [
    "provinces/kalimantan-barat/issues/stunting.md",
    "provinces/kalimantan-barat/province.yaml",
    "form.yaml",
];

fn check(target: &str, bytes: &[u8]) {
    let site = site_with_case(None);
    let content = site.path().join("content");
    fs::write(content.join(target), bytes).expect("write");
    let lines = bytes.split(|b| *b == b'\n').count().max(1);
    if let Err(diags) = load(&content) {
        assert!(diags.has_errors());
        // Other files may suffer too (a link to a heading that the damage removed), but every
        // error about the damaged file points inside it.
        for d in diags.errors().filter(|d| d.path.to_str() == Some(target)) {
            assert!(
                d.line >= 1 && d.line <= lines,
                "line {} outside 1..={lines}: {d}",
                d.line
            );
            for lang in generator::messages::Lang::ALL {
                assert!(
                    !d.message(lang).is_empty() && !d.hint(lang).is_empty(),
                    "{d}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(which in 0..TARGETS.len(), bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        check(TARGETS[which], &bytes);
    }

    #[test]
    fn damaged_files_report_lines_inside_them(
        which in 0..TARGETS.len(),
        at in any::<prop::sample::Index>(),
        insert in prop::collection::vec(prop::sample::select(b":-[]{}\"'#\n \t|>&*!%@`,?\r\xef".to_vec()), 1..12),
    ) {
        let target = TARGETS[which];
        let mut bytes = fs::read(good_content().join(target)).expect("read");
        let i = at.index(bytes.len() + 1);
        bytes.splice(i..i, insert);
        check(target, &bytes);
    }
}
