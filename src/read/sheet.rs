//! Spreadsheets (.xlsx, .xls) → the text form the reader understands: each sheet its name on
//! a line, then one tab-separated line per row, merged cells expanded (the text in the
//! top-left slot, the covered slots blank, as for HTML). That text is the document's
//! `source`, so every line number in a report names a row of a sheet.
//!
//! Figures are printed as the spreadsheet shows them, so the reader takes their precision
//! from the printed text. A cell's value arrives as an `f64`; it is turned into a decimal
//! through its shortest round-trip string (`format!("{f}")`), which for any value typed with
//! at most 15 significant digits is exactly the decimal typed (a double distinguishes every
//! 15-digit decimal, so the shortest string that reads back as the same double is that
//! decimal). It is then rounded to 15 significant digits as the spreadsheet does before
//! showing a value (so a computed `0.30000000000000004` shows as `0.3`), then to the
//! decimals of the cell's number format, half away from zero. No float arithmetic touches a
//! figure.
//!
//! .xlsx: the decimals come from the cell's number format (`#,##0` → 0, `#,##0.00` → 2,
//! `0.00%` → the value × 100 with 2 decimals, a three-part format's negative and zero
//! sections, General → the value as it prints). .xls files carry formats calamine does not
//! expose: each column's figures are printed with as many decimals as the most precise
//! value in that column, and the document says so in its first line.

use crate::IntoVec;
use std::io::Cursor;
use std::str::FromStr;

use calamine::{Data, DataRef, Dimensions, Range, Reader, Xls, XlsError, Xlsx, XlsxError};
use rust_decimal::{Decimal, RoundingStrategy};

use super::{ReadError, MAX_EXPANDED_CELLS, MAX_INPUT};

/// The note that begins the text of an .xls file.
pub const XLS_NOTE: &str = "说明：.xls 文件不含数字格式，各列小数位数取自该列所显示的数值 / \
note: .xls files give no number formats; each column's decimals are taken from the values printed in it。";

/// Zip container (.xlsx, .docx).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The most a zip's parts may unpack to: each part, and all of them together. The text
/// checked is at most [`MAX_INPUT`]; a sheet's XML holds a few times its text.
const MAX_PART: u64 = 2 * MAX_INPUT as u64;
const MAX_UNPACKED: u64 = 4 * MAX_INPUT as u64;

/// Refuses a zip whose parts say they unpack beyond [`MAX_PART`] or, together,
/// [`MAX_UNPACKED`] (a zip bomb: 400 MB of shared strings from 400 KB), before any part is
/// read. A part that unpacks to more than it says fails its read in the zip crate.
pub fn zip_fits(bytes: &[u8]) -> Result<(), ReadError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ReadError::BrokenOffice)?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let size = zip
            .by_index_raw(i)
            .map_err(|_| ReadError::BrokenOffice)?
            .size();
        total = total.saturating_add(size);
        if size > MAX_PART || total > MAX_UNPACKED {
            return Err(ReadError::OfficeTooLarge);
        }
    }
    Ok(())
}

/// OLE compound file (.xls, or a password-protected .xlsx/.docx).
pub fn is_cfb(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// One sheet as rows of printed cells.
struct Grid {
    name: String,
    rows: Vec<Vec<String>>,
}

/// How a number format prints a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumFmt {
    /// Decimals printed; `None`: as the value prints (General).
    pub decimals: Option<u32>,
    /// Printed × 100 with `%`.
    pub percent: bool,
    /// Thousands separators.
    pub grouped: bool,
    /// Divided by 1000 per trailing comma.
    pub scale: u32,
    /// A section with no digits: printed as this text (e.g. `-` for zero).
    pub literal: Option<String>,
}

impl NumFmt {
    fn general() -> Self {
        NumFmt {
            decimals: None,
            percent: false,
            grouped: false,
            scale: 0,
            literal: None,
        }
    }
}

/// The section of a format code that prints `value` (positive; negative; zero).
pub fn parse_format(code: &str, value: Decimal) -> NumFmt {
    if code.trim().is_empty() || code.eq_ignore_ascii_case("general") || code == "@" {
        return NumFmt::general();
    }
    let sections = split_sections(code);
    let section = if value.is_zero() && sections.len() >= 3 {
        sections.get(2)
    } else if value.is_sign_negative() && !value.is_zero() && sections.len() >= 2 {
        sections.get(1)
    } else {
        sections.first()
    };
    parse_section(section.map(String::as_str).unwrap_or(""))
}

fn split_sections(code: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        if escaped {
            escaped = false;
        } else if c == '"' {
            quoted = !quoted;
        } else if c == '\\' && !quoted {
            escaped = true;
        } else if c == ';' && !quoted {
            out.push(String::new());
            continue;
        }
        if let Some(last) = out.last_mut() {
            last.push(c);
        }
    }
    out
}

fn parse_section(s: &str) -> NumFmt {
    let mut f = NumFmt::general();
    if s.eq_ignore_ascii_case("general") {
        return f;
    }
    let mut literal = String::new();
    let mut digits = false;
    let mut after_point = false;
    let mut decimals = 0u32;
    let mut pending_commas = 0u32;
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                for q in chars.by_ref() {
                    if q == '"' {
                        break;
                    }
                    literal.push(q);
                }
            }
            '\\' => literal.extend(chars.next()),
            '[' => {
                for q in chars.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            '_' | '*' => {
                chars.next();
            }
            '0' | '#' | '?' => {
                if pending_commas > 0 && !after_point {
                    f.grouped = true;
                }
                pending_commas = 0;
                digits = true;
                if after_point {
                    decimals += 1;
                }
            }
            '.' => after_point = true,
            ',' => {
                if digits {
                    pending_commas += 1;
                }
            }
            '%' => f.percent = true,
            '-' | '(' | ')' | ' ' | '+' => literal.push(c),
            _ => literal.push(c),
        }
    }
    if !digits {
        f.literal = Some(literal.trim().to_string());
        return f;
    }
    f.scale = pending_commas;
    f.decimals = Some(decimals);
    f
}

/// The decimal a cell's `f64` stands for: its shortest round-trip string, at 15 significant
/// digits (see the module comment).
pub fn decimal_of(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    let d = Decimal::from_str(&format!("{v}")).ok()?;
    Some(d.round_sf(15).unwrap_or(d).normalize())
}

/// A value printed with a format.
pub fn print(value: Decimal, f: &NumFmt) -> String {
    if let Some(l) = &f.literal {
        return l.clone();
    }
    let mut v = value;
    if f.percent {
        v = v.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(v);
    }
    for _ in 0..f.scale {
        v = v.checked_div(Decimal::ONE_THOUSAND).unwrap_or(v);
    }
    let v = match f.decimals {
        Some(d) => {
            let mut r = v.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero);
            r.rescale(d);
            r
        }
        None => v.normalize(),
    };
    let mut s = v.abs().to_string();
    if f.grouped {
        s = group(&s);
    }
    let negative = v.is_sign_negative() && !v.is_zero();
    format!(
        "{}{}{}",
        if negative { "-" } else { "" },
        s,
        if f.percent { "%" } else { "" }
    )
}

fn group(s: &str) -> String {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let mut out = String::new();
    let n = int.chars().count();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (n - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn text_of(d: &Data) -> String {
    let t = match d {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(dt) => format!("{dt}"),
        Data::Error(e) => format!("{e}"),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Empty => String::new(),
    };
    // one cell stays one cell of the tab-separated line
    t.split_whitespace().into_vec().join(" ")
}

fn number_of(d: &Data) -> Option<Decimal> {
    match d {
        Data::Int(i) => Some(Decimal::from(*i)),
        Data::Float(f) => decimal_of(*f),
        _ => None,
    }
}

/// Cells the merged regions may fill, counted against [`MAX_EXPANDED_CELLS`].
fn grid_of<F>(
    name: String,
    range: &Range<Data>,
    merges: &[Dimensions],
    budget: &mut usize,
    mut cell: F,
) -> Result<Grid, ReadError>
where
    F: FnMut((u32, u32), &Data) -> String,
{
    let Some(start) = range.start() else {
        return Ok(Grid {
            name,
            rows: Vec::new(),
        });
    };
    let (h, w) = range.get_size();
    let size = h.saturating_mul(w);
    if size > *budget {
        return Err(ReadError::OfficeTooLarge);
    }
    *budget -= size;
    let mut rows: Vec<Vec<String>> = Vec::with_capacity(h);
    for (r, row) in range.rows().enumerate() {
        let mut out = Vec::with_capacity(w);
        for (c, d) in row.iter().enumerate() {
            let pos = (start.0 + r as u32, start.1 + c as u32);
            out.push(cell(pos, d));
        }
        rows.push(out);
    }
    // merged regions: only the top-left slot keeps text (calamine leaves the others empty;
    // blank them in case a writer repeated the value)
    for m in merges {
        for r in m.start.0..=m.end.0 {
            for c in m.start.1..=m.end.1 {
                if (r, c) == m.start {
                    continue;
                }
                let (Some(rr), Some(cc)) = (r.checked_sub(start.0), c.checked_sub(start.1)) else {
                    continue;
                };
                if let Some(slot) = rows
                    .get_mut(rr as usize)
                    .and_then(|row| row.get_mut(cc as usize))
                {
                    slot.clear();
                }
            }
        }
    }
    Ok(Grid { name, rows })
}

fn render(grids: &[Grid], note: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(n) = note {
        out.push_str(n);
        out.push_str("\n\n");
    }
    for g in grids {
        let rows: Vec<&Vec<String>> = g
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .into_vec();
        if rows.is_empty() {
            continue;
        }
        let width = rows
            .iter()
            .map(|r| r.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1))
            .max()
            .unwrap_or(0);
        // the sheet's name is its caption, unless its first row already says it
        let first_title = rows.first().and_then(|r| {
            let mut filled = r.iter().filter(|c| !c.is_empty());
            match (filled.next(), filled.next()) {
                (Some(t), None) => Some(t.as_str()),
                _ => None,
            }
        });
        if first_title != Some(g.name.as_str()) {
            out.push_str(&g.name);
            out.push('\n');
        }
        for r in rows {
            let filled = r.iter().filter(|c| !c.is_empty()).count();
            let cells: Vec<&str> = r.iter().take(width).map(String::as_str).into_vec();
            if filled == 1 && width >= 2 {
                // a title row (one filled cell): a caption line, not a table row
                out.push_str(cells.iter().find(|c| !c.is_empty()).copied().unwrap_or(""));
            } else {
                out.push_str(&cells.join("\t"));
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

fn xlsx_error(e: XlsxError) -> ReadError {
    match e {
        XlsxError::Password => ReadError::OfficeEncrypted,
        _ => ReadError::BrokenOffice,
    }
}

fn xls_error(e: XlsError) -> ReadError {
    match e {
        XlsError::Password => ReadError::OfficeEncrypted,
        _ => ReadError::BrokenOffice,
    }
}

/// Whether a sheet can be laid out within `budget` cells, found by streaming its cells once
/// before calamine lays it out: calamine allocates the whole rectangle its filled cells span,
/// so two cells far apart (A1 and XFD1048576: 17 billion slots) would exhaust memory, and a
/// sheet that inflates to millions of cells (a zip bomb) would be held whole. Both are
/// refused here with [`ReadError::OfficeTooLarge`].
fn xlsx_area_fits<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    name: &str,
    budget: usize,
) -> Result<(), ReadError> {
    let mut cells = wb.worksheet_cells_reader(name).map_err(xlsx_error)?;
    let mut seen = 0usize;
    let (mut r0, mut r1, mut c0, mut c1) = (u32::MAX, 0u32, u32::MAX, 0u32);
    while let Some(cell) = cells.next_cell().map_err(xlsx_error)? {
        seen += 1;
        if seen > MAX_EXPANDED_CELLS {
            return Err(ReadError::OfficeTooLarge);
        }
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (r, c) = cell.get_position();
        r0 = r0.min(r);
        r1 = r1.max(r);
        c0 = c0.min(c);
        c1 = c1.max(c);
    }
    if r0 > r1 {
        return Ok(());
    }
    let area = (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1);
    if area > budget as u64 {
        return Err(ReadError::OfficeTooLarge);
    }
    Ok(())
}

/// An .xlsx file as text (see the module comment).
pub fn xlsx_to_text(bytes: &[u8]) -> Result<String, ReadError> {
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(xlsx_error)?;
    let mut budget = MAX_EXPANDED_CELLS;
    let mut grids = Vec::new();
    for name in wb.sheet_names() {
        xlsx_area_fits(&mut wb, &name, budget)?;
        let range = wb.worksheet_range(&name).map_err(xlsx_error)?;
        let styles = wb.worksheet_style(&name).map_err(xlsx_error)?;
        let merges = wb.merge_cells_by_sheet_name(&name).map_err(xlsx_error)?;
        let grid = grid_of(
            name,
            &range,
            &merges,
            &mut budget,
            |pos, d| match number_of(d) {
                Some(v) => {
                    let code = styles
                        .get(pos)
                        .and_then(|s| s.number_format.as_ref())
                        .map(|f| f.format_code.as_str())
                        .unwrap_or("General");
                    print(v, &parse_format(code, v))
                }
                None => text_of(d),
            },
        )?;
        grids.push(grid);
    }
    Ok(render(&grids, None))
}

/// Refuses an .xls whose sheets span more than [`MAX_EXPANDED_CELLS`] cells between them,
/// before calamine reads it: calamine lays every sheet out as the rectangle its cells span
/// (one number at the last row and column of a 5 KB file: 65,536 × 256 slots, ≈ 1 GB) while
/// it opens the workbook, so the size check after it comes too late. The extent is taken
/// from the cell records themselves (row and column of each), walked once in the workbook
/// stream read out of the compound file here; a file whose stream cannot be found is left
/// to calamine, which reports it. A sheet's DIMENSIONS record counts too: calamine reserves
/// the size it declares (memory a wasm module commits at once).
fn xls_area_fits(bytes: &[u8]) -> Result<(), ReadError> {
    let Some(stream) = cfb::stream(bytes, &["Workbook", "Book"]) else {
        return Ok(());
    };
    let mut total = 0u64;
    let mut extent: Option<(u32, u32, u32, u32)> = None;
    let mut close = |extent: &mut Option<(u32, u32, u32, u32)>| -> Result<(), ReadError> {
        if let Some((r0, r1, c0, c1)) = extent.take() {
            let area = (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1);
            total = total.saturating_add(area);
            if total > MAX_EXPANDED_CELLS as u64 {
                return Err(ReadError::OfficeTooLarge);
            }
        }
        Ok(())
    };
    let mut declared = 0u64;
    let mut at = 0usize;
    while let (Some(typ), Some(len)) = (cfb::u16_at(&stream, at), cfb::u16_at(&stream, at + 2)) {
        let body = at + 4;
        at = body + len as usize;
        if typ == 0x0200 {
            // rows as 32-bit (BIFF8, 14 bytes) or 16-bit (BIFF5, 10 bytes) first and last+1
            let wide = len == 14;
            let word = |i: usize| cfb::u16_at(&stream, body + i).map(u64::from);
            let rows = if wide {
                word(4)
                    .zip(word(6))
                    .map(|(lo, hi)| lo | hi << 16)
                    .zip(word(0).zip(word(2)).map(|(lo, hi)| lo | hi << 16))
            } else {
                word(2).zip(word(0))
            };
            let cols = if wide {
                word(10).zip(word(8))
            } else {
                word(6).zip(word(4))
            };
            if let (Some((r1, r0)), Some((c1, c0))) = (rows, cols) {
                declared = declared
                    .saturating_add(r1.saturating_sub(r0).saturating_mul(c1.saturating_sub(c0)));
                if declared > MAX_EXPANDED_CELLS as u64 {
                    return Err(ReadError::OfficeTooLarge);
                }
            }
            continue;
        }
        // a cell record: row and column first; MULRK/MULBLANK end with their last column
        let cell = matches!(
            typ,
            0x0006 | 0x00BD | 0x00BE | 0x00D6 | 0x00FD | 0x0201..=0x0205 | 0x027E
        );
        if typ == 0x000A {
            close(&mut extent)?;
        }
        if !cell {
            continue;
        }
        let (Some(row), Some(col)) = (cfb::u16_at(&stream, body), cfb::u16_at(&stream, body + 2))
        else {
            continue;
        };
        let last = match typ {
            0x00BD | 0x00BE => at
                .checked_sub(2)
                .and_then(|i| cfb::u16_at(&stream, i))
                .unwrap_or(col),
            _ => col,
        };
        let (row, c0, c1) = (
            u32::from(row),
            u32::from(col.min(last)),
            u32::from(col.max(last)),
        );
        extent = Some(match extent {
            Some((r0, r1, a, b)) => (r0.min(row), r1.max(row), a.min(c0), b.max(c1)),
            None => (row, row, c0, c1),
        });
    }
    close(&mut extent)
}

/// Just enough of the compound file format (MS-CFB) to read one stream out of an .xls.
mod cfb {
    /// Sectors followed before a chain is taken for a loop.
    const MAX_CHAIN: usize = 1 << 22;
    const END: u32 = 0xFFFF_FFFE;

    pub(super) fn u16_at(b: &[u8], i: usize) -> Option<u16> {
        Some(u16::from_le_bytes([*b.get(i)?, *b.get(i.checked_add(1)?)?]))
    }

    fn u32_at(b: &[u8], i: usize) -> Option<u32> {
        Some(u32::from_le_bytes(
            b.get(i..i.checked_add(4)?)?.try_into().ok()?,
        ))
    }

    /// The bytes of the first stream named one of `names`.
    pub(super) fn stream(b: &[u8], names: &[&str]) -> Option<Vec<u8>> {
        if b.get(..8)? != [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            return None;
        }
        let shift = u16_at(b, 0x1E)?;
        let mini_shift = u16_at(b, 0x20)?;
        if !(7..=16).contains(&shift) || mini_shift >= shift {
            return None;
        }
        let size = 1usize << shift;
        let sector = |n: u32| -> Option<&[u8]> {
            let start = (n as usize).checked_add(1)?.checked_mul(size)?;
            b.get(start..start.checked_add(size)?)
        };
        // the FAT: its sectors listed in the header's DIFAT, then in the DIFAT chain
        let mut fat_sectors: Vec<u32> = (0..109)
            .filter_map(|k| u32_at(b, 0x4C + 4 * k))
            .filter(|&n| n < 0xFFFF_FFFA)
            .collect();
        let mut difat = u32_at(b, 0x44)?;
        let mut hops = 0;
        while difat < 0xFFFF_FFFA && hops < MAX_CHAIN {
            let s = sector(difat)?;
            let per = size / 4 - 1;
            fat_sectors.extend(
                (0..per)
                    .filter_map(|k| u32_at(s, 4 * k))
                    .filter(|&n| n < 0xFFFF_FFFA),
            );
            difat = u32_at(s, 4 * per)?;
            hops += 1;
        }
        let mut fat: Vec<u32> = Vec::new();
        for n in fat_sectors {
            let s = sector(n)?;
            fat.extend((0..size / 4).filter_map(|k| u32_at(s, 4 * k)));
        }
        let chain =
            |first: u32, table: &[u32], read: &dyn Fn(u32) -> Option<Vec<u8>>| -> Option<Vec<u8>> {
                let mut out = Vec::new();
                let mut n = first;
                let mut hops = 0;
                while n != END {
                    out.extend(read(n)?);
                    n = *table.get(n as usize)?;
                    hops += 1;
                    if hops > MAX_CHAIN || hops > table.len() {
                        return None;
                    }
                }
                Some(out)
            };
        let big = |n: u32| sector(n).map(<[u8]>::to_vec);
        let dir = chain(u32_at(b, 0x30)?, &fat, &big)?;
        let entry = |k: usize| dir.get(k * 128..k * 128 + 128);
        let root = entry(0)?;
        let cutoff = u32_at(b, 0x38)? as usize;
        for k in 0..dir.len() / 128 {
            let e = entry(k)?;
            let name_len = (u16_at(e, 0x40)? as usize).min(64);
            let name: String = char::decode_utf16(
                (0..name_len.saturating_sub(2) / 2).filter_map(|i| u16_at(e, 2 * i)),
            )
            .map(|c| c.unwrap_or('\u{FFFD}'))
            .collect();
            if e.get(0x42) != Some(&2) || !names.contains(&name.as_str()) {
                continue;
            }
            let start = u32_at(e, 0x74)?;
            let len = u32_at(e, 0x78)? as usize;
            let mut data = if len < cutoff {
                // in the mini stream: the root entry's chain, cut in mini sectors
                let container = chain(u32_at(root, 0x74)?, &fat, &big)?;
                let minifat_bytes = chain(u32_at(b, 0x3C)?, &fat, &big)?;
                let minifat: Vec<u32> = (0..minifat_bytes.len() / 4)
                    .filter_map(|k| u32_at(&minifat_bytes, 4 * k))
                    .collect();
                let mini = 1usize << mini_shift;
                let small = |n: u32| {
                    let at = (n as usize).checked_mul(mini)?;
                    container.get(at..at.checked_add(mini)?).map(<[u8]>::to_vec)
                };
                chain(start, &minifat, &small)?
            } else {
                chain(start, &fat, &big)?
            };
            data.truncate(len);
            return Some(data);
        }
        None
    }
}

/// An .xls file as text (see the module comment).
pub fn xls_to_text(bytes: &[u8]) -> Result<String, ReadError> {
    xls_area_fits(bytes)?;
    let mut wb: Xls<_> = Xls::new(Cursor::new(bytes)).map_err(xls_error)?;
    let mut budget = MAX_EXPANDED_CELLS;
    let mut grids = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(xls_error)?;
        let merges = wb.merge_cells_by_sheet_name(&name).map_err(xls_error)?;
        // refused before its slots are walked (calamine has already laid it out)
        let (h, w) = range.get_size();
        if h.saturating_mul(w) > budget {
            return Err(ReadError::OfficeTooLarge);
        }
        // each column printed with the decimals most of its values print with
        let decimals = column_decimals(&range);
        let first_col = range.start().map_or(0, |s| s.1);
        let grid = grid_of(
            name,
            &range,
            &merges,
            &mut budget,
            |pos, d| match number_of(d) {
                Some(v) => {
                    let dp = pos
                        .1
                        .checked_sub(first_col)
                        .and_then(|c| decimals.get(c as usize))
                        .copied()
                        .unwrap_or(0);
                    let f = NumFmt {
                        decimals: Some(dp),
                        ..NumFmt::general()
                    };
                    print(v, &f)
                }
                None => text_of(d),
            },
        )?;
        grids.push(grid);
    }
    Ok(render(&grids, Some(XLS_NOTE)))
}

/// Per column, the fewest decimals that print more than half of its figures as stored
/// (capped at 10): `12011.09`, `6.2`, `12017.29`, `1234.5` → 2. A stored value with more
/// decimals (a computed `2106.6642`) is printed rounded to them, as a `0.00` format would
/// show it; one with fewer is padded (`6.2` → `6.20`).
fn column_decimals(range: &Range<Data>) -> Vec<u32> {
    let mut counts: Vec<[usize; 11]> = vec![[0; 11]; range.width()];
    for row in range.rows() {
        for (c, d) in row.iter().enumerate() {
            if let (Some(v), Some(slot)) = (number_of(d), counts.get_mut(c)) {
                let dp = v.normalize().scale().min(10) as usize;
                if let Some(n) = slot.get_mut(dp) {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .map(|col| {
            let total: usize = col.iter().sum();
            let mut seen = 0;
            for (dp, &n) in col.iter().enumerate() {
                seen += n;
                if seen * 2 > total {
                    return dp as u32;
                }
            }
            0
        })
        .into_vec()
}

/// A compound file: an .xls workbook, or an encrypted .xlsx/.docx (which Office stores as
/// a compound file holding an `EncryptedPackage`).
pub fn cfb_to_text(bytes: &[u8]) -> Result<String, ReadError> {
    match xls_to_text(bytes) {
        Ok(t) => Ok(t),
        Err(ReadError::OfficeEncrypted) => Err(ReadError::OfficeEncrypted),
        Err(e) => match Xlsx::new(Cursor::new(bytes)) {
            Err(XlsxError::Password) => Err(ReadError::OfficeEncrypted),
            _ => Err(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workbook_stream_is_found_and_walked_and_damage_never_panics() {
        let xls = include_bytes!("../../tests/fixtures/office/budget.xls");
        let stream = cfb::stream(xls, &["Workbook", "Book"]).expect("the workbook stream");
        // it opens with a BOF record
        assert_eq!(cfb::u16_at(&stream, 0), Some(0x0809));
        assert!(xls_area_fits(xls).is_ok());
        // bytes changed at random (a fixed LCG): an answer every time, never a panic
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3000 {
            let mut b = xls.to_vec();
            for _ in 0..4 {
                x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                let i = (x >> 33) as usize % b.len();
                b[i] = (x >> 17) as u8;
            }
            let _ = xls_area_fits(&b);
            let _ = cfb::stream(&b[..b.len() / 2], &["Workbook"]);
        }
    }

    fn p(code: &str, v: &str) -> String {
        let v = Decimal::from_str(v).unwrap();
        print(v, &parse_format(code, v))
    }

    #[test]
    fn formats_print_as_the_spreadsheet_shows() {
        assert_eq!(p("#,##0", "1234567.5"), "1,234,568");
        assert_eq!(p("#,##0.00", "1234.5"), "1,234.50");
        assert_eq!(p("0.00%", "0.12345"), "12.35%");
        assert_eq!(p("0.0%", "0.5"), "50.0%");
        assert_eq!(p("General", "12.50"), "12.5");
        assert_eq!(p("#,##0.00;[Red]-#,##0.00;\"-\"", "-5"), "-5.00");
        assert_eq!(p("#,##0.00;[Red]-#,##0.00;\"-\"", "0"), "-");
        assert_eq!(p("#,##0.00_);(#,##0.00)", "3.456"), "3.46");
        assert_eq!(p("#,##0,", "1234567"), "1,235");
        assert_eq!(p("0.00\"万元\"", "1.2"), "1.20");
    }

    #[test]
    fn values_are_the_decimals_typed() {
        assert_eq!(decimal_of(0.1 + 0.2).unwrap().to_string(), "0.3");
        assert_eq!(decimal_of(1511.9).unwrap().to_string(), "1511.9");
        assert_eq!(decimal_of(f64::NAN), None);
        assert_eq!(decimal_of(1e300), None);
    }
}
