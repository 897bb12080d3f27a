//! The `recount` command line.

use recount::{checks, Lang};
use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "\
recount — 决算复核: check the figures of a budget or final-accounts disclosure

usage:
  recount check FILE... [--format text|json] [--lang zh|en] [--verbose]
  recount explain [CHECK-ID]
  recount checks

  FILE      a text, Markdown, HTML or PDF file; - reads standard input
  --format  text (default): for people; json: {\"checks\": [...], \"summary\": {...}}
            (several files: one JSON object per line, each with a \"file\" field)
  --lang    language of the text report: zh (default) or en
  --verbose text report lists every relation, not only failures

exit status: 0 no error found, 1 errors found, 2 input unusable or bad arguments";

enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1..).unwrap_or(&[])),
        Some("explain") => explain(args.get(1).map(String::as_str)),
        Some("checks") => {
            for c in checks::ALL {
                println!("{:<22} {} / {}", c.id, c.title_zh, c.title_en);
            }
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn explain(id: Option<&str>) -> ExitCode {
    match id {
        None => {
            for c in checks::ALL {
                println!("{}", c.doc_markdown());
            }
            ExitCode::SUCCESS
        }
        Some(id) => {
            match checks::by_id(id) {
                Some(c) => {
                    println!("{}", c.doc_markdown());
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("recount: 没有这项检查 / no check named {id:?}; `recount checks` lists them");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn check(args: &[String]) -> ExitCode {
    let mut format = Format::Text;
    let mut lang = Lang::Zh;
    let mut verbose = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => match it.next().map(String::as_str) {
                Some("json") => format = Format::Json,
                Some("text") => format = Format::Text,
                other => {
                    return usage_error(&format!("--format takes text or json, not {other:?}"))
                }
            },
            "--lang" => match it.next().map(String::as_str) {
                Some("zh") => lang = Lang::Zh,
                Some("en") => lang = Lang::En,
                other => return usage_error(&format!("--lang takes zh or en, not {other:?}")),
            },
            "--verbose" | "-v" => verbose = true,
            s if s.starts_with('-') && s != "-" => {
                return usage_error(&format!("unknown option {s}"))
            }
            _ => files.push(a.clone()),
        }
    }
    if files.is_empty() {
        return usage_error("no input file");
    }
    let mut worst = 0u8;
    let many = files.len() > 1;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for name in &files {
        let bytes = match read_input(name) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("recount: {name}: 无法读取 / cannot read: {e}");
                worst = 2;
                continue;
            }
        };
        let checked = if recount::read::pdf::is_pdf(&bytes) {
            recount::check_bytes(&bytes)
        } else {
            match decode(&bytes) {
                Some(text) => recount::check_str(&text),
                None => Err(recount::ReadError::NotText),
            }
        };
        let report = match checked {
            Ok(r) => r,
            Err(e) => {
                eprintln!("recount: {name}: {} / {}", e.zh(), e.en());
                worst = 2;
                continue;
            }
        };
        let written = match format {
            Format::Text => out.write_all(report.to_text(name, lang, verbose).as_bytes()),
            Format::Json => {
                let json = if many {
                    serde_json::to_value(&report).map(|mut v| {
                        if let Some(o) = v.as_object_mut() {
                            o.insert("file".into(), serde_json::Value::String(name.clone()));
                        }
                        v.to_string()
                    })
                } else {
                    serde_json::to_string_pretty(&report)
                };
                match json {
                    Ok(s) => writeln!(out, "{s}"),
                    Err(e) => Err(std::io::Error::other(e)),
                }
            }
        };
        if written.is_err() {
            return ExitCode::from(2);
        }
        if report.summary.errors > 0 && worst == 0 {
            worst = 1;
        }
    }
    ExitCode::from(worst)
}

/// Decodes UTF-8 (BOM allowed), UTF-16 with a BOM, or else GB18030 (which covers GBK and
/// GB2312, still common on government sites). `None` when it is none of these.
fn decode(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = enc.decode_without_bom_handling(bytes.get(bom..)?);
        return (!bad).then(|| text.into_owned());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Some(s.to_string());
    }
    let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    // GB18030 maps almost any byte string; binary data shows up as control characters
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
    (!bad && !binary).then(|| text.into_owned())
}

fn read_input(name: &str) -> std::io::Result<Vec<u8>> {
    if name == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(name)
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("recount: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
