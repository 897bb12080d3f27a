//! Integration tests: one binary.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod cli;
mod corpus;
mod fixtures;
mod generated;
mod lean;
mod pdf;
mod realdocs;
mod regression;
mod sample;
mod sample_text;
mod schema;
#[cfg(feature = "sheets")]
mod sheets;
mod snapshots;
