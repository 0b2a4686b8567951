//! The layers of docs/architecture.md, checked: no import circle between the modules of any
//! crate of the workspace, and the arrows the document forbids are absent.
//!
//! A small reader of Rust source, enough for this workspace's code: it strips comments and
//! string literals, reads every `use` tree and every inline `crate::`, `super::`, `self::`
//! or child-module path, resolves re-exports (`pub use`, globs included) to the file that
//! defines the item, and draws an edge from each file's module to the module it names.
//! `mod x;` declarations are ownership and `pub use` re-exports are a facade: neither is an
//! edge. A module referring to
//! itself is not an edge either.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path inside one crate, e.g. `["render", "pages"]`; the crate root is `[]`.
type ModPath = Vec<String>;

/// What the reader learnt about one source file.
#[derive(Debug, Default)]
struct Module {
    file: PathBuf,
    /// Items defined here (structs, enums, fns, types, traits, consts, statics, macros).
    items: BTreeSet<String>,
    /// Child modules declared here.
    children: BTreeSet<String>,
    /// `pub use` re-exports: exported name to absolute path.
    reexports: BTreeMap<String, ModPath>,
    /// `pub use path::*` globs: absolute paths.
    globs: Vec<ModPath>,
    /// Every path this module names (absolute, unresolved).
    uses: Vec<ModPath>,
}

/// The modules of one crate, keyed by module path.
pub(crate) struct Crate {
    modules: BTreeMap<ModPath, Module>,
}

/// An edge `from -> to` between two modules of a crate.
pub(crate) type Edge = (String, String);

fn name(m: &ModPath) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Removes comments and the insides of string and char literals, keeping line structure.
fn strip(source: &str) -> String {
    let bytes = source.as_bytes();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = &source[i..];
        if rest.starts_with("//") {
            let end = rest.find('\n').map_or(source.len(), |n| i + n);
            i = end;
        } else if rest.starts_with("/*") {
            let end = rest.find("*/").map_or(source.len(), |n| i + n + 2);
            out.extend(source[i..end].chars().filter(|c| *c == '\n'));
            i = end;
        } else if rest.starts_with("r#\"") || rest.starts_with("r\"") {
            let hashes = rest[1..].chars().take_while(|c| *c == '#').count();
            let close = format!("\"{}", "#".repeat(hashes));
            let body = i + 2 + hashes;
            let end = source[body..]
                .find(&close)
                .map_or(source.len(), |n| body + n + close.len());
            out.push_str("\"\"");
            out.extend(source[body..end].chars().filter(|c| *c == '\n'));
            i = end;
        } else if bytes[i] == b'"' {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            out.push_str("\"\"");
            out.extend(
                source[i..j.min(source.len())]
                    .chars()
                    .filter(|c| *c == '\n'),
            );
            i = (j + 1).min(source.len());
        } else if bytes[i] == b'\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a): skip literals only.
            let lit = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '\'')
                .map(|(n, _)| n)
                .filter(|n| *n <= 10 && !rest[1..*n].contains(' '));
            match lit {
                Some(n) if n > 1 => {
                    out.push_str("' '");
                    i += n + 1;
                }
                _ => {
                    out.push('\'');
                    i += 1;
                }
            }
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

/// Expands a `use` tree (`a::{b, c::{self, d}}`) into paths.
fn expand(tree: &str) -> Vec<(Vec<String>, Option<String>)> {
    fn split_top(s: &str) -> Vec<&str> {
        let (mut depth, mut start, mut parts) = (0, 0, Vec::new());
        for (i, c) in s.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(&s[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        parts.push(&s[start..]);
        parts
    }
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    let tree = tree.trim();
    if tree.is_empty() {
        return Vec::new();
    }
    if let Some(open) = tree.find('{') {
        let prefix: Vec<String> = tree[..open]
            .trim_end_matches("::")
            .split("::")
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut out = Vec::new();
        for part in split_top(inner) {
            for (mut path, alias) in expand(part) {
                if path.first().is_some_and(|s| s == "self") {
                    path.remove(0);
                }
                let mut full = prefix.clone();
                full.extend(path);
                out.push((full, alias));
            }
        }
        return out;
    }
    let (path, alias) = match tree.split_once(" as ") {
        Some((p, a)) => (p, Some(a.trim().to_owned())),
        None => (tree, None),
    };
    vec![(
        path.split("::").map(|s| s.trim().to_owned()).collect(),
        alias,
    )]
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

impl Crate {
    /// Reads every `.rs` file under `src`.
    pub(crate) fn read(src: &Path) -> Crate {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
            let entry = entry.expect("walk src");
            if entry.path().extension().is_some_and(|e| e == "rs") {
                files.push(entry.into_path());
            }
        }
        let mut raw: BTreeMap<ModPath, (PathBuf, String)> = BTreeMap::new();
        for file in files {
            let rel = file.strip_prefix(src).expect("under src");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let last = parts.pop().expect("file name");
            let stem = last.trim_end_matches(".rs");
            if !(parts.is_empty() && (stem == "lib" || stem == "main")) && stem != "mod" {
                parts.push(stem.to_owned());
            }
            if parts.is_empty() && stem == "main" {
                // The binary is its own crate: it uses the library by name, never `crate::`.
                parts.push("<main>".into());
            }
            let text = std::fs::read_to_string(&file).expect("read source");
            raw.insert(parts, (file, strip(&text)));
        }
        let mut modules = BTreeMap::new();
        for (path, (file, text)) in &raw {
            modules.insert(path.clone(), Self::parse(path, file, text));
        }
        Crate { modules }
    }

    fn parse(me: &ModPath, file: &Path, text: &str) -> Module {
        let mut m = Module {
            file: file.to_path_buf(),
            ..Module::default()
        };
        // Declarations.
        let words: Vec<&str> = text
            .split(|c: char| !is_ident_char(c) && c != '!')
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            match pair[0] {
                "struct" | "enum" | "fn" | "type" | "trait" | "const" | "static" | "union" => {
                    m.items.insert(pair[1].to_owned());
                }
                "macro_rules!" => {
                    m.items.insert(pair[1].to_owned());
                }
                "mod" => {
                    m.children.insert(pair[1].to_owned());
                }
                _ => {}
            }
        }
        // `use` statements (possibly spanning lines); the inline scan below skips them.
        let mut code = text.to_owned();
        let mut rest = text;
        while let Some(at) = find_word(rest, "use") {
            let before = rest[..at].trim_end();
            let public = before.ends_with("pub") || before.ends_with(')');
            let after = &rest[at + 3..];
            let end = after.find(';').unwrap_or(after.len());
            for (path, alias) in expand(&after[..end]) {
                let Some(abs) = absolute(me, &path, &m.children) else {
                    continue;
                };
                // `use super::*` in an inline test module names its own file's items.
                if !public && path.last().is_some_and(|l| l == "*") {
                    continue;
                }
                if public {
                    match path.last().map(String::as_str) {
                        Some("*") => m.globs.push(abs[..abs.len() - 1].to_vec()),
                        Some(last) => {
                            let exported = alias.clone().unwrap_or_else(|| last.to_owned());
                            m.reexports.insert(exported, abs.clone());
                        }
                        None => {}
                    }
                    // A re-export is the module's public face, not a use of the item: the
                    // facade `mod.rs` that re-exports its children does not depend on them.
                    continue;
                }
                m.uses.push(abs);
            }
            let (from, to) = (text.len() - rest.len() + at, text.len() - after.len() + end);
            code.replace_range(from..to, &" ".repeat(to - from));
            rest = &after[end.min(after.len())..];
        }
        let text = code.as_str();
        // Inline paths: `crate::a::b`, `super::x`, `self::x`, `child::x`.
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            let boundary = i == 0 || !is_ident_char(chars[i - 1].1) && chars[i - 1].1 != ':';
            if boundary && is_ident_char(c) {
                let mut j = i;
                while j < chars.len() && (is_ident_char(chars[j].1) || chars[j].1 == ':') {
                    j += 1;
                }
                let end = chars.get(j).map_or(text.len(), |(n, _)| *n);
                let token = &text[start..end];
                if token.contains("::") {
                    let path: Vec<String> = token
                        .split("::")
                        .filter(|s| !s.is_empty())
                        .map(str::to_owned)
                        .collect();
                    let first = path.first().map(String::as_str).unwrap_or_default();
                    if (matches!(first, "crate" | "super" | "self") || m.children.contains(first))
                        && let Some(abs) = absolute(me, &path, &m.children)
                    {
                        m.uses.push(abs);
                    }
                }
                i = j;
            } else {
                i += 1;
            }
        }
        m
    }

    /// The module that defines `path` (following re-exports), or the longest module prefix.
    fn resolve(&self, path: &[String], depth: usize) -> Option<ModPath> {
        if depth > 16 {
            return None;
        }
        for split in (0..=path.len()).rev() {
            let (module, rest) = path.split_at(split);
            let Some(m) = self.modules.get(module) else {
                continue;
            };
            let Some(item) = rest.first() else {
                return Some(module.to_vec());
            };
            if m.items.contains(item) {
                return Some(module.to_vec());
            }
            if let Some(target) = m.reexports.get(item) {
                let mut full = target.clone();
                full.extend(rest[1..].iter().cloned());
                return self.resolve(&full, depth + 1);
            }
            for glob in &m.globs {
                let mut full = glob.clone();
                full.extend(rest.iter().cloned());
                if let Some(found) = self.resolve(&full, depth + 1)
                    && found != *module
                {
                    return Some(found);
                }
            }
            return Some(module.to_vec());
        }
        None
    }

    /// Every edge between two different modules.
    pub(crate) fn edges(&self) -> BTreeSet<Edge> {
        let mut edges = BTreeSet::new();
        for (me, m) in &self.modules {
            for used in &m.uses {
                if let Some(target) = self.resolve(used, 0)
                    && target != *me
                    && !target.is_empty()
                {
                    edges.insert((name(me), name(&target)));
                }
                // An edge to the crate root is only a problem if the root defines the item.
                if let Some(target) = self.resolve(used, 0)
                    && target.is_empty()
                    && !me.is_empty()
                    && used
                        .first()
                        .is_some_and(|s| self.modules[&Vec::new()].items.contains(s))
                {
                    edges.insert((name(me), name(&target)));
                }
            }
        }
        edges
    }

    /// Every cycle, as the list of modules in one strongly connected component.
    pub(crate) fn cycles(&self) -> Vec<Vec<String>> {
        let edges = self.edges();
        let nodes: BTreeSet<String> = edges
            .iter()
            .flat_map(|(a, b)| [a.clone(), b.clone()])
            .collect();
        let reach = |from: &str| -> BTreeSet<String> {
            let mut seen = BTreeSet::new();
            let mut todo = vec![from.to_owned()];
            while let Some(n) = todo.pop() {
                for (a, b) in &edges {
                    if *a == n && seen.insert(b.clone()) {
                        todo.push(b.clone());
                    }
                }
            }
            seen
        };
        let reachable: BTreeMap<String, BTreeSet<String>> =
            nodes.iter().map(|n| (n.clone(), reach(n))).collect();
        let mut done = BTreeSet::new();
        let mut out = Vec::new();
        for n in &nodes {
            if done.contains(n) || !reachable[n].contains(n) {
                continue;
            }
            let component: Vec<String> = nodes
                .iter()
                .filter(|m| reachable[n].contains(*m) && reachable[*m].contains(n))
                .cloned()
                .collect();
            done.extend(component.iter().cloned());
            out.push(component);
        }
        out
    }

    /// The file of a module (for messages).
    pub(crate) fn file(&self, module: &str) -> Option<&Path> {
        self.modules
            .iter()
            .find(|(p, _)| name(p) == module)
            .map(|(_, m)| m.file.as_path())
    }
}

/// The byte offset of the next `word` standing alone (not part of an identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(n) = text[from..].find(word) {
        let at = from + n;
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        if !before.is_some_and(is_ident_char) && after.is_some_and(char::is_whitespace) {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// `path` as written in module `me`, made absolute; `None` for another crate's path.
fn absolute(me: &ModPath, path: &[String], children: &BTreeSet<String>) -> Option<ModPath> {
    let first = path.first()?;
    let mut base: ModPath = match first.as_str() {
        "crate" => Vec::new(),
        "self" => me.clone(),
        "super" => {
            let mut b = me.clone();
            let mut rest = path;
            while rest.first().is_some_and(|s| s == "super") {
                b.pop();
                rest = &rest[1..];
            }
            b.extend(rest.iter().cloned());
            return Some(b);
        }
        child if children.contains(child) => {
            let mut b = me.clone();
            b.push(child.to_owned());
            b.extend(path[1..].iter().cloned());
            return Some(b);
        }
        _ => return None,
    };
    base.extend(path[1..].iter().cloned());
    Some(base)
}

fn src(krate: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src")
}

fn report(cycles: &[Vec<String>], krate: &Crate) -> String {
    cycles
        .iter()
        .map(|c| {
            c.iter()
                .map(|m| {
                    format!(
                        "{m} ({})",
                        krate
                            .file(m)
                            .map(|f| f.display().to_string())
                            .unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join(" <-> ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_import_circle_in_any_crate() {
    for krate in ["generator", "submit-fn", "catalog"] {
        let c = Crate::read(&src(krate));
        let cycles = c.cycles();
        assert!(
            cycles.is_empty(),
            "{krate}: modules that import each other (directly or through others):\n{}",
            report(&cycles, &c)
        );
    }
}

/// The arrows docs/architecture.md forbids: the renderer writes nothing and reads no disk,
/// content knows nothing of rendering, output knows nothing of either.
#[test]
fn arrows_run_one_way_in_the_generator() {
    let c = Crate::read(&src("generator"));
    let edges = c.edges();
    let forbidden = [
        (
            "content",
            &["render", "output", "serve", "cli", "pipeline", "theme"][..],
        ),
        (
            "theme",
            &["render", "output", "serve", "cli", "pipeline"][..],
        ),
        (
            "render",
            &["serve", "cli", "pipeline", "scaffold", "content::reload"][..],
        ),
        (
            "output",
            &["content", "render", "theme", "serve", "cli", "pipeline"][..],
        ),
        ("pipeline", &["serve", "cli"][..]),
        // The shared leaves depend on nothing of the crate's layers.
        (
            "urls",
            &[
                "content", "render", "output", "theme", "serve", "cli", "pipeline",
            ][..],
        ),
        (
            "markdown",
            &[
                "content", "render", "output", "theme", "serve", "cli", "pipeline",
            ][..],
        ),
    ];
    let mut wrong = Vec::new();
    for (from, to) in &edges {
        for (layer, banned) in &forbidden {
            let inside = |m: &str, l: &str| m == l || m.starts_with(&format!("{l}::"));
            if inside(from, layer) && banned.iter().any(|b| inside(to, b)) {
                wrong.push(format!("{from} -> {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "arrows running the wrong way:\n{}",
        wrong.join("\n")
    );
    // Rendering reads no files: only the theme loader and the content loader do.
    for (path, m) in &c.modules {
        if path.first().is_some_and(|p| p == "render") {
            let text = std::fs::read_to_string(&m.file).expect("read");
            for banned in ["std::fs", "fs::read", "walkdir", "File::open"] {
                assert!(
                    !strip(&text).contains(banned),
                    "{} uses `{banned}`: rendering must not touch the disk",
                    m.file.display()
                );
            }
        }
    }
}

/// The checker itself: a planted circle is found, a tree is not.
#[test]
fn the_checker_finds_a_planted_circle() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |p: &str, text: &str| {
        let path = dir.path().join(p);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write("lib.rs", "pub mod a;\npub mod b;\n");
    write("a/mod.rs", "mod inner;\npub use inner::*;\n");
    write("a/inner.rs", "pub struct Thing;\n");
    write(
        "b.rs",
        "use crate::a::Thing;\n// use crate::nothing;\npub fn f() -> Thing { Thing }\n",
    );
    let c = Crate::read(dir.path());
    assert!(
        c.edges().contains(&("b".into(), "a::inner".into())),
        "{:?}",
        c.edges()
    );
    assert!(c.cycles().is_empty());
    write(
        "a/inner.rs",
        "pub struct Thing;\nfn g() { let _ = crate::b::f(); }\n",
    );
    let c = Crate::read(dir.path());
    assert_eq!(
        c.cycles(),
        vec![vec!["a::inner".to_owned(), "b".to_owned()]]
    );
}

/// Every `.rs` file under `krate/src`, with its text (comments stripped).
fn sources(krate: &str) -> Vec<(PathBuf, String)> {
    walkdir::WalkDir::new(src(krate))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("read");
            (e.path().to_path_buf(), strip(&text))
        })
        .collect()
}

/// The source files of `krates` for which `wrong(path, text)` holds.
fn files_where(krates: &[&str], wrong: impl Fn(&Path, &str) -> bool) -> Vec<String> {
    krates
        .iter()
        .flat_map(|k| sources(k))
        .filter(|(path, text)| wrong(path, text))
        .map(|(path, _)| path.display().to_string())
        .collect()
}

/// Files of `krates` whose text contains `needle`, apart from those whose path ends with one
/// of `homes`.
fn found_outside(krates: &[&str], needle: &str, homes: &[&str]) -> Vec<String> {
    files_where(krates, |path, text| {
        text.contains(needle) && !homes.iter().any(|h| path.ends_with(h))
    })
}

/// Whether `path` lies under a folder named `dir`.
fn under(path: &Path, dir: &str) -> bool {
    path.components().any(|c| c.as_os_str() == dir)
}

/// Only output/ writes files, apart from `generator new` (scaffold.rs), which creates content
/// files for editors: the built site, serve's updates and the studio all go through a Sink.
#[test]
fn only_output_writes_files() {
    for needle in ["fs::write", "File::create", "OpenOptions", "fs::rename"] {
        let wrong = files_where(&["generator"], |path, text| {
            let home = under(path, "output")
                || path.ends_with("scaffold.rs")
                || path.ends_with("tests.rs");
            !home && text.contains(needle)
        });
        assert!(
            wrong.is_empty(),
            "`{needle}` outside output/: write through a Sink instead:\n{}",
            wrong.join("\n")
        );
    }
}

/// One home per fact (issue #19), checked over the source so a second copy fails here: one
/// escape for both binaries, one timestamp format, every YAML call in the YAML module, and
/// template data as typed views rather than `json!`.
#[test]
fn each_fact_has_one_home() {
    let all = ["generator", "submit-fn", "catalog"];
    for (needle, homes, what) in [
        ("escape_html(", &["catalog/src/escape.rs"][..], "escaping"),
        ("html_escape::", &[][..], "escaping"),
        (
            "set_escape_fn",
            &[][..],
            "escaping (tera's own is the one escape)",
        ),
        (
            "T{:02}:{:02}:{:02}",
            &["catalog/src/clock.rs"][..],
            "the timestamp format",
        ),
        (
            "[year]-[month]-[day]",
            &["catalog/src/clock.rs"][..],
            "the date format",
        ),
        (
            "serde_yaml::",
            &["generator/src/content/yaml.rs"][..],
            "YAML parsing",
        ),
    ] {
        let wrong = found_outside(&all, needle, homes);
        assert!(
            wrong.is_empty(),
            "{what} (`{needle}`) has a second home:\n{}",
            wrong.join("\n")
        );
    }
    let json_in_render = files_where(&["generator"], |path, text| {
        under(path, "render") && text.contains("json!")
    });
    assert!(
        json_in_render.is_empty(),
        "template data built with `json!` instead of a typed view:\n{}",
        json_in_render.join("\n")
    );
}
