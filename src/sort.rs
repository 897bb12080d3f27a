//! One compiled sort for the whole crate where speed does not matter.

/// A stable sort through one shared instance of the standard library's sort (of indices):
/// every `sort_by` with a closure of its own compiles a sort of its own (≈ 5 KB of the
/// page's wasm each), and the layout code orders chunks, cells and bands a dozen ways.
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> std::cmp::Ordering) {
    let order = stable_order(v.len(), &mut |a, b| match (v.get(a), v.get(b)) {
        (Some(x), Some(y)) => cmp(x, y),
        _ => std::cmp::Ordering::Equal,
    });
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// The positions `0..n` in the stable order `cmp` gives (one compiled sort for all callers).
fn stable_order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> std::cmp::Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_stably_as_the_standard_sort_does() {
        let v: Vec<(u8, u32)> = (0..200u32).map(|i| (((i * 37) % 7) as u8, i)).collect();
        let mut ours = v.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std_sorted = v;
        std_sorted.sort_by_key(|a| a.0);
        assert_eq!(ours, std_sorted);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
