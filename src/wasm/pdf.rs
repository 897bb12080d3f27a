//! A PDF opened in the page: pdf.js extracts the text items there and passes them as typed
//! arrays ([`crate::read::pdf::arrays`]); the layout and the check are the command line's.

use super::{input_error, to_js};
use crate::read::pdf::{arrays::items_from_arrays, read_items};
use crate::IntoVec;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_PDF: &'static str = r#"
/** A checked PDF: the page, plus the reconstructed text, the page of each figure
 *  (`[start, page]` pairs, `start` as the marks' `start`) and the standard tables found. */
export interface PdfPage extends Page {
  pdf: { text: string; pages: number; figure_pages: Uint32Array; standard: string[] };
}
"#;

/// Checks a PDF from pdf.js's items and lays it out (`PdfPage`): `nums` holds page, x, y,
/// width and height of each item, `text` their texts joined, `lens` each text's length in
/// UTF-16 units.
#[wasm_bindgen(js_name = presentItems, unchecked_return_type = "PdfPage")]
pub fn present_items(
    nums: js_sys::Float64Array,
    text: &str,
    lens: js_sys::Uint32Array,
) -> Result<JsValue, JsValue> {
    let items =
        items_from_arrays(&nums.to_vec(), text, &lens.to_vec()).map_err(|e| input_error(&e))?;
    let pages = items.iter().map(|i| i.page).max().unwrap_or(0);
    let doc = read_items(&items).map_err(|e| input_error(&e))?;
    drop(items);
    // every figure's page, keyed by its UTF-16 offset in the checked text
    let mut at: Vec<(u32, u32)> = doc
        .figures()
        .filter_map(|f| {
            f.page
                .map(|p| (u32::try_from(f.start).unwrap_or(u32::MAX), p))
        })
        .into_vec();
    crate::sort::sort_pairs(&mut at);
    let mut figure_pages = Vec::with_capacity(at.len() * 2);
    let (mut byte, mut units) = (0usize, 0usize);
    for (start, page) in at {
        let start = start as usize;
        units += doc
            .source
            .get(byte..start)
            .map_or(0, |s| s.encode_utf16().count());
        byte = start.max(byte);
        figure_pages.push(u32::try_from(units).unwrap_or(u32::MAX));
        figure_pages.push(page);
    }
    // the standard tables recognised, in document order
    let standard = js_sys::Array::new();
    for t in &doc.tables {
        if let Some(k) = crate::claims::standard::kind(t) {
            standard.push(&JsValue::from_str(k.name()));
        }
    }
    let report = crate::check_document(&doc);
    let page = crate::present::present(&doc, report);
    let out = to_js(&page)?;
    let pdf = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&pdf, &JsValue::from_str(k), v);
    set("text", &JsValue::from_str(&doc.source))?;
    set("pages", &JsValue::from(pages))?;
    set(
        "figure_pages",
        &js_sys::Uint32Array::from(figure_pages.as_slice()).into(),
    )?;
    set("standard", &standard)?;
    js_sys::Reflect::set(&out, &JsValue::from_str("pdf"), &pdf)?;
    Ok(out)
}
