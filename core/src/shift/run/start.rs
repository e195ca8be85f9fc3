//! Starting a shift: the pools drawn into callers and their arrival times, from the seed.

use std::sync::Arc;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::{CallKind, ShiftRun, Waiting};
use crate::guidance::ShiftPolicy;
use crate::scenario::Scenario;
use crate::shift::file::{Caller, Shift};
use crate::vocab::{EndingKind, Millis};

impl ShiftRun {
    /// Starts a shift: draws the pools and the arrival times from `seed`.
    pub fn new<'a>(
        shift: Arc<Shift>,
        library: impl IntoIterator<Item = &'a Scenario>,
        policy: &ShiftPolicy,
        seed: u64,
    ) -> ShiftRun {
        let library: Vec<&Scenario> = library.into_iter().collect();
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let sequels: Vec<&str> = shift
            .follow_ups
            .iter()
            .flat_map(|f| [f.follow_up.as_deref(), f.call_back.as_deref()])
            .flatten()
            .collect();
        let playable = |s: &Scenario| {
            !sequels.contains(&s.id.as_str())
                && (!s.endings.iter().any(|e| e.kind == EndingKind::CallBack)
                    || shift
                        .follow_up_of(&s.id)
                        .is_some_and(|f| f.follow_up.is_some()))
        };
        let mut used: Vec<String> = shift
            .callers
            .iter()
            .filter_map(|c| match c {
                Caller::Case(id) => Some(id.clone()),
                Caller::Pool(_) => None,
            })
            .collect();
        let mut ids = Vec::new();
        for caller in &shift.callers {
            match caller {
                Caller::Case(id) => ids.push(id.clone()),
                Caller::Pool(pool) => {
                    let matching: Vec<&Scenario> = library
                        .iter()
                        .copied()
                        .filter(|s| pool.matches(s, &shift.language) && playable(s))
                        .collect();
                    let fresh: Vec<&&Scenario> =
                        matching.iter().filter(|s| !used.contains(&s.id)).collect();
                    let pick = if fresh.is_empty() {
                        (!matching.is_empty())
                            .then(|| matching[rng.random_range(0..matching.len())])
                    } else {
                        Some(*fresh[rng.random_range(0..fresh.len())])
                    };
                    if let Some(s) = pick {
                        used.push(s.id.clone());
                        ids.push(s.id.clone());
                    }
                }
            }
        }
        let spacing = shift.length / (ids.len().max(1) as Millis);
        let waiting = ids
            .into_iter()
            .enumerate()
            .map(|(i, case)| {
                let jitter = if i == 0 || spacing < 3 {
                    0
                } else {
                    rng.random_range(0..spacing / 2)
                };
                Waiting {
                    case,
                    arrives: i as Millis * spacing + jitter,
                    kind: CallKind::First,
                    of: None,
                    carried: None,
                }
            })
            .collect();
        let cases = library
            .iter()
            .map(|s| (s.id.clone(), Arc::new((*s).clone())))
            .collect();
        ShiftRun {
            breaks_due: shift.breaks.clone(),
            shift,
            policy: policy.clone(),
            cases,
            now: 0,
            waiting,
            promises: Vec::new(),
            calls: Vec::new(),
            in_call: None,
            after_call_due: None,
            strain: 0,
            strain_over_time: vec![(0, 0)],
            breaks: Vec::new(),
            abandoned: Vec::new(),
        }
    }
}
