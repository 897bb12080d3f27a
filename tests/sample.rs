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
