//! Finds where things are in a RON file, so a check can point at the offending item.
//!
//! serde forgets positions once a file is deserialized. After `ron` has parsed a file
//! successfully, this module reads it a second time into a light tree of spans (fields, list
//! items, map entries) that the semantic checks query by path: "the `next` of reply 3 of the
//! 5th beat". It never decides whether a file is valid; `ron` does that.

use std::ops::Range;

/// Byte range into the source text.
pub type Span = Range<usize>;

#[derive(Debug, Clone)]
pub struct Node {
    pub span: Span,
    pub kind: Kind,
}

#[derive(Debug, Clone)]
pub enum Kind {
    /// `Name(field: value, ...)` or `(field: value, ...)`.
    Struct(Vec<Field>),
    /// `Name(value, ...)` (enum variants, `Some(..)`) or a plain tuple.
    Tuple(Vec<Node>),
    List(Vec<Node>),
    Map(Vec<(Node, Node)>),
    Str(String),
    /// An identifier, number or anything else that is a single token.
    Atom,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub name_span: Span,
    pub value: Node,
}

impl Node {
    /// A struct's field by name, looking through `Some(..)` wrappers.
    pub fn field(&self, name: &str) -> Option<&Node> {
        match &self.unwrap_newtype().kind {
            Kind::Struct(fields) => fields.iter().find(|f| f.name == name).map(|f| &f.value),
            _ => None,
        }
    }

    /// A field's name span (for "this field" labels), or None.
    pub fn field_name_span(&self, name: &str) -> Option<Span> {
        match &self.unwrap_newtype().kind {
            Kind::Struct(fields) => fields
                .iter()
                .find(|f| f.name == name)
                .map(|f| f.name_span.clone()),
            _ => None,
        }
    }

    /// The i-th item of a list or tuple.
    pub fn item(&self, i: usize) -> Option<&Node> {
        match &self.unwrap_newtype().kind {
            Kind::List(items) | Kind::Tuple(items) => items.get(i),
            _ => None,
        }
    }

    /// The i-th entry of a map, in file order: (key, value).
    pub fn entry(&self, i: usize) -> Option<(&Node, &Node)> {
        match &self.kind {
            Kind::Map(entries) => entries.get(i).map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The content of a one-item tuple such as `Some(x)` or `Shout("...")`, else itself.
    fn unwrap_newtype(&self) -> &Node {
        match &self.kind {
            Kind::Tuple(items) if items.len() == 1 => items[0].unwrap_newtype(),
            _ => self,
        }
    }

    /// The payload of a newtype variant (`Shout("..")` → the string node).
    pub fn payload(&self) -> &Node {
        self.unwrap_newtype()
    }
}

/// Reads `source` into a span tree, or None when it holds no value at all.
///
/// A part of the file this reader cannot make sense of is kept as an opaque node spanning
/// it, and reading goes on after it: one odd item loses its own positions, never those of
/// the rest of the file.
pub fn parse(source: &str) -> Option<Node> {
    let tokens = tokenize(source);
    let mut parser = Parser {
        tokens: &tokens,
        pos: 0,
        depth: 0,
    };
    parser.value()
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Str(String),
    Ident(String),
    Other,
}

/// What `ron` 0.12 skips as whitespace (`ron::parse::is_whitespace_char`): besides the
/// ASCII ones, NEL, the line and paragraph separators, and the left-to-right and
/// right-to-left marks that Arabic and Hebrew editors put in a line.
pub(crate) const fn is_ron_whitespace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\x0B'
            | '\x0C'
            | '\u{85}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The first character of a `ron` identifier: `_` or a Unicode XID_Start letter (`é`, `ש`).
pub(crate) fn is_ident_start(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

/// A later character of a `ron` identifier.
pub(crate) fn is_ident_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}

/// Characters that end a number or other bare token.
fn is_delimiter(c: char) -> bool {
    is_ron_whitespace(c) || matches!(c, '(' | ')' | '[' | ']' | '{' | '}' | ',' | ':' | '"')
}

fn tokenize(source: &str) -> Vec<(Tok, Span)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = source[i..].chars().next() {
        let start = i;
        match c {
            c if is_ron_whitespace(c) => i += c.len_utf8(),
            '/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            '/' if bytes.get(i + 1) == Some(&b'*') => {
                // RON block comments nest.
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            '#' => {
                // `#![enable(...)]` attributes: skip to the matching `]`.
                let mut depth = 0usize;
                while i < bytes.len() {
                    match bytes[i] {
                        b'[' => depth += 1,
                        b']' => {
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                i += 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            '(' | '[' | '{' => {
                out.push((Tok::Open(c), start..i + 1));
                i += 1;
            }
            ')' | ']' | '}' => {
                out.push((Tok::Close(c), start..i + 1));
                i += 1;
            }
            ',' => {
                out.push((Tok::Comma, start..i + 1));
                i += 1;
            }
            ':' => {
                out.push((Tok::Colon, start..i + 1));
                i += 1;
            }
            '"' => {
                let (text, end) = quoted_string(source, i);
                out.push((Tok::Str(text), start..end));
                i = end;
            }
            'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#'))
                && raw_string_start(bytes, i).is_some() =>
            {
                let (text, end) = raw_string(source, i);
                out.push((Tok::Str(text), start..end));
                i = end;
            }
            '\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(bytes.len());
                while !source.is_char_boundary(i) {
                    i += 1;
                }
                out.push((Tok::Other, start..i));
            }
            'r' if bytes.get(i + 1) == Some(&b'#') => {
                // A raw identifier `r#name`, whose name may also hold `.`, `+` and `-`.
                i += 2;
                let name_start = i;
                i += take_while(&source[i..], |c| {
                    is_ident_continue(c) || matches!(c, '.' | '+' | '-')
                });
                out.push((Tok::Ident(source[name_start..i].to_string()), start..i));
            }
            c if is_ident_start(c) => {
                i += c.len_utf8();
                i += take_while(&source[i..], is_ident_continue);
                out.push((Tok::Ident(source[start..i].to_string()), start..i));
            }
            _ => {
                // Numbers and anything else: one token up to the next delimiter.
                i += c.len_utf8();
                i += take_while(&source[i..], |c| !is_delimiter(c));
                out.push((Tok::Other, start..i));
            }
        }
    }
    out
}

/// The byte length of the leading characters of `text` that satisfy `keep`.
fn take_while(text: &str, keep: impl Fn(char) -> bool) -> usize {
    text.char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(text.len(), |(i, _)| i)
}

/// Reads a `"..."` string starting at `start`, returning its (unescaped) text and end offset.
fn quoted_string(source: &str, start: usize) -> (String, usize) {
    let mut text = String::new();
    let mut chars = source[start + 1..].char_indices();
    while let Some((offset, c)) = chars.next() {
        match c {
            '"' => return (text, start + 1 + offset + 1),
            '\\' => match chars.next() {
                Some((_, 'n')) => text.push('\n'),
                Some((_, 't')) => text.push('\t'),
                Some((_, other)) => text.push(other),
                None => break,
            },
            _ => text.push(c),
        }
    }
    (text, source.len())
}

fn raw_string_start(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while bytes.get(i) == Some(&b'#') {
        i += 1;
    }
    (bytes.get(i) == Some(&b'"')).then_some(i - start - 1)
}

fn raw_string(source: &str, start: usize) -> (String, usize) {
    let hashes = raw_string_start(source.as_bytes(), start).unwrap_or(0);
    let body_start = start + 2 + hashes;
    let terminator = format!("\"{}", "#".repeat(hashes));
    match source[body_start..].find(&terminator) {
        Some(len) => (
            source[body_start..body_start + len].to_string(),
            body_start + len + terminator.len(),
        ),
        None => (source[body_start..].to_string(), source.len()),
    }
}

struct Parser<'t> {
    tokens: &'t [(Tok, Span)],
    pos: usize,
    depth: usize,
}

/// Deeper than `ron`'s own recursion limit: a file that parsed cannot get here.
const MAX_DEPTH: usize = 256;

impl Parser<'_> {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|(t, _)| t)
    }

    fn peek_at(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.pos + ahead).map(|(t, _)| t)
    }

    fn span(&self) -> Span {
        self.tokens
            .get(self.pos)
            .map(|(_, s)| s.clone())
            .unwrap_or_else(|| self.end()..self.end())
    }

    /// Where the last token read so far ends.
    fn end(&self) -> usize {
        self.pos
            .checked_sub(1)
            .and_then(|p| self.tokens.get(p))
            .map_or(0, |(_, s)| s.end)
    }

    fn at_close(&self) -> bool {
        matches!(self.peek(), Some(Tok::Close(_)) | None)
    }

    fn value(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            return None;
        }
        let result = self.value_inner();
        self.depth -= 1;
        result
    }

    /// A value, or when it cannot be read, an opaque node over the tokens up to the next
    /// comma or closing bracket of the enclosing item.
    fn value_or_skip(&mut self) -> Node {
        let start = self.pos;
        let begin = self.span().start;
        match self.value() {
            Some(node) => node,
            None => {
                self.pos = start;
                self.skip_to_separator();
                Node {
                    span: begin..self.end().max(begin),
                    kind: Kind::Atom,
                }
            }
        }
    }

    /// Skips to the next comma or closing bracket at this level (not consuming it).
    fn skip_to_separator(&mut self) {
        let mut depth = 0usize;
        while let Some(tok) = self.peek() {
            match tok {
                Tok::Open(_) => depth += 1,
                Tok::Close(_) if depth == 0 => return,
                Tok::Close(_) => depth -= 1,
                Tok::Comma if depth == 0 => return,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// After an item: consumes its comma, or skips what should not be there. False when
    /// the enclosing bracket ends.
    fn separator(&mut self) -> bool {
        if self.peek() != Some(&Tok::Comma) {
            self.skip_to_separator();
        }
        if self.peek() == Some(&Tok::Comma) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn value_inner(&mut self) -> Option<Node> {
        let start = self.span();
        match self.peek()?.clone() {
            Tok::Str(s) => {
                self.pos += 1;
                Some(Node {
                    span: start,
                    kind: Kind::Str(s),
                })
            }
            Tok::Ident(_) => {
                self.pos += 1;
                if self.peek() == Some(&Tok::Open('(')) {
                    let mut node = self.parens();
                    node.span.start = start.start;
                    Some(node)
                } else {
                    Some(Node {
                        span: start,
                        kind: Kind::Atom,
                    })
                }
            }
            Tok::Open('(') => Some(self.parens()),
            Tok::Open('[') => {
                self.pos += 1;
                let items = self.items();
                let end = self.close();
                Some(Node {
                    span: start.start..end,
                    kind: Kind::List(items),
                })
            }
            Tok::Open('{') => {
                self.pos += 1;
                let mut entries = Vec::new();
                while !self.at_close() {
                    let key = self.value_or_skip();
                    if self.peek() == Some(&Tok::Colon) {
                        self.pos += 1;
                        let value = self.value_or_skip();
                        entries.push((key, value));
                    }
                    if !self.separator() {
                        break;
                    }
                }
                let end = self.close();
                Some(Node {
                    span: start.start..end,
                    kind: Kind::Map(entries),
                })
            }
            Tok::Other => {
                self.pos += 1;
                Some(Node {
                    span: start,
                    kind: Kind::Atom,
                })
            }
            _ => None,
        }
    }

    /// `( ... )`: a struct when it starts with `name:`, otherwise a tuple.
    fn parens(&mut self) -> Node {
        let start = self.span();
        self.pos += 1; // (
        let is_struct =
            matches!(self.peek(), Some(Tok::Ident(_))) && self.peek_at(1) == Some(&Tok::Colon);
        let kind = if is_struct {
            let mut fields = Vec::new();
            while !self.at_close() {
                if let (Some(Tok::Ident(name)), Some(Tok::Colon)) =
                    (self.peek().cloned(), self.peek_at(1))
                {
                    let name_span = self.span();
                    self.pos += 2;
                    let value = self.value_or_skip();
                    fields.push(Field {
                        name,
                        name_span,
                        value,
                    });
                }
                if !self.separator() {
                    break;
                }
            }
            Kind::Struct(fields)
        } else {
            Kind::Tuple(self.items())
        };
        let end = self.close();
        Node {
            span: start.start..end,
            kind,
        }
    }

    /// Comma-separated values up to (not including) the closing bracket.
    fn items(&mut self) -> Vec<Node> {
        let mut items = Vec::new();
        while !self.at_close() {
            items.push(self.value_or_skip());
            if !self.separator() {
                break;
            }
        }
        items
    }

    /// Consumes a closing bracket and returns where it ends (where the text ends when it
    /// is missing).
    fn close(&mut self) -> usize {
        match self.tokens.get(self.pos) {
            Some((Tok::Close(_), span)) => {
                let end = span.end;
                self.pos += 1;
                end
            }
            _ => self.end(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_fields_items_and_entries() {
        let src = r#"// comment
Scenario(
    id: "a",
    beats: {
        "one": (customer: [Shout("hi"), Pause(2.0)], replies: []),
        "two": (replies: [(say: "x", next: "one")]),
    },
)"#;
        let root = parse(src).expect("parses");
        let id = root.field("id").unwrap();
        assert_eq!(&src[id.span.clone()], "\"a\"");
        let beats = root.field("beats").unwrap();
        let (key, beat) = beats.entry(1).unwrap();
        assert_eq!(&src[key.span.clone()], "\"two\"");
        let next = beat
            .field("replies")
            .and_then(|r| r.item(0))
            .and_then(|r| r.field("next"))
            .unwrap();
        assert_eq!(&src[next.span.clone()], "\"one\"");
        let shout = beats
            .entry(0)
            .unwrap()
            .1
            .field("customer")
            .unwrap()
            .item(0)
            .unwrap();
        assert_eq!(&src[shout.span.clone()], "Shout(\"hi\")");
        assert_eq!(&src[shout.payload().span.clone()], "\"hi\"");
    }

    #[test]
    fn survives_strings_with_brackets_and_escapes() {
        let src = r##"(a: "x ) ] \" y", b: r#"raw ( "# , c: 1.5e3)"##;
        let root = parse(src).expect("parses");
        assert!(root.field("c").is_some());
    }
}

#[cfg(test)]
mod unicode_tests {
    use super::*;

    #[test]
    fn words_with_non_ascii_letters_are_one_identifier() {
        let src = "(follows: [réal_solution, apologize], next: \"x\")";
        let root = parse(src).expect("parses");
        let item = root.field("follows").and_then(|f| f.item(1)).unwrap();
        assert_eq!(&src[item.span.clone()], "apologize");
        assert!(root.field("next").is_some());
    }

    #[test]
    fn bidi_marks_and_line_separators_are_whitespace_as_in_ron() {
        let src = "(\n\u{200F}    id: \"a\",\n  \u{200E}title:\u{2028}\"t\",\n)";
        let root = parse(src).expect("parses");
        assert_eq!(&src[root.field("title").unwrap().span.clone()], "\"t\"");
        assert_eq!(&src[root.field("id").unwrap().span.clone()], "\"a\"");
    }

    #[test]
    fn an_unreadable_item_loses_only_its_own_position() {
        // `@@` and the stray `:` mean nothing here; the fields around them are still found.
        let src = "(a: [1, @@ : x, 3], b: { \"k\": : , \"j\": 2 }, ?? , c: \"z\")";
        let root = parse(src).expect("parses");
        let a = root.field("a").unwrap();
        assert_eq!(&src[a.item(2).unwrap().span.clone()], "3");
        let (key, value) = root.field("b").unwrap().entry(1).unwrap();
        assert_eq!(&src[key.span.clone()], "\"j\"");
        assert_eq!(&src[value.span.clone()], "2");
        assert_eq!(&src[root.field("c").unwrap().span.clone()], "\"z\"");
    }
}
