//! An LZMA decoder (the `.lzma` format xz writes with `--format=lzma`), for the runtime's Python sources, which
//! `engine/build.rs` compresses as one stream: about 13 KiB less in the gzipped bundle than gzip does with them.
//!
//! Only what that stream needs: the header's properties, then literals, matches and repeated matches until the
//! size known from the build. A stream that does not decode gives `None`, never a panic.

/// The probability of a 0 bit, in 11 bits, as each adaptive bit starts.
const HALF: u16 = 1 << 10;

/// The range decoder over the compressed bytes.
struct Range<'a> {
    data: &'a [u8],
    at: usize,
    range: u32,
    code: u32,
}

impl Range<'_> {
    fn next_byte(&mut self) -> u32 {
        let b = self.data.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        u32::from(b)
    }

    fn normalize(&mut self) {
        if self.range < 1 << 24 {
            self.range <<= 8;
            self.code = (self.code << 8) | self.next_byte();
        }
    }

    /// One bit with the adaptive probability `p`, which it updates.
    fn bit(&mut self, p: &mut u16) -> usize {
        let bound = (self.range >> 11) * u32::from(*p);
        let bit = if self.code < bound {
            self.range = bound;
            *p += ((1 << 11) - *p) >> 5;
            0
        } else {
            self.range -= bound;
            self.code -= bound;
            *p -= *p >> 5;
            1
        };
        self.normalize();
        bit
    }

    /// `n` bits of even probability, the first the highest.
    fn direct(&mut self, n: u32) -> u32 {
        let mut v = 0;
        for _ in 0..n {
            self.range >>= 1;
            let bit = u32::from(self.code >= self.range);
            if bit == 1 {
                self.code -= self.range;
            }
            v = (v << 1) | bit;
            self.normalize();
        }
        v
    }

    /// `n` bits through a binary tree of probabilities (`probs[1..1 << n]`), the first the highest.
    fn tree(&mut self, probs: &mut [u16], n: u32) -> usize {
        let mut m = 1;
        for _ in 0..n {
            m = (m << 1) | self.bit(&mut probs[m]);
        }
        m - (1 << n)
    }

    /// `n` bits through a binary tree of probabilities, the first the lowest.
    fn reverse(&mut self, probs: &mut [u16], n: u32) -> usize {
        let (mut m, mut v) = (1, 0);
        for i in 0..n {
            let bit = self.bit(&mut probs[m]);
            m = (m << 1) | bit;
            v |= bit << i;
        }
        v
    }
}

/// The lengths of matches (one coder for matches, one for repeated ones), less the shortest, 2.
struct Lengths {
    choice: [u16; 2],
    low: [[u16; 8]; 16],
    mid: [[u16; 8]; 16],
    high: [u16; 256],
}

impl Lengths {
    fn new() -> Lengths {
        Lengths {
            choice: [HALF; 2],
            low: [[HALF; 8]; 16],
            mid: [[HALF; 8]; 16],
            high: [HALF; 256],
        }
    }

    fn read(&mut self, rc: &mut Range<'_>, pos_state: usize) -> usize {
        if rc.bit(&mut self.choice[0]) == 0 {
            rc.tree(&mut self.low[pos_state], 3)
        } else if rc.bit(&mut self.choice[1]) == 0 {
            8 + rc.tree(&mut self.mid[pos_state], 3)
        } else {
            16 + rc.tree(&mut self.high, 8)
        }
    }
}

/// The `size` bytes that the `.lzma` stream `stream` holds, or `None` if it is not one.
pub fn decode(stream: &[u8], size: usize) -> Option<Vec<u8>> {
    let props = usize::from(*stream.first()?);
    let (lc, lp, pb) = (props % 9, props / 9 % 5, props / 45);
    if props >= 9 * 5 * 5 {
        return None;
    }
    let data = stream.get(13..)?;
    let mut rc = Range {
        data,
        at: 1,
        range: u32::MAX,
        code: 0,
    };
    for _ in 0..4 {
        rc.code = (rc.code << 8) | rc.next_byte();
    }
    let mut literals = vec![HALF; 0x300 << (lc + lp)];
    let mut is_match = [HALF; 12 << 4];
    let mut is_rep = [HALF; 12];
    let mut is_rep_g0 = [HALF; 12];
    let mut is_rep_g1 = [HALF; 12];
    let mut is_rep_g2 = [HALF; 12];
    let mut is_rep0_long = [HALF; 12 << 4];
    let mut slots = [[HALF; 64]; 4];
    let mut special = [HALF; 115];
    let mut align = [HALF; 16];
    let (mut lengths, mut rep_lengths) = (Lengths::new(), Lengths::new());
    let mut out: Vec<u8> = Vec::with_capacity(size);
    let mut state = 0usize;
    let mut reps = [0usize; 4];
    while out.len() < size {
        let pos_state = out.len() & ((1 << pb) - 1);
        if rc.bit(&mut is_match[(state << 4) + pos_state]) == 0 {
            let prev = usize::from(out.last().copied().unwrap_or(0));
            let at = (((out.len() & ((1 << lp) - 1)) << lc) + (prev >> (8 - lc))) * 0x300;
            let probs = &mut literals[at..at + 0x300];
            let mut symbol = 1;
            if state >= 7 {
                let mut matched = usize::from(*out.get(out.len().checked_sub(reps[0].checked_add(1)?)?)?);
                while symbol < 0x100 {
                    let match_bit = (matched >> 7) & 1;
                    matched <<= 1;
                    let bit = rc.bit(&mut probs[((1 + match_bit) << 8) + symbol]);
                    symbol = (symbol << 1) | bit;
                    if bit != match_bit {
                        break;
                    }
                }
            }
            while symbol < 0x100 {
                symbol = (symbol << 1) | rc.bit(&mut probs[symbol]);
            }
            out.push(symbol as u8);
            state = match state {
                0..4 => 0,
                4..10 => state - 3,
                _ => state - 6,
            };
            continue;
        }
        let len = if rc.bit(&mut is_rep[state]) == 1 {
            if rc.bit(&mut is_rep_g0[state]) == 0 {
                if rc.bit(&mut is_rep0_long[(state << 4) + pos_state]) == 0 {
                    state = if state < 7 { 9 } else { 11 };
                    out.push(*out.get(out.len().checked_sub(reps[0].checked_add(1)?)?)?);
                    continue;
                }
            } else {
                let k = if rc.bit(&mut is_rep_g1[state]) == 0 {
                    1
                } else if rc.bit(&mut is_rep_g2[state]) == 0 {
                    2
                } else {
                    3
                };
                reps[..=k].rotate_right(1);
            }
            state = if state < 7 { 8 } else { 11 };
            rep_lengths.read(&mut rc, pos_state)
        } else {
            reps.rotate_right(1);
            let len = lengths.read(&mut rc, pos_state);
            state = if state < 7 { 7 } else { 10 };
            let slot = rc.tree(&mut slots[len.min(3)], 6);
            reps[0] = if slot < 4 {
                slot
            } else {
                let bits = (slot >> 1) as u32 - 1;
                let base = (2 | (slot & 1)) << bits;
                if slot < 14 {
                    base + rc.reverse(&mut special[base - slot..], bits)
                } else {
                    base + ((rc.direct(bits - 4) as usize) << 4) + rc.reverse(&mut align, 4)
                }
            };
            len
        };
        let from = out.len().checked_sub(reps[0].checked_add(1)?)?;
        for i in 0..(len + 2).min(size - out.len()) {
            out.push(out[from + i]);
        }
    }
    Some(out)
}
