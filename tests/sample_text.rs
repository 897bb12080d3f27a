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
        .filter(|e| TEXT_RULES.contains(&e.rule))
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
