//! The whole check: read, find relations, evaluate, report, serialize, render — never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::Lang;

fuzz_target!(|data: &[u8]| {
    // the CLI's path: verdicts first, strings only for what is written
    if let Ok(doc) = recount::read::read_bytes(data) {
        let checked = recount::check_lazily(&doc);
        let _ = checked.write_text(&mut std::io::sink(), "fuzz", Lang::Zh, false);
        let _ = checked.write_json(&mut std::io::sink(), None, false);
    }
    if let Ok(report) = recount::check_bytes(data) {
        let _ = serde_json::to_string(&report);
        let _ = report.to_text("fuzz", Lang::Zh, true);
        let _ = report.to_text("fuzz", Lang::En, false);
    }
});
