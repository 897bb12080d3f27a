//! Spreadsheets (.xlsx, .xls) and Word (.docx): `tests/fixtures/office/` (made by its
//! `make.py`) and the generated files in `../shared/pdf/generated/` (skipped with a note when
//! absent).

use recount::document::Document;
use recount::read::{read_bytes, ReadError};
use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/office")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn shared(name: &str) -> Option<Vec<u8>> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/pdf/generated")
        .join(name);
    match std::fs::read(&p) {
        Ok(b) => Some(b),
        Err(_) => {
            eprintln!("note: {} absent, skipped", p.display());
            None
        }
    }
}

/// The cell texts of a table's row.
fn row(doc: &Document, table: usize, r: usize) -> Vec<String> {
    doc.tables[table]
        .rows()
        .get(r)
        .unwrap()
        .cells
        .iter()
        .map(|c| c.text.to_string())
        .collect()
}

/// The row whose first cell is `label`.
fn row_of(doc: &Document, table: usize, label: &str) -> Vec<String> {
    let t = &doc.tables[table];
    let i = t
        .rows()
        .iter()
        .position(|r| r.cells.first().is_some_and(|c| c.text == label))
        .unwrap_or_else(|| panic!("no row {label}"));
    row(doc, table, i)
}

/// (value, scale, percent) of the figure printed as `raw`.
fn figure(doc: &Document, raw: &str) -> (String, u32, bool) {
    let f = doc
        .figures()
        .find(|f| f.raw == raw)
        .unwrap_or_else(|| panic!("no figure {raw}"));
    (f.number.value.to_string(), f.number.scale, f.number.percent)
}

#[test]
fn xlsx_sheets_are_tables_with_merged_cells_and_format_precision() {
    let doc = read_bytes(&fixture("budget.xlsx")).unwrap();
    assert_eq!(doc.tables.len(), 2, "one table per sheet");
    assert!(doc.tables[0]
        .caption
        .contains("一般公共预算财政拨款支出决算表"));
    // 科目 merged over two rows, 决算数 over three columns: text top-left, the rest blank
    let t = &doc.tables[0];
    let h0 = row(&doc, 0, 0);
    assert_eq!(h0, vec!["科目", "决算数"]);
    assert_eq!(row(&doc, 0, 1), vec!["", "合计", "基本支出", "项目支出"]);
    assert_eq!(t.header_rows, 2);
    // 800.2512 under #,##0.00 prints 800.25: 2 decimals
    assert_eq!(
        row_of(&doc, 0, "201 一般公共服务支出"),
        vec!["201 一般公共服务支出", "1,000.00", "800.25", "199.75"]
    );
    assert_eq!(figure(&doc, "800.25"), ("800.25".into(), 2, false));
    // #,##0 → 0 decimals; 0.00% → the value × 100, 2 decimals; the zero section of a
    // three-part format prints "-"
    let exec = row_of(&doc, 1, "一般公共服务支出");
    assert_eq!(
        exec,
        vec!["一般公共服务支出", "1,200", "1,000.00", "83.33%"]
    );
    assert_eq!(figure(&doc, "1,200"), ("1200".into(), 0, false));
    assert_eq!(figure(&doc, "83.33%"), ("83.33".into(), 2, true));
    assert_eq!(row_of(&doc, 1, "卫生健康支出")[1], "-");
    // each row one line of the source, and the report points at it
    let f = doc.figures().find(|f| f.raw == "800.25").unwrap();
    assert!(doc.line_text(f.line).starts_with("201 一般公共服务支出\t"));
}

#[test]
fn xlsx_report_finds_the_relations_its_tables_hold() {
    let report = recount::check_bytes(&fixture("budget.xlsx")).unwrap();
    let s = &report.summary;
    assert_eq!(s.errors, 0, "{:#?}", report.checks);
    assert!(s.checked >= 8, "{s:?}");
    for rule in ["total-row", "column-sum"] {
        assert!(
            report
                .checks
                .iter()
                .any(|e| e.rule == rule && e.status == "pass"),
            "{rule}"
        );
    }
}

#[test]
fn xls_precision_comes_from_the_column_and_the_report_says_so() {
    let doc = read_bytes(&fixture("budget.xls")).unwrap();
    assert!(doc.source.starts_with("说明：.xls 文件不含数字格式"));
    assert!(doc.tables[0].caption.starts_with("支出决算表"));
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(row(&doc, 0, 0), vec!["科目", "决算数"]);
    // 基本支出: 1200.5, 800.2512, 300.15, 100 → most print with 2 decimals
    assert_eq!(
        row_of(&doc, 0, "201 一般公共服务支出"),
        vec!["201 一般公共服务支出", "1000.0", "800.25", "199.75"]
    );
    assert_eq!(figure(&doc, "100.00"), ("100.00".into(), 2, false));
    // the planted error: 基本支出 合计 1200.50 where its rows sum to 1200.40
    let report = recount::check_bytes(&fixture("budget.xls")).unwrap();
    let line = doc.figures().find(|f| f.raw == "1200.50").unwrap().line;
    assert!(
        report
            .checks
            .iter()
            .any(|e| e.rule == "total-row" && e.status == "fail" && e.line == line),
        "{:#?}",
        report.checks
    );
}

#[test]
fn docx_paragraphs_tables_merged_cells_and_split_numbers() {
    let doc = read_bytes(&fixture("budget.docx")).unwrap();
    // the heading, and 1,5 + 11.90 in two runs read as one figure
    assert!(doc.paragraphs.iter().any(|p| p.heading));
    let p = doc
        .paragraphs
        .iter()
        .find(|p| p.text.contains("支出决算"))
        .unwrap();
    assert!(p.text.contains("决算1,511.90万元"), "{}", p.text);
    assert_eq!(doc.tables.len(), 1);
    assert_eq!(row(&doc, 0, 0), vec!["科目", "决算数"]);
    assert_eq!(row(&doc, 0, 1), vec!["", "合计", "基本支出", "项目支出"]);
    assert_eq!(
        row_of(&doc, 0, "合计"),
        vec!["合计", "1,511.90", "1,200.40", "311.50"]
    );
    let report = recount::check_bytes(&fixture("budget.docx")).unwrap();
    assert_eq!(report.summary.errors, 0);
    // the text's 1,511.90 = 1,200.40 + 311.50, and the table's sums
    for rule in ["parts-sum", "total-row", "column-sum"] {
        assert!(
            report
                .checks
                .iter()
                .any(|e| e.rule == rule && e.status == "pass"),
            "{rule}: {:#?}",
            report.checks
        );
    }
}

#[test]
fn the_generated_files_read() {
    if let Some(b) = shared("test.xlsx") {
        let doc = read_bytes(&b).unwrap();
        let raws: Vec<&str> = doc.figures().map(|f| f.raw).collect();
        // #,##0 of 12011.09, #,##0.00, 0.00% of 0.3977
        for r in ["12,011", "2,106.66", "39.77%"] {
            assert!(raws.contains(&r), "{r} in {raws:?}");
        }
        assert_eq!(figure(&doc, "39.77%"), ("39.77".into(), 2, true));
        assert_eq!(figure(&doc, "12,011"), ("12011".into(), 0, false));
        // the title merged across the sheet is the caption
        assert!(doc.tables[0].caption.contains("收入支出决算总表"));
    }
    if let Some(b) = shared("test.xls") {
        let doc = read_bytes(&b).unwrap();
        assert!(doc.figures().any(|f| f.raw == "12017.29"));
        assert_eq!(doc.tables.len(), 1);
    }
    if let Some(b) = shared("test.docx") {
        let doc = read_bytes(&b).unwrap();
        // 2,940 + .05 in two runs
        assert_eq!(figure(&doc, "2,940.05"), ("2940.05".into(), 2, false));
        assert!(doc.figures().any(|f| f.raw == "99.79%"));
    }
}

#[test]
fn broken_files_give_an_error_not_a_panic() {
    for name in ["budget.xlsx", "budget.xls", "budget.docx"] {
        let b = fixture(name);
        for cut in [8, 100, b.len() / 2] {
            let r = read_bytes(&b[..cut]);
            assert!(
                matches!(r, Err(ReadError::BrokenOffice)),
                "{name} cut at {cut}: {r:?}"
            );
        }
        // the last bytes of an .xls are padding: an error or a document, never a panic
        let _ = read_bytes(&b[..b.len() - 10]);
        // damaged in the middle: an error or a document, never a panic
        let mut d = b.clone();
        for i in (b.len() / 3..b.len() / 3 + 200).step_by(7) {
            d[i] ^= 0x5A;
        }
        let _ = read_bytes(&d);
    }
    assert_eq!(
        read_bytes(&fixture("password.xlsx")).unwrap_err(),
        ReadError::OfficeEncrypted
    );
    let e = ReadError::OfficeEncrypted;
    assert!(e.zh().contains("密码") && e.en().contains("password"));
    let e = ReadError::BrokenOffice;
    assert!(e.zh().contains("已损坏") && e.en().contains("damaged"));
}

/// A one-sheet .xlsx whose sheet XML is `rows` (deflated, as Excel writes it).
fn workbook(rows: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let ns = r#"xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts: [(&str, Vec<u8>); 5] = [
        ("[Content_Types].xml", br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.to_vec()),
        ("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).into_bytes()),
        ("xl/workbook.xml", format!(r#"<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>"#).into_bytes()),
        ("xl/_rels/workbook.xml.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#).into_bytes()),
        ("xl/worksheets/sheet1.xml", [format!("<worksheet {ns}><sheetData>").as_bytes(), rows, b"</sheetData></worksheet>"].concat()),
    ];
    for (name, data) in parts {
        z.start_file(name, opts).unwrap();
        z.write_all(&data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

#[test]
fn hostile_sheets_are_refused_before_they_are_laid_out() {
    // a sane one reads
    let ok = workbook(r#"<row r="1"><c r="A1" t="inlineStr"><is><t>合计</t></is></c><c r="B1"><v>3</v></c></row>"#.as_bytes());
    assert!(read_bytes(&ok).unwrap().source.contains("合计\t3"));
    // two cells 17 billion slots apart: calamine would allocate the whole rectangle
    let far = workbook(br#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>"#);
    assert_eq!(read_bytes(&far).unwrap_err(), ReadError::OfficeTooLarge);
    // a sheet that inflates to 1.1 million cells from a few dozen KB
    let cell = br#"<c r="A1"><v>1</v></c>"#;
    let many: Vec<u8> = [&b"<row r=\"1\">"[..], &cell.repeat(1_100_000), b"</row>"].concat();
    let many = workbook(&many);
    assert!(many.len() < 200_000, "{}", many.len());
    assert_eq!(read_bytes(&many).unwrap_err(), ReadError::OfficeTooLarge);
    // a part that says it unpacks to 200 MB (a zip bomb) is refused before it is read
    let mut bomb = workbook(b"");
    let cd = bomb.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
    bomb[cd + 24..cd + 28].copy_from_slice(&(200u32 << 20).to_le_bytes());
    assert_eq!(read_bytes(&bomb).unwrap_err(), ReadError::OfficeTooLarge);
    let e = ReadError::OfficeTooLarge;
    assert!(e.zh().contains("单元格") && e.en().contains("cells"));
}

#[test]
fn the_cli_checks_a_spreadsheet_and_rejects_a_broken_one() {
    let exe = env!("CARGO_BIN_EXE_recount");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/office");
    let out = std::process::Command::new(exe)
        .arg("check")
        .arg(dir.join("budget.xlsx"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("核对 9 项关系"), "{stdout}");
    let tmp = std::env::temp_dir().join(format!("recount-broken-{}.xlsx", std::process::id()));
    std::fs::write(&tmp, &fixture("budget.xlsx")[..500]).unwrap();
    let out = std::process::Command::new(exe)
        .arg("check")
        .arg(&tmp)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&tmp);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("已损坏") && stderr.contains("damaged"),
        "{stderr}"
    );
}

/// An .xls whose one number sits at the last row and column (its NUMBER record moved: a
/// 5 KB file spanning 65,536 × 256 slots) is refused from its cell records, before calamine
/// lays the rectangle out (≈ 1 GB of memory natively); so is one whose DIMENSIONS record
/// declares such a sheet (calamine reserves what it declares: memory a wasm module commits).
#[test]
fn an_xls_spanning_a_huge_sheet_is_refused_before_it_is_laid_out() {
    let good = fixture("budget.xls");
    assert!(read_bytes(&good).is_ok());
    let mut far = good.clone();
    let at = far
        .windows(4)
        .position(|w| w == [0x03, 0x02, 0x0E, 0x00])
        .expect("a NUMBER record");
    far[at + 4..at + 8].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0x00]);
    let t = std::time::Instant::now();
    assert_eq!(read_bytes(&far).unwrap_err(), ReadError::OfficeTooLarge);
    // refused without laying out 16 million cells (generous: a guard against the blow-up)
    assert!(t.elapsed().as_secs() < 5, "{:?}", t.elapsed());
    let mut declared = good.clone();
    let at = declared
        .windows(4)
        .position(|w| w == [0x00, 0x02, 0x0E, 0x00])
        .expect("a DIMENSIONS record");
    declared[at + 4..at + 18].copy_from_slice(&[0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]);
    assert_eq!(
        read_bytes(&declared).unwrap_err(),
        ReadError::OfficeTooLarge
    );
}
