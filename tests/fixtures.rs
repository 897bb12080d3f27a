//! Every check has a doc, a passing fixture and a failing one, beside the check's id:
//! `tests/fixtures/<id>/pass.txt` (the check finds relations and all hold),
//! `fail.txt` and `fail.expect` (one `LINE<TAB>REPORTED` per failure the check must report,
//! and no other).

use recount::checks::ALL;
use recount::claims::normalise::is_cjk;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn dir(id: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(id)
}

fn read(id: &str, name: &str) -> String {
    let p = dir(id).join(name);
    std::fs::read_to_string(&p)
        .unwrap_or_else(|e| panic!("check {id}: missing {}: {e}", p.display()))
}

#[test]
fn every_check_is_documented() {
    let mut ids = BTreeSet::new();
    for c in ALL {
        assert!(ids.insert(c.id()), "duplicate check id {}", c.id());
        assert!(
            c.id()
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
            "check id {} is not kebab-case",
            c.id()
        );
        for (field, text) in [("title_zh", c.title_zh), ("title_en", c.title_en)] {
            assert!(text.trim().len() > 3, "check {}: empty {field}", c.id());
        }
        for (field, en, zh) in sections(c) {
            assert!(en.trim().len() > 3, "check {}: empty en.{field}", c.id());
            // Chinese words of its own, beyond the labels the English quotes
            assert!(
                runs(zh, is_cjk).any(|w| !en.contains(w)),
                "check {}: zh.{field} is not in Chinese: {zh}",
                c.id()
            );
        }
    }
}

/// A check's four sections, English beside Chinese.
fn sections(c: &recount::checks::Check) -> [(&'static str, &'static str, &'static str); 4] {
    [
        ("what", c.en.what, c.zh.what),
        ("why", c.en.why, c.zh.why),
        ("tolerance", c.en.tolerance, c.zh.tolerance),
        ("example", c.en.example, c.zh.example),
    ]
}

/// The Chinese documentation says what the English says: each section keeps every figure and
/// every Chinese word the English quotes (the labels a check reads, its examples' text), so
/// a translation that drops a condition or an example, or changes a figure, fails here.
#[test]
fn the_chinese_documentation_keeps_every_figure_and_quoted_word() {
    for c in ALL {
        for (field, en, zh) in sections(c) {
            let zh_plain: String = zh.chars().filter(|ch| !ch.is_whitespace()).collect();
            for number in runs(en, |ch| ch.is_ascii_digit() || ch == '.' || ch == ',') {
                let number = number.trim_matches(|ch| ch == '.' || ch == ',');
                if number.chars().any(|ch| ch.is_ascii_digit()) {
                    assert!(
                        zh_plain.contains(number),
                        "check {}: zh.{field} lacks the figure {number}: {zh}",
                        c.id()
                    );
                }
            }
            for word in runs(en, is_cjk).filter(|w| w.chars().count() >= 2) {
                assert!(
                    zh_plain.contains(word),
                    "check {}: zh.{field} lacks the quoted {word}: {zh}",
                    c.id()
                );
            }
        }
    }
}

/// The maximal runs of characters that pass `keep`.
fn runs(text: &str, keep: impl Fn(char) -> bool + Copy) -> impl Iterator<Item = &str> {
    text.split(move |ch: char| !keep(ch))
        .filter(|r| !r.is_empty())
}

#[test]
fn every_check_passes_its_pass_fixture() {
    for c in ALL {
        let text = read(c.id(), "pass.txt");
        let report = recount::check_str(&text).unwrap();
        let mine: Vec<_> = report.checks.iter().filter(|e| e.rule == c.id()).collect();
        assert!(
            mine.iter().any(|e| e.status == "pass"),
            "check {}: pass.txt yields no relation that holds",
            c.id()
        );
        let failures: Vec<_> = mine
            .iter()
            .filter(|e| e.status == "fail")
            .map(|e| format!("{}: {}", e.line, e.message.en))
            .collect();
        assert!(
            failures.is_empty(),
            "check {}: pass.txt fails:\n{}",
            c.id(),
            failures.join("\n")
        );
    }
}

#[test]
fn every_check_reports_exactly_the_failures_of_its_fail_fixture() {
    for c in ALL {
        let text = read(c.id(), "fail.txt");
        let expect: BTreeSet<(u32, String)> = read(c.id(), "fail.expect")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| {
                let (line, reported) = l
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("{}: bad fail.expect line {l:?}", c.id()));
                (line.trim().parse().unwrap(), reported.to_string())
            })
            .collect();
        assert!(
            !expect.is_empty(),
            "check {}: fail.expect lists no failure",
            c.id()
        );
        let report = recount::check_str(&text).unwrap();
        let got: BTreeSet<(u32, String)> = report
            .checks
            .iter()
            .filter(|e| e.rule == c.id() && e.status == "fail")
            .map(|e| (e.line, e.reported.clone()))
            .collect();
        assert_eq!(got, expect, "check {}: failures of fail.txt", c.id());
    }
}

#[test]
fn the_readme_lists_every_check() {
    let readme =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .unwrap();
    for c in ALL {
        assert!(
            readme.contains(&format!("| `{}` |", c.id())),
            "README.md does not list check {}",
            c.id()
        );
    }
}
