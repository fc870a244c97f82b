//! CPython's `random` module, bit for bit: the MT19937 generator seeded as `random.seed()` does, and the 3.11
//! algorithms of `random.py` on top of it (`_randbelow` by rejection sampling, `randrange`, `shuffle`, `sample`, ...).
//!
//! Functions that pick from a sequence return indices; the caller indexes its own list or tuple.
//! `gauss`, `uniform` and weighted `choices` use float arithmetic (and `gauss` libm's log, cos, sin, sqrt),
//! so on a platform whose libm differs from glibc's they may differ from CPython in the last bit.

use crate::pyerr::{PyErr, PyRes};
use crate::pynum::MAX_INT_BITS;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// A `random.Random` instance.
#[derive(Clone, Debug)]
pub struct Random {
    mt: Box<[u32; N]>,
    index: usize,
    gauss_next: Option<f64>,
}

impl Random {
    /// A generator seeded as `random.Random(seed)` with an int seed (only its absolute value matters).
    pub fn new(seed: &BigInt) -> Random {
        let mut r = Random {
            mt: Box::new([0; N]),
            index: N,
            gauss_next: None,
        };
        r.seed_int(seed);
        r
    }

    /// `random.seed(n)` for an int `n`: the 32-bit words of `abs(n)`, least significant first, feed `init_by_array`.
    pub fn seed_int(&mut self, seed: &BigInt) {
        let (_, mut key) = seed.abs().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// `random.seed(x)` for a seed that is neither None, int, str nor bytes (a float, say): CPython seeds with
    /// `hash(x)` reinterpreted as an unsigned 64-bit number.
    pub fn seed_hash(&mut self, hash: i64) {
        self.seed_int(&BigInt::from(hash as u64));
    }

    /// `random.seed(b)` for bytes, and for a str via its UTF-8 encoding (version 2 seeding):
    /// the seed is `int.from_bytes(b + sha512(b).digest())`.
    pub fn seed_bytes(&mut self, b: &[u8]) {
        let mut all = b.to_vec();
        all.extend_from_slice(&crate::sha512::sha512(b));
        self.seed_int(&BigInt::from_bytes_be(Sign::Plus, &all));
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mut i = 1;
        let mut j = 0;
        for _ in 0..N.max(key.len()) {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
        }
        self.mt[0] = 0x8000_0000;
    }

    /// The next raw 32-bit output of MT19937.
    pub fn genrand_u32(&mut self) -> u32 {
        if self.index >= N {
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N {
                let y = (self.mt[kk] & UPPER_MASK) | (self.mt[(kk + 1) % N] & LOWER_MASK);
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag(y);
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits from two outputs, in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)`.
    pub fn getrandbits(&mut self, k: i64) -> PyRes<BigInt> {
        if k < 0 {
            return Err(PyErr::value("number of bits must be non-negative"));
        }
        if k > i32::MAX as i64 {
            return Err(PyErr::overflow("Python int too large to convert to C int"));
        }
        if k as u64 > MAX_INT_BITS {
            return Err(PyErr::memory());
        }
        Ok(self.bits(k as u64))
    }

    /// `k` random bits as CPython draws them: 32-bit words, least significant first, the last one shifted down.
    fn bits(&mut self, k: u64) -> BigInt {
        if k <= 64 {
            return BigInt::from(self.bits_u64(k));
        }
        let words = (k - 1) / 32 + 1;
        let mut left = k;
        let mut digits = Vec::with_capacity(words as usize);
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &digits)
    }

    fn bits_u64(&mut self, k: u64) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.genrand_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.genrand_u32() as u64;
                let hi = (self.genrand_u32() >> (64 - k)) as u64;
                lo | (hi << 32)
            }
        }
    }

    /// `_randbelow(n)` for `n > 0`: draws `n.bit_length()` bits until the value is below `n`.
    pub fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.bits(k);
            if r < *n {
                return r;
            }
        }
    }

    /// `_randbelow(n)` for a machine-sized `n > 0` (0 gives 0).
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros() as u64;
        loop {
            let r = self.bits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }

    /// `random.randrange(start, stop, step)` for int arguments (`stop == None` means `randrange(start)`).
    /// A `step` other than 1 without `stop` raises `TypeError: Missing a non-None stop argument`.
    pub fn randrange(&mut self, start: &BigInt, stop: Option<&BigInt>, step: Option<&BigInt>) -> PyRes<BigInt> {
        let one = BigInt::one();
        let step = step.unwrap_or(&one);
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(PyErr::type_err("Missing a non-None stop argument"));
            }
            if start.is_positive() {
                return Ok(self.randbelow(start));
            }
            return Err(PyErr::value("empty range for randrange()"));
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + self.randbelow(&width));
            }
            return Err(PyErr::value(format!(
                "empty range for randrange() ({start}, {stop}, {width})"
            )));
        }
        let n = if step.is_positive() {
            num_integer::Integer::div_floor(&(&width + step - 1), step)
        } else if step.is_negative() {
            num_integer::Integer::div_floor(&(&width + step + 1), step)
        } else {
            return Err(PyErr::value("zero step for randrange()"));
        };
        if !n.is_positive() {
            return Err(PyErr::value("empty range for randrange()"));
        }
        Ok(start + step * self.randbelow(&n))
    }

    /// `random.randint(a, b)`: `randrange(a, b + 1)`.
    pub fn randint(&mut self, a: &BigInt, b: &BigInt) -> PyRes<BigInt> {
        self.randrange(a, Some(&(b + 1)), None)
    }

    /// The index `random.choice(seq)` picks from a sequence of length `len`.
    pub fn choice_index(&mut self, len: usize) -> PyRes<usize> {
        if len == 0 {
            return Err(PyErr::index("Cannot choose from an empty sequence"));
        }
        Ok(self.randbelow_usize(len))
    }

    /// `random.shuffle(x)`, in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.randbelow_usize(i + 1);
            items.swap(i, j);
        }
    }

    /// The indices `random.sample(population, k)` picks from a population of `n`, in selection order.
    /// Like CPython, it switches between a pool and a set of seen indices depending on `n` and `k`.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> PyRes<Vec<usize>> {
        if k < 0 || k as u64 > n as u64 {
            return Err(PyErr::value("Sample larger than population or is negative"));
        }
        let k = k as usize;
        let mut setsize: f64 = 21.0;
        if k > 5 {
            setsize += 4f64.powf(((k as f64 * 3.0).ln() / 4f64.ln()).ceil());
        }
        let mut result = Vec::with_capacity(k);
        if (n as f64) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_usize(n - i);
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_usize(n);
                while selected.contains(&j) {
                    j = self.randbelow_usize(n);
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.gauss(mu, sigma)`, which caches its second value as CPython does (reseeding clears it).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * std::f64::consts::TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// The indices `random.choices(population, weights=None, cum_weights=..., k=k)` picks from a population of
    /// `n`. `cum_weights` are the running totals (the caller accumulates `weights` with Python's `+`). Without
    /// weights an empty population yields index 0, which the caller's indexing rejects as CPython's does.
    pub fn choices_indices(&mut self, n: usize, cum_weights: Option<&[f64]>, k: i64) -> PyRes<Vec<usize>> {
        // CPython would build any list its memory allows; a result this long would exhaust ours.
        if k > MAX_INT_BITS as i64 {
            return Err(PyErr::memory());
        }
        let k = k.max(0) as usize;
        let Some(cum) = cum_weights else {
            let nf = n as f64;
            return Ok((0..k).map(|_| (self.random() * nf).floor() as usize).collect());
        };
        if cum.len() != n {
            return Err(PyErr::value("The number of weights does not match the population"));
        }
        let Some(&total) = cum.last() else {
            return Err(PyErr::index("list index out of range"));
        };
        if total <= 0.0 {
            return Err(PyErr::value("Total of weights must be greater than zero"));
        }
        if !total.is_finite() {
            return Err(PyErr::value("Total of weights must be finite"));
        }
        Ok((0..k)
            .map(|_| bisect_right(cum, self.random() * total, n - 1))
            .collect())
    }
}

/// Python's `bisect.bisect_right(a, x, 0, hi)`, with its exact midpoints so unsorted input behaves the same.
fn bisect_right(a: &[f64], x: f64, hi: usize) -> usize {
    let (mut lo, mut hi) = (0, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if a.get(mid).is_some_and(|&m| x < m) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

impl Default for Random {
    /// Seeded with 0: the engine has no entropy source, so unseeded programs are still deterministic.
    fn default() -> Random {
        Random::new(&BigInt::zero())
    }
}

#[cfg(test)]
#[path = "mt/tests.rs"]
mod tests;
