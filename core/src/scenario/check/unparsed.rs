//! What can still be checked in a file `ron` cannot parse. A syntax error stops the
//! checker's passes, but a trainer fixes a file in one sitting: a misspelt rule id further
//! down should be reported with the missing comma, not after it is fixed. Rule lists
//! (`follows`, `breaks`, `lesson`, `triggers`, `soothers`) are found by reading the text
//! itself, outside strings and comments.

use std::ops::Range;

use super::super::code::Code;
use super::super::diagnostic::Diagnostic;
use crate::guidance::Catalogue;

/// The fields whose value is a list of rule ids.
const RULE_LISTS: [&str; 5] = ["follows", "breaks", "lesson", "triggers", "soothers"];

/// An unknown-rule error for every rule id in the text's rule lists that the catalogue
/// does not have, away from `skip` (the syntax error's own span).
pub fn unknown_rules(text: &str, catalogue: &Catalogue, skip: Range<usize>) -> Vec<Diagnostic> {
    rule_ids(text)
        .into_iter()
        .filter(|(id, span)| {
            !catalogue.contains(id) && (span.end <= skip.start || span.start >= skip.end)
        })
        .map(|(id, span)| {
            let d = Diagnostic::error(
                Code::UnknownRule,
                format!("there is no guidance rule `{id}`"),
                span,
            )
            .label("not a rule id");
            match catalogue.suggest(&id) {
                Some(near) => d.help(format!("did you mean `{near}`?")),
                None => {
                    d.help("rule ids are listed in docs/authoring.md and by `hold-the-line rules`")
                }
            }
        })
        .collect()
}

/// The words of the text outside strings and comments, with their byte spans.
fn words(text: &str) -> Vec<(&str, Range<usize>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < b.len() && !(b[i] == b'*' && b[i + 1] == b'/') {
                    i += 1;
                }
                i += 2;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            c if c == b'_' || c.is_ascii_alphabetic() => {
                let start = i;
                while i < b.len() && (b[i] == b'_' || b[i].is_ascii_alphanumeric()) {
                    i += 1;
                }
                out.push((&text[start..i], start..i));
            }
            c if !c.is_ascii_whitespace() => {
                let len = text[i..].chars().next().map_or(1, char::len_utf8);
                out.push((&text[i..i + len], i..i + len));
                i += len;
            }
            _ => i += 1,
        }
        // Stay on a character boundary after a skipped multi-byte character.
        while i < b.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    out
}

/// Every rule id written inside a rule list: `follows: [a, b]`.
fn rule_ids(text: &str) -> Vec<(String, Range<usize>)> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < words.len() {
        if RULE_LISTS.contains(&words[i].0) && words[i + 1].0 == ":" && words[i + 2].0 == "[" {
            let mut j = i + 3;
            while j < words.len() && words[j].0 != "]" {
                let (word, span) = &words[j];
                if word
                    .chars()
                    .next()
                    .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
                {
                    out.push((word.to_string(), span.clone()));
                } else if *word != "," {
                    // Not a list of ids after all (a typo inside it): stop here.
                    break;
                }
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_lists_are_read_outside_strings_and_comments() {
        let text = r#"(say: "follows: [nope]", // breaks: [also_nope]
            follows: [apologize, aplogize], breaks: [no_excuses])"#;
        let ids: Vec<String> = rule_ids(text).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["apologize", "aplogize", "no_excuses"]);
    }
}
