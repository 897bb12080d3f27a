//! debug probe (not committed)
#[cfg(test)]
mod t {
    #[test]
    fn dbg_tables() {
        let Ok(path) = std::env::var("DBG") else { return };
        let text = std::fs::read_to_string(path).unwrap_or_default();
        let Ok(doc) = crate::read::read_string(text) else { return };
        for (i, t) in doc.tables.iter().enumerate() {
            println!("== table {i} caption={:?} header_rows={}", t.caption, t.header_rows);
            for r in t.rows().iter() {
                let cells: Vec<String> = r.cells.iter().map(|c| format!("{}{}", c.text, if c.figure.is_some() {"#"} else {""})).collect();
                println!("  L{} | {}", r.line, cells.join(" | "));
            }
        }
    }
}
