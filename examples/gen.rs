//! Writes the generated classification table the benchmark uses, for the side-by-side run
//! against frictionless-py (`scripts/bench-frictionless.sh`):
//!
//! ```sh
//! cargo run --release --example gen -- table 100000 table.txt   # tab-separated, for Recount
//! cargo run --release --example gen -- csv 100000 table.csv     # the same figures as a CSV
//! ```

#[path = "../benches/shapes/mod.rs"]
mod shapes;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (sep, rows, path) = match args.as_slice() {
        [kind, rows, path] if kind == "table" || kind == "csv" => {
            let Ok(rows) = rows.parse::<usize>() else {
                eprintln!("ROWS must be a number, found {rows}");
                return ExitCode::from(2);
            };
            (if kind == "csv" { ',' } else { '\t' }, rows, path)
        }
        _ => {
            eprintln!("usage: gen table|csv ROWS FILE");
            return ExitCode::from(2);
        }
    };
    match std::fs::write(path, shapes::classification(rows, sep)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {path}: {e}");
            ExitCode::FAILURE
        }
    }
}
