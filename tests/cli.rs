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
fn explain_prints_a_checks_doc() {
    let (code, out, _) = recount(&["explain", "total-row"], None);
    assert_eq!(code, 0);
    assert!(
        out.contains("What it checks") && out.contains("Tolerance"),
        "{out}"
    );
    assert_eq!(recount(&["explain", "no-such-check"], None).0, 2);
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
