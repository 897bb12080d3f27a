//! Throughput benchmark (not a timed test): prints time per run and MB/s for the sample
//! disclosure and for generated classification tables of 1k, 10k and 100k rows, so growth
//! can be read off as linear or not. Run with `cargo bench`.
//!
//! Targets: the whole sample ≤ 0.5 ms; ≥ 100 MB/s on large tables; linear growth.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLE: &str = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");

/// A 功能分类 table: 类 rows with 款 and 项 children, a 合计 row first; amounts with two
/// decimals, every parent the exact sum of its children.
fn classification_table(rows: usize) -> String {
    let mut body = String::new();
    let mut total: i64 = 0;
    let mut n = 0usize;
    let mut lei = 200u32;
    while n < rows {
        lei += 1;
        let mut lei_sum = 0i64;
        let mut kuan_rows = String::new();
        for k in 1..=9u32 {
            let mut kuan_sum = 0i64;
            let mut xiang_rows = String::new();
            for x in 1..=9u32 {
                let cents = i64::from((lei * 7919 + k * 104_729 + x * 1_299_709) % 1_000_000);
                kuan_sum += cents;
                let _ = writeln!(
                    xiang_rows,
                    "{lei}{k:02}{x:02}\t项目{x}\t{}\t{}\t",
                    money(cents),
                    money(cents)
                );
            }
            lei_sum += kuan_sum;
            let _ = writeln!(
                kuan_rows,
                "{lei}{k:02}\t款{k}\t{}\t{}\t",
                money(kuan_sum),
                money(kuan_sum)
            );
            kuan_rows.push_str(&xiang_rows);
        }
        total += lei_sum;
        let _ = writeln!(
            body,
            "{lei}\t类{lei}\t{}\t{}\t",
            money(lei_sum),
            money(lei_sum)
        );
        body.push_str(&kuan_rows);
        n += 91;
    }
    format!(
        "支出决算表\n\n科目编码\t科目名称\t本年支出合计\t基本支出\t\n合计\t\t{}\t{}\t\n{body}",
        money(total),
        money(total)
    )
}

/// One line of about 1 MB: running text with a figure every few characters, no line break.
fn single_line(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    let mut i = 0u64;
    while s.len() < bytes {
        let _ = write!(
            s,
            "支出{}.{:02}万元，比上年增加{}万元，增长{}%，",
            i % 9973,
            i % 100,
            i % 97,
            i % 89
        );
        i += 1;
    }
    s.push('。');
    s
}

/// A table whose figures have 28 digits: every sum overflows exact arithmetic and must be
/// reported as not checked, quickly.
fn absurd_table(rows: usize) -> String {
    let big = "9".repeat(28);
    let mut s = format!("项目\t金额\t其他\n合计\t{big}\t{big}\n");
    for i in 0..rows {
        let _ = writeln!(s, "行{i}\t{big}\t{}", "1".repeat(40));
    }
    s
}

fn money(cents: i64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

fn bench(name: &str, input: &str) {
    // `cargo bench -- WORD` runs only the cases whose name contains WORD
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
        return;
    }
    // warm up, then run for about a second
    let mut checked = 0;
    if let Ok(r) = recount::check_str(input) {
        checked = r.summary.checked;
    }
    let mut runs = 0u32;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) || runs < 3 {
        let _ = black_box(recount::check_str(black_box(input)));
        runs += 1;
    }
    let per_run = start.elapsed() / runs;
    let mb = input.len() as f64 / 1_000_000.0;
    println!(
        "{name:<28} {:>9.1} KB  {:>10.3} ms/run  {:>8.1} MB/s  {checked:>7} relations  ({runs} runs)",
        input.len() as f64 / 1000.0,
        per_run.as_secs_f64() * 1000.0,
        mb / per_run.as_secs_f64()
    );
}

/// Times one stage of the pipeline over ten runs.
fn stage(name: &str, mut f: impl FnMut()) {
    let start = Instant::now();
    for _ in 0..10 {
        f();
    }
    println!(
        "{name}: {:.3} ms/run",
        start.elapsed().as_secs_f64() * 100.0
    );
}

fn main() {
    // `cargo test` runs benches with --bench absent; only measure under `cargo bench`
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    bench("sample (2019 Xinjiang)", SAMPLE);
    if std::env::var_os("RECOUNT_BENCH_STAGES").is_some() {
        let t = classification_table(10_000);
        stage("read only, 10k rows", || {
            let _ = black_box(recount::read::read_str(black_box(&t)));
        });
        stage("scan only, 10k rows", || {
            let _ = black_box(recount::figure::scan(black_box(&t)));
        });
    }
    for rows in [1_000, 10_000, 100_000] {
        bench(
            &format!("classification {rows} rows"),
            &classification_table(rows),
        );
    }
    bench("single line 1 MB", &single_line(1_000_000));
    bench("28-digit figures 100k rows", &absurd_table(100_000));
}
