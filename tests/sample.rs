//! The sample disclosure (a real 2019 final-accounts publication): its real errors are
//! reported at the right line, and figures that differ only by rounding are not.

use recount::report::{Entry, Report};

fn sample() -> Report {
    let text = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");
    recount::check_str(text).unwrap()
}

fn at<'a>(r: &'a Report, line: u32, reported: &str) -> Vec<&'a Entry> {
    r.checks
        .iter()
        .filter(|e| e.line == line && e.reported == reported)
        .collect()
}

fn holds(r: &Report, line: u32, reported: &str) -> bool {
    let here = at(r, line, reported);
    !here.is_empty() && here.iter().all(|e| e.status == "pass")
}

#[test]
fn integer_totals_of_the_summary_table_hold_by_rounding() {
    let r = sample();
    // 附表1 处室合计: 12,011 for 12011.09, 11,860 for 11860.13, 11,193 for 11193.32
    for fig in ["12,011", "11,174", "837", "11,860", "11,193"] {
        assert!(
            holds(&r, 191, fig),
            "{fig} on line 191: {:?}",
            at(&r, 191, fig)
        );
    }
}

fn fails(r: &Report, line: u32, reported: &str, rule: &str) -> bool {
    at(r, line, reported)
        .iter()
        .any(|e| e.status == "fail" && e.rule == rule)
}

#[test]
fn the_table_errors_are_reported_where_they_are_printed() {
    let r = sample();
    // 304.6 ÷ 800 = 38.08%, printed 39.77% in 附表1 and again in 附表3
    assert!(fails(&r, 193, "39.77%", "rate-column"));
    assert!(fails(&r, 252, "39.77%", "exec-rate"));
    // 附表1 gives 单位自评得分 10.00 where 附表7's own 总分 is 100
    assert!(fails(&r, 197, "10.00", "project-match"));
    // 附表6: the scores add up to 90, its 总分 says 100 (the second 100 is the 得分)
    let total = at(&r, 380, "100");
    assert!(total.iter().any(|e| e.status == "fail"
        && e.rule == "score-total"
        && e.expected.as_deref() == Some("90")));
    let weight = total.iter().find(|e| e.status == "pass").map(|e| e.column);
    let score = total.iter().find(|e| e.status == "fail").map(|e| e.column);
    assert!(
        weight < score,
        "the failure is on the 得分, right of the 分值: {total:?}"
    );
    // 附表3: 年初预算数 800 while its sources are 800 + 800 + 0
    assert!(fails(&r, 252, "800", "fund-breakdown"));
    // 附表2: 959.61 ÷ 1000 × 10 = 9.596, printed 9.5: a warning, truncated
    let score = at(&r, 220, "9.5");
    assert!(score.iter().any(|e| e.status == "fail"
        && e.severity == recount::relation::Severity::Warning
        && e.cause.as_ref().is_some_and(|c| c.id == "truncated")));
}

#[test]
fn figures_that_differ_only_by_rounding_hold() {
    let r = sample();
    // 131.25 ÷ 145 = 90.52%, printed 91%
    assert!(holds(&r, 202, "91%"));
    // 110 ÷ 112 = 98.2% printed 99%: the table prints decimals where an amount has them
    // (304.6 beside 959.61), so 110 and 112 are whole amounts and 99% is a warning that
    // says so — not an error, and not "holds by rounding"
    let w = at(&r, 205, "99%");
    assert!(
        w.iter().any(|e| e.status == "fail"
            && e.rule == "rate-column"
            && e.severity == recount::relation::Severity::Warning
            && e.expected.as_deref() == Some("98%")
            && e.cause.as_ref().is_some_and(|c| c.id == "printed-precision"
                && c.zh.contains("304.6")
                && c.en.contains("110 and 112"))),
        "{w:?}"
    );
    // 822.41 in 附表1 against 822.4147 in 附表4
    let m = at(&r, 194, "822.41");
    assert!(
        m.iter()
            .any(|e| e.rule == "project-match" && e.status == "pass"),
        "{m:?}"
    );
    // 附表4's rate from 822.4147 ÷ 837.04
    assert!(holds(&r, 290, "98.25%"));
}

#[test]
fn every_failure_in_the_sample_is_a_known_real_error() {
    let r = sample();
    let mut failures: Vec<(u32, &str, &str)> = r
        .checks
        .iter()
        .filter(|e| e.status == "fail")
        .map(|e| (e.line, e.reported.as_str(), e.rule.id()))
        .collect();
    failures.sort();
    assert_eq!(
        failures,
        [
            (75, "18%", "yoy-change"),
            (89, "16.35%", "yoy-change"),
            (91, "31.05%", "yoy-change"),
            (193, "39.77%", "rate-column"),
            (197, "10.00", "project-match"),
            (205, "99%", "rate-column"),
            (220, "9.5", "exec-rate"),
            (252, "39.77%", "exec-rate"),
            (252, "800", "fund-breakdown"),
            (380, "100", "score-total"),
        ]
    );
}
