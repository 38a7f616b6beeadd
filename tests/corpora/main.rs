//! The suite that needs the outside corpora (SummEval, BBC, ScisummNet,
//! Opinosis), which the repository cannot ship. Every test here is ignored
//! unless asked for; run it with a folder laid out like `shared/corpora`:
//!
//! ```sh
//! SUMBENCH_DATA=../shared/corpora cargo test --test corpora -- --include-ignored
//! ```
//!
//! Asked for without `SUMBENCH_DATA`, each test fails naming what is missing.

#[path = "../util.rs"]
mod util;

#[path = "../meta_check.rs"]
mod meta_check;

mod counts;
mod determinism;
mod meta;
mod oracle;
mod quality;
mod segmentation;
mod shards;
mod systems;
