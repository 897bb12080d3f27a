//! Figure reading: `scan` over running text and `read_cell` over a cell never panic, and
//! every token's offsets fall on character boundaries of the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for t in recount::figure::scan(s) {
        assert!(t.start <= t.end && t.end <= t.unit_end && t.unit_end <= s.len());
        assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        assert!(s.is_char_boundary(t.unit_end));
    }
    let _ = recount::figure::read_cell(s);
});
