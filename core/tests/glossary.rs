//! One word per idea in each language: the glossary (docs/glossary.md) names the term the
//! message files use for each idea, and the words they must not use instead. A trainee who
//! reads "the pause" on the brief and "the break" in the debrief learns two things, not one.

mod common;

use std::collections::BTreeMap;

/// The message values of a language's files (comments left out), one string per file.
fn messages(lang: &str) -> Vec<(String, String)> {
    let dir = common::root().join("assets/locales").join(lang);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            let values: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .map(|l| format!("{l}\n"))
                .collect();
            out.push((path.display().to_string(), values));
        }
    }
    out
}

/// The rows of the Markdown table that follows `heading` (None: the first table), as cells.
fn table(doc: &str, heading: Option<&str>) -> Vec<Vec<String>> {
    let from = heading.map_or(0, |h| doc.find(h).expect("the glossary's heading"));
    doc[from..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .skip(2)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect()
}

#[test]
fn the_message_files_use_the_glossarys_terms_and_not_the_words_it_rules_out() {
    let doc = std::fs::read_to_string(common::root().join("docs/glossary.md")).unwrap();
    let langs = ["en", "ar", "he"];
    let files: BTreeMap<&str, Vec<(String, String)>> =
        langs.iter().map(|l| (*l, messages(l))).collect();
    let mut problems = Vec::new();
    let terms = table(&doc, None);
    assert!(terms.len() >= 8, "the glossary has {} ideas", terms.len());
    for row in &terms {
        for (i, lang) in langs.iter().enumerate() {
            let term = &row[i + 1];
            if !files[lang]
                .iter()
                .any(|(_, text)| text.contains(term.as_str()))
            {
                problems.push(format!("{lang}: \"{term}\" ({}) is in no message", row[0]));
            }
        }
    }
    let banned = table(&doc, Some("## Words not to use"));
    assert!(!banned.is_empty(), "the glossary lists words not to use");
    for row in &banned {
        let (lang, word) = (row[0].as_str(), &row[1]);
        for (file, text) in &files[lang] {
            if text.contains(word.as_str()) {
                problems.push(format!("{file}: \"{word}\" (use \"{}\")", row[2]));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
