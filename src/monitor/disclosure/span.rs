//! Exact linear algebra modulo a prime: whether a row is a combination of published rows.

/// The prime 2^61 - 1: sums of 0/1 rows are exact far beyond any number of complaints.
pub(super) const PRIME: u64 = (1 << 61) - 1;

/// `a * b` modulo the prime (both below it), folding the 122-bit product as 2^61 = 1.
pub(super) fn mul(a: u64, b: u64) -> u64 {
    let x = u128::from(a) * u128::from(b);
    let s = ((x as u64) & PRIME) + (x >> 61) as u64;
    let s = (s & PRIME) + (s >> 61);
    if s >= PRIME {
        s - PRIME
    } else {
        s
    }
}

pub(super) fn add(a: u64, b: u64) -> u64 {
    let s = a + b;
    if s >= PRIME {
        s - PRIME
    } else {
        s
    }
}

pub(super) fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + PRIME - b
    }
}

pub(super) fn inverse(a: u64) -> u64 {
    // Fermat: a^(p-2).
    let (mut base, mut exp, mut out) = (a, PRIME - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul(out, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    out
}

/// The span of published rows, in echelon form; each row remembers which new cells make it.
#[derive(Debug, Clone)]
pub(super) struct Span {
    pub(super) width: usize,
    pub(super) provenance: usize,
    pub(super) rows: Vec<(usize, Vec<u64>, Vec<u64>)>,
}

impl Span {
    pub(super) fn new(width: usize, provenance: usize) -> Span {
        Span {
            width,
            provenance,
            rows: vec![],
        }
    }

    /// Rows added from now on may say which of `n` new cells they come from.
    pub(super) fn grow_provenance(&mut self, n: usize) {
        self.provenance = n;
        for (_, _, p) in &mut self.rows {
            p.clear();
            p.resize(n, 0);
        }
    }

    /// Reduces a row against the span: what is left, and the combination of new cells used.
    /// A row of the span is zero before its pivot, so only the part from the pivot on is worked.
    pub(super) fn reduce(&self, mut v: Vec<u64>, mut prov: Vec<u64>) -> (Vec<u64>, Vec<u64>) {
        for (pivot, row, rp) in &self.rows {
            let f = v[*pivot];
            if f == 0 {
                continue;
            }
            for (x, r) in v[*pivot..].iter_mut().zip(&row[*pivot..]) {
                if *r != 0 {
                    *x = sub(*x, mul(f, *r));
                }
            }
            for (x, r) in prov.iter_mut().zip(rp) {
                if *r != 0 {
                    *x = sub(*x, mul(f, *r));
                }
            }
        }
        (v, prov)
    }

    pub(super) fn add(&mut self, v: Vec<u64>, prov: Option<Vec<u64>>) {
        debug_assert_eq!(v.len(), self.width);
        let prov = prov.unwrap_or_else(|| vec![0; self.provenance]);
        let (v, prov) = self.reduce(v, prov);
        if let Some(pivot) = v.iter().position(|x| *x != 0) {
            let inv = inverse(v[pivot]);
            let v = v.into_iter().map(|x| mul(x, inv)).collect();
            let prov = prov.into_iter().map(|x| mul(x, inv)).collect();
            self.rows.push((pivot, v, prov));
        }
    }

    /// When `row` is a linear combination of the span: which new cells that combination uses
    /// (non-zero entries).
    pub(super) fn combination(&self, row: &[u64]) -> Option<Vec<u64>> {
        let (rest, prov) = self.reduce(row.to_vec(), vec![0; self.provenance]);
        rest.iter().all(|x| *x == 0).then_some(prov)
    }
}
