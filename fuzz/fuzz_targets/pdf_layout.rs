//! Layout reconstruction: any positioned items give a document or an error, never a
//! panic, and every figure's page is one of the items' pages.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let items = recount::read::pdf::items_from_bytes(data);
    if let Ok(doc) = recount::read::pdf::read_items(&items) {
        for f in &doc.figures {
            assert!(f.start <= f.end && f.end <= doc.source.len());
            let p = f.page.expect("a PDF figure has a page");
            assert!(items.iter().any(|i| i.page == p));
        }
    }
});
