//! The whole check: read, find relations, evaluate, report, serialize, render — never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::Lang;

fuzz_target!(|data: &[u8]| {
    if let Ok(report) = recount::check_bytes(data) {
        let _ = serde_json::to_string(&report);
        let _ = report.to_text("fuzz", Lang::Zh, true);
        let _ = report.to_text("fuzz", Lang::En, false);
    }
});
