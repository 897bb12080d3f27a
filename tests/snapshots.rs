//! What each check says, pinned: every fixture's rendered text report, in Chinese and in
//! English, with every relation of the fixture's own check listed (`--verbose`; other
//! checks' findings on the same text are theirs to pin), compared with the committed
//! snapshot in `tests/snapshots/`. A change in a message, an expected figure, a likely
//! cause or the summary shows up as a diff to review (`INSTA_UPDATE=always cargo test
//! --test lib snapshots` rewrites them; `scripts/test.sh` runs with `INSTA_UPDATE=no`, so
//! a missing snapshot fails). A snapshot no fixture produces any more fails too, as
//! `cargo insta test --unreferenced reject` would.

use recount::checks::ALL;
use recount::Lang;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every snapshot name, with the report it pins.
fn reports() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in ALL {
        for kind in ["pass", "fail"] {
            let rel = format!("tests/fixtures/{}/{kind}.txt", c.id());
            let text = std::fs::read_to_string(root().join(&rel)).unwrap();
            let mut report = recount::check_str(&text).unwrap();
            report.checks.retain(|e| e.rule == c.id());
            for (lang, tag) in [(Lang::Zh, "zh"), (Lang::En, "en")] {
                let name = format!("{}__{kind}__{tag}", c.id());
                out.push((name, report.to_text(&rel, lang, true)));
            }
        }
    }
    out
}

#[test]
fn every_fixture_report_matches_its_snapshot() {
    for (name, text) in reports() {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!(name, text);
        });
    }
}

#[test]
fn no_snapshot_is_left_unreferenced() {
    let wanted: BTreeSet<String> = reports()
        .into_iter()
        .map(|(n, _)| format!("{n}.snap"))
        .collect();
    let dir = root().join("tests/snapshots");
    let found: BTreeSet<String> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".snap"))
                .collect()
        })
        .unwrap_or_default();
    let stale: Vec<&String> = found.difference(&wanted).collect();
    assert!(stale.is_empty(), "snapshots no fixture produces: {stale:?}");
}

#[test]
fn a_pass_fixture_report_shows_no_failure_of_its_check() {
    // the snapshots must not pin a failure that is wrong: a pass fixture's own check is
    // silent (its failing fixture's failures are the ones listed in fail.expect)
    for (name, text) in reports() {
        let Some((id, rest)) = name.split_once("__") else {
            continue;
        };
        if !rest.starts_with("pass") {
            continue;
        }
        for tag in ["错误 [", "警告 [", "error [", "warning ["] {
            assert!(
                !text.contains(&format!("{tag}{id}]")),
                "{name} pins a failure of {id}:\n{text}"
            );
        }
    }
}
