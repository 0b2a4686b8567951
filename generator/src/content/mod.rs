//! Content: reading `content/` into the in-memory [`Site`], and checking it.
//!
//! [`load`] walks the content folder (sorted, hidden files skipped), parses every file (in
//! parallel, with a deterministic result), assembles the [`Site`] and validates it across
//! files. Every problem is collected, never just the first, as a [`Diagnostic`] pointing at a
//! file, line and column with a hint for editors.
//!
//! Module map, one job each:
//! - [`model`]: the shapes of the files as editors write them;
//! - [`site`]: the in-memory model the renderer reads;
//! - [`yaml`]: the only module that calls `serde_yaml`;
//! - [`front_matter`]: splitting Markdown files, keeping file line numbers;
//! - [`load`] (with `load_walk`, `load_file`, `load_assemble`): files to [`Site`];
//! - [`validate`] and [`links`]: cross-file rules and Markdown link checks;
//! - [`media`]: images and documents in `images/` and `files/` folders (type, size, name);
//! - [`reload`]: re-reading single issue files into a loaded site (`generator serve`);
//! - [`slug`]: heading ids, shared with the renderer;
//! - [`diagnostic`]: problems and how they are printed.
//!
//! # Internal links
//!
//! Markdown bodies link to other content by the content file's path relative to the content
//! folder, prefixed with `@/`, so links survive URL changes:
//! `[stunting](@/provinces/kalimantan-barat/issues/stunting.md#data)`. The target is always
//! the Indonesian file; an English page links to the English version by itself. `check`
//! verifies the file and the `#anchor` (a heading id, see [`slug::heading_slug`]).

pub mod diagnostic;
pub mod front_matter;
mod index;
pub mod links;
mod load;
mod load_assemble;
mod load_file;
mod load_walk;
pub mod media;
pub mod model;
pub(crate) mod official;
pub mod reload;
pub mod site;
pub mod slug;
mod snippets;
mod text_rules;
pub mod validate;
pub mod yaml;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use index::Index;
pub use load::{LoadOptions, Loaded, load, load_indexed, load_with_warnings};
pub use site::*;
