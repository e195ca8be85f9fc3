//! Characters a trainer cannot see or cannot tell apart from the one RON wants: curly
//! quotes from a word processor, no-break and zero-width spaces from a web page, the
//! direction marks Arabic and Hebrew keyboards type, Arabic and fullwidth punctuation.
//! A diagnostic that meets one names it (`U+201C LEFT DOUBLE QUOTATION MARK`) and says
//! what to type instead.

use super::locate::{is_ident_continue, is_ron_whitespace};

/// What to do about a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// Type this plain character instead.
    Type(&'static str),
    /// Delete it: it is invisible and means nothing here.
    Delete,
}

/// A character this module names.
#[derive(Debug, Clone, Copy)]
pub struct Named {
    pub c: char,
    pub name: &'static str,
    /// What it looks like to a trainer: "a curly quote", "an invisible mark".
    pub looks: &'static str,
    pub fix: Fix,
}

const CURLY: &str = "a curly quote";
const INVISIBLE: &str = "an invisible character";
const BIDI: &str = "an invisible direction mark";

const fn n(c: char, name: &'static str, looks: &'static str, fix: Fix) -> Named {
    Named {
        c,
        name,
        looks,
        fix,
    }
}

/// Every character named, in code point order.
pub const TABLE: &[Named] = &[
    n(
        '\u{00A0}',
        "NO-BREAK SPACE",
        "a no-break space",
        Fix::Type(" "),
    ),
    n(
        '\u{00AB}',
        "LEFT-POINTING DOUBLE ANGLE QUOTATION MARK",
        "a guillemet",
        Fix::Type("\""),
    ),
    n(
        '\u{00BB}',
        "RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK",
        "a guillemet",
        Fix::Type("\""),
    ),
    n(
        '\u{060C}',
        "ARABIC COMMA",
        "an Arabic comma",
        Fix::Type(","),
    ),
    n(
        '\u{061B}',
        "ARABIC SEMICOLON",
        "an Arabic semicolon",
        Fix::Type(","),
    ),
    n('\u{061C}', "ARABIC LETTER MARK", BIDI, Fix::Delete),
    n('\u{200B}', "ZERO WIDTH SPACE", INVISIBLE, Fix::Delete),
    n('\u{200C}', "ZERO WIDTH NON-JOINER", INVISIBLE, Fix::Delete),
    n('\u{200D}', "ZERO WIDTH JOINER", INVISIBLE, Fix::Delete),
    n('\u{200E}', "LEFT-TO-RIGHT MARK", BIDI, Fix::Delete),
    n('\u{200F}', "RIGHT-TO-LEFT MARK", BIDI, Fix::Delete),
    n(
        '\u{2018}',
        "LEFT SINGLE QUOTATION MARK",
        CURLY,
        Fix::Type("\""),
    ),
    n(
        '\u{2019}',
        "RIGHT SINGLE QUOTATION MARK",
        CURLY,
        Fix::Type("\""),
    ),
    n(
        '\u{201C}',
        "LEFT DOUBLE QUOTATION MARK",
        CURLY,
        Fix::Type("\""),
    ),
    n(
        '\u{201D}',
        "RIGHT DOUBLE QUOTATION MARK",
        CURLY,
        Fix::Type("\""),
    ),
    n(
        '\u{201E}',
        "DOUBLE LOW-9 QUOTATION MARK",
        CURLY,
        Fix::Type("\""),
    ),
    n('\u{202A}', "LEFT-TO-RIGHT EMBEDDING", BIDI, Fix::Delete),
    n('\u{202B}', "RIGHT-TO-LEFT EMBEDDING", BIDI, Fix::Delete),
    n('\u{202C}', "POP DIRECTIONAL FORMATTING", BIDI, Fix::Delete),
    n('\u{202D}', "LEFT-TO-RIGHT OVERRIDE", BIDI, Fix::Delete),
    n('\u{202E}', "RIGHT-TO-LEFT OVERRIDE", BIDI, Fix::Delete),
    n('\u{2066}', "LEFT-TO-RIGHT ISOLATE", BIDI, Fix::Delete),
    n('\u{2067}', "RIGHT-TO-LEFT ISOLATE", BIDI, Fix::Delete),
    n('\u{2068}', "FIRST STRONG ISOLATE", BIDI, Fix::Delete),
    n('\u{2069}', "POP DIRECTIONAL ISOLATE", BIDI, Fix::Delete),
    n(
        '\u{3000}',
        "IDEOGRAPHIC SPACE",
        "a wide space",
        Fix::Type(" "),
    ),
    n(
        '\u{FEFF}',
        "ZERO WIDTH NO-BREAK SPACE (byte order mark)",
        INVISIBLE,
        Fix::Delete,
    ),
    n(
        '\u{FF02}',
        "FULLWIDTH QUOTATION MARK",
        "a wide quote",
        Fix::Type("\""),
    ),
    n(
        '\u{FF08}',
        "FULLWIDTH LEFT PARENTHESIS",
        "a wide bracket",
        Fix::Type("("),
    ),
    n(
        '\u{FF09}',
        "FULLWIDTH RIGHT PARENTHESIS",
        "a wide bracket",
        Fix::Type(")"),
    ),
    n(
        '\u{FF0C}',
        "FULLWIDTH COMMA",
        "a wide comma",
        Fix::Type(","),
    ),
    n(
        '\u{FF1A}',
        "FULLWIDTH COLON",
        "a wide colon",
        Fix::Type(":"),
    ),
    n(
        '\u{FF3B}',
        "FULLWIDTH LEFT SQUARE BRACKET",
        "a wide bracket",
        Fix::Type("["),
    ),
    n(
        '\u{FF3D}',
        "FULLWIDTH RIGHT SQUARE BRACKET",
        "a wide bracket",
        Fix::Type("]"),
    ),
    n(
        '\u{FF5B}',
        "FULLWIDTH LEFT CURLY BRACKET",
        "a wide bracket",
        Fix::Type("{"),
    ),
    n(
        '\u{FF5D}',
        "FULLWIDTH RIGHT CURLY BRACKET",
        "a wide bracket",
        Fix::Type("}"),
    ),
];

/// The table's entry for `c`.
pub fn named(c: char) -> Option<&'static Named> {
    TABLE.iter().find(|n| n.c == c)
}

impl Named {
    /// `U+201C LEFT DOUBLE QUOTATION MARK`.
    pub fn code_and_name(&self) -> String {
        format!("U+{:04X} {}", u32::from(self.c), self.name)
    }

    /// Whether it cannot be seen at all.
    pub fn is_invisible(&self) -> bool {
        self.fix == Fix::Delete
    }

    /// What to do, as a help line.
    pub fn advice(&self) -> String {
        match self.fix {
            Fix::Delete => "delete it (it cannot be seen: delete the characters on either \
                 side of the caret and type them again)"
                .to_string(),
            Fix::Type(" ") => "replace it with a plain space".to_string(),
            Fix::Type("\"") => "type a straight double quote `\"` instead (turn off \"smart \
                 quotes\" in the editor, or switch the keyboard to English)"
                .to_string(),
            Fix::Type(plain) => format!(
                "type a plain `{plain}` instead (switch the keyboard to English for \
                 punctuation)"
            ),
        }
    }
}

/// The named character a syntax error is really about, with its offset, for an error
/// `ron` reports over `span`.
///
/// `ron`'s span runs from where its last step began to where it stopped, so the character
/// can be anywhere in it, not only at its start: at its end when `ron` stopped in front of
/// it (the letter after an identifier it read, the token after the whitespace and the line
/// ends it skipped), or inside it (in an identifier, or right after the `/` that started a
/// comment). Searched in order: the span, skipping the texts in quotes it holds (Arabic and
/// Hebrew lines hold direction marks on purpose), then from its end past whitespace on the
/// same line. The marks `ron` itself skips as whitespace (U+200E, U+200F) are passed over,
/// unless one splits a word in two.
pub fn stray_in(text: &str, span: std::ops::Range<usize>) -> Option<(usize, &'static Named)> {
    let floor = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    let (mut quoted, mut escaped) = (false, false);
    for (i, c) in text[start..end].char_indices() {
        match named(c) {
            _ if escaped => escaped = false,
            _ if quoted && c == '\\' => escaped = true,
            _ if c == '"' => quoted = !quoted,
            Some(n) if !quoted && !is_ron_whitespace(c) => return Some((start + i, n)),
            _ => {}
        }
    }
    // A direction mark inside a word: `ron` skips it as whitespace, so it splits the word
    // in two, and the first half is what `ron` stopped after.
    let mut after = text[end..].chars();
    if let (Some(before), Some(mark), Some(next)) =
        (text[..end].chars().next_back(), after.next(), after.next())
        && is_ron_whitespace(mark)
        && is_ident_continue(before)
        && is_ident_continue(next)
        && let Some(n) = named(mark)
    {
        return Some((end, n));
    }
    for (i, c) in text[end..].char_indices() {
        if let Some(n) = named(c).filter(|_| !is_ron_whitespace(c)) {
            return Some((end + i, n));
        }
        if c == '\n' || !(c.is_whitespace() || is_ron_whitespace(c)) {
            return None;
        }
    }
    None
}

/// Shows the named invisible characters of `text` as `\u{200B}`, so a message quoting
/// it does not look like it quotes something else.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match named(c) {
            Some(n) if n.is_invisible() || c == '\u{00A0}' => {
                out.push_str(&format!("\\u{{{:X}}}", u32::from(c)));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_has_no_twins() {
        assert!(TABLE.windows(2).all(|w| w[0].c < w[1].c));
    }

    #[test]
    fn names_and_shows() {
        assert_eq!(
            named('\u{201C}').unwrap().code_and_name(),
            "U+201C LEFT DOUBLE QUOTATION MARK"
        );
        assert_eq!(visible("clo\u{200B}se"), "clo\\u{200B}se");
        assert_eq!(visible("שלום"), "שלום");
    }
}
