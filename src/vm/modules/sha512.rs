//! SHA-512 (FIPS 180-4), for `random.seed` of str and bytes-like seeds,
//! which CPython hashes with SHA-512 before seeding.
//!
//! The round constants and initial hash value are the first 64 bits of the
//! fractional parts of the cube roots of the first 80 primes and of the
//! square roots of the first 8 primes: computed once with exact integer
//! roots rather than transcribed.

use num_bigint::BigUint;
use std::sync::OnceLock;

struct Constants {
    k: [u64; 80],
    h: [u64; 8],
}

fn primes(n: usize) -> Vec<u64> {
    let mut out = Vec::with_capacity(n);
    let mut c = 2u64;
    while out.len() < n {
        if out.iter().take_while(|&&p| p * p <= c).all(|&p| c % p != 0) {
            out.push(c);
        }
        c += 1;
    }
    out
}

/// The low 64 bits of `floor(root(p) * 2^64)`: the fraction's first 64 bits.
fn fraction_bits(p: u64, cube: bool) -> u64 {
    let scaled = if cube { BigUint::from(p) << 192u32 } else { BigUint::from(p) << 128u32 };
    let root = if cube { scaled.cbrt() } else { scaled.sqrt() };
    let digits = root.to_u64_digits();
    digits.first().copied().unwrap_or(0)
}

fn constants() -> &'static Constants {
    static C: OnceLock<Constants> = OnceLock::new();
    C.get_or_init(|| {
        let ps = primes(80);
        let mut k = [0u64; 80];
        for (slot, &p) in k.iter_mut().zip(&ps) {
            *slot = fraction_bits(p, true);
        }
        let mut h = [0u64; 8];
        for (slot, &p) in h.iter_mut().zip(&ps) {
            *slot = fraction_bits(p, false);
        }
        Constants { k, h }
    })
}

/// The SHA-512 digest of `data`.
pub(super) fn sha512(data: &[u8]) -> [u8; 64] {
    let c = constants();
    let mut h = c.h;
    let mut msg = data.to_vec();
    let bit_len = (data.len() as u128) * 8;
    msg.push(0x80);
    while msg.len() % 128 != 112 {
        msg.push(0);
    }
    msg.extend_from_slice(&bit_len.to_be_bytes());
    for block in msg.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (i, word) in block.chunks_exact(8).enumerate() {
            w[i] = u64::from_be_bytes(word.try_into().expect("8 bytes"));
        }
        for i in 16..80 {
            let s0 = w[i - 15].rotate_right(1) ^ w[i - 15].rotate_right(8) ^ (w[i - 15] >> 7);
            let s1 = w[i - 2].rotate_right(19) ^ w[i - 2].rotate_right(61) ^ (w[i - 2] >> 6);
            w[i] = w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1);
        }
        let [mut a, mut b, mut cc, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(c.k[i]).wrapping_add(w[i]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & cc) ^ (b & cc);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = cc;
            cc = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, cc, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (chunk, word) in out.chunks_exact_mut(8).zip(h) {
        chunk.copy_from_slice(&word.to_be_bytes());
    }
    out
}
