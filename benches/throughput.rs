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

use std::hint::black_box;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOC: shapes::counting::Counting = shapes::counting::Counting;

const SAMPLE: &str = include_str!("../samples/2019-xinjiang-government-office-final-accounts.txt");

/// What the CLI does for the text report; returns the relations checked.
fn cli_text(input: &str) -> usize {
    match recount::read::read_str(input) {
        Ok(doc) => {
            let checked = recount::check_lean(&doc);
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
            let checked = recount::check_lean(&doc);
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

/// The page's path (`present()` in wasm): every entry's strings, the document laid out,
/// then the whole page as JSON (what crosses into JavaScript).
fn page(input: &str) -> usize {
    let Ok(doc) = recount::read::read_str(input) else {
        return 0;
    };
    let report = recount::check_document(&doc);
    let n = report.summary.checked;
    let page = recount::present::present(&doc, report);
    let json = serde_json::to_string(&page).map_or(0, |s| s.len());
    black_box(json);
    n
}

/// The page's first step (`presentInSteps`): what is shown at once, as JSON.
fn page_first(input: &str) -> usize {
    let Ok(doc) = recount::read::read_str(input) else {
        return 0;
    };
    let checked = recount::check_lazily(&doc);
    let first = recount::present::present_first(&doc, &checked);
    black_box(serde_json::to_string(&first).map_or(0, |s| s.len()));
    checked.summary.checked
}

/// Time this process has spent on a CPU, every thread's (the command line checks a large
/// document on two threads): on a shared machine wall time mostly measures the other
/// processes.
fn cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec it is given
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    ok.then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

/// Runs `f` and returns (wall time, CPU time — the wall time where it cannot be read).
fn timed(f: impl FnOnce()) -> (Duration, Duration) {
    let cpu = cpu_time();
    let t = Instant::now();
    f();
    let wall = t.elapsed();
    let on_cpu = cpu
        .zip(cpu_time())
        .map_or(wall, |(a, b)| b.saturating_sub(a));
    (wall, on_cpu)
}

fn selected(name: &str) -> bool {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()))
}

fn bench(name: &str, make: impl FnOnce() -> String, run: fn(&str) -> usize) {
    if !selected(name) {
        return;
    }
    let input = make();
    let input = input.as_str();
    // one run measures peak memory (and warms up); then the best of runs over ~1 s
    let mut checked = 0;
    let ((mut wall, mut cpu), peak) = shapes::counting::peak_of(|| timed(|| checked = run(input)));
    let mut runs = 1u32;
    let budget = Instant::now();
    while budget.elapsed() < Duration::from_secs(1) || runs < 3 {
        let (w, c) = timed(|| {
            black_box(run(black_box(input)));
        });
        wall = wall.min(w);
        cpu = cpu.min(c);
        runs += 1;
        if cpu > Duration::from_secs(2) && runs >= 2 {
            break;
        }
    }
    let mb = input.len() as f64 / 1e6;
    println!(
        "{name:<34} {:>9.1} KB {:>10.3} ms {:>10.3} ms {:>8.1} MB/s {:>8.1} MB/s {:>9.1} MB {:>6.1}× {checked:>8} ({runs} runs)",
        input.len() as f64 / 1e3,
        cpu.as_secs_f64() * 1e3,
        wall.as_secs_f64() * 1e3,
        mb / cpu.as_secs_f64(),
        mb / wall.as_secs_f64(),
        peak as f64 / 1e6,
        peak as f64 / input.len() as f64,
    );
}

/// Where the time and the memory go: each stage of the text report timed (CPU) on its own,
/// with the bytes it leaves allocated (what the next stages hold while they run). A small
/// input runs the stages again and again (about a second) and keeps each stage's best time.
fn stages(name: &str, make: impl FnOnce() -> String) {
    if !selected(name) {
        return;
    }
    let input = make();
    let input = input.as_str();
    let base = shapes::counting::live();
    let held = || shapes::counting::live().saturating_sub(base) as f64 / input.len() as f64;
    let mut best = [Duration::MAX; 7];
    let mut bytes = [0.0f64; 4];
    let mut n = 0;
    let budget = Instant::now();
    let mut runs = 0u32;
    while runs == 0 || (input.len() < 1_000_000 && budget.elapsed() < Duration::from_secs(1)) {
        runs += 1;
        let mut doc = None;
        let (_, read) = timed(|| doc = recount::read::read_str(input).ok());
        let Some(doc) = doc else { return };
        bytes[0] = held();
        let mut claims = None;
        let (_, claiming) = timed(|| claims = Some(recount::claims::build(&doc)));
        let Some(claims) = claims else { return };
        bytes[1] = held();
        // the checks one after another, as the page runs them, then as the CLI does (in
        // parallel on a large document)
        let mut one_by_one = recount::checks::Out::lean(&doc);
        let (serial, _) = timed(|| {
            for c in recount::checks::ALL {
                (c.find)(&claims, &mut one_by_one);
            }
        });
        drop(one_by_one);
        let mut out = recount::checks::Out::lean(&doc);
        let (finding_wall, finding) = timed(|| recount::checks::find_into(&claims, &mut out));
        bytes[2] = held();
        drop(claims);
        let mut checked = None;
        let (_, ordering) = timed(|| {
            checked = Some(recount::report::Checked::lean(&doc, out.into_lean()));
        });
        let Some(checked) = checked else { return };
        bytes[3] = held();
        n = checked.len();
        let (_, writing) = timed(|| {
            let _ = checked.write_text(&mut std::io::sink(), "x", recount::Lang::Zh, false);
        });
        let times = [
            read,
            claiming,
            finding,
            serial,
            finding_wall,
            ordering,
            writing,
        ];
        for (b, t) in best.iter_mut().zip(times) {
            *b = (*b).min(t);
        }
    }
    let ms = |i: usize| best.get(i).map_or(0.0, |d| d.as_secs_f64() * 1e3);
    let [after_read, after_claims, after_find, after_eval] = bytes;
    println!(
        "{name:<34} read {:.3} ms ({after_read:.1}×) · claims {:.3} ms ({after_claims:.1}×) · \
         find and evaluate {:.3} ms (one after another {:.3} ms, as run {:.3} ms wall; {after_find:.1}×, {n} relations) · order {:.3} ms ({after_eval:.1}×) · \
         text {:.3} ms  [best of {runs}; × = bytes held / input bytes]",
        ms(0),
        ms(1),
        ms(2),
        ms(3),
        ms(4),
        ms(5),
        ms(6),
    );
}

fn main() {
    // `cargo test` runs benches without --bench; only measure under `cargo bench`
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    println!(
        "{:<34} {:>12} {:>13} {:>13} {:>13} {:>13} {:>12} {:>7} {:>8}",
        "case",
        "input",
        "CPU time",
        "wall time",
        "MB/s (CPU)",
        "MB/s (wall)",
        "peak alloc",
        "×input",
        "checked"
    );
    stages("stages: sample", || SAMPLE.to_string());
    for rows in [100_000, 1_000_000] {
        stages(&format!("stages: {rows} rows"), || {
            shapes::classification(rows, '\t')
        });
    }
    bench("sample (2019 Xinjiang)", || SAMPLE.to_string(), cli_text);
    bench("sample, full report", || SAMPLE.to_string(), full_report);
    bench(
        "sample, the page (present, JSON)",
        || SAMPLE.to_string(),
        page,
    );
    bench(
        "sample, the page's first step",
        || SAMPLE.to_string(),
        page_first,
    );
    for rows in [1_000, 10_000, 100_000, 1_000_000] {
        let table = || shapes::classification(rows, '\t');
        bench(&format!("classification {rows} rows"), table, cli_text);
        if rows >= 100_000 {
            bench(
                &format!("classification {rows} rows, json"),
                table,
                cli_json,
            );
        }
    }
    bench("narrative 1 MB", || shapes::narrative(1_000_000), cli_text);
    bench(
        "single line 1 MB",
        || shapes::single_line(1_000_000),
        cli_text,
    );
    bench(
        "28-digit figures 100k rows",
        || shapes::absurd_table(100_000),
        cli_text,
    );
    for (name, make) in shapes::HOSTILE {
        bench(&format!("hostile: {name}"), || make(1 << 20), cli_text);
    }
}
