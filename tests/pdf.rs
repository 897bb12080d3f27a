//! PDF reading on the real disclosures in `../shared/pdf/` (not in the repository: skipped
//! with a note when absent). `items/NAME.json` is what pdf.js extracts from `NAME.pdf`.

use recount::read::pdf::{items_from_pdfjs_json, layout, read_items};
use std::path::PathBuf;

fn shared() -> Option<PathBuf> {
    let d = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/pdf");
    if d.join("items").is_dir() {
        Some(d)
    } else {
        eprintln!("note: ../shared/pdf absent, PDF tests skipped");
        None
    }
}

fn items(name: &str) -> Option<Vec<recount::read::pdf::Item>> {
    let d = shared()?;
    let json = std::fs::read_to_string(d.join("items").join(format!("{name}.json"))).ok()?;
    Some(items_from_pdfjs_json(&json).unwrap())
}

#[test]
fn dump_layout() {
    let Ok(name) = std::env::var("RECOUNT_PDF_DUMP") else {
        return;
    };
    let Some(items) = items(&name) else { return };
    let l = layout(&items);
    for (i, line) in l.text.lines().enumerate() {
        println!(
            "{:>4} p{:<3}{}",
            i + 1,
            l.pages.get(i).copied().unwrap_or(0),
            line
        );
    }
    let doc = read_items(&items).unwrap();
    for (i, t) in doc.tables.iter().enumerate() {
        println!(
            "table {i}: {:?} rows {} header {} width {} kind {:?}",
            t.caption,
            t.rows.len(),
            t.header_rows,
            t.width(),
            recount::checks::standard::kind(t)
        );
    }
}
