//! RON's syntax errors turned into diagnostics a trainer can act on: the place, what was
//! expected, and the likely slip (a stray quote, a decimal comma, a typographic character).

#[allow(unused_imports)]
use super::*;

/// The trainee-facing name of a part of the format, for messages that would otherwise
/// show a Rust type name.
pub(super) fn item_name(type_name: Option<&str>) -> String {
    match type_name {
        Some("ScenarioFile" | "Scenario") => "the scenario",
        Some("CustomerFile") => "the customer",
        Some("MetersFile") => "the meters",
        Some("TemperamentFile") => "the temperament",
        Some("TimingFile") => "the timing",
        Some("BeatFile") => "a beat",
        Some("ReplyFile") => "a reply",
        Some("BranchFile") => "a branch",
        Some("DeltaFile") => "the meter effects",
        Some("EndingFile") => "an ending",
        Some("ShiftFile" | "Shift") => "the shift",
        Some("PoolFile") => "a pool",
        Some("BreakFile") => "a break",
        Some("FollowUpFile") => "a follow-up",
        Some(other) => return format!("`{other}`"),
        None => "this item",
    }
    .to_string()
}

pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// Turns `ron`'s error into a diagnostic with a caret and advice.
pub(crate) fn syntax_diagnostic(text: &str, e: &SpannedError) -> Diagnostic {
    // `ron`'s span runs from where its last step began to where it stopped: the character
    // it could not read is at the span's end or just before it, not at its start (which
    // can be the `/` before it, or the start of the line ends it skipped).
    let ron_start = offset_of(text, e.span.start.line, e.span.start.col);
    let ron_end = offset_of(text, e.span.end.line, e.span.end.col).max(ron_start);
    let unexpected = match e.code {
        RonError::UnexpectedChar(c) => unexpected_char_at(text, ron_start..ron_end, c),
        _ => None,
    };
    if let Some(d) = unexpected
        .and_then(|at| Some((at, chars::named(text[at..].chars().next()?)?)))
        .or_else(|| chars::stray_in(text, ron_start..ron_end))
        .map(|(at, named)| stray_char_diagnostic(at, named))
    {
        return d;
    }
    let start = ron_start;
    let mut end = ron_end;
    if end == start {
        // Point at one character so the caret shows.
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    if let Some(d) = quote_or_comma_diagnostic(text, start) {
        return d;
    }
    let (message, help): (String, Option<String>) = match &e.code {
        RonError::Eof => (
            "the file ends in the middle of something".into(),
            Some(
                "a bracket or quote is not closed; check that every ( [ { \" has its partner"
                    .into(),
            ),
        ),
        RonError::ExceededRecursionLimit => (
            "brackets are nested too deeply".into(),
            Some("a scenario needs only a few levels of brackets; is this the right file?".into()),
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let near = suggest(found, expected.iter().copied());
            (
                format!(
                    "`{found}` is not a field of {}",
                    item_name(outer.as_deref())
                ),
                Some(match near {
                    Some(n) => format!("did you mean `{n}`?"),
                    None => format!("the fields here are: {}", expected.join(", ")),
                }),
            )
        }
        RonError::MissingStructField { field, outer } => (
            format!(
                "{} needs `{field}`",
                capitalised(&item_name(outer.as_deref()))
            ),
            Some(format!("add `{field}: ...` (see docs/authoring.md)")),
        ),
        RonError::DuplicateStructField { field, .. } => (
            format!("`{field}` is given twice"),
            Some("keep one of them".into()),
        ),
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let near = suggest(found, expected.iter().copied());
            (
                format!("`{found}` is not one of the choices here"),
                Some(match near {
                    Some(n) => format!(
                        "did you mean `{n}`? The choices are: {}",
                        expected.join(", ")
                    ),
                    None => format!("the choices are: {}", expected.join(", ")),
                }),
            )
        }
        RonError::ExpectedComma => (
            "expected a comma".into(),
            Some("items in ( ), [ ] and { } are separated by commas".into()),
        ),
        RonError::ExpectedString => (
            "expected text in double quotes".into(),
            Some("names you choose and all text go in quotes: \"like this\"".into()),
        ),
        RonError::ExpectedIdentifier => (
            "expected a word without quotes".into(),
            Some(
                "fixed words such as Phone, Resolved or take_ownership are written without quotes"
                    .into(),
            ),
        ),
        RonError::ExpectedDifferentStructName { expected, found } => (
            format!(
                "expected {} here, found `{found}`",
                item_name(Some(expected))
            ),
            Some("write just `(` to open it".into()),
        ),
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => (
            "expected an opening `(` here".into(),
            Some("each item (the scenario, a beat, a reply, an ending) is written in ( )".into()),
        ),
        RonError::ExpectedArray => (
            "expected a list in [ ] here".into(),
            Some("write the items between [ and ], separated by commas".into()),
        ),
        RonError::ExpectedMap => (
            "expected named items in { } here".into(),
            Some("beats and endings are written as { \"id\": (...), ... }".into()),
        ),
        RonError::TrailingCharacters => (
            "there is more text after the scenario ends".into(),
            Some("a file holds one scenario: remove what follows its closing bracket".into()),
        ),
        RonError::ExpectedAttribute | RonError::ExpectedAttributeEnd => (
            "a `#` here starts nothing RON knows".into(),
            Some("comments in a scenario file start with //, not #".into()),
        ),
        RonError::ExpectedStructLikeEnd => (
            "expected a closing `)`".into(),
            Some("check the item's commas and brackets: each ( needs its )".into()),
        ),
        RonError::ExpectedArrayEnd => (
            "expected a closing `]`".into(),
            Some("items in a list are separated by commas and the list ends with ]".into()),
        ),
        RonError::ExpectedMapEnd => (
            "expected a closing `}`".into(),
            Some("entries are separated by commas and the group ends with }".into()),
        ),
        RonError::ExpectedMapColon => (
            "expected a colon".into(),
            Some("each entry is written \"name\": (...)".into()),
        ),
        RonError::ExpectedStringEnd => (
            "this text has no closing quote".into(),
            Some("end the text with \" on the same line; write \\\" for a quote inside it".into()),
        ),
        RonError::ExpectedInteger | RonError::ExpectedFloat => (
            "expected a number".into(),
            Some("write a number such as 40 or 1.5, without quotes".into()),
        ),
        RonError::ExpectedBoolean => (
            "expected true or false".into(),
            Some("write true or false, without quotes".into()),
        ),
        RonError::ExpectedOption | RonError::ExpectedOptionEnd => (
            "expected a value here".into(),
            Some("write the value itself, or leave the field out".into()),
        ),
        RonError::UnclosedBlockComment => (
            "a /* comment is never closed".into(),
            Some("end it with */".into()),
        ),
        RonError::UnexpectedChar(c) => (
            format!("`{}` cannot be here", c.escape_debug()),
            Some("remove it, or put it inside the text's quotes".into()),
        ),
        RonError::InvalidEscape(_) => (
            "a backslash starts an escape RON does not know".into(),
            Some(
                "inside text write \\\\ for a backslash, \\\" for a quote and \\n for a new line"
                    .into(),
            ),
        ),
        other => (other.to_string(), None),
    };
    // The caret goes on what `ron` could not read: the unexpected character, or the token
    // after the whitespace (and line ends) its span starts with.
    let skipped = &text[ron_start..ron_end];
    let caret = match unexpected {
        Some(at) => one_char(text, at),
        None if !skipped.is_empty()
            && ron_end < text.len()
            && skipped
                .chars()
                .all(|c| c.is_whitespace() || locate::is_ron_whitespace(c)) =>
        {
            one_char(text, ron_end)
        }
        None => (start, end),
    };
    let (start, end, label) = match e.code {
        // Point after the item that needs the comma, where the trainee will type it; the
        // comments a trainer writes between fields are skipped.
        RonError::ExpectedComma => match last_code_char_before(text, start) {
            Some((i, c)) => (i, i + c.len_utf8(), "add a comma after this".to_string()),
            None => (caret.0, caret.1, short_label(&e.code)),
        },
        RonError::ExpectedAttribute if text[..start].ends_with('#') => {
            (start - 1, start, "use // here".to_string())
        }
        _ => (caret.0, caret.1, short_label(&e.code)),
    };
    let mut d = Diagnostic::error(Code::Syntax, message, start..end).label(label);
    if let Some(help) = help {
        d = d.help(help);
    }
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') && trimmed.contains("\":") {
        d = d.help("this looks like JSON; scenario files are RON: `Scenario( id: \"...\", ... )`, see docs/authoring.md");
    }
    d
}

/// A syntax error that is really a look-alike or invisible character: names it, with the
/// caret on it and what to type instead.
pub(super) fn stray_char_diagnostic(at: usize, named: &chars::Named) -> Diagnostic {
    let label = match named.fix {
        Fix::Delete => "invisible: delete it".to_string(),
        Fix::Type(" ") => "not a plain space".to_string(),
        Fix::Type(plain) => format!("type `{plain}` here"),
    };
    let mut d = Diagnostic::error(
        Code::Syntax,
        format!("found {}, {}", named.looks, named.code_and_name()),
        at..at + named.c.len_utf8(),
    )
    .label(label)
    .help(named.advice());
    if named.fix == Fix::Type("\"") {
        d = d.help("text goes between two straight quotes: \"like this\"");
    }
    d
}

/// The byte range of the character at `at` (empty at the end of the text).
pub(super) fn one_char(text: &str, at: usize) -> (usize, usize) {
    (
        at,
        text[at..].chars().next().map_or(at, |c| at + c.len_utf8()),
    )
}

/// Where the character `ron` reports as unexpected is: just before the end of its span
/// when `ron` read it (`/` then `c`, where a comment needed a second `/`), or at the end
/// when it only looked at it.
pub(super) fn unexpected_char_at(
    text: &str,
    span: std::ops::Range<usize>,
    c: char,
) -> Option<usize> {
    let end = span.end.min(text.len());
    if text.get(span.start.min(end)..end)?.ends_with(c) {
        Some(end - c.len_utf8())
    } else {
        text.get(end..)?.starts_with(c).then_some(end)
    }
}

/// The string literals of `text` up to `end`, as (opening quote, end) byte ranges, skipping
/// comments. Only plain `"..."` strings; enough to tell where a quote went astray.
pub(super) fn strings_before(text: &str, end: usize) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < end.min(bytes.len()) {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' => {
                let open = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
                out.push(open..i);
            }
            _ => i += 1,
        }
    }
    out
}

/// An unclosed quote, a quote inside text that ends it early, or a decimal comma: what a
/// "comma expected" or "closing bracket expected" at `at` really is.
pub(super) fn quote_or_comma_diagnostic(text: &str, at: usize) -> Option<Diagnostic> {
    let strings = strings_before(text, at + 1);
    let last = strings.last().filter(|s| s.end <= at + 1);
    if let Some(s) = last {
        let body = &text[s.start..s.end.min(text.len())];
        // A text that runs over a line end and stops right where RON gave up: its closing
        // quote is missing, and the quote RON took as the end opened the next text.
        let ends_here = text[s.end.min(text.len())..at.max(s.end)].trim().is_empty() || s.end > at;
        if body.contains('\n') && ends_here {
            return Some(
                Diagnostic::error(
                    Code::Syntax,
                    "this text has no closing quote",
                    s.start..s.start + 1,
                )
                .label("the text opened here runs on to the next line")
                .help("end the text with \" on the same line")
                .help("to put a quote inside text, write \\\": \"He said \\\"no\\\"\""),
            );
        }
        // `"A "fixture" here"`: the second quote ended the text and a word follows it.
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        if s.end == at
            && text[at..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && c != ',')
            && text[at..line_end].contains('"')
        {
            let quote = s.end - 1;
            return Some(
                Diagnostic::error(
                    Code::Syntax,
                    "a quote inside the text ends it early",
                    quote..quote + 1,
                )
                .label("this quote ends the text")
                .help("to put a quote inside text, write \\\": \"He said \\\"no\\\"\""),
            );
        }
    }
    decimal_comma(text, at)
}

/// `Pause(2,5)`: a comma between digits where RON expected the closing `)`.
pub(super) fn decimal_comma(text: &str, at: usize) -> Option<Diagnostic> {
    let before = &text[..at];
    let comma = before
        .trim_end()
        .strip_suffix(',')
        .map(str::len)
        .or_else(|| text[at..].starts_with(',').then_some(at))?;
    let whole = before[..comma].trim_end();
    let int_digits = whole.len() - whole.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let after = text[comma + 1..].trim_start();
    let frac: String = after.chars().take_while(char::is_ascii_digit).collect();
    let opened = whole[..whole.len() - int_digits].trim_end().ends_with('(');
    if int_digits == 0 || frac.is_empty() || !opened {
        return None;
    }
    let number = format!("{}.{frac}", &whole[whole.len() - int_digits..]);
    Some(
        Diagnostic::error(
            Code::Syntax,
            format!("write {number}: a decimal point, not a comma"),
            comma..comma + 1,
        )
        .label(format!("write {number}"))
        .help("numbers in a scenario file use a decimal point: 2.5 seconds, not 2,5"),
    )
}

/// Names an invisible character inside the text a check complains about (an id that
/// looks exactly like one that exists), with the caret on it.
pub(super) fn name_stray_chars(text: &str, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics.iter_mut() {
        if !matches!(
            d.code,
            Code::UnknownTarget
                | Code::UnknownRule
                | Code::UnknownScenario
                | Code::UnknownEndingKind
                | Code::UnknownChannel
                | Code::UnknownTier
                | Code::DuplicateId
                | Code::OddId
        ) {
            continue;
        }
        let Some(written) = text.get(d.span.clone()) else {
            continue;
        };
        let Some((i, named)) = written
            .char_indices()
            .find_map(|(i, c)| chars::named(c).map(|n| (i, n)))
        else {
            continue;
        };
        let cleaned: String = written
            .chars()
            .filter(|&c| chars::named(c).is_none_or(|n| !n.is_invisible()))
            .collect();
        let cleaned = cleaned.trim_matches('"');
        let at = d.span.start + i;
        let whole = std::mem::replace(&mut d.span, at..at + named.c.len_utf8());
        let old_label = std::mem::take(&mut d.label);
        d.message = chars::visible(&d.message);
        d.label = format!("{} here", named.code_and_name());
        d.related.push((whole, old_label));
        // "did you mean "angry"?" for a name that looks exactly like "angry" helps no one.
        d.help.retain(|h| {
            !h.contains(&format!("\"{cleaned}\"")) && !h.contains(&format!("`{cleaned}`"))
        });
        let help = format!(
            "this contains {}, {}; {}",
            named.looks,
            named.code_and_name(),
            named.advice()
        );
        d.help.insert(0, help);
        if named.is_invisible() && !cleaned.is_empty() {
            d.help
                .insert(1, format!("without it, this reads \"{cleaned}\""));
        }
    }
}

/// The last character of code before `pos`, skipping whitespace and `//` comments.
pub(super) fn last_code_char_before(text: &str, pos: usize) -> Option<(usize, char)> {
    let mut end = pos;
    loop {
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[line_start..end];
        let code = &line[..comment_start(line).unwrap_or(line.len())];
        if let Some((i, c)) = code.trim_end().char_indices().next_back() {
            return Some((line_start + i, c));
        }
        if line_start == 0 {
            return None;
        }
        end = line_start - 1;
    }
}

/// Where a `//` comment starts on a line, ignoring `//` inside a string ("https://...").
pub(super) fn comment_start(line: &str) -> Option<usize> {
    let mut in_string = false;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && line[i + 1..].starts_with('/') {
            return Some(i);
        }
    }
    None
}

pub(super) fn short_label(code: &RonError) -> String {
    match code {
        RonError::Eof => "file ends here".into(),
        RonError::ExceededRecursionLimit => "too deep".into(),
        RonError::NoSuchStructField { .. } => "unknown field".into(),
        RonError::MissingStructField { .. } => "missing a field".into(),
        _ => "here".into(),
    }
}
