//! Integration tests of the generator, one module per feature (see README.md).
//! The render engineer's tests live in `generator/tests/render.rs`.

mod architecture;
mod check;
mod cli;
mod golden;
mod incremental;
mod load;
mod new;
mod output;
mod prelude;
mod proptests;
mod serve;
