//! The page's second WebAssembly module: a spreadsheet (.xlsx, .xls) or a Word file (.docx)
//! → the text Recount checks, read by the command line's own readers
//! ([`recount::read::office_to_text`]), so the page and `recount check FILE` read the same
//! tables with the same precision. The page embeds this module inert and compiles it only when
//! such a file is opened (`www/sheets.js`); the core's module then checks the text.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::panic))]

use recount::read::ReadError;

/// A spreadsheet or Word file as the text the core reads (each sheet a caption and
/// tab-separated rows; a Word file's paragraphs and tables), or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<String, ReadError> {
    let text = recount::read::office_to_text(bytes)?;
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(text)
}

#[cfg(target_arch = "wasm32")]
mod bindings {
    use wasm_bindgen::prelude::*;

    /// `read` for the page: the text, or throws `{zh, en}`.
    #[wasm_bindgen]
    pub fn read_office(bytes: &[u8]) -> Result<String, JsValue> {
        super::read(bytes).map_err(|e| {
            let o = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&o, &"zh".into(), &e.zh().into());
            let _ = js_sys::Reflect::set(&o, &"en".into(), &e.en().into());
            o.into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(name: &str) -> Option<Vec<u8>> {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/pdf/generated")
            .join(name);
        match std::fs::read(&p) {
            Ok(b) => Some(b),
            Err(_) => {
                eprintln!("note: {} absent, skipped", p.display());
                None
            }
        }
    }

    #[test]
    fn reads_what_the_command_line_reads() {
        for name in ["test.xlsx", "test.xls", "test.docx"] {
            let Some(bytes) = shared(name) else { continue };
            let text = read(&bytes).unwrap();
            let doc = recount::read::read_bytes(&bytes).unwrap();
            assert_eq!(text.as_str(), &*doc.source, "{name}");
            assert!(text.contains('\t'), "{name}: its tables as tab rows");
        }
    }

    #[test]
    fn broken_files_are_errors_with_both_languages() {
        let cases: [&[u8]; 4] = [
            b"PK\x03\x04 truncated",
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
            b"",
            b"plain text, not an office file",
        ];
        for bytes in cases {
            let e = read(bytes).unwrap_err();
            assert!(!e.zh().is_empty() && !e.en().is_empty(), "{e:?}");
        }
    }
}
