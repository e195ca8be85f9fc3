//! Reply cards that appear with what they answer. A card is offered from the beat's first
//! spoken line unless its `after` names a later one; this pass checks `after` against the
//! beat's lines and catches a card that mentions a detail (a number, a name, a word of five
//! letters or more) the customer only says in a later line of the beat, so no reply ever
//! answers something the trainee has not heard.

use std::collections::{BTreeSet, HashMap};

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use super::super::format::{BeatFile, LineFile, ScenarioFile};
use super::super::model::Beat;
use super::checker::{Checker, Step::*};

/// Checks each reply's `after` and fixes the beat's replies to it (clamped to the lines there
/// are), and warns about cards that answer a later line without one.
pub(super) fn appear_with_what_they_answer(
    c: &mut Checker,
    file: &ScenarioFile,
    beats: &mut [Beat],
) {
    // Everything the trainee may have heard or read before a beat: the brief, the customer's
    // situation and every line outside the beat (some path may have said it).
    let mut known_anywhere = words(&file.title);
    known_anywhere.extend(words(&file.brief));
    known_anywhere.extend(words(&file.customer.situation));
    // Each beat's words once, and in how many beats each word is said: a word is known
    // outside beat b when another beat says it too (one pass, not every beat per beat).
    let beat_words: Vec<BTreeSet<String>> =
        file.beats.0.iter().map(|(_, f)| all_words(f)).collect();
    let mut beats_saying: HashMap<&str, usize> = HashMap::new();
    for word in beat_words.iter().flatten() {
        *beats_saying.entry(word.as_str()).or_default() += 1;
    }
    for (b, (beat_file, beat)) in file
        .beats
        .0
        .iter()
        .map(|(_, f)| f)
        .zip(beats.iter_mut())
        .enumerate()
    {
        let spoken: Vec<BTreeSet<String>> = spoken_lines(&beat_file.customer);
        let known = |word: &str| {
            let here = usize::from(beat_words[b].contains(word));
            known_anywhere.contains(word) || beats_saying.get(word).copied().unwrap_or(0) > here
        };
        for (r, (reply_file, reply)) in beat_file
            .replies
            .iter()
            .zip(beat.replies.iter_mut())
            .enumerate()
        {
            let path = [Field("beats"), Entry(b), Field("replies"), Item(r)];
            let count = spoken.len() as u64;
            match reply_file.after {
                Some(n) if n == 0 || n > count.max(1) => {
                    let span = c.payload_at(&[&path[..], &[Field("after")]].concat());
                    c.push(
                        Diagnostic::error(
                            Code::OutOfRange,
                            format!("`after: {n}` names no line of this beat"),
                            span,
                        )
                        .label(format!("the beat has {count} spoken line(s)"))
                        .help(format!("use a line number from 1 to {}", count.max(1))),
                    );
                    reply.after = u8::try_from(count.min(1)).unwrap_or(1);
                }
                Some(n) => reply.after = n.min(count) as u8,
                None => {
                    reply.after = u8::from(count > 0);
                    if let Some((word, line)) = first_unsaid(&reply_file.say, &spoken, known) {
                        let span = c.at(&[&path[..], &[Field("say")]].concat());
                        c.push(
                            Diagnostic::warning(
                                Code::AnswersUnsaid,
                                format!(
                                    "this reply mentions \"{word}\", which the customer first says in line {line} of the beat"
                                ),
                                span,
                            )
                            .label("the card is shown from the first line, before they say it")
                            .help(format!(
                                "add `after: {line},` to the reply so the card appears once they say it, or `after: 1,` if it does not answer that line"
                            )),
                        );
                    }
                }
            }
        }
    }
}

/// The words of each spoken line of a beat (all its variants together), in order.
fn spoken_lines(lines: &[LineFile]) -> Vec<BTreeSet<String>> {
    lines
        .iter()
        .filter_map(|line| match line {
            LineFile::Shout(t) | LineFile::Raised(t) | LineFile::Even(t) | LineFile::Quiet(t) => {
                Some(t.0.iter().flat_map(|v| words(v)).collect())
            }
            LineFile::Pause(_) => None,
        })
        .collect()
}

fn all_words(beat: &BeatFile) -> BTreeSet<String> {
    let lists = [&beat.customer, &beat.when_interrupted, &beat.when_silent];
    let mut out: BTreeSet<String> = lists
        .into_iter()
        .flat_map(|l| spoken_lines(l))
        .flatten()
        .collect();
    for reply in &beat.replies {
        out.extend(spoken_lines(&reply.reaction).into_iter().flatten());
    }
    out
}

/// The first detail of `reply` that the beat's first line does not give, a later line does
/// (1-based), and nothing outside the beat does.
fn first_unsaid(
    reply: &str,
    spoken: &[BTreeSet<String>],
    known: impl Fn(&str) -> bool,
) -> Option<(String, usize)> {
    let first = spoken.first()?;
    words(reply)
        .into_iter()
        .filter(|w| !first.contains(w) && !known(w))
        .filter_map(|w| {
            let line = spoken.iter().position(|l| l.contains(&w))?;
            Some((w, line + 1))
        })
        .min_by_key(|(w, line)| (*line, w.clone()))
}

/// Common English words of five letters or more that name no detail of a case.
const EVERYDAY: &[&str] = &[
    "about",
    "after",
    "again",
    "always",
    "answer",
    "anything",
    "because",
    "before",
    "being",
    "could",
    "every",
    "everyone",
    "everything",
    "going",
    "hello",
    "listen",
    "listening",
    "myself",
    "never",
    "nothing",
    "other",
    "please",
    "really",
    "right",
    "second",
    "should",
    "shouldn",
    "someone",
    "something",
    "sorry",
    "speak",
    "still",
    "thank",
    "thanks",
    "their",
    "there",
    "these",
    "thing",
    "things",
    "think",
    "those",
    "through",
    "today",
    "where",
    "which",
    "while",
    "would",
    "yours",
    "yourself",
];

/// The details in a text: numbers of two digits or more and words of five letters or more,
/// lower-cased (any script), less everyday words.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !EVERYDAY.contains(&w.to_lowercase().as_str()))
        .filter(|w| {
            let n = w.chars().count();
            if w.chars().all(|c| c.is_ascii_digit()) {
                n >= 2
            } else {
                n >= 5
            }
        })
        .map(str::to_lowercase)
        .collect()
}
