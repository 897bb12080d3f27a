//! The sample's text claims: exactly its three year-on-year rates computed on this year's
//! figure fail, with that cause; every other claim of the text holds or is left unchecked.

use recount::report::{Entry, Report};

/// The checks that read the prose.
const TEXT_RULES: &[&str] = &[
    "yoy-change",
    "share",
    "parts-sum",
    "subset",
    "budget-variance",
    "count-list",
    "repeated-figure",
    "text-table",
];

fn sample() -> Report {
    let text = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");
    recount::check_str(text).unwrap()
}

fn text_entries(r: &Report) -> Vec<&Entry> {
    r.checks
        .iter()
        .filter(|e| TEXT_RULES.contains(&e.rule.id()))
        .collect()
}

#[test]
fn exactly_the_three_this_year_base_rates_fail() {
    let r = sample();
    let mut failures: Vec<(u32, String, Option<&str>)> = text_entries(&r)
        .into_iter()
        .filter(|e| e.status == "fail")
        .map(|e| (e.line, e.reported.clone(), e.cause.as_ref().map(|c| c.id)))
        .collect();
    failures.sort();
    assert_eq!(
        failures,
        [
            (75, "18%".to_string(), Some("this-year-base")),
            (89, "16.35%".to_string(), Some("this-year-base")),
            (91, "31.05%".to_string(), Some("this-year-base")),
        ]
    );
}

#[test]
fn correct_rates_pass_including_one_after_a_page_break() {
    let r = sample();
    for (line, fig) in [
        (77, "40.75%"),
        (147, "3.17%"),
        (145, "7.72%"),
        (167, "3.78%"),
    ] {
        let here: Vec<_> = text_entries(&r)
            .into_iter()
            .filter(|e| e.rule == "yoy-change" && e.line == line && e.reported == fig)
            .collect();
        assert_eq!(here.len(), 1, "{fig} on line {line}");
        assert_eq!(
            here[0].status, "pass",
            "{fig} on line {line}: {:?}",
            here[0]
        );
    }
}

#[test]
fn every_rate_share_and_variance_of_the_text_is_checked() {
    let text = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");
    let doc = recount::read::read_str(text).unwrap();
    let r = sample();
    let entries = text_entries(&r);
    for f in doc.figures() {
        let in_text = matches!(f.place, recount::document::Place::Text { .. });
        // the note under 附表1 states a rule, not a figure of this unit
        if !in_text || !f.number.percent || f.line > 185 {
            continue;
        }
        let here: Vec<_> = entries
            .iter()
            .filter(|e| e.line == f.line && e.reported == f.raw)
            .collect();
        assert!(
            !here.is_empty(),
            "{} on line {} is not checked",
            f.raw,
            f.line
        );
        // 0 budgeted, 0 spent, 0% printed: 0 ÷ 0 is left undecided
        let zero_over_zero = f.line == 155 && f.raw == "0%";
        assert!(
            here.iter().all(|e| e.status != "unchecked") || zero_over_zero,
            "{} on line {}: {:?}",
            f.raw,
            f.line,
            here
        );
    }
}

#[test]
fn sums_counts_and_repeated_figures_of_the_text_hold() {
    let r = sample();
    let entries = text_entries(&r);
    let expected = [
        ("count-list", 65, "24"),
        ("parts-sum", 67, "226"),
        ("parts-sum", 81, "14209.74"),
        ("parts-sum", 85, "18470.59"),
        ("parts-sum", 103, "18467.77"),
        ("parts-sum", 133, "6996.36"),
        ("parts-sum", 145, "244.5"),
        ("parts-sum", 145, "20.46"),
        ("parts-sum", 151, "243.89"),
        ("parts-sum", 155, "308"),
        ("parts-sum", 155, "244.5"),
        ("parts-sum", 171, "6613.75"),
        ("parts-sum", 179, "99"),
        ("subset", 173, "77.97"),
        ("repeated-figure", 157, "0.6"),
        ("text-table", 183, "9"),
        ("text-table", 183, "10703"),
    ];
    for (rule, line, fig) in expected {
        let here: Vec<_> = entries
            .iter()
            .filter(|e| e.rule == rule && e.line == line && e.reported == fig)
            .collect();
        assert!(!here.is_empty(), "{rule}: {fig} on line {line} not checked");
        assert!(
            here.iter().all(|e| e.status == "pass"),
            "{rule}: {fig} on line {line}: {here:?}"
        );
    }
}

#[test]
fn text_checks_survive_any_cut_of_the_sample() {
    // a page cut anywhere (mid-sentence, mid-figure, mid-table) must not panic
    let text = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");
    let start = text.find("二、机构设置").unwrap();
    let end = text.find("附表 1").unwrap();
    let body = &text[start..end];
    let cuts: Vec<usize> = body.char_indices().map(|(i, _)| i).step_by(61).collect();
    for &a in cuts.iter().step_by(9) {
        for &b in cuts.iter().filter(|&&b| b > a).step_by(11) {
            let _ = recount::check_str(&body[a..b]);
        }
    }
}
