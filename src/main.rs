//! The `recount` command line.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use recount::report::Summary;
use recount::{checks, Lang};
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod huge_pages;

#[global_allocator]
static ALLOC: huge_pages::HugePages = huge_pages::HugePages;

const USAGE: &str = "\
recount — 决算复核: check the figures of a budget or final-accounts disclosure

usage:
  recount check PATH... [--format text|json] [--lang zh|en] [--verbose] [--full]
  recount explain [CHECK-ID] [--lang zh|en]
  recount checks [--format json]

  PATH      a text, Markdown, HTML, CSV or PDF file; - reads standard input; a folder is
            walked for .txt .md .html .htm .csv .pdf files, checked in parallel, and the
            text report becomes one summary line per file
  --format  text (default): for people; json: {\"checks\": [...], \"summary\": {...}},
            schema/report.schema.json (several files: one JSON object per line, each
            with a \"file\" field)
  --lang    language of the text report and of explain: zh (default) or en
  --verbose text report lists every relation, not only failures
  --full    json: the arithmetic and messages of every relation, not only of failures

exit status: 0 no error found, 1 errors found, 2 input unusable or bad arguments";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy)]
struct Opts {
    format: Format,
    lang: Lang,
    verbose: bool,
    full: bool,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => check(args.get(1..).unwrap_or(&[])),
        Some("explain") => explain(args.get(1..).unwrap_or(&[])),
        Some("checks") => match args.get(1..).unwrap_or(&[]) {
            [] => {
                for c in checks::ALL {
                    println!("{:<22} {} / {}", c.id(), c.title_zh, c.title_en);
                }
                ExitCode::SUCCESS
            }
            [f, json] if f == "--format" && json == "json" => {
                match serde_json::to_string(&checks::docs()) {
                    Ok(s) => {
                        println!("{s}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("recount: {e}");
                        ExitCode::from(2)
                    }
                }
            }
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
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

/// `recount explain [CHECK-ID] [--lang zh|en]`: a check's documentation (every check's without
/// an id), in Chinese unless `--lang en`.
fn explain(args: &[String]) -> ExitCode {
    let mut id = None;
    let mut lang = Lang::Zh;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--lang" => match it.next().map(String::as_str) {
                Some("zh") => lang = Lang::Zh,
                Some("en") => lang = Lang::En,
                other => return usage_error(&format!("--lang takes zh or en, not {other:?}")),
            },
            a if id.is_none() && !a.starts_with('-') => id = Some(a),
            other => return usage_error(&format!("unknown option {other}")),
        }
    }
    match id {
        None => {
            for c in checks::ALL {
                println!("{}", c.doc_markdown(lang));
            }
            ExitCode::SUCCESS
        }
        Some(id) => {
            match checks::by_id(id) {
                Some(c) => {
                    println!("{}", c.doc_markdown(lang));
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

/// What checking one file gave.
enum Outcome {
    /// Checked: its counts.
    Checked(Summary),
    /// Unusable: the message for standard error.
    Unusable(String),
}

fn check(args: &[String]) -> ExitCode {
    let mut opts = Opts {
        format: Format::Text,
        lang: Lang::Zh,
        verbose: false,
        full: false,
    };
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => match it.next().map(String::as_str) {
                Some("json") => opts.format = Format::Json,
                Some("text") => opts.format = Format::Text,
                other => {
                    return usage_error(&format!("--format takes text or json, not {other:?}"))
                }
            },
            "--lang" => match it.next().map(String::as_str) {
                Some("zh") => opts.lang = Lang::Zh,
                Some("en") => opts.lang = Lang::En,
                other => return usage_error(&format!("--lang takes zh or en, not {other:?}")),
            },
            "--verbose" | "-v" => opts.verbose = true,
            "--full" => opts.full = true,
            s if s.starts_with('-') && s != "-" => {
                return usage_error(&format!("unknown option {s}"))
            }
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        return usage_error("no input file");
    }
    let walked = paths.iter().any(|p| p != "-" && Path::new(p).is_dir());
    let mut files = Vec::new();
    let mut worst = 0u8;
    for p in &paths {
        if p != "-" && Path::new(p).is_dir() {
            if let Err(e) = walk(Path::new(p), &mut files) {
                eprintln!("recount: {p}: 无法读取 / cannot read: {e}");
                worst = 2;
            }
        } else {
            files.push(p.clone());
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if files.len() == 1 && !walked {
        // one file: streamed straight to standard output, never held whole in memory
        let name = files.first().map_or("-", String::as_str);
        match check_file(name, opts, None, &mut out) {
            Ok(o) => {
                worst = worst.max(code(&o));
                report_unusable(name, &o);
                Ok(())
            }
            Err(e) => Err(e),
        }
    } else {
        many(&files, opts, walked, &mut out, &mut worst)
    };
    if written.and_then(|()| out.flush()).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::from(worst)
}

fn code(o: &Outcome) -> u8 {
    match o {
        Outcome::Checked(s) if s.errors > 0 => 1,
        Outcome::Checked(_) => 0,
        Outcome::Unusable(_) => 2,
    }
}

fn report_unusable(name: &str, o: &Outcome) {
    if let Outcome::Unusable(msg) = o {
        eprintln!("recount: {name}: {msg}");
    }
}

/// Several files, checked in parallel a batch at a time; the reports are written in the
/// order the files were named (or found), and, after a folder, one summary line each.
fn many<W: Write>(
    files: &[String],
    opts: Opts,
    walked: bool,
    out: &mut W,
    worst: &mut u8,
) -> std::io::Result<()> {
    let table = walked && opts.format == Format::Text;
    let bar = ProgressBar::with_draw_target(
        Some(files.len() as u64),
        // drawn only when standard error is a terminal: nothing extra when piped
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed} {wide_msg}") {
        bar.set_style(style);
    }
    let zh = opts.lang == Lang::Zh;
    if table {
        let head = if zh {
            "    错误     警告     成立   未核对     数字  文件"
        } else {
            "  errors warnings    holds  unchkd  figures  file"
        };
        writeln!(out, "{head}")?;
    }
    let mut total = Summary::default();
    let (mut done, mut unusable) = (0usize, 0usize);
    for batch in files.chunks(256) {
        let results: Vec<(Vec<u8>, Outcome)> = batch
            .par_iter()
            .map(|name| {
                let mut buf = Vec::new();
                let o = if table {
                    check_file(name, opts, None, &mut std::io::sink())
                } else {
                    let file = (opts.format == Format::Json).then_some(name.as_str());
                    check_file(name, opts, file, &mut buf)
                };
                let o = o.unwrap_or_else(|e| Outcome::Unusable(e.to_string()));
                bar.inc(1);
                (buf, o)
            })
            .collect();
        for ((buf, o), name) in results.iter().zip(batch) {
            *worst = (*worst).max(code(o));
            bar.suspend(|| report_unusable(name, o));
            done += 1;
            match o {
                Outcome::Checked(s) => {
                    if table {
                        writeln!(
                            out,
                            "{:>8} {:>8} {:>8} {:>8} {:>8}  {name}",
                            s.errors, s.warnings, s.passed, s.unchecked, s.figures
                        )?;
                    }
                    total.checked += s.checked;
                    total.passed += s.passed;
                    total.within_rounding += s.within_rounding;
                    total.errors += s.errors;
                    total.warnings += s.warnings;
                    total.unchecked += s.unchecked;
                    total.figures += s.figures;
                }
                Outcome::Unusable(_) => {
                    unusable += 1;
                    if table {
                        writeln!(
                            out,
                            "{:>8} {:>8} {:>8} {:>8} {:>8}  {name}",
                            "—", "—", "—", "—", "—"
                        )?;
                    }
                }
            }
            out.write_all(buf)?;
        }
    }
    bar.finish_and_clear();
    if table {
        let t = &total;
        if zh {
            writeln!(
                out,
                "{done} 个文件（{unusable} 个无法读取）：核对 {} 项关系，成立 {}（其中四舍五入成立 {}），错误 {}，警告 {}，未能核对 {}；共读取数字 {} 个",
                t.checked, t.passed, t.within_rounding, t.errors, t.warnings, t.unchecked, t.figures
            )?;
        } else {
            writeln!(
                out,
                "{done} files ({unusable} unusable): {} relations checked, {} hold ({} within rounding), {} errors, {} warnings, {} not checked; {} figures read",
                t.checked, t.passed, t.within_rounding, t.errors, t.warnings, t.unchecked, t.figures
            )?;
        }
    }
    Ok(())
}

/// Reads, checks and writes one file's report. `Err` only when writing fails.
fn check_file<W: Write>(
    name: &str,
    opts: Opts,
    json_file: Option<&str>,
    out: &mut W,
) -> std::io::Result<Outcome> {
    let bytes = match read_input(name) {
        Ok(b) => b,
        Err(e) => {
            return Ok(Outcome::Unusable(format!("无法读取 / cannot read: {e}")));
        }
    };
    let read = if recount::read::pdf::is_pdf(&bytes) || recount::read::is_office(&bytes) {
        recount::read::read_bytes(&bytes)
    } else {
        let Some(mut text) = decode(bytes) else {
            let e = recount::ReadError::NotText;
            return Ok(Outcome::Unusable(format!("{} / {}", e.zh(), e.en())));
        };
        let csv = Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        if csv {
            text = csv_to_tabs(&text);
        }
        recount::read::read_string(text)
    };
    let doc = match read {
        Ok(d) => d,
        Err(e) => return Ok(Outcome::Unusable(format!("{} / {}", e.zh(), e.en()))),
    };
    // a relation that holds is printed in words only with --verbose or --full: otherwise it
    // is kept as its verdict and figures, evaluated as it is found
    let mut checked = if opts.verbose || opts.full {
        recount::check_lazily(&doc)
    } else {
        recount::check_lean(&doc)
    };
    match opts.format {
        Format::Text => checked.write_text(out, name, opts.lang, opts.verbose)?,
        Format::Json => {
            checked.arrange_all();
            checked.write_json(out, json_file, opts.full)?
        }
    }
    Ok(Outcome::Checked(checked.summary.clone()))
}

/// A CSV file as tab-separated rows, the form the reader takes tables in: fields split at
/// commas outside quotes, `""` inside quotes a quote; quotes, and a tab or line break
/// inside a field, become spaces, so every figure keeps its column.
fn csv_to_tabs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            // quotes become spaces (trimmed from the cell), so columns stay where printed
            '"' if quoted && chars.peek() == Some(&'"') => {
                out.push_str("\" ");
                chars.next();
            }
            '"' => {
                quoted = !quoted;
                out.push(' ');
            }
            ',' if !quoted => out.push('\t'),
            '\t' => out.push(' '),
            '\n' | '\r' if quoted => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// The files of a folder the CLI can read, depth first, in name order.
fn walk(dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else if p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            [
                "txt", "md", "html", "htm", "csv", "pdf", "xlsx", "xls", "docx",
            ]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
        }) {
            out.push(p.to_string_lossy().into_owned());
        }
    }
    Ok(())
}

/// Decodes UTF-8 (BOM allowed), UTF-16 with a BOM, or else GB18030 (which covers GBK and
/// GB2312, still common on government sites). `None` when it is none of these.
fn decode(bytes: Vec<u8>) -> Option<String> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, bad) = enc.decode_without_bom_handling(bytes.get(bom..)?);
        return (!bad).then(|| text.into_owned());
    }
    if simdutf8::basic::from_utf8(&bytes).is_ok() {
        // SAFETY: the bytes were just found to be valid UTF-8 (by simdutf8, which checks
        // what `String::from_utf8` checks, faster), and are not changed since
        return Some(unsafe { String::from_utf8_unchecked(bytes) });
    }
    let (text, bad) = encoding_rs::GB18030.decode_without_bom_handling(&bytes);
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
