//! A generated cohort for the report tests (`report.rs`, `lrs.rs`): trainees play the real
//! library through the real engine in several manners over some days, and their sessions are
//! recorded as the game records them. [`Expected`] is what was counted while playing.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use htl_core::engine::script::{self, Step, When};
use htl_core::engine::{Call, Voice};
use htl_core::guidance::Catalogue;
use htl_core::profile::{Profile, Store};
use htl_core::scenario::{Library, Scenario};
use htl_core::tiers::{Progression, open_earned_tiers};

/// How a generated trainee plays most of their calls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Manner {
    /// A reply that breaks no rule, in the pause, soft to a loud customer.
    Careful,
    /// The same replies, but cutting in while the customer is still talking.
    Hasty,
    /// Always the first card as the scenario lists it, in the pause, even voice.
    FirstCard,
    /// Any reply, any moment, any voice.
    Random,
}

/// What the test counted while playing, to check the report against.
#[derive(Debug, Default)]
pub struct Expected {
    pub calls: usize,
    pub calls_per_trainee: BTreeMap<String, usize>,
    /// case -> (calls, passes)
    pub per_case: BTreeMap<String, (usize, usize)>,
    /// (case, beat id, reply index) -> times chosen
    pub replies: BTreeMap<(String, String, usize), usize>,
    /// rule -> times broken
    pub broken: BTreeMap<String, usize>,
    /// the day (YYYY-MM-DD) of every call
    pub days: Vec<String>,
    /// Every session file written, in the order played.
    pub files: Vec<PathBuf>,
}

/// 2026-03-02, a Monday, 09:00 UTC: the cohort's first morning.
pub fn start() -> SystemTime {
    htl_core::vocab::stamp::read("2026-03-02T09:00:00Z")
        .unwrap()
        .into()
}

pub const NAMES: [&str; 30] = [
    "Noor",
    "Sam",
    "Dana",
    "Lee",
    "Ari",
    "Tal",
    "Kim",
    "Mina",
    "Adam",
    "Zara",
    "Omar",
    "Yael",
    "Lina",
    "Avi",
    "Rana",
    "Eli",
    "Huda",
    "Noa",
    "Karim",
    "Maya",
    "نورة",
    "فيصل",
    "سارة",
    "דנה",
    "יוסי",
    "Jo <b>&amp; \"Co\"",
    "Ola",
    "Ben",
    "Rita",
    "Sami",
];

pub fn manner_of(i: usize) -> Manner {
    [
        Manner::Careful,
        Manner::Hasty,
        Manner::FirstCard,
        Manner::Random,
    ][i % 4]
}

/// Plays one call of `scenario` in `manner`, reply by reply.
pub fn play(
    scenario: &Scenario,
    catalogue: &Catalogue,
    seed: u64,
    manner: Manner,
    rng: &mut ChaCha8Rng,
) -> Call {
    let mut call = Call::new(
        std::sync::Arc::new(scenario.clone()),
        std::sync::Arc::new(catalogue.clone()),
        seed,
    );
    for _ in 0..40 {
        script::finish_reply(&mut call);
        if call.is_over() {
            break;
        }
        let replies = call.replies();
        let clean = |rng: &mut ChaCha8Rng| {
            let good: Vec<usize> = (0..replies.len())
                .filter(|&i| replies[i].breaks.is_empty())
                .collect();
            if good.is_empty() {
                rng.random_range(0..replies.len())
            } else {
                good[rng.random_range(0..good.len())]
            }
        };
        let step = match manner {
            Manner::Careful => {
                let reply = clean(rng);
                // Hear them out first, then match the voice to how they spoke.
                call.advance_to_floor();
                let voice = if call.customer_is_loud() {
                    Voice::Soft
                } else {
                    Voice::Even
                };
                Step {
                    reply,
                    when: When::Pause,
                    voice,
                }
            }
            Manner::Hasty => Step {
                reply: clean(rng),
                when: When::Interrupt,
                voice: Voice::Soft,
            },
            Manner::FirstCard => Step {
                reply: 0,
                when: When::Pause,
                voice: Voice::Even,
            },
            Manner::Random => Step {
                reply: rng.random_range(0..replies.len()),
                when: [When::Pause, When::Interrupt, When::Pause, When::Late]
                    [rng.random_range(0..4)],
                voice: Voice::ALL[rng.random_range(0..3)],
            },
        };
        if script::perform(&mut call, step).is_err() {
            break;
        }
    }
    script::finish_reply(&mut call);
    call
}

/// Writes a cohort into `data`: profiles and session files as the game writes them, each
/// session's finishing time moved to its day in the two weeks. Returns what was played.
pub fn generate_cohort(
    data: &Path,
    library: &Library,
    catalogue: &Catalogue,
    trainees: usize,
    days: u64,
) -> Expected {
    let store = Store::new(data);
    let mut expected = Expected::default();
    let scenarios = &library.scenarios;
    for (i, name) in NAMES.iter().take(trainees).enumerate() {
        let mut rng = ChaCha8Rng::seed_from_u64(1000 + i as u64);
        let mut profile = Profile::new(name);
        let first_day = (i % 4) as u64;
        let mut n = 0;
        for day in first_day..first_day + days {
            let calls_today = rng.random_range(0..4);
            for k in 0..calls_today {
                let progression = Progression::new(scenarios, &profile, &catalogue.scoring);
                let open: Vec<&Scenario> = scenarios
                    .iter()
                    .filter(|s| progression.can_play(s))
                    .collect();
                let unpassed: Vec<&Scenario> = open
                    .iter()
                    .copied()
                    .filter(|s| !profile.passed(&s.id))
                    .collect();
                // Mostly the next case not yet passed; sometimes any open case again.
                let scenario = if !unpassed.is_empty() && rng.random_range(0..4) > 0 {
                    unpassed[rng.random_range(0..unpassed.len().min(3))]
                } else {
                    open[rng.random_range(0..open.len())]
                };
                let manner = if rng.random_range(0..10) < 7 {
                    manner_of(i)
                } else {
                    Manner::Random
                };
                let call = play(
                    scenario,
                    catalogue,
                    rng.random_range(0..1000),
                    manner,
                    &mut rng,
                );
                record(&store, &mut profile, &call, day, k, n, &mut expected);
                n += 1;
                open_earned_tiers(scenarios, &catalogue.scoring, &mut profile);
            }
        }
        store.save(&profile).unwrap();
    }
    expected
}

/// Records a call as the game does, then gives the session file its simulated finishing
/// time and a name of its own (the game names files by the second, and a simulated trainee
/// plays faster than that).
pub fn record(
    store: &Store,
    profile: &mut Profile,
    call: &Call,
    day: u64,
    k: u64,
    n: usize,
    expected: &mut Expected,
) {
    let written = store.record_session(profile, call).unwrap();
    let finished = start() + Duration::from_secs(day * 86_400 + k * 1_800);
    let stamp = htl_core::vocab::stamp::to_seconds(htl_core::vocab::stamp::from_system(finished));
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(&written).unwrap()).unwrap();
    json["finished"] = stamp.clone().into();
    let scenario = call.scenario();
    let relative = format!(
        "{}/{n:04}-{}.json",
        htl_core::profile::slug(&profile.name),
        scenario.id
    );
    fs::write(
        store.dir().join(&relative),
        serde_json::to_vec_pretty(&json).unwrap(),
    )
    .unwrap();
    fs::remove_file(&written).unwrap();
    expected.files.push(store.dir().join(&relative));
    let last = profile.sessions.last_mut().unwrap();
    last.file = relative;
    last.finished = stamp.clone();

    let score = call.score();
    expected.calls += 1;
    *expected
        .calls_per_trainee
        .entry(profile.name.clone())
        .or_default() += 1;
    let case = expected.per_case.entry(scenario.id.clone()).or_default();
    case.0 += 1;
    case.1 += usize::from(score.passed);
    for choice in call.choices() {
        let beat = scenario.beats[choice.beat].id.clone();
        *expected
            .replies
            .entry((scenario.id.clone(), beat, choice.reply))
            .or_default() += 1;
    }
    for rule in &score.rules {
        *expected.broken.entry(rule.rule.clone()).or_default() += rule.broken;
    }
    expected.days.push(stamp[..10].to_string());
}
