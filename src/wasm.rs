//! WebAssembly bindings: deserialize → core → serialize, nothing else.

use wasm_bindgen::prelude::*;

// a PDF opened in the page: pdf.js's items in, the same page out
mod pdf;

#[wasm_bindgen(typescript_custom_section)]
const TS_CONTRACT: &'static str = r#"
/** A figure the report points at; offsets count UTF-16 code units of the checked text. */
export interface FigRef { raw: string; line: number; start: number; end: number }
export interface Bilingual { zh: string; en: string }
export interface Entry {
  rule: string;
  status: "pass" | "fail" | "unchecked";
  severity: "error" | "warning" | "info";
  line: number; column: number;
  reported: string; expected: string | null;
  message: Bilingual; formula: string | null;
  within_rounding: boolean; tolerance: string | null;
  cause: { id: string; zh: string; en: string } | null;
  relation: Bilingual; context: string | null;
  figure: FigRef; inputs: FigRef[];
}
export interface Summary {
  checked: number; passed: number; within_rounding: number;
  errors: number; warnings: number; unchecked: number; figures: number;
  relations: number; failing: number; tables: number; tables_understood: number;
  coverage: { zh: string; en: string } | null;
}
/** A note on the standard table set: a table missing from a whole disclosure, or printed blank. */
export interface TableNote {
  kind: "missing-table" | "blank-table" | "blank-table-noted";
  severity: "warning" | "info";
  table: Bilingual; line?: number; page?: number; message: Bilingual;
}
export interface Report { checks: Entry[]; table_set?: TableNote[]; summary: Summary }
export interface CheckWords { what: string; why: string; tolerance: string; example: string }
export interface CheckDoc {
  id: string; title_zh: string; title_en: string;
  /** the documentation in each language: the same content */
  en: CheckWords; zh: CheckWords;
}
export type State = "pass" | "rounding" | "fail" | "warning" | "unchecked";
/** A figure inside a block's or a cell's text: `at`/`len` in UTF-16 units of that text,
 *  `start` its offset in the checked text (its key in the report). */
export interface Mark { at: number; len: number; start: number }
export interface CellView { text: string; num: boolean; colspan: number; rowspan: number; marks: Mark[] }
export type Block =
  | { kind: "heading"; level: number; text: string; marks: Mark[] }
  | { kind: "para"; text: string; marks: Mark[] }
  | { kind: "table"; caption: string; header_rows: number; rows: CellView[][] };
export interface EntryView { index: number; state: State; lead: Bilingual; why: Bilingual | null }
export interface FigView {
  start: number; raw: string; state: State; label: Bilingual; place: Bilingual; entries: EntryView[];
}
export interface Coverage {
  figures: number; relations: number; checked: number; holding: number; failing: number;
  unchecked: number; tables: number; tables_understood: number; note: Bilingual | null;
  verdict: Bilingual; nothing_checked: boolean;
}
/** Everything the page shows about one checked text, decided in the core. */
export interface Page { version: string; report: Report; blocks: Block[]; figures: FigView[]; coverage: Coverage }
/** `presentInSteps`' second step: every figure with its answers, every entry of the report. */
export interface PageRest { figures: FigView[]; checks: Entry[] }
/** Where a figure is in the DOM walked: the text node (index in the walk) and UTF-16 offsets. */
export interface DomPlace { node: number; from: number; to: number }
/** `present_tree`: the page for the text read from a DOM (null when it has no text or is
 *  longer than asked), and per figure of `page.figures` its text node, or null. */
export interface TreePage { page: Page | null; places: (DomPlace | null)[] }
/** Thrown by `presentInSteps`, `present_tree` and `presentItems`: the input cannot be used. */
export interface InputError { zh: string; en: string }
"#;

fn into_error(e: recount_error::Any) -> JsValue {
    e.into()
}

/// A value for the page as JSON text parsed by the engine: one serializer in the module
/// (the one `presentInSteps` needs anyway) instead of a second that builds objects value by
/// value across the boundary.
fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(v).map_err(not_json)?;
    js_sys::JSON::parse(&text)
}

/// The input cannot be read: its reason, in both languages.
fn input_error(e: &crate::read::ReadError) -> JsValue {
    into_error(recount_error::Any {
        zh: e.zh(),
        en: e.en(),
    })
}

/// What the report could not be written as JSON says (only a value the serializer cannot
/// write fails it, and the report has none). serde_json's own words are not kept: they
/// bring its messages and the I/O errors' into the page (≈ 1 KB gz of its first load).
fn not_json(_: serde_json::Error) -> JsValue {
    internal("the report could not be written as JSON")
}

fn internal(e: impl std::fmt::Display) -> JsValue {
    into_error(recount_error::Any {
        zh: format!("内部错误：{e}"),
        en: format!("internal error: {e}"),
    })
}

mod recount_error {
    use wasm_bindgen::JsValue;

    /// Anything that stops a check, as a `{zh, en}` object for the page.
    pub struct Any {
        pub zh: String,
        pub en: String,
    }

    impl From<Any> for JsValue {
        fn from(e: Any) -> JsValue {
            let o = js_sys_object(&e.zh, &e.en);
            o.unwrap_or_else(|_| JsValue::from_str(&e.en))
        }
    }

    fn js_sys_object(zh: &str, en: &str) -> Result<JsValue, JsValue> {
        let o = js_sys::Object::new();
        js_sys::Reflect::set(&o, &JsValue::from_str("zh"), &JsValue::from_str(zh))?;
        js_sys::Reflect::set(&o, &JsValue::from_str("en"), &JsValue::from_str(en))?;
        Ok(o.into())
    }
}

/// Checks a document and lays it out for people in two steps, each handed to `post` as JSON text (`JSON.parse` gives it): first
/// a `Page` that shows the checked document at once — every figure's state, the failures
/// with their answers, no entries yet — then a `PageRest` with every figure's answers and
/// every entry. One string built in the core and parsed by the engine costs a fraction of
/// an object per value made across the boundary, and the words of the relations that hold
/// (most of the page's bytes) wait until the first result is shown.
#[wasm_bindgen(js_name = presentInSteps)]
pub fn present_in_steps(text: &str, post: &js_sys::Function) -> Result<(), JsValue> {
    let t0 = now();
    let doc = crate::read::read_str(text).map_err(|e| input_error(&e))?;
    let t1 = now();
    let checked = crate::check_lazily(&doc);
    let t2 = now();
    let shown = crate::present::present_first(&doc, &checked);
    let t3 = now();
    let first = serde_json::to_string(&shown).map_err(not_json)?;
    drop(shown);
    let t4 = now();
    FIRST_STEP_MS.with(|m| m.set([t1 - t0, t2 - t1, t3 - t2, t4 - t3]));
    post.call1(&JsValue::NULL, &JsValue::from_str(&first))?;
    drop(first);
    let rest =
        serde_json::to_string(&crate::present::present_rest(&doc, &checked)).map_err(not_json)?;
    post.call1(&JsValue::NULL, &JsValue::from_str(&rest))?;
    Ok(())
}

thread_local! {
    /// The last `presentInSteps`' first step, in ms: read, check, present, JSON.
    static FIRST_STEP_MS: std::cell::Cell<[f64; 4]> = const { std::cell::Cell::new([0.0; 4]) };
}

/// `performance.now()` of the worker (or the page), 0 where there is none: for the stage
/// times the browser test prints, never for a decision.
fn now() -> f64 {
    let global = js_sys::global();
    let Ok(perf) = js_sys::Reflect::get(&global, &JsValue::from_str("performance")) else {
        return 0.0;
    };
    js_sys::Reflect::get(&perf, &JsValue::from_str("now"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&perf).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0)
}

/// Where the last `presentInSteps`' first step spent its time, in ms: reading the text,
/// finding and checking the relations, building the first screen's page, its JSON (the
/// browser test prints them; www/worker.js sends them with the page).
#[wasm_bindgen(js_name = firstStepTimes)]
pub fn first_step_times() -> Vec<f64> {
    FIRST_STEP_MS.with(|m| m.get().to_vec())
}

/// The text a DOM walk reads as (`ops`, `data`: see `read::dom_to_text`), for the page
/// to check like any text.
#[wasm_bindgen]
pub fn tree_text(ops: &[u32], data: &str) -> Result<String, JsValue> {
    let dom = crate::read::dom_to_text(ops, data);
    if dom.too_many_cells {
        return Err(input_error(&crate::read::ReadError::TooManyCells));
    }
    Ok(dom.text)
}

/// Reads a DOM walk, checks it and lays it out (`TreePage` in the contract): the page, and
/// where each reported figure is in the DOM, so the widget can mark it in place.
#[cfg(feature = "widget")]
#[wasm_bindgen(unchecked_return_type = "TreePage")]
pub fn present_tree(ops: &[u32], data: &str, max_units: u32) -> Result<JsValue, JsValue> {
    let dom = crate::read::dom_to_text(ops, data);
    if dom.too_many_cells {
        return Err(input_error(&crate::read::ReadError::TooManyCells));
    }
    let units = u32::try_from(dom.text.encode_utf16().count()).unwrap_or(u32::MAX);
    if dom.text.trim().is_empty() || units > max_units {
        #[derive(serde::Serialize)]
        struct Empty {
            page: Option<()>,
            places: [(); 0],
        }
        return to_js(&Empty {
            page: None,
            places: [],
        });
    }
    // the text of a DOM is text: never taken for HTML again
    let doc = crate::read::read_text(&dom.text);
    let report = crate::check_document(&doc);
    let page = crate::present::present(&doc, report);
    let places: Vec<Option<crate::read::DomPlace>> = page
        .figures
        .iter()
        .map(|f| {
            let e = page.report.checks.get(f.entries.first()?.index)?;
            let a = u32::try_from(e.figure.start).ok()?;
            let b = u32::try_from(e.figure.end).ok()?;
            dom.locate(a, b)
        })
        .collect();
    #[derive(serde::Serialize)]
    struct TreePage {
        page: crate::present::Page,
        places: Vec<Option<crate::read::DomPlace>>,
    }
    to_js(&TreePage { page, places })
}

/// The documentation of every check (`CheckDoc[]` in the contract): the widget's. The page
/// reads the same from its own file (`recount checks --format json`, put in by the build),
/// and its core is smaller without the words.
#[cfg(feature = "widget")]
#[wasm_bindgen(unchecked_return_type = "CheckDoc[]")]
pub fn checks() -> Result<JsValue, JsValue> {
    to_js(&crate::checks::docs())
}
