//! Inputs at the edges: absurd figures are errors for that figure (never a panic, never a
//! failure of the relation they would overflow), and huge inputs finish. Sizes here are
//! kept small enough for debug builds; the large ones (1 MB line, 100k rows) are in
//! benches/throughput.rs, never timed here.

fn fails(r: &recount::Report) -> Vec<String> {
    r.checks
        .iter()
        .filter(|e| e.status == "fail")
        .map(|e| format!("{} {} {}", e.rule, e.line, e.reported))
        .collect()
}

#[test]
fn figures_of_28_digits_and_more_are_unreadable_or_unchecked_not_panics() {
    let big = "9".repeat(28);
    let bigger = "9".repeat(40);
    let text = format!(
        "项目\t金额\n合计\t{big}\n甲\t{big}\n乙\t0\n丙\t{bigger}\n\n\
         本年收入{big}万元，与上年相比，增加{big}万元，增长{bigger}%。\n\n\
         本年支出{bigger}.{bigger}万元，其中：基本支出{big}万元，占0.{bigger}%。\n"
    );
    let r = recount::check_str(&text).unwrap();
    assert!(fails(&r).is_empty(), "{:?}", fails(&r));
    // a 40-digit figure is unreadable, so the total over it is not decided
    assert!(r
        .checks
        .iter()
        .all(|e| e.status != "pass" || e.rule != "total-row"));
    serde_json::to_string(&r).unwrap();
}

#[test]
fn a_sum_that_overflows_decimal_is_not_checked() {
    // each part fits (28 digits), their sum (about 9 × 10^28) does not
    let p = "9".repeat(28);
    let mut text = String::from("项目\t金额\n");
    for i in 0..9 {
        text.push_str(&format!("行{i}\t{p}\n"));
    }
    text.push_str(&format!("合计\t{p}\n"));
    let r = recount::check_str(&text).unwrap();
    let e = r
        .checks
        .iter()
        .find(|e| e.rule == "total-row")
        .expect("the total is reported");
    assert_eq!(e.status, "unchecked", "{e:?}");
}

#[test]
fn long_lines_and_many_rows_finish() {
    // a single line of 100 KB of figures and words
    let line: String = (0..5_000)
        .map(|i| format!("支出{i}.5万元，"))
        .collect::<String>();
    let r = recount::check_str(&line).unwrap();
    assert!(r.summary.figures >= 5_000);
    // a 5,000-row table with a total
    let mut t = String::from("项目\t金额\n合计\t5000\n");
    for i in 0..5_000 {
        t.push_str(&format!("行{i}\t1\n"));
    }
    let r = recount::check_str(&t).unwrap();
    assert!(r.checks.iter().any(|e| e.status == "pass"));
    assert!(fails(&r).is_empty());
}

#[test]
fn a_grand_total_under_a_leading_total_finishes() {
    // found by fuzzing (check target): the 总计 walked up to the leading 合计, which covers
    // the rows below it, jumped back down to them and looped forever
    let fuzzed = include_bytes!("../fuzz/corpus/check/regression-total-under-leading-total");
    let r = recount::check_bytes(fuzzed).unwrap();
    assert!(r.checks.iter().any(|e| e.rule == "total-row"));
}

#[test]
fn parts_of_a_qizhong_sentence_inherit_the_leads_comparison() {
    let yoy = |text: &str| -> Vec<(String, String)> {
        recount::check_str(text)
            .unwrap()
            .checks
            .iter()
            .filter(|e| e.rule == "yoy-change")
            .map(|e| (e.reported.clone(), e.status.to_string()))
            .collect()
    };
    // the lead says 同比: each part's 增加 … 增长 is on last year too
    let lead = "全市完成收入126.05亿元，同比增加2.25亿元，增长1.82%。\
                其中：地方收入完成80.18亿元，增加2.79亿元，增长3.6%；\
                上划收入完成37.78亿元，减少0.46亿元，负增长1.21%。\n";
    let got = yoy(lead);
    assert!(got.contains(&("3.6%".into(), "pass".into())), "{got:?}");
    assert!(got.iter().any(|(r, _)| r == "1.21%"), "{got:?}");
    // a wrong part rate is caught (2.79 ÷ 80.18 = 3.48%: this year's figure as the base)
    let wrong = lead.replace("增长3.6%", "增长3.48%");
    let got = yoy(&wrong);
    assert!(got.contains(&("3.48%".into(), "fail".into())), "{got:?}");
    // no comparison in the lead: a part's bare 增加 may be on its budget, so its rate is
    // said where it holds on last year's reading and not checked where it does not — never
    // an error
    let bare = lead.replace("同比", "");
    let got = yoy(&bare);
    assert!(got.contains(&("3.6%".into(), "pass".into())), "{got:?}");
    let got = yoy(&bare.replace("增长3.6%", "增长3.48%"));
    assert!(
        got.contains(&("3.48%".into(), "unchecked".into())),
        "{got:?}"
    );
    // a later section (二) of the paragraph inherits the first section's 同比, and so do its
    // 其中 parts; a wrong rate there is caught
    let sections = format!(
        "(一)收入：{lead}(二)支出：完成支出227.53亿元，增加19.54亿元，增长9.39%。\
         其中：市本级完成44.11亿元，增加4.37亿元，增长11.1%。\n"
    )
    .replace('\n', "");
    let got = yoy(&sections);
    assert!(got.contains(&("9.39%".into(), "pass".into())), "{got:?}");
    assert!(got.contains(&("11.1%".into(), "fail".into())), "{got:?}");
    // (without 同比, the bare 增加s: said where they hold, the wrong rate not checked)
    let got = yoy(&sections.replace("同比", ""));
    assert!(got.contains(&("9.39%".into(), "pass".into())), "{got:?}");
    assert!(
        got.contains(&("11.1%".into(), "unchecked".into())),
        "{got:?}"
    );
}
