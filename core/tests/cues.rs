//! What the trainee sees of the moment to speak: cards appear with the line they answer,
//! `check` catches a card that gives away a later line, and the cue to speak runs out
//! visibly, with a missed pause said as missed.

use std::path::Path;
use std::sync::Arc;

use htl_core::engine::{Call, CallError, Event, Phase, ReplyTiming, Voice};
use htl_core::guidance::Catalogue;
use htl_core::scenario::{Scenario, load_bytes};

/// A customer who shouts, pauses, then says the detail the second card answers.
fn scenario(second_after: &str) -> (String, Catalogue) {
    let text = format!(
        r#"Scenario(
    id: "radio",
    title: "Cup final night",
    brief: "The match is off.",
    tier: 2,
    channel: Phone,
    customer: (name: "Dec", meters: (anger: 60, trust: 20, patience: 80)),
    beats: {{
        "vent": (
            customer: [
                Shout("The screen went black in the final!"),
                Pause(2.0),
                Raised("So what, do I listen on the radio?"),
            ],
            replies: [
                (say: "I'm so sorry, in the final of all times.", follows: [apologize], next: "done"),
                (say: "Not the radio: you can watch on your phone tonight.", {second_after} follows: [real_solution], next: "done"),
            ],
        ),
    }},
    endings: {{
        "done": (kind: Resolved, text: "Thanks."),
        "hung_up": (kind: HungUp, text: "Forget it."),
    }},
)
"#
    );
    (text, Catalogue::builtin())
}

fn compile(text: &str, catalogue: &Catalogue) -> (Option<Scenario>, Vec<String>) {
    let loaded = load_bytes(Path::new("radio.ron"), text.as_bytes(), catalogue);
    let codes = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect();
    (loaded.scenario, codes)
}

fn call(scenario: Scenario, catalogue: Catalogue) -> Call {
    Call::new(Arc::new(scenario), Arc::new(catalogue), 1)
}

#[test]
fn a_card_that_answers_a_later_line_appears_only_when_that_line_begins() {
    let (text, catalogue) = scenario("after: 2,");
    let (scenario, codes) = compile(&text, &catalogue);
    assert!(codes.is_empty(), "{codes:?}");
    let mut call = call(scenario.unwrap(), catalogue);
    // First line and the pause after it: only the first card.
    assert_eq!(call.offered(), vec![0]);
    assert!(matches!(
        call.respond(1, Voice::Soft),
        Err(CallError::NotYetSaid { index: 1, line: 2 })
    ));
    while !matches!(call.phase(), Phase::Pausing) {
        call.advance(50);
    }
    assert_eq!(call.offered(), vec![0], "the radio is not mentioned yet");
    // Once they start on the radio, the card is there (saying it now cuts in).
    while !matches!(call.phase(), Phase::Speaking { .. }) {
        call.advance(50);
    }
    assert_eq!(call.offered(), vec![0, 1]);
    call.advance_to_floor();
    call.respond(1, Voice::Soft).unwrap();
    let said = call
        .events()
        .iter()
        .position(|e| matches!(e, Event::Reply { .. }));
    let radio = call
        .events()
        .iter()
        .position(|e| matches!(e, Event::CustomerLine { text, .. } if text.contains("radio")));
    assert!(
        radio < said,
        "the transcript has the radio line before the answer to it"
    );
}

#[test]
fn check_warns_about_a_card_that_gives_away_a_later_line_until_after_says_when() {
    let (text, catalogue) = scenario("");
    let (_, codes) = compile(&text, &catalogue);
    assert_eq!(codes, vec!["answers-unsaid"]);
    // `after` past the beat's lines is an error, not a card that never shows.
    let (text, catalogue) = scenario("after: 3,");
    let (scenario, codes) = compile(&text, &catalogue);
    assert_eq!(codes, vec!["out-of-range"]);
    assert!(scenario.is_none());
}

#[test]
fn the_cue_runs_out_and_a_missed_pause_is_known() {
    let (text, catalogue) = scenario("after: 2,");
    let (scenario, _) = compile(&text, &catalogue);
    let mut call = call(scenario.unwrap(), catalogue);
    assert!(call.cue().is_none(), "no cue while they shout");
    while !matches!(call.phase(), Phase::Pausing) {
        call.advance(50);
    }
    let first = call.cue().expect("a cue in the pause");
    call.advance(500);
    let later = call.cue().expect("still in the pause");
    assert!(later.left() < first.left(), "{first:?} then {later:?}");
    call.advance_to_floor();
    assert!(call.cue().is_some() && !call.missed_the_pause());
    // The opening's window (the pick-up allowance), not the scenario's.
    let window = call.timing().pause;
    call.advance(window + 100);
    assert!(call.cue().is_none());
    assert!(call.missed_the_pause());
    call.respond(0, Voice::Soft).unwrap();
    assert!(call.events().iter().any(|e| matches!(
        e,
        Event::Reply {
            timing: ReplyTiming::Slow,
            ..
        }
    )));
}

/// A breath inside an outburst is the cue only when a right card answers what has been
/// said: with only wrong cards on offer, the screen shows no green cue and no bar there
/// (answering would not be rewarded), while the pause after the customer finishes still is.
#[test]
fn a_pause_mid_outburst_with_only_wrong_cards_on_offer_is_no_cue() {
    let (text, catalogue) = scenario("after: 2,");
    // The first wave's only card made wrong: an excuse.
    let text = text.replace(
        r#"(say: "I'm so sorry, in the final of all times.", follows: [apologize], next: "done"),"#,
        r#"(say: "The provider upstream had an outage tonight.", breaks: [no_excuses], next: "done"),"#,
    );
    let (scenario, _) = compile(&text, &catalogue);
    let mut call = call(scenario.unwrap(), catalogue);
    while !matches!(call.phase(), Phase::Pausing) {
        call.advance(50);
    }
    assert_eq!(call.offered(), vec![0], "a card is on offer");
    assert!(
        call.cue().is_none(),
        "only a wrong card: no cue mid-outburst"
    );
    call.advance_to_floor();
    assert!(call.cue().is_some(), "they finished: the cue to speak");

    // With the right card back, the same breath is a cue.
    let (text, catalogue) = self::scenario("after: 2,");
    let (scenario, _) = compile(&text, &catalogue);
    let mut call = self::call(scenario.unwrap(), catalogue);
    while !matches!(call.phase(), Phase::Pausing) {
        call.advance(50);
    }
    assert!(call.cue().is_some(), "a right card answers the first wave");
}
