//! One compiled sort for the whole crate where speed does not matter.

use crate::IntoVec;

/// A stable sort through one shared instance of the standard library's sort (of indices):
/// every `sort_by` with a closure of its own compiles a sort of its own (≈ 5 KB of the
/// page's wasm each), and the layout code orders chunks, cells and bands a dozen ways.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let order = stable_order(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).into_vec();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Pairs in ascending order, through the crate's one compiled unstable sort (of `u64`).
pub fn sort_pairs(v: &mut [(u32, u32)]) {
    let mut keys: Vec<u64> = v
        .iter()
        .map(|&(a, b)| u64::from(a) << 32 | u64::from(b))
        .into_vec();
    keys.sort_unstable();
    for (slot, k) in v.iter_mut().zip(keys) {
        *slot = ((k >> 32) as u32, k as u32);
    }
}

/// The positions `0..n` in the stable order `cmp` gives: a bottom-up merge sort, written
/// here because the standard library's stable sort compiles to ≈ 4 KB of wasm for each type
/// it sorts, and this is the one sort every caller shares.
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).into_vec();
    let mut spare = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in spare.get_mut(start..end).into_iter().flatten() {
                // the left run's element while it is not greater: equal elements keep their order
                let take_left = match (order.get(i), order.get(j)) {
                    (Some(&a), Some(&b)) if i < mid && j < end => {
                        cmp(a, b) != std::cmp::Ordering::Greater
                    }
                    _ => i < mid,
                };
                let from = if take_left { &mut i } else { &mut j };
                *slot = order.get(*from).copied().unwrap_or(0);
                *from += 1;
            }
        }
        std::mem::swap(&mut order, &mut spare);
        width *= 2;
    }
    order
}

#[cfg(test)]
mod tests {
    use super::{sort_by, sort_pairs};

    #[test]
    fn sorts_pairs_as_tuples_sort() {
        let mut v: Vec<(u32, u32)> = (0..300u32)
            .map(|i| ((i * 7919) % 13, (i * 104_729) % 1_000_003 + u32::MAX / 2))
            .collect();
        let mut expected = v.clone();
        expected.sort_unstable();
        sort_pairs(&mut v);
        assert_eq!(v, expected);
    }

    #[test]
    fn sorts_stably_as_the_standard_sort_does() {
        let v: Vec<(u8, u32)> = (0..200u32).map(|i| (((i * 37) % 7) as u8, i)).collect();
        let mut ours = v.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std_sorted = v;
        std_sorted.sort_by_key(|a| a.0);
        assert_eq!(ours, std_sorted);
        for n in [1usize, 2, 3, 5, 8, 33] {
            let mut w: Vec<(u8, usize)> = (0..n).map(|i| (((i * 5) % 3) as u8, i)).rev().collect();
            let mut std_w = w.clone();
            sort_by(&mut w, |a, b| a.0.cmp(&b.0));
            std_w.sort_by_key(|a| a.0);
            assert_eq!(w, std_w, "{n} elements");
        }
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
