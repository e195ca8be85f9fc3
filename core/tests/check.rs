//! `check` and the loader: every broken fixture gives the expected diagnostic at the
//! expected line and column, the library and the template check clean, and hostile bytes
//! get a clear message.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};

use htl_core::cli::{EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, run_args};
use htl_core::guidance::Catalogue;
use htl_core::scenario::{Severity, load_bytes, load_file, load_paths};

use common::*;

/// (severity, code, line, column) of each diagnostic, in report order.
type Expected = &'static [(Severity, &'static str, usize, usize)];

const E: Severity = Severity::Error;
const W: Severity = Severity::Warning;

const BROKEN: &[(&str, Expected)] = &[
    ("missing_comma.ron", &[(E, "syntax", 4, 22)]),
    // The comma goes after the title's closing quote, not after the comment lines below it.
    ("missing_comma_before_comment.ron", &[(E, "syntax", 4, 49)]),
    ("hash_comment.ron", &[(E, "syntax", 1, 1)]),
    ("misspelt_field.ron", &[(E, "syntax", 5, 5)]),
    ("unknown_rule.ron", &[(E, "unknown-rule", 16, 74)]),
    ("unknown_next.ron", &[(E, "unknown-target", 16, 107)]),
    (
        "duplicate_beat.ron",
        &[(E, "unknown-target", 16, 107), (E, "duplicate-id", 20, 9)],
    ),
    ("unreachable_beat.ron", &[(W, "unreachable", 20, 9)]),
    (
        "unreachable_beat_and_bad_tier.ron",
        &[(E, "unknown-tier", 6, 11), (W, "unreachable", 20, 9)],
    ),
    (
        "no_way_out.ron",
        &[
            (E, "no-way-out", 13, 9),
            (E, "no-way-out", 20, 9),
            (E, "no-ending-reachable", 27, 14),
            (W, "unreachable", 28, 9),
        ],
    ),
    ("no_resolution.ron", &[(E, "no-resolution", 27, 14)]),
    (
        "empty_text.ron",
        &[(E, "empty-text", 21, 29), (E, "empty-text", 23, 23)],
    ),
    (
        "meter_out_of_range.ron",
        &[(E, "out-of-range", 10, 25), (E, "out-of-range", 10, 37)],
    ),
    (
        "unknown_tier_and_channel.ron",
        &[(E, "unknown-tier", 6, 11), (E, "unknown-channel", 7, 14)],
    ),
    ("missing_customer.ron", &[(E, "syntax", 27, 1)]),
    ("no_replies.ron", &[(E, "no-way-out", 20, 9)]),
    ("unknown_requirement.ron", &[(E, "unknown-scenario", 7, 16)]),
    ("unknown_line_loudness.ron", &[(E, "syntax", 14, 66)]),
    ("json_instead.ron", &[(E, "syntax", 1, 1)]),
    ("empty.ron", &[(E, "empty-file", 1, 1)]),
    ("unclosed.ron", &[(E, "syntax", 25, 7)]),
    (
        "pause_as_long_as_dead_air.ron",
        &[(E, "out-of-range", 14, 60)],
    ),
    (
        "undrawable.ron",
        &[(W, "undrawable", 14, 30), (W, "undrawable", 17, 23)],
    ),
    // A word with a non-ASCII letter is one identifier to RON and to the position finder
    // alike: both problems keep their places (they used to land on 1:1).
    (
        "accented_rule_id.ron",
        &[(E, "unknown-rule", 16, 85), (E, "unknown-target", 23, 78)],
    ),
    // RON skips right-to-left marks as whitespace, and so does the position finder.
    ("rtl_mark_indent.ron", &[(E, "unknown-rule", 16, 74)]),
    // Look-alike and invisible characters are named, with the caret on them.
    ("curly_quotes.ron", &[(E, "syntax", 4, 12)]),
    ("nbsp_indent.ron", &[(E, "syntax", 6, 3)]),
    ("arabic_comma.ron", &[(E, "syntax", 6, 12)]),
    ("invisible_in_id.ron", &[(E, "unknown-target", 16, 111)]),
    // At the quote that opened the text, not three lines later.
    ("unclosed_title.ron", &[(E, "syntax", 4, 12)]),
    // At the inner quote that ended the text early.
    ("inner_quote.ron", &[(E, "syntax", 4, 15)]),
    ("decimal_comma.ron", &[(E, "syntax", 14, 61)]),
    // Only the typo: no "no path resolves the call" guessed from it.
    (
        "lowercase_ending_kind.ron",
        &[(E, "unknown-ending-kind", 28, 28)],
    ),
];

#[test]
fn each_broken_fixture_reports_the_expected_diagnostics_at_their_positions() {
    let catalogue = Catalogue::builtin();
    let mut failures = Vec::new();
    for (name, expected) in BROKEN {
        let path = fixture("broken").join(name);
        let library = load_paths(std::slice::from_ref(&path), &catalogue).expect("fixture exists");
        let report = &library.reports[0];
        // The fixtures are kept small: their wrong replies have no `why`, a warning that the
        // shipped library and `unexplained_break_and_no_handover_are_warned` test.
        let found: Vec<(Severity, &str, usize, usize)> = report
            .diagnostics
            .iter()
            .filter(|d| d.code != htl_core::scenario::Code::UnexplainedBreak)
            .map(|d| {
                let at = report.line_col(d);
                (d.severity, d.code.as_str(), at.line, at.column)
            })
            .collect();
        if found != *expected {
            failures.push(format!(
                "{name}: expected {expected:?}\n  found {found:?}\n{}",
                report.render(false)
            ));
        }
        if expected.iter().any(|e| e.0 == E) {
            assert!(
                library.scenarios.is_empty(),
                "{name} has errors but loaded a scenario"
            );
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_fixture_in_the_folder_has_an_expectation() {
    let listed: Vec<&str> = BROKEN.iter().map(|(n, _)| *n).collect();
    for entry in std::fs::read_dir(fixture("broken")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            listed.contains(&name.as_str()),
            "{name} has no expectation in BROKEN"
        );
    }
}

#[test]
fn misspellings_get_a_did_you_mean() {
    let catalogue = Catalogue::builtin();
    let help = |name: &str| {
        let loaded = load_file(&fixture("broken").join(name), &catalogue);
        loaded
            .report
            .diagnostics
            .iter()
            .flat_map(|d| d.help.clone())
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(help("unknown_rule.ron").contains("did you mean `apologize`?"));
    assert!(help("unknown_next.ron").contains("did you mean \"close\"?"));
    assert!(help("misspelt_field.ron").contains("did you mean `brief`?"));
    assert!(help("unknown_tier_and_channel.ron").contains("did you mean `Phone`?"));
    assert!(help("json_instead.ron").contains("looks like JSON"));
}

/// The message and help lines of a fixture's first diagnostic.
fn first_message(name: &str) -> String {
    let loaded = load_file(&fixture("broken").join(name), &Catalogue::builtin());
    let d = &loaded.report.diagnostics[0];
    format!("{} | {} | {}", d.message, d.label, d.help.join(" | "))
}

#[test]
fn look_alike_and_invisible_characters_are_named_with_what_to_type() {
    let curly = first_message("curly_quotes.ron");
    assert!(
        curly.contains("U+201C LEFT DOUBLE QUOTATION MARK"),
        "{curly}"
    );
    assert!(curly.contains("straight double quote `\"`"), "{curly}");
    let nbsp = first_message("nbsp_indent.ron");
    assert!(nbsp.contains("U+00A0 NO-BREAK SPACE"), "{nbsp}");
    assert!(nbsp.contains("plain space"), "{nbsp}");
    let comma = first_message("arabic_comma.ron");
    assert!(comma.contains("U+060C ARABIC COMMA"), "{comma}");
    assert!(comma.contains("`,`"), "{comma}");
    let id = first_message("invisible_in_id.ron");
    assert!(id.contains("\"clo\\u{200B}se\""), "{id}");
    assert!(id.contains("U+200B ZERO WIDTH SPACE"), "{id}");
    assert!(id.contains("delete it"), "{id}");
    assert!(!id.contains("did you mean"), "{id}");
}

/// A library file with `c` inserted at byte `at`: the syntax error's line, column and
/// message.
fn stray_inserted(at: usize, c: char) -> (usize, usize, String) {
    let mut text =
        std::fs::read_to_string(scenarios_dir().join("ar_t2_facebook_post.ron")).unwrap();
    text.insert(at, c);
    let loaded = load_bytes(
        Path::new("stray.ron"),
        text.as_bytes(),
        &Catalogue::builtin(),
    );
    let report = &loaded.report;
    assert_eq!(report.diagnostics.len(), 1, "{}", report.render(false));
    let d = &report.diagnostics[0];
    assert_eq!(d.code.as_str(), "syntax");
    let lc = report.line_col(d);
    (lc.line, lc.column, d.message.clone())
}

#[test]
fn a_stray_character_is_pointed_at_where_ron_stopped_not_where_its_span_starts() {
    // `/` then U+200B: `ron` reports from the `/` to past the mark; the caret goes on the
    // mark (this was 1:1, "I do not know where").
    for c in ['\u{200B}', '\u{200E}', '\u{FEFF}', '\u{00A0}'] {
        let (line, column, message) = stray_inserted(1, c);
        assert_eq!((line, column), (1, 2), "{c:?}: {message}");
        assert!(
            message.contains(&format!("U+{:04X}", u32::from(c))),
            "{message}"
        );
    }
    let (line, column, message) = stray_inserted(1, '\u{e9}');
    assert_eq!((line, column), (1, 2), "{message}");
    assert!(message.contains("cannot be here"), "{message}");
    // At the start of a line: on it, not at the end of the line before.
    let line2 = std::fs::read_to_string(scenarios_dir().join("ar_t2_facebook_post.ron"))
        .unwrap()
        .find('\n')
        .unwrap()
        + 1;
    let (line, column, message) = stray_inserted(line2, '\u{200C}');
    assert_eq!((line, column), (2, 1), "{message}");
    assert!(
        message.contains("U+200C ZERO WIDTH NON-JOINER"),
        "{message}"
    );
    // Inside a field name: named, not "`cus` is not a field".
    let text = std::fs::read_to_string(scenarios_dir().join("ar_t2_facebook_post.ron")).unwrap();
    let field = text.find("    customer: (").unwrap() + "    cus".len();
    let field_line = text[..field].lines().count();
    for c in ['\u{200B}', '\u{200C}', '\u{200F}'] {
        let (line, column, message) = stray_inserted(field, c);
        assert_eq!((line, column), (field_line, 8), "{c:?}: {message}");
        assert!(
            message.contains(&format!("U+{:04X}", u32::from(c))),
            "{message}"
        );
    }
}

#[test]
fn quotes_and_decimal_commas_get_advice_for_what_they_are() {
    let unclosed = first_message("unclosed_title.ron");
    assert!(unclosed.contains("no closing quote"), "{unclosed}");
    assert!(!unclosed.contains("comma"), "{unclosed}");
    let inner = first_message("inner_quote.ron");
    assert!(inner.contains("\\\""), "{inner}");
    assert!(!inner.contains("add a comma"), "{inner}");
    let pause = first_message("decimal_comma.ron");
    assert!(
        pause.contains("write 1.5: a decimal point, not a comma"),
        "{pause}"
    );
}

#[test]
fn rendered_diagnostics_show_file_line_column_source_and_caret() {
    let catalogue = Catalogue::builtin();
    let path = fixture("broken").join("unknown_rule.ron");
    let text = load_file(&path, &catalogue).report.render(false);
    assert!(
        text.contains("error[unknown-rule]: there is no guidance rule `apologise`"),
        "{text}"
    );
    assert!(text.contains("unknown_rule.ron:16:74"), "{text}");
    assert!(
        text.contains("follows: [apologise, real_solution]"),
        "{text}"
    );
    assert!(text.contains("^^^^^^^^^ not a rule id"), "{text}");
}

#[test]
fn the_library_and_the_template_check_clean() {
    let catalogue = Catalogue::builtin();
    let library = load_paths(
        &[scenarios_dir(), root().join("docs/scenario-template.ron")],
        &catalogue,
    )
    .unwrap();
    let problems: Vec<String> = library
        .reports
        .iter()
        .filter(|r| !r.diagnostics.is_empty())
        .map(|r| r.render(false))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(library.scenarios.len(), library.reports.len());
}

fn check(args: &[&str]) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut argv = vec!["hold-the-line", "check", "--color", "never"];
    argv.extend_from_slice(args);
    let code = run_args(argv, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn check_exit_codes_and_summary() {
    let good = scenarios_dir();
    let (code, out, _) = check(&[good.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK, "{out}");
    assert!(out.contains(" 0 errors"), "{out}");

    let broken = fixture("broken");
    let (code, out, _) = check(&[broken.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS);
    let files = std::fs::read_dir(&broken).unwrap().count();
    assert!(out.contains(&format!("checked {files} files:")), "{out}");

    // A warning alone is not a failure.
    let warn_only = broken.join("unreachable_beat.ron");
    let (code, out, _) = check(&[warn_only.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("0 errors, 1 warning"), "{out}");

    let (code, _, err) = check(&["/no/such/folder"]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("/no/such/folder"), "{err}");

    // A mistyped path is reported, and the paths that exist are still checked.
    let (code, out, err) = check(&["/no/such/folder", broken.to_str().unwrap()]);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("/no/such/folder"), "{err}");
    assert!(out.contains(&format!("checked {files} files:")), "{out}");

    let (code, _, err) = check(&["--no-such-flag"]);
    assert_eq!(code, EXIT_USAGE, "{err}");
}

#[test]
fn a_case_thousands_of_beats_long_is_checked_without_a_crash() {
    // The adversarial trainees search a path through every beat, thousands of calls deep,
    // on worker threads with small stacks: this file once aborted `check` with a stack
    // overflow.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("graph_2000.ron");
    std::fs::write(&file, long_scenario_compact("graph_2000", 2000)).unwrap();
    let (code, out, err) = check(&[file.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK, "{out}{err}");
    assert!(out.contains("checked 1 file"), "{out}");
    assert!(out.contains(" 0 errors"), "{out}");
}

#[test]
fn check_json_gives_positions() {
    let path = fixture("broken").join("unknown_next.ron");
    let mut out = Vec::new();
    let code = run_args(
        ["hold-the-line", "check", "--json", path.to_str().unwrap()],
        &mut out,
        &mut Vec::new(),
    );
    assert_eq!(code, EXIT_PROBLEMS);
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let d = &json[0]["diagnostics"][0];
    assert_eq!(d["code"], "unknown-target");
    assert_eq!(d["line"], 16);
    assert_eq!(d["column"], 107);
}

fn bytes_report(bytes: &[u8]) -> (String, Vec<&'static str>) {
    let catalogue = Catalogue::builtin();
    let loaded = load_bytes(Path::new("input.ron"), bytes, &catalogue);
    assert!(loaded.scenario.is_none());
    assert!(loaded.report.has_errors());
    let codes = loaded
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    (loaded.report.render(false), codes)
}

#[test]
fn hostile_bytes_get_clear_messages() {
    let (_, codes) = bytes_report(&[0x00, 0x9f, 0x92, 0x96, 0xff, 0x00, 0x13]);
    assert_eq!(codes, ["not-text"]);

    let (text, codes) = bytes_report(b"Scenario(\n  title: \"caf\xe9\",\n)");
    assert_eq!(codes, ["not-utf8"]);
    assert!(text.contains("input.ron:2:14"), "{text}");

    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Scenario(".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (text, codes) = bytes_report(&utf16);
    assert_eq!(codes, ["not-utf8"]);
    assert!(text.contains("UTF-16"), "{text}");

    // 100,000 nested brackets, at the top and inside a field: a syntax error, no overflow.
    for prefix in [
        "",
        "Scenario(id: ",
        "Scenario(beats: {\"a\": (customer: [Shout(",
    ] {
        let nested = format!("{prefix}{}", "[".repeat(100_000));
        let (text, codes) = bytes_report(nested.as_bytes());
        assert_eq!(codes, ["syntax"], "{text}");
    }

    let (_, codes) = bytes_report(b"   \n\t\n");
    assert_eq!(codes, ["empty-file"]);
}

#[test]
fn long_lines_are_clipped_around_the_caret_and_control_characters_shown() {
    // A 200 KB line with the mistake near its end.
    let long = format!("Scenario(\n  title: \"{}\" oops,\n)", "a".repeat(200_000));
    let (text, codes) = bytes_report(long.as_bytes());
    assert_eq!(codes, ["syntax"]);
    assert!(text.len() < 2000, "{} bytes echoed", text.len());
    assert!(text.contains("input.ron:2:"), "{text}");
    assert!(text.contains(&format!(":2:{}", 200_000 + 11)), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(text.lines().all(|l| l.chars().count() < 200), "{text}");

    // NUL and other control bytes are drawn, not sent to the terminal.
    let (text, codes) = bytes_report(b"Scenario(\n  title: \"a\x00b\x1b[31m\",\n)");
    assert_eq!(codes, ["not-text"]);
    assert!(!text.contains('\0') && !text.contains('\x1b'), "{text:?}");
    assert!(
        text.contains('\u{2400}') && text.contains('\u{241B}'),
        "{text}"
    );

    // The JSON output keeps the exact position.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.ron");
    std::fs::write(&path, &long).unwrap();
    let mut out = Vec::new();
    run_args(
        ["hold-the-line", "check", "--json", path.to_str().unwrap()],
        &mut out,
        &mut Vec::new(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(json[0]["diagnostics"][0]["column"], 200_000 + 11);
}

#[test]
fn a_huge_file_is_refused_by_size_without_reading_it_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    let (code, out, _) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS);
    assert!(out.contains("50.0 MiB, over the 1.0 MiB limit"), "{out}");
}

#[test]
fn a_broken_file_does_not_hide_the_others() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(scenarios_dir()).unwrap() {
        let path = entry.unwrap().path();
        // The cases only: the shifts in `shifts/` are not needed here.
        if path.is_file() {
            std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    let good = std::fs::read_dir(dir.path()).unwrap().count();
    let mut broken = std::fs::File::create(dir.path().join("zz_broken.ron")).unwrap();
    broken.write_all(b"Scenario(id: \"oops\"").unwrap();
    let catalogue = Catalogue::builtin();
    let library = load_paths(&[PathBuf::from(dir.path())], &catalogue).unwrap();
    assert_eq!(library.scenarios.len(), good);
    assert_eq!(library.broken().count(), 1);
}

/// Copies one library scenario into `dir` as `name`, with `edit` applied to its text.
fn copy_scenario(dir: &Path, from: &str, name: &str, edit: impl Fn(String) -> String) {
    let text = std::fs::read_to_string(scenarios_dir().join(from)).unwrap();
    std::fs::write(dir.join(name), edit(text)).unwrap();
}

fn codes_of(library: &htl_core::scenario::Library, file: &str) -> Vec<&'static str> {
    library
        .reports
        .iter()
        .find(|r| r.path.ends_with(file))
        .unwrap()
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

#[test]
fn an_error_in_one_file_does_not_spread_to_files_that_require_it() {
    let dir = tempfile::tempdir().unwrap();
    // The parcel case with an empty title: an error, but its id is still known.
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "a.ron", |t| {
        t.replacen("title: \"The parcel that never came\"", "title: \"\"", 1)
    });
    copy_scenario(dir.path(), "t1_wrong_item.ron", "b.ron", |t| {
        t.replacen(
            "tier: 1,",
            "tier: 1,\n    requires: [\"missing_parcel\"],",
            1,
        )
    });
    let library = load_paths(&[dir.path().to_path_buf()], &Catalogue::builtin()).unwrap();
    assert_eq!(codes_of(&library, "a.ron"), ["empty-text"]);
    assert_eq!(codes_of(&library, "b.ron"), Vec::<&str>::new());
    assert_eq!(library.scenarios.len(), 1);
}

#[test]
fn the_same_file_named_twice_is_not_its_own_duplicate() {
    let path = scenarios_dir().join("t1_missing_parcel.ron");
    let p = path.to_str().unwrap();
    let (code, out, _) = check(&[p, p]);
    assert_eq!(code, EXIT_OK, "{out}");
    assert!(!out.contains("duplicate-id"), "{out}");
}

#[test]
fn giving_up_cannot_end_in_a_settled_ending_and_play_rules_are_not_tagged() {
    let dir = tempfile::tempdir().unwrap();
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "a.ron", |t| {
        t.replacen(
            "temperament: (",
            "temperament: (\n            at_limit: \"resolved\",",
            1,
        )
        .replacen("follows: [", "follows: [lower_your_voice, ", 1)
    });
    let library = load_paths(&[dir.path().to_path_buf()], &Catalogue::builtin()).unwrap();
    let codes = codes_of(&library, "a.ron");
    assert!(codes.contains(&"settled-give-up"), "{codes:?}");
    assert!(codes.contains(&"measured-from-play"), "{codes:?}");
}

#[test]
fn a_file_of_only_comments_is_reported_as_empty() {
    let (_, codes) = bytes_report(b"// a scenario will go here\n// one day\n");
    assert_eq!(codes, ["empty-file"]);
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipping");
        return;
    }
    let (code, out, _) = check(&[fifo.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS);
    assert!(out.contains("not a regular file"), "{out}");
}

#[test]
fn checking_one_file_finds_an_id_a_sibling_already_uses() {
    let dir = tempfile::tempdir().unwrap();
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "parcel.ron", |t| t);
    // A new case started from a copy, its id not yet changed.
    copy_scenario(dir.path(), "t1_wrong_item.ron", "new_case.ron", |t| {
        t.replacen("id: \"wrong_item\"", "id: \"missing_parcel\"", 1)
    });
    let one = dir.path().join("new_case.ron");
    let (code, out, _) = check(&[one.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS, "{out}");
    assert!(out.contains("duplicate-id"), "{out}");
    assert!(out.contains("parcel.ron has the same id"), "{out}");
    assert!(out.contains("checked 1 file:"), "{out}");
    // Both files named: each checked in full, the duplicate reported once.
    let other = dir.path().join("parcel.ron");
    let (_, out, _) = check(&[one.to_str().unwrap(), other.to_str().unwrap()]);
    assert_eq!(out.matches("duplicate-id").count(), 1, "{out}");
}

#[test]
fn requires_is_checked_in_a_file_with_other_errors() {
    let dir = tempfile::tempdir().unwrap();
    // An unknown tier (an error) and a prerequisite with a typo: both reported at once.
    copy_scenario(dir.path(), "t1_wrong_item.ron", "a.ron", |t| {
        t.replacen(
            "tier: 1,",
            "tier: 7,\n    requires: [\"mising_parcel\"],",
            1,
        )
    });
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "b.ron", |t| t);
    let library = load_paths(&[dir.path().to_path_buf()], &Catalogue::builtin()).unwrap();
    assert_eq!(
        codes_of(&library, "a.ron"),
        ["unknown-tier", "unknown-scenario"]
    );

    // A circle between two files, one of which has another error: both ends say so.
    let dir = tempfile::tempdir().unwrap();
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "a.ron", |t| {
        t.replacen("tier: 1,", "tier: 1,\n    requires: [\"wrong_item\"],", 1)
            .replacen("title: \"The parcel that never came\"", "title: \"\"", 1)
    });
    copy_scenario(dir.path(), "t1_wrong_item.ron", "b.ron", |t| {
        t.replacen(
            "tier: 1,",
            "tier: 1,\n    requires: [\"missing_parcel\"],",
            1,
        )
    });
    let library = load_paths(&[dir.path().to_path_buf()], &Catalogue::builtin()).unwrap();
    assert_eq!(
        codes_of(&library, "a.ron"),
        ["empty-text", "requires-cycle"]
    );
    assert_eq!(codes_of(&library, "b.ron"), ["requires-cycle"]);
}

#[test]
fn requires_naming_a_sibling_with_a_syntax_error_says_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    // The parcel case with a missing comma: it does not parse, but its id is right there.
    copy_scenario(dir.path(), "t1_missing_parcel.ron", "parcel.ron", |t| {
        t.replacen("tier: 1,", "tier: 1", 1)
    });
    copy_scenario(dir.path(), "t1_wrong_item.ron", "wrong.ron", |t| {
        t.replacen(
            "tier: 1,",
            "tier: 1,\n    requires: [\"missing_parcel\"],",
            1,
        )
    });
    let library = load_paths(&[dir.path().to_path_buf()], &Catalogue::builtin()).unwrap();
    assert_eq!(codes_of(&library, "parcel.ron"), ["syntax"]);
    let report = library
        .reports
        .iter()
        .find(|r| r.path.ends_with("wrong.ron"))
        .unwrap();
    let messages: Vec<&str> = report
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("\"missing_parcel\" is in")
            && messages[0].contains("parcel.ron, which has errors: fix it first"),
        "{messages:?}"
    );
}

#[test]
fn the_id_scan_finds_the_scenario_id_and_nothing_else() {
    use htl_core::scenario::load::scan_id;
    assert_eq!(
        scan_id("// id: \"no\"\nScenario(\n  title: \"id: x\", /* id: \"c\" */ id: \"yes\","),
        Some("yes".into())
    );
    assert_eq!(
        scan_id("Scenario(beats: {\"b\": (id: \"inner\")}, id : \"top\" "),
        Some("top".into())
    );
    assert_eq!(scan_id("Scenario(tier: 1, ids: \"x\")"), None);
    assert_eq!(scan_id("Scenario(id: \"\")"), None);
}

#[test]
fn a_broken_file_still_shows_its_tier() {
    use htl_core::scenario::load::scan_tier;
    // Comments, texts and nested fields named `tier` are not the scenario's tier.
    let broken = "// tier: 9\nScenario(\n  brief: \"tier: 7\",\n  beats: {\"b\": (tier: 8)},\n  tier: 2,\n  title: \"unclosed\n";
    assert_eq!(scan_tier(broken), Some(2));
    assert_eq!(scan_tier("Scenario(tiers: 3)"), None);
    assert_eq!(scan_tier("Scenario(tier: x)"), None);
    // Arabic text before the field: the scan walks bytes without splitting a letter.
    assert_eq!(
        scan_tier("Scenario(title: \"العميل غاضب\", tier: 3)"),
        Some(3)
    );
}

#[test]
fn folders_are_read_with_their_sub_folders_and_what_is_skipped_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("tier1")).unwrap();
    std::fs::create_dir_all(root.join("arabic/gulf")).unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    copy_scenario(root, "t1_missing_parcel.ron", "parcel.ron", |t| t);
    copy_scenario(
        &root.join("tier1"),
        "t1_wrong_item.ron",
        "WRONG_ITEM.RON",
        |t| t,
    );
    copy_scenario(
        &root.join("arabic/gulf"),
        "ar_t1_no_callback.ron",
        "no_callback.ron",
        |t| t,
    );
    // Looks like scenarios, under other names: said.
    copy_scenario(root, "t1_double_charge.ron", "double_charge.ron.bak", |t| t);
    copy_scenario(root, "t1_long_hold.ron", "long_hold.txt", |t| t);
    // Not scenarios, or hidden: passed over without a word.
    std::fs::write(root.join("README.md"), "Our cases.\n").unwrap();
    copy_scenario(&root.join(".git"), "t1_long_hold.ron", "stash.ron", |t| t);
    #[cfg(unix)]
    {
        // A folder link back to the top: read once, the loop said.
        std::os::unix::fs::symlink(root, root.join("tier1/back_to_top")).unwrap();
        std::os::unix::fs::symlink(root.join("a.ron"), root.join("b.ron")).unwrap();
        std::os::unix::fs::symlink(root.join("b.ron"), root.join("a.ron")).unwrap();
    }
    let library = load_paths(&[root.to_path_buf()], &Catalogue::builtin()).unwrap();
    let mut ids: Vec<&str> = library.scenarios.iter().map(|s| s.id.as_str()).collect();
    ids.sort();
    assert_eq!(ids, ["ar_no_callback", "missing_parcel", "wrong_item"]);
    assert_eq!(library.errors(), 0);
    let skipped = library.skipped.join("\n");
    assert!(
        skipped.contains("double_charge.ron.bak: not a .ron file"),
        "{skipped}"
    );
    assert!(
        skipped.contains("long_hold.txt: not a .ron file"),
        "{skipped}"
    );
    assert!(!skipped.contains("README"), "{skipped}");
    assert!(!skipped.contains(".git"), "{skipped}");
    #[cfg(unix)]
    {
        assert!(
            skipped.contains("back_to_top: a folder link that loops back to"),
            "{skipped}"
        );
        assert!(
            skipped.contains("a.ron: a link that loops or leads nowhere"),
            "{skipped}"
        );
        assert_eq!(library.skipped.len(), 5, "{skipped}");
    }

    // `check` says so on stderr, and a link loop named directly is not "no such file".
    let (code, out, err) = check(&[root.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK, "{out}{err}");
    assert!(out.contains("checked 3 files"), "{out}");
    assert!(err.contains("note: skipped"), "{err}");
    #[cfg(unix)]
    {
        let (code, _, err) = check(&[root.join("a.ron").to_str().unwrap()]);
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("a link that loops or leads nowhere"), "{err}");
    }
}

/// A case a bored trainee passes by gaming the score is not "0 warnings": `check` plays
/// `explore`'s adversaries and warns on the case's id, naming who passes and how.
#[test]
fn check_warns_when_a_trainee_gaming_the_score_passes() {
    let dir = tempfile::tempdir().unwrap();
    let template =
        std::fs::read_to_string(common::root().join("docs/scenario-template.ron")).unwrap();
    // The template as it was: the wrong replies shorter than the right ones, so always
    // taking the longest card passes.
    let gameable = template
        .replace(
            "That's usually your bank holding the payment, not a second charge from us. It happens to lots of customers and drops off by itself in a few days, so there's really nothing to worry about.",
            "That's the bank, not us. It drops off.",
        )
        .replace(
            "I'll raise a ticket with our billing team for you. They work through them in the order they come in, and someone from billing will be in touch with you about the refund once they've looked into it.",
            "I can raise a ticket.",
        );
    assert_ne!(
        gameable, template,
        "the template's wrong replies were found"
    );
    let path = dir.path().join("gameable.ron");
    std::fs::write(&path, &gameable).unwrap();
    let (code, out, _) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK, "a warning, not an error: {out}");
    assert!(out.contains("warning[gameable]"), "{out}");
    assert!(out.contains("most characters"), "{out}");
    assert!(
        out.contains("\"template_double_charge\""),
        "points at the id: {out}"
    );

    // The shipped template: no warning.
    let (_, out, _) = check(&[common::root()
        .join("docs/scenario-template.ron")
        .to_str()
        .unwrap()]);
    assert!(!out.contains("gameable"), "{out}");
}

/// A syntax error stops the checker, but not the search for misspelt rule ids: a trainer
/// fixes both in one sitting.
#[test]
fn a_syntax_error_and_a_misspelt_rule_are_both_reported() {
    let template =
        std::fs::read_to_string(common::root().join("docs/scenario-template.ron")).unwrap();
    let broken = template
        .replacen("title: \"Charged twice\",", "title: \"Charged twice\"", 1)
        .replacen(
            "follows: [take_ownership, real_solution, set_a_deadline]",
            "follows: [take_ownership, real_solutoin, set_a_deadline]",
            1,
        );
    assert_ne!(broken, template);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two_mistakes.ron");
    std::fs::write(&path, &broken).unwrap();
    let (code, out, _) = check(&[path.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS);
    assert!(out.contains("error[syntax]"), "{out}");
    assert!(out.contains("error[unknown-rule]"), "{out}");
    assert!(
        out.contains("real_solutoin") && out.contains("did you mean `real_solution`?"),
        "{out}"
    );
    assert!(out.contains("2 errors"), "{out}");
}

/// Arabic and Hebrew word the customer's verbs by gender: a case names it, a misspelt one
/// is an error with a suggestion, and an Arabic or Hebrew case without one is warned.
#[test]
fn the_customers_gender_is_checked() {
    let arabic =
        std::fs::read_to_string(scenarios_dir().join("ar_t1_callback_not_hold.ron")).unwrap();
    // Each in a folder of its own: siblings with the same id would be duplicates.
    let (one, two) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let write = |name: &str, text: &str| {
        let dir = if name == "misspelt.ron" { &one } else { &two };
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        path
    };
    let misspelt = write(
        "misspelt.ron",
        &arabic.replace("gender: Female,", "gender: Femail,"),
    );
    let (code, out, _) = check(&[misspelt.to_str().unwrap()]);
    assert_eq!(code, EXIT_PROBLEMS);
    assert!(
        out.contains("error[unknown-gender]") && out.contains("did you mean `Female`?"),
        "{out}"
    );
    let missing = write(
        "missing.ron",
        &arabic.replace("        gender: Female,\n", ""),
    );
    let (code, out, _) = check(&[missing.to_str().unwrap()]);
    assert_eq!(code, EXIT_OK, "{out}");
    assert!(out.contains("warning[no-gender]"), "{out}");
    let library = load_paths(&[scenarios_dir()], &Catalogue::builtin()).unwrap();
    let noura = library
        .get("ar_callback_not_hold")
        .map(|s| s.customer.gender);
    assert_eq!(noura, Some(Some(htl_core::scenario::Gender::Female)));
}

/// What the debrief and the guidance need from a case: a wrong reply says why it is wrong,
/// a case about a supervisor request lets the prepared handover pass, and a dialect is the
/// case's language with a country.
#[test]
fn unexplained_breaks_missing_handovers_and_odd_dialects_are_warned() {
    let warned = |file: &str, edit: &dyn Fn(String) -> String| {
        let text = edit(std::fs::read_to_string(scenarios_dir().join(file)).unwrap());
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        std::fs::write(&path, text).unwrap();
        let (code, out, _) = check(&[path.to_str().unwrap()]);
        assert_eq!(code, EXIT_OK, "{out}");
        out
    };
    // The shipped case is clean; without a `why` on a wrong reply it is not.
    let parcel = "t1_missing_parcel.ron";
    assert!(!warned(parcel, &|t| t).contains("warning["));
    let out = warned(parcel, &|t| {
        let at = t.find("why:").unwrap();
        let end = at + t[at..].find('\n').unwrap();
        format!("{}{}", &t[..at], &t[end + 1..])
    });
    assert!(out.contains("warning[unexplained-break]"), "{out}");
    // A supervisor case whose handover is taken away.
    let supervisor = "t3_supervisor_now.ron";
    assert!(!warned(supervisor, &|t| t).contains("no-handover"));
    let out = warned(supervisor, &|t| {
        t.replace("kind: Handover", "kind: Supervisor")
    });
    assert!(out.contains("warning[no-handover]"), "{out}");
    // A dialect of another language.
    let arabic = "ar_t1_callback_not_hold.ron";
    let undialected = |t: String| {
        t.lines()
            .filter(|l| !l.trim_start().starts_with("dialect:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let out = warned(arabic, &|t| {
        undialected(t).replacen(
            "language: \"ar\",",
            "language: \"ar\",\n    dialect: \"he-IL\",",
            1,
        )
    });
    assert!(out.contains("warning[odd-dialect]"), "{out}");
    let out = warned(arabic, &|t| {
        undialected(t).replacen(
            "language: \"ar\",",
            "language: \"ar\",\n    dialect: \"ar-EG\",",
            1,
        )
    });
    assert!(!out.contains("odd-dialect"), "{out}");
}
