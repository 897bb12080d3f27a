//! The lean report (relations that hold kept without their words, evaluated as they are
//! found: what the CLI runs without `--verbose`/`--full`) writes exactly what the whole
//! report writes: the text report and the JSON, byte for byte, on the sample, every
//! fixture and the regression inputs.

use std::path::Path;

#[path = "../benches/shapes/mod.rs"]
mod shapes;

fn both_ways(text: &str) -> (Vec<u8>, Vec<u8>) {
    let doc = match recount::read::read_str(text) {
        Ok(d) => d,
        Err(_) => return (Vec::new(), Vec::new()),
    };
    let write = |c: &recount::report::Checked<'_>| {
        let mut out = Vec::new();
        c.write_text(&mut out, "x", recount::Lang::Zh, false)
            .unwrap();
        c.write_text(&mut out, "x", recount::Lang::En, false)
            .unwrap();
        c.write_json(&mut out, None, false).unwrap();
        c.write_json(&mut out, Some("x"), false).unwrap();
        out
    };
    (
        write(&recount::check_lazily(&doc)),
        write(&recount::check_lean(&doc)),
    )
}

fn inputs_under(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            inputs_under(&p, out);
        } else if p
            .extension()
            .is_some_and(|x| matches!(x.to_str(), Some("txt" | "md" | "html")))
        {
            out.push(p);
        }
    }
}

#[test]
fn the_lean_report_writes_what_the_whole_report_writes() {
    let mut files =
        vec![Path::new("samples/2019-xinjiang-government-office-final-accounts.txt").to_path_buf()];
    inputs_under(Path::new("tests/fixtures"), &mut files);
    inputs_under(Path::new("tests/regression"), &mut files);
    assert!(files.len() > 30, "fixtures found: {}", files.len());
    let mut failing = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let (whole, lean) = both_ways(&text);
        assert!(whole == lean, "{} differs", f.display());
        failing += usize::from(String::from_utf8_lossy(&whole).contains("\"status\":\"fail\""));
    }
    // the comparison covers failures as well as relations that hold
    assert!(failing > 10, "inputs with a failure: {failing}");
}

#[test]
fn the_lean_report_of_a_generated_table_with_a_slip_is_the_whole_report() {
    let table = shapes::classification(2_000, '\t');
    // one figure changed: its row, its 款 and 类 roll-ups and the total then fail
    let slipped = table.replacen("\t", "\t9", 12);
    for (text, fails) in [(table, false), (slipped, true)] {
        let (whole, lean) = both_ways(&text);
        assert!(whole == lean);
        assert!(whole.len() > 100_000);
        let whole = String::from_utf8_lossy(&whole);
        assert_eq!(whole.contains("\"status\":\"fail\""), fails);
    }
}
