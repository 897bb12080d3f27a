//! A table's header rebuilt as a tree of spanning cells: every leaf column gets its full
//! path (`财政拨款“三公”经费 / 公务用车购置及运行费 / 小计 / 决算数`).
//!
//! A header cell's text is centred over the columns it spans, but its own width says little
//! (合计 over two 预算数/决算数 columns is narrower than either), producers shift it (an
//! ONLYOFFICE header sits about one em right of its columns) and place it vertically as
//! they like (a cell merged over two rows is not always centred between them). So:
//!
//! 1. Lines of one wrapped cell are joined (`因公出国` over `（境）费`, `机关运行经费预算` over
//!    `数`): close below, aligned, narrower, alone on their line under it.
//! 2. Leaves are the cells with nothing under them; each body column goes to the leaf over
//!    it (a right-aligned figure to the leaf whose centre is left of its right edge, a label
//!    to the nearest); a leaf over no figures is a column of its own (an empty column keeps
//!    its header). Of two leaves over one column, the upper one is a parent.
//! 3. Parents, lowest first, span the columns their text overlaps, every cell under them
//!    that this touches (spans nest), and then the run of columns, not taken by a cell
//!    beside them, whose middle is nearest their own middle (the smallest such run; a cell
//!    nothing stands above may span the whole table when that is as near). A 小计 beside a
//!    parent belongs under it when taking it in keeps the parent as well centred (a
//!    subtotal has a group).
//! 4. Each column's path runs from the top cell over it to its leaf; a cell merged down
//!    over several levels repeats its name, so the text reader joins each path once.
//!
//! Geometry is layout, so `f64`; no figure is read here.

use super::{is_figure_text, Band, Chunk};
use crate::sort::sort_by;
use crate::IntoVec;

/// Most header cells (and body columns) a header is rebuilt from.
const MAX_CELLS: usize = 64;

/// A header cell: one chunk, or the lines of a wrapped cell joined.
#[derive(Debug, Clone)]
struct Frag {
    text: String,
    x0: f64,
    x1: f64,
    /// Baseline of its first line.
    y_top: f64,
    /// Baseline of its last line.
    y_low: f64,
    h: f64,
}

impl Frag {
    fn cx(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// Vertical middle of its lines.
    fn vc(&self) -> f64 {
        (self.y_top + self.y_low) / 2.0
    }
    /// Top of its glyphs.
    fn top(&self) -> f64 {
        self.y_top + 0.8 * self.h
    }
    /// Whether `g` lies wholly under this cell's last line.
    fn above(&self, g: &Frag) -> bool {
        g.top() <= self.y_low + 0.1 * self.h
    }
}

/// The rebuilt header: the columns (body bands and header-only leaves, left to right) and
/// the header rows, one cell per column.
#[derive(Debug, Clone)]
pub(super) struct Header {
    /// The columns, as bands the body rows are placed in.
    pub columns: Vec<Band>,
    /// Header rows, top first; each as wide as `columns`.
    pub rows: Vec<Vec<String>>,
}

/// Joins the lines of wrapped cells.
fn fragments(chunks: &[&Chunk]) -> Vec<Frag> {
    let mut frags: Vec<Frag> = chunks
        .iter()
        .filter(|c| !c.text.trim().is_empty())
        .map(|c| Frag {
            text: c.text.trim().to_string(),
            x0: c.x0,
            x1: c.x1,
            y_top: c.y,
            y_low: c.y,
            h: c.h,
        })
        .into_vec();
    // top to bottom: a cell's next line is merged into it, then that line's next
    sort_by(&mut frags, |a, b| {
        b.y_top.total_cmp(&a.y_top).then(a.x0.total_cmp(&b.x0))
    });
    let mut i = 0;
    while i < frags.len() {
        let Some(a) = frags.get(i).cloned() else {
            break;
        };
        let h = a.h;
        let next = frags.iter().enumerate().position(|(k, b)| {
            if k == i {
                return false;
            }
            let gap = a.y_low - b.y_top;
            let aligned = (a.cx() - b.cx()).abs() <= 0.75 * h || (a.x0 - b.x0).abs() <= 0.75 * h;
            gap > 0.5 * h
                && gap <= 1.6 * h
                && (aligned || (b.x0 >= a.x0 && b.x1 <= a.x1))
                && b.x0 >= a.x0 - 0.75 * h
                && b.x1 <= a.x1 + 0.75 * h
                // alone on its line under the cell: several there are the cell's children
                && !frags.iter().enumerate().any(|(j, c)| {
                    j != k
                        && j != i
                        && (c.y_top - b.y_top).abs() < 0.35 * h
                        && c.x1 > a.x0 - h
                        && c.x0 < a.x1 + h
                })
        });
        match next {
            Some(k) => {
                let b = frags.remove(k);
                if let Some(a) = frags.get_mut(if k < i { i - 1 } else { i }) {
                    a.text.push_str(&b.text);
                    a.x0 = a.x0.min(b.x0);
                    a.x1 = a.x1.max(b.x1);
                    a.y_low = b.y_low;
                    a.h = a.h.max(b.h);
                }
                if k < i {
                    i -= 1;
                }
            }
            None => i += 1,
        }
    }
    frags
}

/// One column of the rebuilt table.
#[derive(Debug, Clone, Copy)]
struct Col {
    /// Where the body's chunks of this column lie (the leaf's text when it has none).
    band: Band,
    /// The band and the leaf's text together, for the header's geometry.
    ext: Band,
}

/// Rebuilds the header over the body's bands. `numeric[i]` says whether band `i` holds
/// only figures (right-aligned). `None` when there is no header to rebuild.
pub(super) fn build(chunks: &[&Chunk], bands: &[Band], numeric: &[bool]) -> Option<Header> {
    // a header of hundreds of cells is no header a table prints; the search below is
    // cubic in the columns, so such input keeps its columns without a tree
    if chunks.len() > MAX_CELLS || bands.len() > MAX_CELLS {
        return None;
    }
    let frags = fragments(chunks);
    if frags.is_empty() {
        return None;
    }
    // leaves: nothing under them (within an em either side)
    let mut leaf: Vec<bool> = frags
        .iter()
        .map(|f| {
            !frags
                .iter()
                .any(|g| f.above(g) && g.x1 > f.x0 - f.h && g.x0 < f.x1 + f.h)
        })
        .into_vec();
    // each band to the leaf over it: the lowest one overlapping it, else (a right-aligned
    // figure) the last whose middle is left of its right edge, else the nearest
    let overlap = |b: &Band, f: &Frag| (b.x1.min(f.x1) - b.x0.max(f.x0)).max(0.0);
    let pick = |b: &Band, num: bool| -> Option<usize> {
        let leaves = frags
            .iter()
            .enumerate()
            .filter(|(i, _)| leaf.get(*i).copied().unwrap_or(false));
        let most = leaves
            .clone()
            .map(|(_, f)| overlap(b, f))
            .fold(0.0, f64::max);
        let best = leaves
            .clone()
            .filter(|(_, f)| overlap(b, f) > 0.5 && overlap(b, f) >= 0.5 * most)
            .min_by(|a, c| {
                a.1.y_low
                    .total_cmp(&c.1.y_low)
                    .then(overlap(b, c.1).total_cmp(&overlap(b, a.1)))
            });
        if let Some((i, _)) = best {
            return Some(i);
        }
        let mid = (b.x0 + b.x1) / 2.0;
        let near = |f: &Frag| (f.cx() - mid).abs() < 2.0 * (b.x1 - b.x0) + 4.0 * f.h;
        if num {
            leaves
                .filter(|(_, f)| f.cx() <= b.x1 + 0.5 * f.h && near(f))
                .max_by(|a, c| a.1.cx().total_cmp(&c.1.cx()))
                .map(|(i, _)| i)
        } else {
            leaves
                .filter(|(_, f)| near(f))
                .min_by(|a, c| (a.1.cx() - mid).abs().total_cmp(&(c.1.cx() - mid).abs()))
                .map(|(i, _)| i)
        }
    };
    let owner: Vec<Option<usize>> = bands
        .iter()
        .enumerate()
        .map(|(k, b)| pick(b, numeric.get(k).copied().unwrap_or(false)))
        .into_vec();
    // a leaf over no figures is a parent when it stands over a column a lower leaf has,
    // or centred over the gap between two cells under it
    let demote: Vec<usize> = frags
        .iter()
        .enumerate()
        .filter(|(i, f)| {
            if !leaf.get(*i).copied().unwrap_or(false) || owner.contains(&Some(*i)) {
                return false;
            }
            let over_owned = bands.iter().zip(&owner).any(|(b, o)| {
                overlap(b, f) > 0.5 && o.and_then(|o| frags.get(o)).is_some_and(|g| f.above(g))
            });
            let mut under: Vec<f64> = frags.iter().filter(|g| f.above(g)).map(Frag::cx).into_vec();
            sort_by(&mut under, f64::total_cmp);
            let straddles = under
                .windows(2)
                .any(|w| matches!(w, [l, r] if *l < f.cx() && f.cx() < *r));
            over_owned || straddles
        })
        .map(|(i, _)| i)
        .into_vec();
    for i in demote {
        if let Some(l) = leaf.get_mut(i) {
            *l = false;
        }
    }
    // columns: every band, and every leaf over no band
    let mut cols: Vec<(Col, Option<usize>)> = Vec::new();
    for (k, b) in bands.iter().enumerate() {
        let o = owner.get(k).copied().flatten();
        let mut ext = *b;
        if let Some(f) = o.and_then(|o| frags.get(o)) {
            ext.x0 = ext.x0.min(f.x0);
            ext.x1 = ext.x1.max(f.x1);
        }
        cols.push((Col { band: *b, ext }, o));
    }
    for (i, f) in frags.iter().enumerate() {
        if leaf.get(i).copied().unwrap_or(false) && !owner.contains(&Some(i)) {
            let b = Band { x0: f.x0, x1: f.x1 };
            cols.push((Col { band: b, ext: b }, Some(i)));
        }
    }
    sort_by(&mut cols, |a, b| {
        let m = |c: &Col| c.ext.x0 + c.ext.x1;
        m(&a.0).total_cmp(&m(&b.0))
    });
    let n = cols.len();
    if n == 0 {
        return None;
    }
    // cell edges: between two columns, the middle of the gap
    let mut edges: Vec<f64> = Vec::with_capacity(n + 1);
    for w in cols.windows(2) {
        if let [a, b] = w {
            edges.push((a.0.ext.x1 + b.0.ext.x0) / 2.0);
        }
    }
    let first = cols.first().map(|c| c.0.ext)?;
    let last = cols.last().map(|c| c.0.ext)?;
    let left = first.x0 - (edges.first().copied().unwrap_or(first.x1) - first.x1).max(0.0);
    let right = last.x1 + (last.x0 - edges.last().copied().unwrap_or(last.x0)).max(0.0);
    edges.insert(0, left);
    edges.push(right);
    let centre = |a: usize, b: usize| {
        (edges.get(a).copied().unwrap_or(left) + edges.get(b + 1).copied().unwrap_or(right)) / 2.0
    };
    // spans: leaves over their columns
    let mut span: Vec<Option<(usize, usize)>> = vec![None; frags.len()];
    for (c, (_, o)) in cols.iter().enumerate() {
        if let Some(s) = o.and_then(|o| span.get_mut(o)) {
            *s = Some(match *s {
                Some((a, b)) => (a.min(c), b.max(c)),
                None => (c, c),
            });
        }
    }
    // parents, lowest first
    let mut order: Vec<usize> = (0..frags.len())
        .filter(|&i| !leaf.get(i).copied().unwrap_or(true))
        .into_vec();
    sort_by(&mut order, |&a, &b| {
        let v = |i: usize| frags.get(i).map_or(0.0, Frag::vc);
        v(a).total_cmp(&v(b))
    });
    let initial = |f: &Frag| -> (usize, usize) {
        let hit: Vec<usize> = cols
            .iter()
            .enumerate()
            .filter(|(_, c)| (c.0.ext.x1.min(f.x1) - c.0.ext.x0.max(f.x0)) > 0.2 * f.h)
            .map(|(i, _)| i)
            .into_vec();
        match (hit.first(), hit.last()) {
            (Some(&a), Some(&b)) => (a, b),
            _ => {
                // over a gap: the nearest column
                let k = (0..n)
                    .min_by(|&a, &b| {
                        let d = |i: usize| (centre(i, i) - f.cx()).abs();
                        d(a).total_cmp(&d(b))
                    })
                    .unwrap_or(0);
                (k, k)
            }
        }
    };
    let init: Vec<(usize, usize)> = frags.iter().map(initial).into_vec();
    for &i in &order {
        let Some(f) = frags.get(i) else { continue };
        let tol = (0.25 * f.h).max(2.0);
        let (mut a, mut b) = init.get(i).copied().unwrap_or((0, 0));
        let below: Vec<(usize, usize)> = frags
            .iter()
            .enumerate()
            .filter(|(j, g)| *j != i && f.above(g))
            .filter_map(|(j, _)| span.get(j).copied().flatten())
            .into_vec();
        // the cells under its text are its children
        for (j, g) in frags.iter().enumerate() {
            if j != i && f.above(g) && g.x1 > f.x0 && g.x0 < f.x1 {
                if let Some((x, y)) = span.get(j).copied().flatten() {
                    a = a.min(x);
                    b = b.max(y);
                }
            }
        }
        // cells under it that it touches nest in it
        loop {
            let (a0, b0) = (a, b);
            for &(x, y) in &below {
                if x <= b && y >= a {
                    a = a.min(x);
                    b = b.max(y);
                }
            }
            if (a, b) == (a0, b0) {
                break;
            }
        }
        // columns taken by cells beside it (neither above nor under it)
        let mut taken = vec![false; n];
        for (j, g) in frags.iter().enumerate() {
            if j == i || f.above(g) || g.above(f) {
                continue;
            }
            let s = span
                .get(j)
                .copied()
                .flatten()
                .or_else(|| init.get(j).copied())
                .unwrap_or((0, 0));
            for t in taken.iter_mut().take(s.1 + 1).skip(s.0) {
                *t = true;
            }
        }
        let free = |x: usize, y: usize| {
            (x..=y).all(|c| c >= a && c <= b || !taken.get(c).copied().unwrap_or(true))
                && below
                    .iter()
                    .all(|&(p, q)| q < x || p > y || (p >= x && q <= y))
        };
        let best_over = |must: (usize, usize)| -> Option<(usize, usize, f64)> {
            let mut best: Option<(usize, usize, f64)> = None;
            for x in 0..=must.0 {
                for y in must.1..n {
                    if !free(x, y) {
                        continue;
                    }
                    let d = (centre(x, y) - f.cx()).abs();
                    best = match best {
                        Some(bb) if bb.2 <= d => Some(bb),
                        _ => Some((x, y, d)),
                    };
                }
            }
            let (bx, by, bd) = best?;
            // of runs as near: the smallest; the whole table for a cell nothing is above
            let top = !frags.iter().any(|g| g.above(f));
            if top && free(0, n - 1) && (centre(0, n - 1) - f.cx()).abs() <= bd + tol {
                return Some((0, n - 1, bd));
            }
            let mut pick = (bx, by, bd);
            for x in 0..=must.0 {
                for y in must.1..n {
                    if free(x, y)
                        && (centre(x, y) - f.cx()).abs() <= bd + tol
                        && y - x < pick.1 - pick.0
                    {
                        pick = (x, y, bd);
                    }
                }
            }
            Some(pick)
        };
        let Some(mut chosen) = best_over((a, b)) else {
            continue;
        };
        // a cell under its level beside it with no parent yet (a 小计 beside its group's
        // parts, a 项目 beside the 合计 under the same 支出) is its child when taking it in
        // keeps it as well centred: a cell whose text is lower than this one's does not
        // reach up to this level, so something at this level stands over it
        loop {
            let before = chosen;
            for (j, g) in frags.iter().enumerate() {
                if j == i || !f.above(g) {
                    continue;
                }
                let Some((p, q)) = span.get(j).copied().flatten() else {
                    continue;
                };
                let beside = q + 1 == chosen.0 || p == chosen.1 + 1;
                // another cell over it (not one over this one too) has its text there
                let meets = |(x, y): (usize, usize), (p, q): (usize, usize)| x <= q && y >= p;
                let parented = frags.iter().enumerate().any(|(k, h)| {
                    let Some(&hs) = init.get(k) else { return false };
                    k != i
                        && k != j
                        && h.above(g)
                        && meets(hs, (p, q))
                        && !(h.above(f) && meets(hs, (chosen.0, chosen.1)))
                });
                // at the level of the cells already under it (a cell merged down from
                // this level has its text higher), or a subtotal, which has a group
                let inside = |(x, y): (usize, usize)| x >= chosen.0 && y <= chosen.1;
                let children: Vec<f64> = frags
                    .iter()
                    .enumerate()
                    .filter(|(k, c)| {
                        *k != i
                            && f.above(c)
                            && span.get(*k).copied().flatten().is_some_and(inside)
                            && !frags.iter().enumerate().any(|(m, d)| {
                                m != i
                                    && m != *k
                                    && f.above(d)
                                    && d.above(c)
                                    && span.get(m).copied().flatten().is_some_and(inside)
                            })
                    })
                    .map(|(_, c)| c.vc())
                    .into_vec();
                let level = children.iter().any(|v| (v - g.vc()).abs() <= 0.5 * g.h);
                let subtotal = g.text == "小计";
                if !beside || parented || g.top() > f.y_low - 0.5 * f.h || !(level || subtotal) {
                    continue;
                }
                if let Some(with) = best_over((chosen.0.min(p), chosen.1.max(q))) {
                    if with.2 <= chosen.2 + tol {
                        chosen = with;
                    }
                }
            }
            if chosen == before {
                break;
            }
        }
        if let Some(s) = span.get_mut(i) {
            *s = Some((chosen.0, chosen.1));
        }
    }
    // paths: the cells over each column, top first
    let mut paths: Vec<Vec<&Frag>> = vec![Vec::new(); n];
    for (i, f) in frags.iter().enumerate() {
        if let Some((a, b)) = span.get(i).copied().flatten() {
            for p in paths.iter_mut().take(b + 1).skip(a) {
                p.push(f);
            }
        }
    }
    for p in &mut paths {
        sort_by(p, |a, b| {
            b.vc().total_cmp(&a.vc()).then(b.y_top.total_cmp(&a.y_top))
        });
    }
    let depth = paths.iter().map(Vec::len).max().unwrap_or(0);
    if depth == 0 {
        return None;
    }
    let rows: Vec<Vec<String>> = (0..depth)
        .map(|r| {
            paths
                .iter()
                .map(|p| {
                    p.get(r)
                        .or(p.last())
                        .map(|f| f.text.clone())
                        .unwrap_or_default()
                })
                .into_vec()
        })
        .into_vec();
    Some(Header {
        columns: cols.iter().map(|c| c.0.band).into_vec(),
        rows,
    })
}

/// Whether every chunk of a band is a figure (right-aligned in its cell).
pub(super) fn numeric_bands(bands: &[Band], body: &[&super::RowGroup]) -> Vec<bool> {
    let mut seen = vec![(0usize, 0usize); bands.len()];
    for r in body {
        for c in &r.chunks {
            let k = super::band_of(bands, c);
            if let Some(s) = seen.get_mut(k) {
                s.0 += 1;
                if is_figure_text(c.text.trim()) {
                    s.1 += 1;
                }
            }
        }
    }
    seen.iter()
        .map(|(all, num)| *all > 0 && all == num)
        .into_vec()
}
