//! The paths ahead of a state: the best, worst, shortest and most forgiving paths from it,
//! merged from its children and ranked one way wherever they are compared.

#[allow(unused_imports)]
use super::*;

/// Path counts stop here: past it, "more than 10^15 paths" says all there is to say.
pub const PATH_CAP: u64 = 1_000_000_000_000_000;
/// How many distinct cut-off states are remembered to give a lower bound on the states.
pub(super) const CUTOFF_MEMORY: usize = 1 << 20;
/// How many times one path may enter the same beat: once, plus one return after a mistake.
pub const MAX_VISITS: u8 = 2;

/// What can still happen from a state: its kept paths and how many paths and endings.
#[derive(Debug, Clone)]
pub(super) struct PathsAhead {
    pub(super) best: Option<Kept>,
    /// The best passing path.
    pub(super) best_pass: Option<Kept>,
    pub(super) worst: Option<Kept>,
    pub(super) shortest: Option<Kept>,
    pub(super) any_pass: bool,
    /// The passing path with the most mistakes.
    pub(super) forgiving: Option<Kept>,
    pub(super) endings: u64,
    pub(super) paths: u64,
}

impl PathsAhead {
    pub(super) fn empty() -> PathsAhead {
        PathsAhead {
            best: None,
            best_pass: None,
            worst: None,
            shortest: None,
            any_pass: false,
            forgiving: None,
            endings: 0,
            paths: 0,
        }
    }

    /// Each kept path with the order it is ranked by.
    pub(super) fn slots(&mut self) -> [(&mut Option<Kept>, Rank); 5] {
        [
            (&mut self.best, Rank::Highest),
            (&mut self.best_pass, Rank::Highest),
            (&mut self.worst, Rank::Lowest),
            (&mut self.shortest, Rank::ShortestResolution),
            (&mut self.forgiving, Rank::MostForgiving),
        ]
    }

    pub(super) fn kept(&self) -> [&Option<Kept>; 5] {
        [
            &self.best,
            &self.best_pass,
            &self.worst,
            &self.shortest,
            &self.forgiving,
        ]
    }

    /// Merges in another future from the same point.
    pub(super) fn merge_all(&mut self, other: &PathsAhead) {
        for ((slot, rank), candidate) in self.slots().into_iter().zip(other.kept()) {
            if better(candidate, slot, |a, b| rank.wins(a, 0, b)) {
                *slot = candidate.clone();
            }
        }
        self.any_pass |= other.any_pass;
        self.endings |= other.endings;
        self.paths = self.paths.saturating_add(other.paths).min(PATH_CAP);
    }

    /// Merges in the future of a child reached by `step`. A child's path is copied only
    /// when it wins.
    pub(super) fn merge(&mut self, child: &PathsAhead, step: Step) {
        for ((slot, rank), candidate) in self.slots().into_iter().zip(child.kept()) {
            // The child's paths are one step shorter than they will be.
            take(slot, candidate, step, |a, b| rank.wins(a, 1, b));
        }
        self.any_pass |= child.any_pass;
        self.endings |= child.endings;
        self.paths = self.paths.saturating_add(child.paths).min(PATH_CAP);
    }
}

/// The orders a future keeps its paths by, written once for merging siblings and children.
#[derive(Debug, Clone, Copy)]
pub(super) enum Rank {
    /// The player's aim, then the score; on equal scores, fewer mistakes is the one to show.
    Highest,
    /// The lowest score; on equal scores, more mistakes.
    Lowest,
    /// Passing beats settling beats neither; then fewer steps; then the higher score.
    ShortestResolution,
    /// The most mistakes, then the higher score.
    MostForgiving,
}

impl Rank {
    /// Whether `a`, with `a_extra` steps still to come before it, ranks before `b`.
    pub(super) fn wins(self, a: &Kept, a_extra: usize, b: &Kept) -> bool {
        use std::cmp::Reverse;
        match self {
            Rank::Highest => {
                (a.aim, a.score, Reverse(a.mistakes)) > (b.aim, b.score, Reverse(b.mistakes))
            }
            Rank::Lowest => (a.score, Reverse(a.mistakes)) < (b.score, Reverse(b.mistakes)),
            Rank::ShortestResolution => {
                let rank = |p: &Kept, extra: usize| {
                    (
                        !p.passed,
                        !p.outcome.settles(),
                        p.steps.len() + extra,
                        Reverse(p.score),
                    )
                };
                rank(a, a_extra) < rank(b, 0)
            }
            Rank::MostForgiving => (a.mistakes, a.score) > (b.mistakes, b.score),
        }
    }
}

/// Puts `candidate`, reached by `step`, in `slot` when it wins.
pub(super) fn take(
    slot: &mut Option<Kept>,
    candidate: &Option<Kept>,
    step: Step,
    wins: impl Fn(&Kept, &Kept) -> bool,
) {
    if better(candidate, slot, wins) {
        let mut path = candidate.clone().expect("a winner");
        path.steps = path.steps.after(step);
        *slot = Some(path);
    }
}

pub(super) fn better(
    candidate: &Option<Kept>,
    current: &Option<Kept>,
    wins: impl Fn(&Kept, &Kept) -> bool,
) -> bool {
    match (candidate, current) {
        (Some(_), None) => true,
        (Some(a), Some(b)) => wins(a, b),
        _ => false,
    }
}

/// A path's steps while the search runs: a list shared between the paths that end the same
/// way, first step at the head, so putting a step in front of a child's path costs one link
/// (copying the child's steps made a search through a long case quadratic in its length).
#[derive(Debug, Clone, Default)]
pub(super) struct SharedSteps {
    head: Option<std::rc::Rc<Link>>,
    len: usize,
}

#[derive(Debug)]
struct Link {
    step: Step,
    rest: Option<std::rc::Rc<Link>>,
}

impl SharedSteps {
    /// What one more step costs in memory: its link and the link's reference counts.
    pub(super) const LINK_BYTES: usize =
        std::mem::size_of::<Link>() + 2 * std::mem::size_of::<usize>();

    pub(super) fn len(&self) -> usize {
        self.len
    }

    /// `step`, then these steps.
    pub(super) fn after(&self, step: Step) -> SharedSteps {
        SharedSteps {
            head: Some(std::rc::Rc::new(Link {
                step,
                rest: self.head.clone(),
            })),
            len: self.len + 1,
        }
    }

    pub(super) fn to_vec(&self) -> Vec<Step> {
        let mut steps = Vec::with_capacity(self.len);
        let mut at = self.head.as_deref();
        while let Some(link) = at {
            steps.push(link.step);
            at = link.rest.as_deref();
        }
        steps
    }
}

impl Drop for SharedSteps {
    /// Unlinks a long list one link at a time: dropping it link by link recursively would
    /// overflow the stack on a path thousands of steps long.
    fn drop(&mut self) {
        let mut at = self.head.take();
        while let Some(link) = at {
            match std::rc::Rc::try_unwrap(link) {
                Ok(mut only) => at = only.rest.take(),
                Err(_) => break,
            }
        }
    }
}

/// A kept path while the search runs.
pub(super) type Kept = PathResult<SharedSteps>;

impl Kept {
    /// The path as explore reports it.
    pub(super) fn finished(&self) -> PathResult {
        let steps = self.steps.to_vec();
        self.clone().with_steps(steps)
    }
}
