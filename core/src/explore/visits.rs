//! How often the path being searched has entered each beat, with a fingerprint of the
//! counts kept up to date as they change. A state's memo key holds the fingerprint, not
//! the counts: cloning and hashing a count per beat for every state made the search of a
//! 2,000-beat case cost 2 KiB and 2,000 hashed bytes a state.

use super::MAX_VISITS;

pub(super) struct Visits {
    counts: Vec<u8>,
    /// The XOR of one 128-bit term per (beat, count) with a count above zero (Zobrist
    /// hashing). Two sets of counts that differ in one beat never share a fingerprint (the
    /// term's high half is a bijection of the pair); otherwise any two share one with a
    /// chance of about 2^-128, so among n remembered states about n^2 / 2^129 (nil for any
    /// budget).
    print: u128,
}

impl Visits {
    /// A path that has entered only `start`, once.
    pub(super) fn new(beats: usize, start: usize) -> Visits {
        let mut visits = Visits {
            counts: vec![0; beats],
            print: 0,
        };
        visits.enter(start);
        visits
    }

    pub(super) fn fingerprint(&self) -> u128 {
        self.print
    }

    /// Whether the path has entered `beat` as often as it may.
    pub(super) fn exhausted(&self, beat: usize) -> bool {
        self.counts[beat] >= MAX_VISITS
    }

    pub(super) fn enter(&mut self, beat: usize) {
        self.set(beat, self.counts[beat] + 1);
    }

    pub(super) fn leave(&mut self, beat: usize) {
        self.set(beat, self.counts[beat] - 1);
    }

    fn set(&mut self, beat: usize, count: u8) {
        self.print ^= term(beat, self.counts[beat]) ^ term(beat, count);
        self.counts[beat] = count;
    }
}

/// The fingerprint's term for `beat` entered `count` times (none for zero, so a beat not
/// entered adds nothing): two rounds of SplitMix64 over the pair.
fn term(beat: usize, count: u8) -> u128 {
    if count == 0 {
        return 0;
    }
    let seed = (beat as u64) << 8 | u64::from(count);
    let hi = splitmix64(seed);
    let lo = splitmix64(hi ^ 0x9e37_79b9_7f4a_7c15);
    u128::from(hi) << 64 | u128::from(lo)
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_the_counts_not_the_order_they_were_reached_in() {
        let mut a = Visits::new(5, 0);
        let mut b = Visits::new(5, 0);
        a.enter(3);
        a.enter(1);
        b.enter(1);
        b.enter(3);
        assert_eq!(a.fingerprint(), b.fingerprint());
        // Entering and leaving again gives back the same fingerprint ...
        a.enter(4);
        assert_ne!(a.fingerprint(), b.fingerprint());
        a.leave(4);
        assert_eq!(a.fingerprint(), b.fingerprint());
        // ... and a second visit differs from a first one.
        a.enter(3);
        b.enter(2);
        assert_ne!(a.fingerprint(), b.fingerprint());
        assert!(a.exhausted(3) && !b.exhausted(3));
    }

    #[test]
    fn all_counts_of_a_small_case_have_distinct_fingerprints() {
        // Every assignment of 0..=MAX_VISITS entries to six beats.
        let beats = 6;
        let base = usize::from(MAX_VISITS) + 1;
        let mut seen = std::collections::HashSet::new();
        for code in 0..base.pow(beats as u32) {
            let mut v = Visits {
                counts: vec![0; beats],
                print: 0,
            };
            let mut rest = code;
            for beat in 0..beats {
                for _ in 0..rest % base {
                    v.enter(beat);
                }
                rest /= base;
            }
            assert!(seen.insert(v.fingerprint()), "two sets of counts collide");
        }
    }
}
