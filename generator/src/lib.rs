//! The Kompetisi WiNNER static site generator: load content, render it with a theme, write it.
//!
//! Data flows one way (docs/architecture.md): inputs ([`content`] and [`theme`] loaded into
//! memory), then a pure [`render`] of a job list, then [`output`], the one place that writes
//! files. [`pipeline::build`] runs the three for `build`, `check` and `serve` alike; [`serve`]
//! adds the watcher and incremental updates on top. [`scaffold`] writes new content files for
//! editors (`generator new`); [`studio`] writes the editing studio at `/admin/`. [`cli`] is
//! the command line on top of everything.
//!
//! Shared leaves: [`markdown`] (the one parser set-up), [`urls`] (where every page lives)
//! and [`encode`] (content-hashed names). Escaping is `winner_catalog::escape`, shared with
//! submit-fn.

pub mod cli;
pub mod content;
pub mod encode;
pub mod markdown;
pub mod messages;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod studio;
pub mod theme;
pub mod urls;
