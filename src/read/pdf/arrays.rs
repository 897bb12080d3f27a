//! Items as the page passes them from pdf.js: typed arrays, not JSON. Five numbers an item
//! in one `Float64Array` (page, x, y, width, height), the texts joined into one string, and
//! each text's length in UTF-16 units (as JavaScript counts) in one `Uint32Array`.

use super::{Item, MAX_ITEMS};
use crate::read::ReadError;

/// Numbers per item in the flat array: page, x, y, width, height.
pub const STRIDE: usize = 5;

/// Decodes the flat arrays into items. Arrays that do not agree with each other (a count
/// that differs, lengths that overrun the text) are a damaged input, not a panic; a length
/// that ends inside a surrogate pair ends after it.
pub fn items_from_arrays(nums: &[f64], text: &str, lens: &[u32]) -> Result<Vec<Item>, ReadError> {
    let n = lens.len();
    if n > MAX_ITEMS {
        return Err(ReadError::TooLarge {
            size: n.saturating_mul(16),
        });
    }
    if nums.len() != n.saturating_mul(STRIDE) {
        return Err(ReadError::BrokenPdf);
    }
    let mut items = Vec::with_capacity(n);
    let mut rest = text.chars();
    for (i, &len) in lens.iter().enumerate() {
        let mut s = String::new();
        let mut units = 0usize;
        while units < len as usize {
            let Some(c) = rest.next() else {
                return Err(ReadError::BrokenPdf);
            };
            units += c.len_utf16();
            s.push(c);
        }
        let at = i * STRIDE;
        let num = |k: usize| nums.get(at + k).copied().unwrap_or(f64::NAN);
        let page = num(0);
        // a page that is not a small positive whole number is dropped by the layout
        let page = if page.is_finite() && page >= 1.0 && page <= f64::from(u32::MAX) {
            page as u32
        } else {
            0
        };
        items.push(Item {
            text: s,
            x: num(1),
            y: num(2),
            width: num(3),
            height: num(4),
            font: String::new(),
            page,
        });
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_texts_by_utf16_length() {
        // "𠀀" is two UTF-16 units (one char): the lengths are JavaScript's
        let text = "合计1,234.56𠀀x";
        let lens = [2, 8, 3];
        let nums = [
            1.0, 10.0, 700.0, 24.0, 12.0, 1.0, 300.0, 700.0, 40.0, 12.0, 2.0, 5.0, 5.0, 5.0, 5.0,
        ];
        let items = items_from_arrays(&nums, text, &lens).unwrap();
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["合计", "1,234.56", "𠀀x"]);
        assert_eq!(items[1].x, 300.0);
        assert_eq!(items[1].width, 40.0);
        assert_eq!(items[2].page, 2);
    }

    /// The real disclosures' items, passed as the page passes them, give the same document as
    /// read directly (skipped with a note when `../shared/pdf` is absent).
    #[test]
    fn real_items_survive_the_arrays() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/pdf/items");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("note: ../shared/pdf absent, skipped");
            return;
        };
        let mut n = 0;
        for e in entries.flatten() {
            let json = std::fs::read_to_string(e.path()).unwrap();
            let items = super::super::items_from_pdfjs_json(&json).unwrap();
            let mut nums = Vec::new();
            let mut text = String::new();
            let mut lens = Vec::new();
            for i in &items {
                nums.extend([f64::from(i.page), i.x, i.y, i.width, i.height]);
                text.push_str(&i.text);
                lens.push(i.text.encode_utf16().count() as u32);
            }
            let back = items_from_arrays(&nums, &text, &lens).unwrap();
            assert_eq!(back.len(), items.len());
            let a = super::super::layout(&items);
            let b = super::super::layout(&back);
            assert_eq!(a, b, "{}", e.path().display());
            n += 1;
        }
        assert!(n >= 13, "{n} files");
    }

    #[test]
    fn arrays_that_disagree_are_refused() {
        assert_eq!(
            items_from_arrays(&[1.0; 5], "ab", &[3]),
            Err(ReadError::BrokenPdf)
        );
        assert_eq!(
            items_from_arrays(&[1.0; 4], "ab", &[2]),
            Err(ReadError::BrokenPdf)
        );
        let items = items_from_arrays(&[f64::NAN, 0.0, 0.0, 1.0, 1.0], "a", &[1]).unwrap();
        assert_eq!(items[0].page, 0);
    }
}
