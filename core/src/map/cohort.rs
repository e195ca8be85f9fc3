//! How a cohort played a case, as its map draws it: each reply's count of calls that chose
//! it (the arrow's width is its share of the case's calls) and the wrong reply chosen most.

use std::collections::HashMap;

/// The choices a group of trainees made in one case.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cohort {
    /// Calls of the case in all.
    pub calls: usize,
    /// Times each reply was chosen, by beat id and 0-based reply.
    pub chosen: HashMap<(String, usize), usize>,
    /// The reply that breaks a rule and was chosen most: what the trainer should teach.
    pub most_chosen_wrong: Option<(String, usize)>,
}

impl Cohort {
    /// From every (beat, reply, times chosen, breaks a rule) the report counted.
    pub fn new(
        calls: usize,
        counts: impl IntoIterator<Item = (String, usize, usize, bool)>,
    ) -> Cohort {
        let mut chosen = HashMap::new();
        let mut most_chosen_wrong: Option<((String, usize), usize)> = None;
        for (beat, reply, n, breaks) in counts {
            if n == 0 {
                continue;
            }
            if breaks && most_chosen_wrong.as_ref().is_none_or(|(_, most)| n > *most) {
                most_chosen_wrong = Some(((beat.clone(), reply), n));
            }
            *chosen.entry((beat, reply)).or_insert(0) += n;
        }
        Cohort {
            calls,
            chosen,
            most_chosen_wrong: most_chosen_wrong.map(|(at, _)| at),
        }
    }

    pub fn times(&self, beat: &str, reply: usize) -> usize {
        self.chosen
            .get(&(beat.to_string(), reply))
            .copied()
            .unwrap_or(0)
    }

    /// The share of the case's calls that took this reply, 0 to 1.
    pub fn share(&self, beat: &str, reply: usize) -> f64 {
        if self.calls == 0 {
            0.0
        } else {
            (self.times(beat, reply) as f64 / self.calls as f64).min(1.0)
        }
    }

    /// An arrow's width in pixels: a hairline for a reply nobody chose, 12 px for one
    /// every call took.
    pub fn width(&self, beat: &str, reply: usize) -> f64 {
        1.0 + 11.0 * self.share(beat, reply)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_follow_the_share_and_the_most_chosen_wrong_reply_is_kept() {
        let cohort = Cohort::new(
            10,
            [
                ("open".to_string(), 0, 7, false),
                ("open".to_string(), 1, 3, true),
                ("later".to_string(), 2, 5, true),
                ("later".to_string(), 0, 0, true),
            ],
        );
        assert_eq!(cohort.times("open", 0), 7);
        assert!((cohort.share("open", 1) - 0.3).abs() < 1e-9);
        assert!(cohort.width("open", 0) > cohort.width("open", 1));
        assert_eq!(cohort.width("later", 0), 1.0);
        assert_eq!(cohort.most_chosen_wrong, Some(("later".to_string(), 2)));
    }
}
