//! Spreadsheet and Word reading (.xlsx, .xls, .docx): any bytes given to each reader give a
//! text or an error, never a panic; bytes that read as a document keep every figure inside
//! its source. The corpus starts from `tests/fixtures/office/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use recount::read::{docx, sheet};

fuzz_target!(|data: &[u8]| {
    let _ = sheet::xlsx_to_text(data);
    let _ = sheet::cfb_to_text(data);
    let _ = docx::docx_to_text(data);
    if let Ok(doc) = recount::read::read_office(data) {
        for f in &doc.figures {
            assert!(f.start <= f.end && f.end <= doc.source.len());
        }
    }
});
