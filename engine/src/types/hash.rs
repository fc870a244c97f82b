//! CPython's hashes of tuples and frozensets, so that sets holding them iterate in CPython's order.

/// `hash(t)` of a tuple from its items' hashes (CPython 3.11's xxHash-based `tuplehash`).
pub fn tuple_hash(item_hashes: &[u64]) -> u64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc = P5;
    for &lane in item_hashes {
        acc = acc.wrapping_add(lane.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
}

/// `hash(frozenset(...))` from its members' hashes (order does not matter).
pub fn frozenset_hash(member_hashes: impl Iterator<Item = u64>) -> u64 {
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in member_hashes {
        hash ^= shuffle_bits(h);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        return 590923713;
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_python() {
        // python3.11: hash(()), hash((1, 2)), hash((-1,)), hash(frozenset()), hash(frozenset({1, 2}))
        assert_eq!(tuple_hash(&[]) as i64, 5740354900026072187);
        assert_eq!(tuple_hash(&[1, 2]) as i64, -3550055125485641917);
        assert_eq!(tuple_hash(&[-2i64 as u64]) as i64, 8078679518589016365);
        assert_eq!(frozenset_hash([].into_iter()) as i64, 133146708735736);
        assert_eq!(frozenset_hash([1, 2].into_iter()) as i64, -1826646154956904602);
    }
}
