//! PDF bytes → positioned items on the command line, with the `pdf-extract` crate (over
//! `lopdf`). The page does not use this: pdf.js extracts the items there.
//!
//! pdf-extract reports one glyph at a time with its text-rendering matrix; glyphs of one
//! text-showing operation that follow each other on a baseline form one item, as pdf.js
//! forms them.

use super::Item;
use crate::read::ReadError;
use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

#[derive(Default)]
struct Collector {
    page: u32,
    items: Vec<Item>,
    /// The item being built, and where its last glyph ended.
    cur: Option<(Item, f64)>,
    glyphs: usize,
}

/// Most glyphs read before giving up (a 1,000-page document of dense tables is ~3 M).
const MAX_GLYPHS: usize = 8_000_000;

impl Collector {
    fn flush(&mut self) {
        if let Some((it, _)) = self.cur.take() {
            if !it.text.trim().is_empty() {
                self.items.push(it);
            }
        }
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page_num: u32,
        _media_box: &MediaBox,
        _art_box: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flush();
        self.page = page_num;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // the size the glyph is drawn at: the font size through the matrix's scale
        let size = font_size * (trm.m11 * trm.m22).abs().sqrt();
        // rotated or skewed text (watermarks, vertical labels) is left out, as in pdf.js
        // it would come with a rotation
        if trm.m12.abs() > 1e-6 || trm.m21.abs() > 1e-6 || !size.is_finite() || size <= 0.0 {
            self.flush();
            return Ok(());
        }
        let (x, y) = (trm.m31, trm.m32);
        let adv = width * size;
        let text: String = ch.chars().filter(|c| !c.is_control()).collect();
        match self.cur.as_mut() {
            Some((it, end))
                if (it.y - y).abs() < 0.05 * size
                    && (x - *end).abs() < 0.3 * size
                    && (it.height - size).abs() < 0.05 * size =>
            {
                it.text.push_str(&text);
                *end = x + adv;
                it.width = *end - it.x;
            }
            _ => {
                self.flush();
                self.cur = Some((
                    Item {
                        text,
                        x,
                        y,
                        width: adv,
                        height: size,
                        font: String::new(),
                        page: self.page,
                    },
                    x + adv,
                ));
            }
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Extracts the positioned text items of a PDF.
pub fn items(bytes: &[u8]) -> Result<Vec<Item>, ReadError> {
    // pdf-extract and lopdf were not written for hostile input: a panic inside them is
    // a damaged file, not a crash
    // ...and its panic message is not ours to print
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let run = std::panic::catch_unwind(|| {
        let doc = pdf_extract::Document::load_mem(bytes).map_err(|e| match e {
            pdf_extract::Error::Decryption(_) => ReadError::Encrypted,
            _ => ReadError::BrokenPdf,
        })?;
        if doc.is_encrypted() {
            return Err(ReadError::Encrypted);
        }
        let mut c = Collector::default();
        pdf_extract::output_doc(&doc, &mut c).map_err(|_| ReadError::BrokenPdf)?;
        c.flush();
        Ok(c.items)
    });
    std::panic::set_hook(hook);
    run.unwrap_or(Err(ReadError::BrokenPdf))
}
