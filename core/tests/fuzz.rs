//! Property tests: whatever bytes `check` is given, random or a real scenario mutated, it
//! answers with diagnostics that point inside the file, and never panics or hangs.

mod common;

use std::path::Path;

use htl_core::guidance::Catalogue;
use htl_core::scenario::load_bytes;
use proptest::prelude::*;

fn assert_sane(bytes: &[u8]) {
    let catalogue = Catalogue::builtin();
    let loaded = load_bytes(Path::new("fuzz.ron"), bytes, &catalogue);
    let report = &loaded.report;
    for d in &report.diagnostics {
        assert!(d.span.start <= d.span.end, "{d:?}");
        assert!(d.span.end <= report.source.len(), "{d:?} past the end");
        assert!(!d.message.is_empty());
    }
    // Rendering must never fail or panic either.
    let _ = report.render(false);
    if loaded.scenario.is_some() {
        assert!(!report.has_errors());
    }
}

fn seed_scenario() -> Vec<u8> {
    std::fs::read(common::scenarios_dir().join("t1_missing_parcel.ron")).unwrap()
}

#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, Vec<u8>),
    Replace(usize, u8),
    Duplicate(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), 1usize..40).prop_map(|(at, len)| Edit::Delete(at, len)),
        (
            any::<usize>(),
            prop::collection::vec(
                prop::sample::select(
                    b"()[]{}:,\"'/*#rR0123456789.-_ abcXYZ\n\\\xc3\xa9\xff\x00".to_vec()
                ),
                1..8
            )
        )
            .prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Edit::Duplicate(at, len)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        if bytes.is_empty() {
            break;
        }
        let n = bytes.len();
        match e {
            Edit::Delete(at, len) => {
                let at = at % n;
                bytes.drain(at..(at + len).min(n));
            }
            Edit::Insert(at, new) => {
                let at = at % (n + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Replace(at, b) => bytes[at % n] = *b,
            Edit::Duplicate(at, len) => {
                let at = at % n;
                let chunk: Vec<u8> = bytes[at..(at + len).min(n)].to_vec();
                bytes.splice(at..at, chunk);
            }
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        assert_sane(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "[(){}\\[\\]:,\"a-zA-Z0-9_ \n./*-]{0,400}") {
        assert_sane(text.as_bytes());
    }

    #[test]
    fn mutated_scenarios_never_panic(edits in prop::collection::vec(edit(), 1..6)) {
        assert_sane(&apply(seed_scenario(), &edits));
    }
}

#[test]
fn deep_nesting_of_every_bracket_kind_is_refused_not_overflowed() {
    for open in ["(", "[", "{", "Scenario(", "Shout("] {
        let text = open.repeat(100_000);
        assert_sane(text.as_bytes());
    }
    let mut lines = String::from("Scenario(id: ");
    lines.push_str(&"[".repeat(50_000));
    assert_sane(lines.as_bytes());
}

/// The library's scenario files, in a stable order.
fn library_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(common::scenarios_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    files
}

/// Invisible characters, bidi controls, right-to-left marks and non-ASCII letters: what
/// Arabic and Hebrew editors, and copying from a web page, put into a file unseen.
const STRAY: &[char] = &[
    '\u{200B}', '\u{200E}', '\u{200F}', '\u{00A0}', '\u{FEFF}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{061C}', '\u{200C}', '\u{200D}', 'é', 'ü', 'ש', 'ع', 'ß',
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Wherever such characters land, every diagnostic points somewhere in the file: never
    /// at 1:1, the "I do not know where" of a lost position, unless the file's first
    /// character is the problem.
    #[test]
    fn stray_characters_never_lose_positions(
        file in any::<prop::sample::Index>(),
        inserts in prop::collection::vec(
            (any::<prop::sample::Index>(), prop::sample::select(STRAY)),
            1..4,
        ),
    ) {
        let files = library_files();
        let path = &files[file.index(files.len())];
        let mut text = std::fs::read_to_string(path).unwrap();
        let mut at_start = false;
        for (at, c) in &inserts {
            let boundaries: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            let offset = boundaries[at.index(boundaries.len())];
            at_start |= offset == 0;
            text.insert(offset, *c);
        }
        let loaded = load_bytes(Path::new("stray.ron"), text.as_bytes(), &Catalogue::builtin());
        let report = &loaded.report;
        if !at_start {
            for d in &report.diagnostics {
                let at = report.line_col(d);
                prop_assert!(
                    (at.line, at.column) != (1, 1),
                    "{} got {:?} at 1:1:\n{}",
                    path.display(),
                    d.code,
                    report.render(false)
                );
            }
        }
    }
}
