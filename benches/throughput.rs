//! Throughput and memory benchmark (not a timed test): for the sample disclosure, generated
//! classification tables of 1k to 1M rows, a 1 MB narrative, a 1 MB single line, 28-digit
//! figures and issue 11's hostile shapes, prints the best time per run, MB/s and the peak
//! allocation (a counting global allocator), so growth can be read off as linear or not.
//!
//! `cargo bench` runs every case; `cargo bench -- WORD` the cases whose name holds WORD.
//! Each case runs what the CLI runs for the text report: read, find and evaluate every
//! relation, write the report (to a sink); "full report" also builds every entry's strings
//! (what the page receives).
//!
//! Targets (issue 12): the sample ≤ 0.5 ms; ≥ 100 MB/s on the 100k and 1M-row tables;
//! linear growth; peak memory ≤ 10× the input at 1M rows.

#[path = "shapes/mod.rs"]
mod shapes;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator, only counting sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size > layout.size() {
                let grow = new_size - layout.size();
                let now = NOW.fetch_add(grow, Ordering::Relaxed) + grow;
                PEAK.fetch_max(now, Ordering::Relaxed);
            } else {
                NOW.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const SAMPLE: &str = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");

/// What the CLI does for the text report; returns the relations checked.
fn cli_text(input: &str) -> usize {
    match recount::read::read_str(input) {
        Ok(doc) => {
            let checked = recount::check_lazily(&doc);
            let _ = checked.write_text(&mut std::io::sink(), "x", recount::Lang::Zh, false);
            checked.summary.checked
        }
        Err(_) => 0,
    }
}

/// What the CLI does for `--format json`.
fn cli_json(input: &str) -> usize {
    match recount::read::read_str(input) {
        Ok(doc) => {
            let checked = recount::check_lazily(&doc);
            let _ = checked.write_json(&mut std::io::sink(), None, false);
            checked.summary.checked
        }
        Err(_) => 0,
    }
}

/// Every entry's strings built (the page's report).
fn full_report(input: &str) -> usize {
    recount::check_str(input).map_or(0, |r| r.summary.checked)
}

fn selected(name: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

fn bench(name: &str, input: &str, run: fn(&str) -> usize) {
    if !selected(name) {
        return;
    }
    // one run measures peak memory (and warms up); then the best of runs over ~1 s
    let base = NOW.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let start = Instant::now();
    let checked = run(input);
    let mut best = start.elapsed();
    let peak = PEAK.load(Ordering::Relaxed) - base;
    let mut runs = 1u32;
    let budget = Instant::now();
    while budget.elapsed() < Duration::from_secs(1) || runs < 3 {
        let t = Instant::now();
        black_box(run(black_box(input)));
        best = best.min(t.elapsed());
        runs += 1;
        if best > Duration::from_secs(2) && runs >= 2 {
            break;
        }
    }
    let mb = input.len() as f64 / 1e6;
    println!(
        "{name:<34} {:>9.1} KB {:>10.3} ms {:>8.1} MB/s {:>9.1} MB peak {:>6.1}× input {checked:>8} relations ({runs} runs)",
        input.len() as f64 / 1e3,
        best.as_secs_f64() * 1e3,
        mb / best.as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / input.len() as f64,
    );
}

fn main() {
    // `cargo test` runs benches without --bench; only measure under `cargo bench`
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    println!("case                               input         best run   throughput   peak allocation            checked");
    bench("sample (2019 Xinjiang)", SAMPLE, cli_text);
    bench("sample, full report", SAMPLE, full_report);
    for rows in [1_000, 10_000, 100_000, 1_000_000] {
        let t = shapes::classification(rows, '\t');
        bench(&format!("classification {rows} rows"), &t, cli_text);
        if rows >= 100_000 {
            bench(&format!("classification {rows} rows, json"), &t, cli_json);
        }
    }
    bench("narrative 1 MB", &shapes::narrative(1_000_000), cli_text);
    bench(
        "single line 1 MB",
        &shapes::single_line(1_000_000),
        cli_text,
    );
    bench(
        "28-digit figures 100k rows",
        &shapes::absurd_table(100_000),
        cli_text,
    );
    for (name, text) in shapes::hostile(1 << 20) {
        bench(&format!("hostile: {name}"), &text, cli_text);
    }
}
