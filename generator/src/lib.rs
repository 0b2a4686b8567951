//! The Kompetisi WiNNER static site generator: load content, render it with a theme, write it.
//!
//! The stages are callable one by one (the binary and the tests use the same functions):
//! [`content::load`] turns `content/` into a [`content::Site`] or a list of
//! [`content::Diagnostics`]; [`render::render`] turns a site and a [`render::Theme`] into an
//! in-memory [`render::Output`]; [`output::write`] writes it beside the previous build and swaps
//! it in; [`serve`] does all three on every change and serves the result. [`scaffold`] writes
//! new content files for editors (`generator new`). [`cli`] is the command line on top.

pub mod cli;
pub mod content;
pub mod incremental;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod scaffold;
pub mod serve;
