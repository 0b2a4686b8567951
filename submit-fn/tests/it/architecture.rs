//! The arrows of `docs/architecture.md` (section "submit-fn"), checked over the source: which
//! crate module may name which, that HTTP and AWS types stay at their edges, and that the
//! modules' references form no circle. A reference is any `crate::<module>` path or
//! `use crate::{...}` item outside comments; `#[cfg(test)]` sibling files (`*_tests.rs`) count
//! as their module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The crate's top-level modules and the ones each may refer to. `lib` is the crate root
/// (`AppState`, `app`, `serve`, `logging`).
const ALLOWED: &[(&str, &[&str])] = &[
    ("lib", &["config", "http", "state", "store"]),
    ("state", &["config", "store"]),
    ("config", &[]),
    ("capability", &["reference"]),
    ("status", &[]),
    ("messages", &["validate", "status"]),
    ("validate", &[]),
    ("reference", &["validate"]),
    ("abuse", &["config", "reference", "validate"]),
    ("store", &["reference", "validate", "status"]),
    (
        "intake",
        &[
            "lib",
            "state",
            "abuse",
            "config",
            "reference",
            "store",
            "validate",
            "outbox",
            "capability",
        ],
    ),
    (
        "link",
        &[
            "abuse",
            "capability",
            "intake",
            "state",
            "status",
            "store",
            "validate",
        ],
    ),
    ("export", &["store", "status"]),
    ("review", &["config", "status", "store"]),
    (
        "outbox",
        &[
            "config",
            "store",
            "validate",
            "outbox",
            "capability",
            "messages",
        ],
    ),
    (
        "http",
        &[
            "lib", "state", "abuse", "config", "intake", "messages", "validate", "http", "link",
            "status",
        ],
    ),
];

/// Crates a module must not use: the HTTP stack stays in `http` and the crate root, the AWS
/// SDK in `store` (and the root's logging filter names it only as text).
const FORBIDDEN_CRATES: &[(&str, &[&[&str]])] = &[
    ("validate", &[HTTP_STACK, AWS, &["tokio"]]),
    ("reference", &[HTTP_STACK, AWS]),
    ("abuse", &[HTTP_STACK, AWS]),
    ("store", &[HTTP_STACK]),
    ("intake", &[HTTP_STACK, AWS]),
    ("export", &[HTTP_STACK, AWS]),
    ("messages", &[HTTP_STACK, AWS]),
    ("capability", &[HTTP_STACK, AWS]),
    ("status", &[HTTP_STACK, AWS]),
    ("link", &[HTTP_STACK, AWS]),
    ("review", &[HTTP_STACK, AWS]),
    ("outbox", &[HTTP_STACK, &["aws_sdk_dynamodb"]]),
];
const HTTP_STACK: &[&str] = &["axum", "hyper", "http", "lambda_http", "tower"];
const AWS: &[&str] = &["aws_sdk_dynamodb", "aws_config"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The module a source file belongs to.
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(src()).expect("under src");
    let first = rel
        .components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .unwrap_or("");
    let stem = first.trim_end_matches(".rs");
    match stem {
        "lib" => "lib".to_owned(),
        s => s.trim_end_matches("_tests").to_owned(),
    }
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("main.rs")
            && !path.ends_with("cli.rs")
            && !path.ends_with("cli_outbox.rs")
            && !path.ends_with("cli_review.rs")
        {
            // main.rs, cli.rs, cli_outbox.rs and cli_review.rs are the binary, which uses the library from outside.
            out.push(path);
        }
    }
}

/// The source without `//` comments (doc comments mention modules freely).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Crate modules named in `code`: `crate::x` paths and the items of `use crate::{x, y::{z}}`;
/// an item of the crate root (`crate::AppState`) counts as `lib`.
fn crate_refs(code: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let name_of = |text: &str| -> String {
        text.trim()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut refs = BTreeSet::new();
    let mut add = |name: String| {
        if name.is_empty() {
            return;
        }
        refs.insert(if modules.contains(&name) {
            name
        } else {
            "lib".to_owned()
        });
    };
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let Some(group) = rest.strip_prefix('{') else {
            add(name_of(rest));
            continue;
        };
        // Top-level items of the group: split at commas outside nested braces.
        let (mut depth, mut item) = (0usize, String::new());
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    add(name_of(&item));
                    item.clear();
                    continue;
                }
                _ => {}
            }
            if depth == 0 || c != '{' {
                item.push(c);
            }
        }
        add(name_of(&item));
    }
    refs
}

/// `use` lines and paths that start with one of `crates`.
fn crate_uses(code: &str, krate: &str) -> bool {
    code.lines().any(|l| {
        let l = l.trim();
        l.starts_with(&format!("use {krate}::"))
            || l.starts_with(&format!("use {krate};"))
            || l.contains(&format!(" {krate}::"))
            || l.contains(&format!("({krate}::"))
            || l.contains(&format!("<{krate}::"))
            || l.starts_with(&format!("{krate}::"))
    })
}

struct Source {
    module: String,
    path: PathBuf,
    code: String,
    /// A `*_tests.rs` sibling (test code may build real clients to test against).
    test: bool,
}

fn sources() -> Vec<Source> {
    let mut paths = Vec::new();
    files(&src(), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("read source");
            Source {
                module: module_of(&path),
                code: code(&text),
                test: path.to_string_lossy().ends_with("_tests.rs"),
                path,
            }
        })
        .collect()
}

fn graph(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeSet<String> = ALLOWED.iter().map(|(m, _)| (*m).to_owned()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        let refs = crate_refs(&s.code, &modules);
        graph.entry(s.module.clone()).or_default().extend(refs);
    }
    graph
}

#[test]
fn every_module_is_in_the_table() {
    let known: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    for s in sources() {
        assert!(
            known.contains(s.module.as_str()),
            "{} belongs to module `{}`, which docs/architecture.md and ALLOWED do not place",
            s.path.display(),
            s.module
        );
    }
}

#[test]
fn arrows_run_only_the_allowed_way() {
    let allowed: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, to)| (*m, to.iter().copied().collect()))
        .collect();
    let mut wrong = Vec::new();
    for (from, tos) in graph(&sources()) {
        for to in tos {
            if to != from && !allowed[from.as_str()].contains(to.as_str()) {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows the architecture forbids: {wrong:?}"
    );
}

#[test]
fn http_goes_through_intake_and_the_parts_know_no_http() {
    let sources = sources();
    let g = graph(&sources);
    assert!(
        g.get("http").is_some_and(|t| t.contains("intake")),
        "http/ must call the use case `intake`"
    );
    for (module, also) in [
        ("http", ["store", "reference"]),
        ("lib", ["intake", "abuse"]),
    ] {
        for m in also {
            assert!(
                !g.get(module).is_some_and(|t| t.contains(m)),
                "{module} must not reach `{m}` around the use case"
            );
        }
    }
    let mut wrong = Vec::new();
    for s in &sources {
        for (module, crates) in FORBIDDEN_CRATES {
            if s.module == *module && !s.test {
                for krate in crates.iter().flat_map(|c| c.iter()) {
                    if crate_uses(&s.code, krate) {
                        wrong.push(format!("{} uses {krate}", s.path.display()));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn the_modules_form_no_circle() {
    let g = graph(&sources());
    // Depth-first search for a back edge, ignoring a module's references to itself.
    fn visit(
        m: &str,
        g: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|s| s == m) {
            let mut cycle = stack[i..].to_vec();
            cycle.push(m.to_owned());
            return Some(cycle);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_owned());
        for to in g.get(m).into_iter().flatten() {
            if to != m
                && let Some(c) = visit(to, g, stack, done)
            {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(cycle) = visit(m, &g, &mut Vec::new(), &mut done) {
            panic!("import circle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_checker_sees_what_it_should() {
    let modules: BTreeSet<String> = ["http", "intake", "store"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let refs = crate_refs(
        "use crate::{AppState, intake::{self, Decision}};\nlet x = crate::store::timestamp(t);",
        &modules,
    );
    assert_eq!(
        refs,
        ["intake", "lib", "store"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect()
    );
    assert!(crate_uses("use axum::Router;", "axum"));
    assert!(crate_uses("    let r: axum::http::Request = x;", "axum"));
    assert!(!crate_uses("let axumish = 1;", "axum"));
}
