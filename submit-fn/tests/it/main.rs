//! Integration tests: the real router on a loopback port (and the Lambda adapter with recorded
//! events) against a real DynamoDB API (moto_server). See `harness.rs` for how moto is found.

mod architecture;
mod export;
mod harness;
mod lambda;
mod logs;
mod refusals;
mod submit;
mod template;
