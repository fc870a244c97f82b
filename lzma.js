// An LZMA decoder (the `.lzma` format xz writes with `--format=lzma`), for the wasm's data: a release build's
// `scripts/compress-data` moves the data segments out of the wasm into one LZMA file (13% smaller than gzip
// makes them), and wasm-bindgen's glue decodes it here and writes the segments into the wasm's memory before
// the wasm's first call. The same decoder as the engine's `engine/src/lzma.rs`, written for JavaScript.
// `unlzma(bytes)` gives the decoded bytes (the header must give their size), or throws on a stream it cannot
// decode.

export function unlzma(input) {
  const props = input[0];
  if (props >= 225 || input.length < 18) throw new Error('not an LZMA stream');
  const lc = props % 9, lp = Math.floor(props / 9) % 5, pb = Math.floor(props / 45);
  let size = 0;
  for (let i = 0; i < 6; i++) size += input[5 + i] * 2 ** (8 * i);
  if (input[11] !== 0 || input[12] !== 0 || size > 2 ** 31) throw new Error('an LZMA stream of unknown size');
  const out = new Uint8Array(size);
  let at = 14, range = 0xffffffff, code = 0, pos = 0;
  for (let i = 0; i < 4; i++) code = ((code << 8) | input[at++]) >>> 0;
  const probs = (n) => new Uint16Array(n).fill(1024);
  const bit = (p, i) => {
    const bound = (range >>> 11) * p[i];
    let b;
    if (code < bound) {
      range = bound;
      p[i] += (2048 - p[i]) >>> 5;
      b = 0;
    } else {
      range -= bound;
      code -= bound;
      p[i] -= p[i] >>> 5;
      b = 1;
    }
    if (range < 0x1000000) {
      range = (range * 256) >>> 0;
      code = ((code * 256) + (input[at++] | 0)) >>> 0;
    }
    return b;
  };
  const tree = (p, base, n) => {
    let m = 1;
    for (let i = 0; i < n; i++) m = (m << 1) | bit(p, base + m);
    return m - (1 << n);
  };
  const reverse = (p, base, n) => {
    let m = 1, v = 0;
    for (let i = 0; i < n; i++) {
      const b = bit(p, base + m);
      m = (m << 1) | b;
      v |= b << i;
    }
    return v;
  };
  const direct = (n) => {
    let v = 0;
    for (let i = 0; i < n; i++) {
      range >>>= 1;
      let b = 0;
      if (code >= range) {
        code -= range;
        b = 1;
      }
      v = ((v << 1) | b) >>> 0;
      if (range < 0x1000000) {
        range = (range * 256) >>> 0;
        code = ((code * 256) + (input[at++] | 0)) >>> 0;
      }
    }
    return v;
  };
  // A length coder: choice bits at 0 and 1, low trees at 2 + 8 * posState, mid at 130 + 8 * posState, high at 258.
  const lengths = () => probs(2 + 128 + 128 + 256);
  const length = (p, posState) => {
    if (bit(p, 0) === 0) return tree(p, 2 + 8 * posState, 3);
    if (bit(p, 1) === 0) return 8 + tree(p, 130 + 8 * posState, 3);
    return 16 + tree(p, 258, 8);
  };
  const literals = probs(0x300 << (lc + lp));
  const isMatch = probs(192), isRep = probs(12), isRepG0 = probs(12), isRepG1 = probs(12), isRepG2 = probs(12);
  const isRep0Long = probs(192), slots = probs(256), special = probs(115), align = probs(16);
  const matchLengths = lengths(), repLengths = lengths();
  let state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  const pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  while (pos < size) {
    const posState = pos & pbMask;
    if (bit(isMatch, (state << 4) + posState) === 0) {
      const prev = pos > 0 ? out[pos - 1] : 0;
      const base = (((pos & lpMask) << lc) + (prev >> (8 - lc))) * 0x300;
      let symbol = 1;
      if (state >= 7) {
        if (rep0 >= pos) throw new Error('a corrupt LZMA stream');
        let matched = out[pos - rep0 - 1];
        while (symbol < 0x100) {
          const matchBit = (matched >> 7) & 1;
          matched <<= 1;
          const b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | b;
          if (b !== matchBit) break;
        }
      }
      while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
      out[pos++] = symbol & 0xff;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len;
    if (bit(isRep, state) === 1) {
      if (pos === 0) throw new Error('a corrupt LZMA stream');
      if (bit(isRepG0, state) === 0) {
        if (bit(isRep0Long, (state << 4) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        let dist;
        if (bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      state = state < 7 ? 8 : 11;
      len = length(repLengths, posState);
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = length(matchLengths, posState);
      state = state < 7 ? 7 : 10;
      const slot = tree(slots, 64 * Math.min(len, 3), 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const bits = (slot >> 1) - 1;
        rep0 = (2 | (slot & 1)) * 2 ** bits;
        if (slot < 14) rep0 += reverse(special, rep0 - slot, bits);
        else rep0 += direct(bits - 4) * 16 + reverse(align, 0, 4);
      }
    }
    if (rep0 >= pos) throw new Error('a corrupt LZMA stream');
    for (let n = Math.min(len + 2, size - pos); n > 0; n--, pos++) out[pos] = out[pos - rep0 - 1];
  }
  return out;
}
