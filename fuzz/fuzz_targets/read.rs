//! Document reading: any bytes give a document or an error, never a panic, and every
//! figure's position lies inside the source.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = recount::read::read_bytes(data) {
        for f in &doc.figures {
            assert!(f.start <= f.end && f.end <= doc.source.len());
        }
    }
});
