//! What exploring a case finds: its paths, endings, manners and adversaries, in one report.

#[allow(unused_imports)]
use super::*;

/// The best an adversarial trainee reaches on a case.
#[derive(Debug, Clone, Serialize)]
pub struct AdversaryResult {
    pub adversary: Adversary,
    /// The highest-scoring path this trainee can play (None if they never finish a call).
    pub best: Option<PathResult>,
    /// Some path this trainee can play passes.
    pub passed: bool,
    /// The best passing path, when it is not `best` (the best-scoring path fails on a
    /// condition other than the score, such as a core rule broken twice).
    pub passing: Option<PathResult>,
    /// The core rules `best` breaks, each with how often.
    pub core_breaks: Vec<(String, usize)>,
    /// This trainee's search hit the budget: `best` is the best found, and `passed: false`
    /// means only that no passing path was found.
    pub partial: bool,
}

/// Whether the case can still be passed when every reply is given in one manner.
#[derive(Debug, Clone, Serialize)]
pub struct Tolerance {
    pub manner: Manner,
    pub passable: bool,
    /// The best score reachable in this manner.
    pub best: Option<u8>,
}

/// A path through the call, in `play --choices` syntax, with its result. `S` holds the
/// steps: a list of them in every result explore gives, a shared list while it searches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathResult<S = Vec<Step>> {
    pub score: u8,
    pub grade: Grade,
    pub passed: bool,
    pub ending: String,
    pub outcome: EndingKind,
    pub mistakes: u16,
    pub steps: S,
    /// How far the path meets its player's aim, ranked before the score (for
    /// `Adversary::EachCoreRuleOnce`, the core rules broken; 0 for everyone else).
    #[serde(skip)]
    pub(super) aim: u8,
}

impl<S> PathResult<S> {
    /// The same result with its steps held as `steps`.
    pub(super) fn with_steps<T>(self, steps: T) -> PathResult<T> {
        PathResult {
            score: self.score,
            grade: self.grade,
            passed: self.passed,
            ending: self.ending,
            outcome: self.outcome,
            mistakes: self.mistakes,
            steps,
            aim: self.aim,
        }
    }
}

impl PathResult {
    /// The path as a `--choices` argument.
    pub fn script(&self) -> String {
        self.steps
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReplyRef {
    pub beat: String,
    /// 1-based, as the game and `play` number them.
    pub number: usize,
    pub text: String,
    /// True when the reply follows rules, breaks none, and sits in a beat a trainee can reach
    /// without a mistake: a reply meant to be good that cannot lead to a pass, which is
    /// likely a wiring mistake. (A good reply in a recovery beat, reached only after a
    /// mistake, may rightly fail to rescue a hard case.)
    pub looks_good: bool,
}

/// A trainee who ignores the words and always picks the longest card, with timing and voice
/// by the book. If that passes, the cards give the answer away.
#[derive(Debug, Clone, Serialize)]
pub struct LongestCard {
    pub score: u8,
    pub passed: bool,
    /// The ending reached, if the call ended.
    pub ending: Option<String>,
    /// Beats that offer both a reply breaking no rule and one breaking some rule.
    pub choice_points: usize,
    /// Of those, the beats where the longest reply is one that breaks no rule.
    pub longest_is_right: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct EndingReach {
    pub id: String,
    pub kind: EndingKind,
    pub reachable: bool,
}

/// What exploring a case found: every ending and how it is reached, the best and worst
/// paths, and how the built-in players fare.
#[derive(Debug, Clone, Serialize)]
pub struct Exploration {
    pub scenario: String,
    pub title: String,
    pub tier: u8,
    pub pass_mark: u8,
    /// Some path passes.
    pub winnable: bool,
    pub best: Option<PathResult>,
    pub worst: Option<PathResult>,
    /// The passing (or failing that, settling) path with the fewest replies.
    pub shortest_resolving: Option<PathResult>,
    pub endings: Vec<EndingReach>,
    /// The most rule breaks a path can have and still pass: how forgiving the case is.
    pub forgiveness: Option<u16>,
    /// The passing path with the most rule breaks.
    pub most_forgiving: Option<PathResult>,
    /// For each manner of play, whether the case can still be passed.
    pub tolerance: Vec<Tolerance>,
    /// Replies on no passing path.
    pub never_worth_choosing: Vec<ReplyRef>,
    /// Catalogue rules no path exercises.
    pub rules_not_exercised: Vec<String>,
    /// Beats no explored path enters: the graph links them, but the meters never let a
    /// call get there (a branch condition that never holds, or anger always at the limit).
    pub beats_never_entered: Vec<String>,
    /// Rules some path exercises.
    pub rules_exercised: Vec<String>,
    /// How far "always pick the longest card" gets: a tell a trainer should remove.
    pub longest_card: LongestCard,
    /// The best each adversarial trainee reaches, in `Adversary::ALL` order.
    pub adversaries: Vec<AdversaryResult>,
    /// States expanded (choice points explored), over all manners and adversaries.
    pub states: usize,
    /// A lower bound on the states there are: `states` when the search was complete, else
    /// `states` plus the distinct states the budget kept the search from expanding.
    pub states_at_least: usize,
    /// Distinct paths (choice sequences) found, capped at [`PATH_CAP`].
    pub paths: u64,
    /// `paths` is the exact count: the search was complete and the count under the cap.
    /// Otherwise there are at least `paths` (more than [`PATH_CAP`] when it is the cap).
    pub paths_exact: bool,
    /// The search hit its budget. Then every figure covers only the paths explored: the
    /// best and worst are the best and worst found, and nothing is claimed never to happen
    /// (`beats_never_entered`, `never_worth_choosing` and `rules_not_exercised` are left
    /// empty, an ending not reached is not proven unreachable, `winnable: false` means
    /// no passing path was found, and an adversary's `passed: false` means no passing path
    /// of theirs was found: see each [`AdversaryResult::partial`]).
    pub partial: bool,
    /// Beats the explored paths did not enter; when the search was complete these are the
    /// `beats_never_entered`, else they are merely not reached yet.
    pub beats_not_reached: usize,
    /// The budget the search ran under.
    pub budget: Budget,
    /// The most memory the search's table of states held at once, estimated, in bytes.
    pub peak_bytes: usize,
    pub micros: u128,
}

impl Exploration {
    /// How much of a partial search was done, for the CLI and the library table: "explored N
    /// states of at least M (budget ...); K beats not reached yet".
    pub fn coverage(&self) -> String {
        format!(
            "explored {} states of at least {} (budget {} states, {} MiB); {} beat{} not reached yet",
            self.states,
            self.states_at_least,
            self.budget.states,
            self.budget.bytes / (1024 * 1024),
            self.beats_not_reached,
            if self.beats_not_reached == 1 { "" } else { "s" },
        )
    }
}
