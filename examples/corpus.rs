//! Writes generated consistent disclosures (the test suite's generator, `tests/generated/`)
//! as a folder of text files, for the batch benchmark:
//!
//! ```sh
//! cargo run --release --example corpus -- 10000 target/corpus
//! target/release/recount check target/corpus
//! ```

// the generator is test code: it indexes freely
#![allow(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

#[path = "../tests/generated"]
#[allow(dead_code)]
mod generated {
    pub mod doc;
    pub mod gen;
    pub mod rng;
}

use std::process::ExitCode;

/// The generator test's base seed, so file `n` is that test's case `n`.
const BASE_SEED: u64 = 0x5EC0_0C7A_11DA_7E00;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [count, dir] = args.as_slice() else {
        eprintln!("usage: corpus COUNT DIR");
        return ExitCode::from(2);
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("COUNT must be a number, found {count}");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        eprintln!("cannot create {dir}: {e}");
        return ExitCode::FAILURE;
    }
    for n in 0..count {
        let doc = generated::gen::G::new(generated::rng::Rng::case_seed(BASE_SEED, n)).generate();
        let (text, _) = doc.render();
        let path = format!("{dir}/{n:05}.txt");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
