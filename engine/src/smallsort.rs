//! One small sort for the engine's and the page's own lists (never Python's `list.sort`, which is
//! `types/sort.rs`): a heapsort, a few hundred bytes per element type, where the standard library's quicksort
//! and driftsort cost the wasm bundle several KiB each (README, "Bundle size").

/// Sorts `v` in ascending order, in place, in O(n log n). Not stable: for elements that are equal only when
/// they are the same (numbers, strings, tuples of them), where every sort gives the same result.
pub fn sort<T: Ord>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Puts `x` in its place in the sorted `v` unless it is there already, and says whether it was new: a set
/// as a sorted `Vec`, for the few small cold sets where each `BTreeSet` key type would add its own copy of the
/// B-tree's code to the bundle.
pub fn insert<T: Ord>(v: &mut Vec<T>, x: T) -> bool {
    match v.binary_search(&x) {
        Ok(_) => false,
        Err(at) => {
            v.insert(at, x);
            true
        }
    }
}

/// Moves `v[root]` down the heap `v[..end]` until both its children are no greater.
fn sift_down<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && v[child] < v[child + 1] {
            child += 1;
        }
        if v[root] >= v[child] {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

/// Sorts `v` by `key`, stably (elements with equal keys keep their order), as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    // (key, index) pairs are all distinct, so sorting them is stable.
    let mut order: Vec<(K, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    sort(&mut order);
    // Position j takes the element now at order[j].1: follow each cycle of that permutation, swapping.
    let mut placed = vec![false; v.len()];
    for start in 0..v.len() {
        let mut j = start;
        while !placed[j] {
            placed[j] = true;
            let from = order[j].1;
            if from == start {
                break;
            }
            v.swap(j, from);
            j = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pseudo-random numbers in `0..modulo`, many of them equal.
    fn numbers(n: usize, modulo: u64, seed: u64) -> Vec<u64> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                (x >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sort_orders_as_the_standard_library_does() {
        for (n, modulo) in [
            (0, 1),
            (1, 5),
            (2, 5),
            (3, 2),
            (17, 4),
            (100, 1000),
            (1000, 10),
            (4097, 1 << 40),
        ] {
            let mut mine = numbers(n, modulo, n as u64 + modulo);
            let mut std = mine.clone();
            sort(&mut mine);
            std.sort_unstable();
            assert_eq!(mine, std, "n={n} modulo={modulo}");
        }
        let mut words = vec!["pear", "apple", "fig", "apple", "", "banana"];
        sort(&mut words);
        assert_eq!(words, ["", "apple", "apple", "banana", "fig", "pear"]);
    }

    #[test]
    fn sort_by_key_is_stable() {
        for (n, modulo) in [(0, 1), (1, 3), (5, 1), (64, 3), (1000, 7), (3000, 3000)] {
            let items: Vec<(u64, usize)> = numbers(n, modulo, 7).into_iter().zip(0..).collect();
            let mut mine = items.clone();
            let mut std = items;
            sort_by_key(&mut mine, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(mine, std, "n={n} modulo={modulo}");
        }
    }
}
