//! What a load learns about the files besides the [`Site`](super::Site): which exist and
//! their YAML ([`Files`], for validation), and what `serve` keeps to reload single files
//! ([`Index`]). Its own module so that loading, validation and reloading all depend on it
//! and not on each other.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::diagnostic::Diagnostic;
use super::load_file::Source;
use super::site::Markdown;
use winner_catalog::Lang;

/// Everything validation may look at besides the [`Site`]: which files exist and their YAML.
#[derive(Debug, Default)]
pub(crate) struct Files {
    /// Every file found, relative to the content folder (whether or not it parsed).
    pub(crate) present: BTreeSet<PathBuf>,
    /// The YAML of every file that has some (front matter for Markdown).
    pub(crate) sources: BTreeMap<PathBuf, Source>,
    /// Why each refused image or document was refused (reported where Markdown uses it, or
    /// at the file itself when nothing does).
    pub(crate) media_problems: BTreeMap<PathBuf, Diagnostic>,
    /// The bodies of Markdown files left out of the site (their front matter did not parse,
    /// or their province's province.yaml or index.md is missing or broken), with their
    /// language and their Indonesian file: their links and images are checked all the same.
    pub(crate) unparsed: Vec<(Markdown, Lang, PathBuf)>,
}

impl Files {
    /// The YAML of `path`, or an empty one.
    pub(crate) fn source(&self, path: &std::path::Path) -> Source {
        self.sources.get(path).cloned().unwrap_or(Source {
            yaml: String::new(),
            first_line: 1,
        })
    }
}

/// What a full load learnt besides the [`Site`], kept to reload single files.
#[derive(Debug, Default)]
pub struct Index {
    /// Every file found and the YAML of each.
    pub(crate) files: Files,
    /// Files whose heading ids `@/…#anchor` links of other files point at.
    pub(crate) anchor_targets: BTreeSet<PathBuf>,
}

impl Index {
    /// Whether the full load found `rel` (relative to the content folder).
    pub fn contains(&self, rel: &Path) -> bool {
        self.files.present.contains(rel)
    }

    /// Whether the full load found a file inside the folder `rel`.
    pub fn has_files_under(&self, rel: &Path) -> bool {
        self.files
            .present
            .range(rel.to_path_buf()..)
            .next()
            .is_some_and(|p| p.starts_with(rel) && p != rel)
    }
}
