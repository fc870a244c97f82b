//! SHA-256 and SHA-224 (FIPS 180-4), SHA-1 (FIPS 180-4) and MD5 (RFC 1321), for `hashlib` (SHA-512 and SHA-384
//! share `sha512.rs`). The round constants are computed from their definitions (the fractional parts of the cube
//! roots of the first 64 primes, of the square roots of the first 8 or of the 9th to 16th, and |sin(i)| for MD5),
//! which the tests pin down through the digests CPython gives.

/// The first `n` primes.
fn primes(n: usize) -> Vec<u32> {
    let mut out = Vec::with_capacity(n);
    let mut k = 2u32;
    while out.len() < n {
        if out.iter().all(|p| k % p != 0) {
            out.push(k);
        }
        k += 1;
    }
    out
}

/// The first 32 bits of the fractional part of `x`.
fn frac32(x: f64) -> u32 {
    ((x - x.floor()) * 4_294_967_296.0) as u32
}

/// Pads a message as SHA-1, SHA-2 and MD5 do: a 1 bit, zeros, and the bit length in 8 bytes.
fn padded(data: &[u8], big_endian: bool) -> Vec<u8> {
    let bits = (data.len() as u64).wrapping_mul(8);
    let mut msg = data.to_vec();
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&if big_endian {
        bits.to_be_bytes()
    } else {
        bits.to_le_bytes()
    });
    msg
}

/// The SHA-256 digest of `data`, or SHA-224's when `short` (its own initial values, 28 bytes of output).
pub fn sha256(data: &[u8], short: bool) -> Vec<u8> {
    let p = primes(64);
    let k: Vec<u32> = p.iter().map(|&q| frac32(f64::from(q).cbrt())).collect();
    let mut h: [u32; 8] = if short {
        // The second 32 bits of the fractional parts of the square roots of the 9th to 16th primes.
        [
            0xc105_9ed8,
            0x367c_d507,
            0x3070_dd17,
            0xf70e_5939,
            0xffc0_0b31,
            0x6858_1511,
            0x64f9_8fa7,
            0xbefa_4fa4,
        ]
    } else {
        let mut h = [0u32; 8];
        for (x, q) in h.iter_mut().zip(&p) {
            *x = frac32(f64::from(*q).sqrt());
        }
        h
    };
    for block in padded(data, true).chunks_exact(64) {
        let mut w = [0u32; 64];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let mut v = h;
        for i in 0..64 {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    }
    let n = if short { 7 } else { 8 };
    h[..n].iter().flat_map(|x| x.to_be_bytes()).collect()
}

/// The SHA-1 digest of `data`.
pub fn sha1(data: &[u8]) -> Vec<u8> {
    let mut h: [u32; 5] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0];
    for block in padded(data, true).chunks_exact(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks_exact(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().flat_map(|x| x.to_be_bytes()).collect()
}

/// The MD5 digest of `data`.
pub fn md5(data: &[u8]) -> Vec<u8> {
    const SHIFTS: [[u32; 4]; 4] = [[7, 12, 17, 22], [5, 9, 14, 20], [4, 11, 16, 23], [6, 10, 15, 21]];
    let k: Vec<u32> = (1..=64)
        .map(|i| (f64::from(i).sin().abs() * 4_294_967_296.0) as u32)
        .collect();
    let mut h: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for block in padded(data, false).chunks_exact(64) {
        let mut m = [0u32; 16];
        for (i, word) in block.chunks_exact(4).enumerate() {
            m[i] = u32::from_le_bytes([word[0], word[1], word[2], word[3]]);
        }
        let [mut a, mut b, mut c, mut d] = h;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let sum = a.wrapping_add(f).wrapping_add(k[i]).wrapping_add(m[g]);
            a = d;
            d = c;
            c = b;
            b = b.wrapping_add(sum.rotate_left(SHIFTS[i / 16][i % 4]));
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d]) {
            *x = x.wrapping_add(y);
        }
    }
    h.iter().flat_map(|x| x.to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(d: &[u8]) -> String {
        d.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn known_digests() {
        // hashlib's hexdigest() in python3.11, for b"", b"abc" and a thousand b"a"s (several blocks).
        let long = vec![b'a'; 1000];
        type Digest = fn(&[u8]) -> Vec<u8>;
        let cases: [(Digest, [&str; 3]); 4] = [
            (
                |d| sha256(d, false),
                [
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                    "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3",
                ],
            ),
            (
                |d| sha256(d, true),
                [
                    "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f",
                    "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7",
                    "4e8f0ce90b64661a2b5e84be6d93a7d9b76871062f1814433d04a03d",
                ],
            ),
            (
                sha1,
                [
                    "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                    "a9993e364706816aba3e25717850c26c9cd0d89d",
                    "291e9a6c66994949b57ba5e650361e98fc36b1ba",
                ],
            ),
            (
                md5,
                [
                    "d41d8cd98f00b204e9800998ecf8427e",
                    "900150983cd24fb0d6963f7d28e17f72",
                    "cabe45dcc9ae5b66ba86600cca6b8ba8",
                ],
            ),
        ];
        for (f, want) in cases {
            assert_eq!([hex(&f(b"")), hex(&f(b"abc")), hex(&f(&long))], want);
        }
    }
}
