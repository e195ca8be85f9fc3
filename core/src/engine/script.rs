//! Scripted play: a list of steps (which reply, when, in which voice) run against a call.
//! `hold-the-line play --choices` and the tests use it; the explorer uses the same steps.
//!
//! A step is written `REPLY[@WHEN][:VOICE]`, steps separated by commas or spaces:
//!
//! - `REPLY`: the reply's number as the game shows it, 1 for the first.
//! - `WHEN` (default `pause`):
//!   - `pause`: one second after the customer stops talking (in the pause);
//!   - `interrupt`: halfway through the line the customer is saying once the card is on offer;
//!   - `late`: after the silence has become dead air;
//!   - `+S`: S seconds after the customer stops (`+2.5`);
//!   - `tS`: S seconds after the beat starts, whatever the customer is doing (`t3`).
//! - `VOICE` (default `even`): `soft`, `even` or `firm`.
//!
//! Example: `1:soft, 3@interrupt:firm, 2@+12, 1`.

use serde::Serialize;

use super::{Call, CallError, Millis, Voice};
use crate::scenario::Scenario;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum When {
    Pause,
    Interrupt,
    Late,
    AfterStop(Millis),
    AfterStart(Millis),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Step {
    /// 0-based reply index.
    pub reply: usize,
    pub when: When,
    pub voice: Voice,
}

impl std::fmt::Display for Step {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.reply + 1)?;
        match self.when {
            When::Pause => {}
            When::Interrupt => f.write_str("@interrupt")?,
            When::Late => f.write_str("@late")?,
            When::AfterStop(ms) => write!(f, "@+{}", seconds(ms))?,
            When::AfterStart(ms) => write!(f, "@t{}", seconds(ms))?,
        }
        if self.voice != Voice::Even {
            write!(f, ":{}", self.voice.label())?;
        }
        Ok(())
    }
}

fn seconds(ms: Millis) -> String {
    let s = format!("{:.3}", f64::from(ms) / 1000.0);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Parses a script. Errors name the step and say what was expected.
pub fn parse(script: &str) -> Result<Vec<Step>, String> {
    script
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .enumerate()
        .map(|(i, text)| parse_step(text).map_err(|e| format!("step {} `{text}`: {e}", i + 1)))
        .collect()
}

fn parse_step(text: &str) -> Result<Step, String> {
    let (rest, voice) = match text.split_once(':') {
        Some((rest, voice)) => (
            rest,
            Voice::parse(voice)
                .ok_or_else(|| format!("`{voice}` is not a voice (soft, even or firm)"))?,
        ),
        None => (text, Voice::Even),
    };
    let (number, when) = match rest.split_once('@') {
        Some((number, when)) => (number, parse_when(when)?),
        None => (rest, When::Pause),
    };
    let reply: usize = number
        .parse()
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| format!("`{number}` is not a reply number (1, 2, 3, ...)"))?;
    Ok(Step {
        reply: reply - 1,
        when,
        voice,
    })
}

fn parse_when(when: &str) -> Result<When, String> {
    let secs = |s: &str| -> Result<Millis, String> {
        s.parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && (0.0..=3600.0).contains(v))
            .map(|v| (v * 1000.0).round() as Millis)
            .ok_or_else(|| format!("`{s}` is not a number of seconds"))
    };
    match when {
        "pause" => Ok(When::Pause),
        "interrupt" => Ok(When::Interrupt),
        "late" => Ok(When::Late),
        _ if when.starts_with('+') => Ok(When::AfterStop(secs(&when[1..])?)),
        _ if when.starts_with('t') => Ok(When::AfterStart(secs(&when[1..])?)),
        _ => Err(format!(
            "`{when}` is not a time: use pause, interrupt, late, +SECONDS or tSECONDS"
        )),
    }
}

/// Lets the trainee's reply in progress finish, so the next beat (or the ending) begins.
pub fn finish_reply(call: &mut Call) {
    if let super::Phase::Replying { .. } = call.phase() {
        let remaining = call.time_until_floor();
        call.advance(remaining);
    }
}

/// Plays one step: waits as the step says, then replies.
pub fn perform(call: &mut Call, step: Step) -> Result<(), CallError> {
    finish_reply(call);
    if call.is_over() {
        return Err(CallError::Ended);
    }
    let timing = call.timing();
    match step.when {
        When::Pause => {
            call.advance_to_floor();
            call.advance(1_000.min(timing.pause));
        }
        When::Late => {
            call.advance_to_floor();
            call.advance(timing.dead_air + 500);
        }
        When::AfterStop(ms) => {
            call.advance_to_floor();
            call.advance(ms);
        }
        When::AfterStart(ms) => call.advance(ms),
        When::Interrupt => {
            // Halfway through the first line said with the card on offer.
            call.advance_until_offered(Some(step.reply));
            if let super::Phase::Speaking { .. } = call.phase() {
                call.advance(call.current_remaining() / 2);
            }
        }
    }
    if call.is_over() {
        return Err(CallError::Ended);
    }
    call.respond(step.reply, step.voice)
}

/// A script that stopped early.
#[derive(Debug)]
pub struct ScriptError {
    /// 0-based step.
    pub step: usize,
    pub error: CallError,
}

impl std::fmt::Display for ScriptError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "step {}: {}", self.step + 1, self.error)
    }
}

/// Plays a whole script from the start. Returns the call (ended or not) and the first step
/// that could not be played, if any; the call is returned either way so its transcript
/// can be shown.
pub fn run(
    scenario: &Scenario,
    catalogue: &crate::guidance::Catalogue,
    seed: u64,
    steps: &[Step],
) -> (Call, Option<ScriptError>) {
    let mut call = Call::new(
        std::sync::Arc::new(scenario.clone()),
        std::sync::Arc::new(catalogue.clone()),
        seed,
    );
    for (i, &step) in steps.iter().enumerate() {
        if let Err(error) = perform(&mut call, step) {
            return (call, Some(ScriptError { step: i, error }));
        }
    }
    finish_reply(&mut call);
    (call, None)
}
