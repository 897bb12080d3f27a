//! Every check has a doc, a passing fixture and a failing one, beside the check's id:
//! `tests/fixtures/<id>/pass.txt` (the check finds relations and all hold),
//! `fail.txt` and `fail.expect` (one `LINE<TAB>REPORTED` per failure the check must report,
//! and no other).

use recount::checks::ALL;
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
        for (field, text) in [
            ("title_zh", c.title_zh),
            ("title_en", c.title_en),
            ("what", c.what),
            ("why", c.why),
            ("tolerance", c.tolerance),
            ("example", c.example),
        ] {
            assert!(text.trim().len() > 3, "check {}: empty {field}", c.id());
        }
    }
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
