//! The CLI's JSON follows `schema/report.schema.json`. Checked by a small validator of the
//! JSON Schema keywords the file uses (the `jsonschema` crate would add 84 crates to the
//! build for this one test); a keyword it does not know fails the test, so the schema
//! cannot grow past what is checked.

use serde_json::Value;
use std::process::Command;

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    "type",
    "required",
    "properties",
    "additionalProperties",
    "items",
    "prefixItems",
    "minItems",
    "enum",
    "minimum",
    "oneOf",
];

fn type_ok(t: &str, v: &Value) -> bool {
    match t {
        "object" => v.is_object(),
        "array" => v.is_array(),
        "string" => v.is_string(),
        "integer" => v.is_u64() || v.is_i64(),
        "number" => v.is_number(),
        "boolean" => v.is_boolean(),
        "null" => v.is_null(),
        other => panic!("unknown type {other}"),
    }
}

/// Errors of `v` against schema `s` (empty when valid), each with its JSON path.
fn validate(root: &Value, s: &Value, v: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(s) = s.as_object() else {
        if s == &Value::Bool(false) {
            errors.push(format!("{path}: not allowed"));
        }
        return;
    };
    for k in s.keys() {
        assert!(
            KNOWN.contains(&k.as_str()),
            "schema keyword {k} not checked"
        );
    }
    if let Some(r) = s.get("$ref").and_then(Value::as_str) {
        let name = r.strip_prefix("#/$defs/").expect("local $ref");
        validate(root, &root["$defs"][name], v, path, errors);
    }
    if let Some(t) = s.get("type") {
        let ok = match t {
            Value::String(t) => type_ok(t, v),
            Value::Array(ts) => ts.iter().any(|t| type_ok(t.as_str().unwrap(), v)),
            _ => panic!("bad type"),
        };
        if !ok {
            errors.push(format!("{path}: {v} is not {t}"));
            return;
        }
    }
    if let Some(e) = s.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            errors.push(format!("{path}: {v} not in {e:?}"));
        }
    }
    if let (Some(m), Some(n)) = (s.get("minimum").and_then(Value::as_i64), v.as_i64()) {
        if n < m {
            errors.push(format!("{path}: {n} < {m}"));
        }
    }
    if let Some(alts) = s.get("oneOf").and_then(Value::as_array) {
        let matching = alts
            .iter()
            .filter(|a| {
                let mut e = Vec::new();
                validate(root, a, v, path, &mut e);
                e.is_empty()
            })
            .count();
        if matching != 1 {
            errors.push(format!("{path}: matches {matching} of oneOf"));
        }
    }
    if let Some(o) = v.as_object() {
        for r in s
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !o.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{path}: missing {r}"));
            }
        }
        let props = s.get("properties").and_then(Value::as_object);
        for (k, x) in o {
            match props.and_then(|p| p.get(k)) {
                Some(ps) => validate(root, ps, x, &format!("{path}.{k}"), errors),
                None => {
                    if s.get("additionalProperties") == Some(&Value::Bool(false)) {
                        errors.push(format!("{path}: unexpected field {k}"));
                    }
                }
            }
        }
    }
    if let Some(a) = v.as_array() {
        if let Some(min) = s.get("minItems").and_then(Value::as_u64) {
            if (a.len() as u64) < min {
                errors.push(format!("{path}: fewer than {min} items"));
            }
        }
        let prefix = s.get("prefixItems").and_then(Value::as_array);
        let n = prefix.map_or(0, Vec::len);
        for (i, x) in a.iter().enumerate() {
            let sub = if i < n {
                prefix.map(|p| &p[i])
            } else {
                s.get("items")
            };
            if let Some(sub) = sub {
                validate(root, sub, x, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

fn errors_of(v: &Value) -> Vec<String> {
    let root = schema();
    let mut errors = Vec::new();
    validate(&root, &root, v, "$", &mut errors);
    errors
}

fn cli_json(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_recount"))
        .args(args)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_cli_json_follows_the_schema() {
    let root = env!("CARGO_MANIFEST_DIR");
    let sample = format!("{root}/samples/2019-xinjiang-government-office-final-accounts.txt");
    let fail = format!("{root}/tests/fixtures/share/fail.txt");
    for extra in [&[][..], &["--full"][..]] {
        let mut args = vec!["check", sample.as_str(), "--format", "json"];
        args.extend_from_slice(extra);
        let v: Value = serde_json::from_str(&cli_json(&args)).unwrap();
        let errors = errors_of(&v);
        assert!(errors.is_empty(), "{:#?}", &errors[..errors.len().min(10)]);
        let checks = v["checks"].as_array().unwrap();
        assert_eq!(checks.len() as u64, {
            let s = &v["summary"];
            s["checked"].as_u64().unwrap() + s["unchecked"].as_u64().unwrap()
        });
        // a passing entry carries the derived text only when asked
        let pass = checks.iter().find(|c| c["status"] == "pass").unwrap();
        assert_eq!(pass.get("message").is_some(), !extra.is_empty());
    }
    // several files: one object per line, each valid and naming its file
    let out = cli_json(&["check", sample.as_str(), fail.as_str(), "--format", "json"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    for (line, file) in lines.iter().zip([&sample, &fail]) {
        let v: Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["file"], file.as_str());
        assert!(errors_of(&v).is_empty(), "{:?}", errors_of(&v));
    }
}

#[test]
fn the_validator_rejects_what_the_schema_does_not_allow() {
    let good: Value = serde_json::from_str(
        r#"{"checks":[{"rule":"total-row","status":"pass","severity":"info","line":4,
        "column":4,"reported":"30.75","within_rounding":false,"figure":["30.75",4,40,45],
        "inputs":[["10.5",2,10,14]]}],"summary":{"checked":1,"passed":1,"within_rounding":0,
        "errors":0,"warnings":0,"unchecked":0,"figures":3}}"#,
    )
    .unwrap();
    assert!(errors_of(&good).is_empty(), "{:?}", errors_of(&good));
    let mut bad = good.clone();
    bad["checks"][0]["status"] = "ok".into();
    bad["checks"][0]["figure"] = serde_json::json!(["30.75", 4, 40]);
    bad["checks"][0]["surprise"] = 1.into();
    let errors = errors_of(&bad);
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn the_table_set_notes_follow_the_schema() {
    let root = env!("CARGO_MANIFEST_DIR");
    let fail = format!("{root}/tests/fixtures/table-set/fail.txt");
    for extra in [&[][..], &["--full"][..]] {
        let mut args = vec!["check", fail.as_str(), "--format", "json"];
        args.extend_from_slice(extra);
        let v: Value = serde_json::from_str(&cli_json(&args)).unwrap();
        assert!(errors_of(&v).is_empty(), "{:?}", errors_of(&v));
        let notes = v["table_set"].as_array().unwrap();
        let kinds: Vec<&str> = notes.iter().map(|n| n["kind"].as_str().unwrap()).collect();
        assert_eq!(
            kinds,
            ["missing-table", "blank-table", "blank-table-noted"],
            "{notes:?}"
        );
        assert_eq!(notes[0]["table"]["zh"], "支出决算表");
        assert!(notes[0].get("line").is_none());
        assert!(notes[1]["line"].as_u64().unwrap() > 1);
    }
    // a note the schema does not allow is caught
    let mut v: Value =
        serde_json::from_str(&cli_json(&["check", fail.as_str(), "--format", "json"])).unwrap();
    v["table_set"][0]["kind"] = "gone".into();
    assert_eq!(errors_of(&v).len(), 1);
    // every table there, the blank ones with their notes: info only
    let pass = format!("{root}/tests/fixtures/table-set/pass.txt");
    let v: Value =
        serde_json::from_str(&cli_json(&["check", pass.as_str(), "--format", "json"])).unwrap();
    assert!(errors_of(&v).is_empty());
    assert!(v["table_set"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["severity"] == "info"));
}
