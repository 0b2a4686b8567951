//! Integration tests of the generator, one module per feature (see README.md).
//! The render engineer's tests live in `generator/tests/render.rs`.

mod architecture;
mod as_of;
mod check;
mod cli;
mod content_truth;
mod golden;
mod incremental;
mod load;
mod media;
mod messages;
mod new;
mod output;
mod planted;
mod prelude;
mod proptests;
mod public;
mod serve;
