//! The generated document: blocks of text and tables holding figures by id, rendered to the
//! text a publisher would print; every figure remembers its true value, its printed value
//! and — when a check recomputes it — the range the recomputation allows, so an injected
//! error can be chosen to lie provably outside it.

use super::rng::Rng;
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds as publishers do: half away from zero.
pub fn round(v: Decimal, d: u32) -> Decimal {
    v.round_dp_with_strategy(d, RoundingStrategy::MidpointAwayFromZero)
}

/// One unit in the last printed place.
pub fn ulp(d: u32) -> Decimal {
    Decimal::new(1, d)
}

/// The unit printed after a figure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unit {
    Wan,
    Yuan,
    Percent,
    /// A count printed with a word unit (人, 个); exact.
    Count(&'static str),
    /// A bare number (scores, weights); exact.
    Bare,
}

/// What a wrong computation of this figure would print, as a known error class.
#[derive(Clone, Debug)]
pub enum Alt {
    /// A total: the value it takes when it drops one of its parts.
    Dropped(Vec<Decimal>),
    /// A year-on-year rate: the value on this year's base.
    ThisYearBase(Decimal),
}

/// A relation a check recomputes, with this figure as its result.
#[derive(Clone, Debug)]
pub struct Target {
    /// Substrings of check ids one of which must be in `ALL` for this to be checked.
    pub checks: &'static [&'static str],
    /// The range of values the recomputation from the printed inputs allows.
    pub lo: Decimal,
    pub hi: Decimal,
    /// The range interval arithmetic computes operation by operation (wider than `lo..hi`
    /// when an input occurs twice, as in Y ÷ (X − Y)): what the evaluator can decide.
    pub nlo: Decimal,
    pub nhi: Decimal,
    pub alts: Vec<Alt>,
}

#[derive(Clone, Debug)]
pub struct Fig {
    /// The printed value (in its unit; percent units for percentages).
    pub value: Decimal,
    /// Decimals printed.
    pub d: u32,
    pub unit: Unit,
    /// Thousands separators.
    pub commas: bool,
    /// A space between the figure and its unit.
    pub spaced: bool,
    pub target: Option<Target>,
}

impl Fig {
    /// The figure as printed, without its unit (what the report calls `reported`).
    pub fn printed(&self) -> String {
        let v = round(self.value, self.d);
        let mut s = format!("{:.*}", self.d as usize, v);
        if self.commas {
            s = with_commas(&s);
        }
        if self.unit == Unit::Percent {
            s.push('%');
        }
        s
    }

    /// The interval the printed figure stands for (exact for counts and scores).
    pub fn interval(&self) -> (Decimal, Decimal) {
        match self.unit {
            Unit::Count(_) | Unit::Bare => (self.value, self.value),
            _ => {
                let h = ulp(self.d) / Decimal::TWO;
                (self.value - h, self.value + h)
            }
        }
    }

    /// The interval in 万元 (money only).
    pub fn wan(&self) -> (Decimal, Decimal) {
        let (lo, hi) = self.interval();
        if self.unit == Unit::Yuan {
            let k = Decimal::from(10_000);
            (lo / k, hi / k)
        } else {
            (lo, hi)
        }
    }
}

fn with_commas(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest
        .split_once('.')
        .map_or((rest, None), |(a, b)| (a, Some(b)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    let mut s = format!("{sign}{out}");
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    s
}

/// A piece of running text.
#[derive(Clone, Debug)]
pub enum P {
    T(String),
    F(usize),
    /// A place where the publisher's layout may break the line or the page.
    Break,
}

#[derive(Clone, Debug)]
pub enum C {
    T(String),
    F(usize),
    Empty,
}

#[derive(Clone, Debug)]
pub struct TableSpec {
    pub caption: Vec<String>,
    pub rows: Vec<Vec<C>>,
    pub pipes: bool,
    /// A page break (blank line, page number) after this row.
    pub page_break_after: Option<usize>,
}

/// How a table copied out of a web page is laid out (what `src/read/layout.rs` reads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// One cell per line, each followed by a line holding only `|`.
    BarLines,
    /// One cell per line, each line ending ` |`.
    BarEnds,
    /// `label | a | b |` rows without a leading bar; an empty cell breaks the row onto a
    /// line starting with `|`.
    LoosePipes,
    /// Cells separated by runs of spaces (a dash for an empty cell).
    Spaces,
}

#[derive(Clone, Debug)]
pub enum Block {
    Heading(String),
    Para(Vec<P>),
    Table(TableSpec),
    /// A table in one of the copied-out layouts.
    CopiedTable(TableSpec, Copied),
}

/// Where a figure landed in the rendered text.
#[derive(Clone, Debug)]
pub struct Placed {
    pub line: u32,
    pub printed: String,
}

#[derive(Clone, Debug)]
pub struct Doc {
    /// The seed it was generated from (for messages).
    #[allow(dead_code)]
    pub seed: u64,
    pub figs: Vec<Fig>,
    pub blocks: Vec<Block>,
    pub trad: bool,
    /// Layout choices for breaks, drawn once so a re-render is identical.
    pub layout_seed: u64,
}

/// Simplified → traditional for the characters the readers map back (only those).
const TRAD: &[(char, char)] = &[
    ('与', '與'),
    ('减', '減'),
    ('长', '長'),
    ('预', '預'),
    ('决', '決'),
    ('异', '異'),
    ('数', '數'),
    ('万', '萬'),
    ('较', '較'),
    ('额', '額'),
    ('总', '總'),
    ('计', '計'),
    ('实', '實'),
    ('个', '個'),
    ('处', '處'),
    ('经', '經'),
    ('费', '費'),
    ('财', '財'),
    ('拨', '撥'),
    ('别', '別'),
    ('购', '購'),
    ('务', '務'),
    ('车', '車'),
    ('运', '運'),
    ('维', '維'),
    ('护', '護'),
    ('国', '國'),
    ('员', '員'),
    ('离', '離'),
    ('当', '當'),
    ('占', '佔'),
    ('设', '設'),
    ('业', '業'),
    ('采', '採'),
    ('货', '貨'),
];

pub fn to_trad(s: &str) -> String {
    s.chars()
        .map(|c| TRAD.iter().find(|(a, _)| *a == c).map_or(c, |(_, t)| *t))
        .collect()
}

impl Doc {
    /// Renders the document; returns the text and where each figure landed.
    pub fn render(&self) -> (String, Vec<Option<Placed>>) {
        let mut r = Rng::new(self.layout_seed);
        let mut out = String::new();
        let mut placed: Vec<Option<Placed>> = vec![None; self.figs.len()];
        let mut page = 2;
        let line_of = |s: &str| s.matches('\n').count() as u32 + 1;
        for b in &self.blocks {
            match b {
                Block::Heading(h) => {
                    let h = if self.trad { to_trad(h) } else { h.clone() };
                    out.push_str(&format!("{} {h}\n\n", r.pick(&["##", "###", "#"])));
                }
                Block::Para(ps) => {
                    for p in ps {
                        match p {
                            P::T(t) => {
                                let t = if self.trad { to_trad(t) } else { t.clone() };
                                out.push_str(&t);
                            }
                            P::F(id) => {
                                let f = &self.figs[*id];
                                let printed = f.printed();
                                placed[*id] = Some(Placed {
                                    line: line_of(&out),
                                    printed: printed.clone(),
                                });
                                out.push_str(&printed);
                                let sp = if f.spaced { " " } else { "" };
                                let unit = match f.unit {
                                    Unit::Wan => format!("{sp}万元"),
                                    Unit::Yuan => format!("{sp}元"),
                                    Unit::Count(u) => format!("{sp}{u}"),
                                    Unit::Percent | Unit::Bare => String::new(),
                                };
                                let unit = if self.trad { to_trad(&unit) } else { unit };
                                out.push_str(&unit);
                            }
                            P::Break => match r.below(10) {
                                0 => out.push('\n'),
                                1 => out.push_str("\n\n"),
                                2 => {
                                    out.push_str(&format!("\n\n- {page} -\n\n"));
                                    page += 1;
                                }
                                _ => {}
                            },
                        }
                    }
                    out.push_str("\n\n");
                }
                Block::CopiedTable(t, how) => {
                    for c in &t.caption {
                        out.push_str(c);
                        out.push_str("\n\n");
                    }
                    for row in &t.rows {
                        let cells: Vec<(String, Option<usize>)> = row
                            .iter()
                            .map(|c| match c {
                                C::T(s) => (s.clone(), None),
                                C::Empty => (String::new(), None),
                                C::F(id) => (self.figs[*id].printed(), Some(*id)),
                            })
                            .collect();
                        let mut place = |out: &String, id: Option<usize>, s: &str| {
                            if let Some(id) = id {
                                placed[id] = Some(Placed {
                                    line: line_of(out),
                                    printed: s.to_string(),
                                });
                            }
                        };
                        match how {
                            Copied::BarLines => {
                                for (s, id) in &cells {
                                    if !s.is_empty() {
                                        place(&out, *id, s);
                                        out.push_str(s);
                                        out.push('\n');
                                    }
                                    out.push_str("|\n");
                                }
                            }
                            Copied::BarEnds => {
                                for (s, id) in &cells {
                                    place(&out, *id, s);
                                    out.push_str(s);
                                    out.push_str(" |\n");
                                }
                            }
                            Copied::LoosePipes => {
                                for (k, (s, id)) in cells.iter().enumerate() {
                                    if s.is_empty() {
                                        out.push_str("\n|");
                                        continue;
                                    }
                                    if k > 0 {
                                        out.push(' ');
                                    }
                                    place(&out, *id, s);
                                    out.push_str(s);
                                    out.push_str(" |");
                                }
                                out.push('\n');
                            }
                            Copied::Spaces => {
                                for (k, (s, id)) in cells.iter().enumerate() {
                                    if k > 0 {
                                        out.push_str("   ");
                                    }
                                    let s = if s.is_empty() { "-" } else { s.as_str() };
                                    place(&out, *id, s);
                                    out.push_str(s);
                                }
                                out.push('\n');
                            }
                        }
                    }
                    out.push('\n');
                }
                Block::Table(t) => {
                    for c in &t.caption {
                        out.push_str(c);
                        out.push_str("\n\n");
                    }
                    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
                    for (i, row) in t.rows.iter().enumerate() {
                        let mut cells = Vec::new();
                        for k in 0..width {
                            let c = row.get(k).unwrap_or(&C::Empty);
                            let s = match c {
                                C::T(s) => s.clone(),
                                C::Empty => String::new(),
                                C::F(id) => {
                                    let f = &self.figs[*id];
                                    let p = f.printed();
                                    placed[*id] = Some(Placed {
                                        line: line_of(&out),
                                        printed: p.clone(),
                                    });
                                    p
                                }
                            };
                            cells.push(s);
                        }
                        if t.pipes {
                            out.push_str(&format!("| {} |\n", cells.join(" | ")));
                            if i == 0 {
                                out.push_str(&format!("|{}\n", "---|".repeat(width)));
                            }
                        } else {
                            out.push_str(&cells.join("\t"));
                            out.push('\n');
                        }
                        if t.page_break_after == Some(i) {
                            out.push_str(&format!("\n- {page} -\n\n"));
                            page += 1;
                        }
                    }
                    out.push('\n');
                }
            }
        }
        (out, placed)
    }
}
