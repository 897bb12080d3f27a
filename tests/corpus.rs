//! Replays the fuzzing corpus (`fuzz/corpus/<target>/*`) through the three fuzzed entry
//! points on stable Rust, so CI keeps every input the fuzzers found interesting without
//! nightly or cargo-fuzz: figure reading, document reading, PDF layout reconstruction
//! (the bytes decoded as positioned items), and the whole check with its JSON and text
//! renderings. None may panic.

use recount::Lang;
use std::path::PathBuf;

fn corpus_files() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).expect("fuzz/corpus exists") {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.is_file() {
                out.push(f);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_corpus_input_runs_through_every_entry_point() {
    let files = corpus_files();
    assert!(files.len() >= 20, "corpus too small: {}", files.len());
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        if let Ok(s) = std::str::from_utf8(&bytes) {
            for t in recount::figure::scan(s) {
                assert!(
                    t.start <= t.end && t.end <= t.unit_end && t.unit_end <= s.len(),
                    "{}: token out of range",
                    f.display()
                );
            }
            let _ = recount::figure::read_cell(s);
        }
        if let Ok(doc) = recount::read::read_bytes(&bytes) {
            for fig in doc.figures() {
                assert!(fig.start <= fig.end && fig.end <= doc.source.len());
            }
        }
        let items = recount::read::pdf::items_from_bytes(&bytes);
        if let Ok(doc) = recount::read::pdf::read_items(&items) {
            assert!(doc.figures().all(|f| f.page.is_some()));
        }
        if let Ok(report) = recount::check_bytes(&bytes) {
            serde_json::to_string(&report).unwrap();
            let _ = report.to_text("corpus", Lang::Zh, true);
            let _ = report.to_text("corpus", Lang::En, false);
        }
    }
}
