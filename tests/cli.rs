//! The command line: exit codes, formats, languages.

use std::io::Write;
use std::process::{Command, Stdio};

fn recount(args: &[&str], stdin: Option<&[u8]>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        // the command may exit (bad arguments) before reading: a broken pipe is fine
        let _ = child.stdin.take().unwrap().write_all(input);
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const BAD_TOTAL: &str = "项目\t金额\t其他\n甲\t10.5\t1\n乙\t20.25\t2\n合计\t40.75\t3\n";
const GOOD_TOTAL: &str = "项目\t金额\t其他\n甲\t10.5\t1\n乙\t20.25\t2\n合计\t30.75\t3\n";

#[test]
fn exit_status_says_whether_errors_were_found() {
    assert_eq!(recount(&["check", "-"], Some(GOOD_TOTAL.as_bytes())).0, 0);
    assert_eq!(recount(&["check", "-"], Some(BAD_TOTAL.as_bytes())).0, 1);
}

#[test]
fn unusable_input_exits_2_with_a_message_in_both_languages() {
    let (code, _, err) = recount(&["check", "-"], Some(b"\x00\x01\x02\x80\xff"));
    assert_eq!(code, 2);
    assert!(err.contains("UTF-8") && err.contains("请以"), "{err}");
    let (code, _, err) = recount(&["check", "/no/such/file.txt"], None);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    assert_eq!(recount(&["check", "--format", "xml", "-"], Some(b"x")).0, 2);
    assert_eq!(recount(&["frobnicate"], None).0, 2);
}

#[test]
fn gbk_and_utf16_files_are_read() {
    // "合计" and "项目" in GBK
    let mut gbk = Vec::new();
    gbk.extend_from_slice(b"\xcf\xee\xc4\xbf\t1\t2\n\xbc\xd7\t10.5\t1\n\xd2\xd2\t20.25\t2\n\xba\xcf\xbc\xc6\t40.75\t3\n");
    let (code, out, err) = recount(&["check", "-"], Some(&gbk));
    assert_eq!(code, 1, "{out}{err}");
    assert!(out.contains("40.75"), "{out}");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in BAD_TOTAL.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(recount(&["check", "-"], Some(&utf16)).0, 1);
}

/// The input's UTF-8 check (SIMD, in blocks of 64 bytes) sees a bad byte anywhere, not
/// only in the first block: a long table with one stray byte near its end is not UTF-8 (and,
/// read as GB18030, not text), and the same table without it is read.
#[test]
fn one_bad_byte_deep_in_a_long_file_is_seen() {
    let mut long = String::from("项目\t金额\t其他\n");
    for k in 0..2_000 {
        long.push_str(&format!("行{k}\t{k}.5\t1\n"));
    }
    let good = format!("{long}合计\t2000000\t2000\n");
    let (code, out, err) = recount(&["check", "-"], Some(good.as_bytes()));
    assert_eq!(code, 0, "{out}{err}");
    let at = good.len() - 20;
    for bad in [&b"\xff"[..], &b"\xe5\x90"[..], &b"\x00\x01\x80"[..]] {
        let mut bytes = good.as_bytes().to_vec();
        bytes.splice(at..at, bad.iter().copied());
        let (code, _, err) = recount(&["check", "-"], Some(&bytes));
        assert_eq!(code, 2, "{bad:?}: {err}");
        assert!(err.contains("UTF-8"), "{err}");
    }
}

#[test]
fn json_has_the_agreed_shape() {
    let (code, out, _) = recount(
        &["check", "--format", "json", "-"],
        Some(BAD_TOTAL.as_bytes()),
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let fail = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["status"] == "fail")
        .unwrap();
    assert_eq!(fail["rule"], "total-row");
    assert_eq!(fail["severity"], "error");
    assert_eq!(fail["line"], 4);
    assert_eq!(fail["reported"], "40.75");
    assert_eq!(fail["expected"], "30.75");
    assert_eq!(fail["formula"], "10.5 + 20.25 = 30.75");
    assert!(fail["message"]["zh"]
        .as_str()
        .unwrap()
        .contains("应为 30.75"));
    assert!(fail["message"]["en"]
        .as_str()
        .unwrap()
        .contains("expected 30.75"));
    for key in ["checked", "passed", "errors", "warnings"] {
        assert!(v["summary"][key].is_u64(), "summary.{key}");
    }
    assert_eq!(v["summary"]["errors"], 1);
}

#[test]
fn text_report_is_chinese_by_default_and_english_on_request() {
    let (_, zh, _) = recount(&["check", "-"], Some(BAD_TOTAL.as_bytes()));
    assert!(
        zh.contains("-:4:") && zh.contains("错误") && zh.contains("应为"),
        "{zh}"
    );
    assert!(zh.lines().last().unwrap().contains("核对"), "{zh}");
    let (_, en, _) = recount(&["check", "--lang", "en", "-"], Some(BAD_TOTAL.as_bytes()));
    assert!(
        en.contains("error [total-row]") && en.contains("expected 30.75"),
        "{en}"
    );
    assert!(
        en.lines().last().unwrap().contains("relations checked"),
        "{en}"
    );
}

#[test]
fn checks_as_json_document_every_check() {
    // what the page's build puts in the page for its answers
    let (code, out, _) = recount(&["checks", "--format", "json"], None);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let list = v.as_array().unwrap();
    let (_, ids, _) = recount(&["checks"], None);
    assert_eq!(list.len(), ids.lines().count());
    for d in list {
        for field in ["id", "title_zh", "title_en"] {
            assert!(
                d[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field}: {d}"
            );
        }
        for lang in ["en", "zh"] {
            for field in ["what", "why", "tolerance", "example"] {
                assert!(
                    d[lang][field].as_str().is_some_and(|s| !s.is_empty()),
                    "{lang}.{field}: {d}"
                );
            }
        }
        assert!(ids.contains(d["id"].as_str().unwrap()));
    }
    assert_eq!(recount(&["checks", "--format", "xml"], None).0, 2);
}

#[test]
fn explain_prints_a_checks_doc() {
    // in Chinese, as the report is, unless English is asked for
    let (code, out, _) = recount(&["explain", "total-row"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("检查什么")
            && out.contains("合计行等于各行之和")
            && !out.contains("What it checks"),
        "{out}"
    );
    let (code, out, _) = recount(&["explain", "total-row", "--lang", "en"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("What it checks") && out.contains("Tolerance") && !out.contains("检查什么"),
        "{out}"
    );
    let (code, all, _) = recount(&["explain", "--lang", "en"], None);
    assert_eq!(code, 0);
    assert_eq!(
        all.matches("What it checks").count(),
        recount(&["checks"], None).1.lines().count()
    );
    assert_eq!(recount(&["explain", "no-such-check"], None).0, 2);
    assert_eq!(
        recount(&["explain", "total-row", "--lang", "fr"], None).0,
        2
    );
}

#[test]
fn regressions_finish() {
    // inputs that once hung or panicked (found by fuzzing); each must give a report
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/regression");
    for f in std::fs::read_dir(dir).unwrap() {
        let path = f.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(recount::check_str(&text).is_ok(), "{}", path.display());
    }
}

#[test]
fn a_pdf_is_read_natively_and_an_unreadable_one_says_why() {
    // bytes that claim to be a PDF but are not: exit 2, both languages
    let (code, _, err) = recount(&["check", "-"], Some(b"%PDF-1.7\n\x00\x01 not a pdf"));
    assert_eq!(code, 2);
    assert!(
        err.contains("PDF 文件已损坏") && err.contains("the PDF is damaged"),
        "{err}"
    );
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/pdf/gbc-good-putuo-czj-2024-juesuan.pdf");
    if !shared.exists() {
        eprintln!("note: ../shared/pdf absent, PDF CLI test skipped");
        return;
    }
    let path = shared.to_string_lossy();
    // 社会保障和就业支出 printed 326.71 in the 总表, 326.72 in the 支出表: errors, with pages
    let (code, out, _) = recount(&["check", &path], None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("第 6 页") && out.contains("326.71"), "{out}");
    let (_, json, _) = recount(&["check", "--format", "json", &path], None);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let fail = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "fail")
        .unwrap();
    assert_eq!(fail["page"], 6);
}

#[test]
fn a_folder_is_walked_and_summarised_one_line_per_file() {
    let dir = std::env::temp_dir().join(format!("recount-batch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("good.txt"), GOOD_TOTAL).unwrap();
    std::fs::write(dir.join("sub/bad.md"), BAD_TOTAL).unwrap();
    std::fs::write(dir.join("notes.bin"), b"\x00\x01").unwrap();
    let d = dir.to_str().unwrap();
    let (code, out, err) = recount(&["check", d, "--lang", "en"], None);
    assert_eq!(code, 1, "an error in one file: {out}{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "header, two files, totals: {out}");
    assert!(lines[1].ends_with("good.txt") && lines[1].trim_start().starts_with('0'));
    assert!(lines[2].ends_with("bad.md") && lines[2].trim_start().starts_with('1'));
    assert!(lines[3].starts_with("2 files") && lines[3].contains("1 errors"));
    assert!(
        err.is_empty(),
        "no progress bar when not on a terminal: {err}"
    );
    let (code, out, _) = recount(&["check", d, "--format", "json"], None);
    assert_eq!(code, 1);
    let files: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["file"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(files.len(), 2);
    assert!(files[0].ends_with("good.txt") && files[1].ends_with("bad.md"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_csv_file_is_read_as_a_table() {
    let dir = std::env::temp_dir().join(format!("recount-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("t.csv");
    std::fs::write(
        &path,
        "项目,金额,其他\n甲,\"1,010.5\",1\n乙,20.25,2\n合计,\"1,040.75\",3\n",
    )
    .unwrap();
    let (code, out, _) = recount(&["check", path.to_str().unwrap(), "--lang", "en"], None);
    assert_eq!(code, 1, "{out}");
    // the figure's column is where it is printed, inside its quotes
    assert!(out.contains("t.csv:4:5: error [total-row]"), "{out}");
    // the expected figure as the document prints its figures (thousands separators)
    assert!(out.contains("expected 1,030.75, found 1,040.75"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A minimal PDF built here (no copy of a real one): `pages` pages, each printing one line
/// of `text` in Helvetica, with a correct cross-reference table; `extra` goes into the
/// trailer (an `/Encrypt` entry, say).
fn synthetic_pdf(pages: usize, text: Option<&str>, extra: &str) -> Vec<u8> {
    let mut objs: Vec<String> = vec![
        "<</Type/Catalog/Pages 2 0 R>>".into(),
        String::new(), // the page tree, filled below
        "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>".into(),
    ];
    let mut kids = Vec::new();
    for p in 0..pages {
        let content = match text {
            Some(t) => format!("BT /F1 12 Tf 72 720 Td ({t} {p}) Tj ET"),
            None => String::new(),
        };
        objs.push(format!(
            "<</Length {}>>stream\n{content}\nendstream",
            content.len()
        ));
        let content_id = objs.len();
        objs.push(format!(
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 3 0 R>>>>/Contents {content_id} 0 R>>"
        ));
        kids.push(format!("{} 0 R", objs.len()));
    }
    objs[1] = format!("<</Type/Pages/Kids[{}]/Count {pages}>>", kids.join(" "));
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<</Size {}/Root 1 0 R{extra}>>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Hostile PDFs built here — truncated, encrypted, 1,000 pages, no text layer: a message in
/// both languages and exit 2 (or, for the long one, a report), never a panic.
#[test]
fn hostile_synthetic_pdfs_give_a_message_and_exit_2() {
    let good = synthetic_pdf(1, Some("Total 1,000.00"), "");
    // (the native reader gives no positioned text for a bare Type 1 font without widths:
    // the well-formed file itself exits 2 with the no-text message, never a panic)
    let (code, out, err) = recount(&["check", "-"], Some(&good));
    assert!(code == 0 || code == 2, "{code} {out} {err}");
    assert!(!err.contains("panicked"), "{err}");
    let unusable = |bytes: &[u8], what: &str| {
        let (code, _, err) = recount(&["check", "-"], Some(bytes));
        assert_eq!(code, 2, "{what}: {err}");
        assert!(err.contains("PDF") && err.contains(" / "), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
        err
    };
    for cut in [9, good.len() / 2, good.len() - 30] {
        unusable(&good[..cut], &format!("truncated at {cut}"));
    }
    let encrypted = synthetic_pdf(
        1,
        Some("Total 1,000.00"),
        "/Encrypt<</Filter/Standard/V 1/R 2/O(0123456789abcdef0123456789abcdef)/U(0123456789abcdef0123456789abcdef)/P -4>>/ID[<00112233445566778899aabbccddeeff><00112233445566778899aabbccddeeff>]",
    );
    // (with this made-up key the native reader decrypts to nothing: the file names its
    // encryption, so it is said to be encrypted, not to have no text)
    let err = unusable(&encrypted, "encrypted");
    assert!(
        err.contains("PDF 已加密") && err.contains("the PDF is encrypted"),
        "{err}"
    );
    assert!(
        !err.contains("文字") && !err.contains("text layer"),
        "{err}"
    );
    let scanned = synthetic_pdf(3, None, "");
    let err = unusable(&scanned, "no text layer");
    assert!(err.contains("文字") || err.contains("text"), "{err}");
    // 1,000 pages: read in full, no panic
    let long = synthetic_pdf(1000, Some("Total 1,000.00"), "");
    let (code, out, err) = recount(&["check", "-"], Some(&long));
    assert!(code == 0 || code == 2, "{code} {out} {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_or_blank_standard_table_is_a_warning_in_the_text_report() {
    let text = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/table-set/fail.txt"
    ))
    .unwrap();
    let (code, out, _) = recount(&["check", "-"], Some(&text));
    // never an error: the exit status stays 0
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("警告 [table-set] 缺少标准表「支出决算表」"),
        "{out}"
    );
    assert!(out.contains("为空表，但没有说明为何为空"), "{out}");
    // the noted blank table is said only with --verbose
    assert!(!out.contains("附有说明"), "{out}");
    let (_, out, _) = recount(&["check", "-", "--lang", "en", "--verbose"], Some(&text));
    assert!(
        out.contains("warning [table-set] the standard table “支出决算表”"),
        "{out}"
    );
    assert!(out.contains("note [table-set]"), "{out}");
}
