//! Integration tests: the real router on a loopback port (and the Lambda adapter with recorded
//! events) against a real DynamoDB API (moto_server). See `harness.rs` for how moto is found.

mod architecture;
mod export;
mod harness;
mod lambda;
mod link;
mod logs;
mod outbox;
mod refusals;
mod server;
mod submit;
mod template;
mod truth;
