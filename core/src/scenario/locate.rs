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

/// Reads `source` into a span tree, or None when it is not shaped like RON after all.
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

fn tokenize(source: &str) -> Vec<(Tok, Span)> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
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
            b'#' => {
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
            b'(' | b'[' | b'{' => {
                out.push((Tok::Open(c as char), start..i + 1));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((Tok::Close(c as char), start..i + 1));
                i += 1;
            }
            b',' => {
                out.push((Tok::Comma, start..i + 1));
                i += 1;
            }
            b':' => {
                out.push((Tok::Colon, start..i + 1));
                i += 1;
            }
            b'"' => {
                let (text, end) = quoted_string(source, i);
                out.push((Tok::Str(text), start..end));
                i = end;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#'))
                && raw_string_start(bytes, i).is_some() =>
            {
                let (text, end) = raw_string(source, i);
                out.push((Tok::Str(text), start..end));
                i = end;
            }
            b'\'' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(bytes.len());
                out.push((Tok::Other, start..i));
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                if c == b'r' && bytes.get(i + 1) == Some(&b'#') {
                    i += 2; // raw identifier r#name
                }
                let name_start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push((Tok::Ident(source[name_start..i].to_string()), start..i));
            }
            _ => {
                // Numbers and anything else: one token up to the next delimiter.
                i += 1;
                while i < bytes.len()
                    && !matches!(
                        bytes[i],
                        b' ' | b'\t'
                            | b'\n'
                            | b'\r'
                            | b'('
                            | b')'
                            | b'['
                            | b']'
                            | b'{'
                            | b'}'
                            | b','
                            | b':'
                            | b'"'
                    )
                {
                    i += 1;
                }
                // Never split a UTF-8 character.
                while i < bytes.len() && !source.is_char_boundary(i) {
                    i += 1;
                }
                out.push((Tok::Other, start..i));
            }
        }
    }
    out
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
            .unwrap_or(0..0)
    }

    fn value(&mut self) -> Option<Node> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let result = self.value_inner();
        self.depth -= 1;
        result
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
                    let mut node = self.parens()?;
                    node.span.start = start.start;
                    Some(node)
                } else {
                    Some(Node {
                        span: start,
                        kind: Kind::Atom,
                    })
                }
            }
            Tok::Open('(') => self.parens(),
            Tok::Open('[') => {
                self.pos += 1;
                let items = self.items()?;
                let end = self.close()?;
                Some(Node {
                    span: start.start..end,
                    kind: Kind::List(items),
                })
            }
            Tok::Open('{') => {
                self.pos += 1;
                let mut entries = Vec::new();
                loop {
                    if let Some(Tok::Close(_)) = self.peek() {
                        break;
                    }
                    let key = self.value()?;
                    if self.peek() != Some(&Tok::Colon) {
                        return None;
                    }
                    self.pos += 1;
                    let value = self.value()?;
                    entries.push((key, value));
                    if self.peek() == Some(&Tok::Comma) {
                        self.pos += 1;
                    } else {
                        break;
                    }
                }
                let end = self.close()?;
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
    fn parens(&mut self) -> Option<Node> {
        let start = self.span();
        self.pos += 1; // (
        let is_struct =
            matches!(self.peek(), Some(Tok::Ident(_))) && self.peek_at(1) == Some(&Tok::Colon);
        let kind = if is_struct {
            let mut fields = Vec::new();
            while let Some(Tok::Ident(name)) = self.peek().cloned() {
                let name_span = self.span();
                self.pos += 1;
                if self.peek() != Some(&Tok::Colon) {
                    return None;
                }
                self.pos += 1;
                let value = self.value()?;
                fields.push(Field {
                    name,
                    name_span,
                    value,
                });
                if self.peek() == Some(&Tok::Comma) {
                    self.pos += 1;
                } else {
                    break;
                }
            }
            Kind::Struct(fields)
        } else {
            Kind::Tuple(self.items()?)
        };
        let end = self.close()?;
        Some(Node {
            span: start.start..end,
            kind,
        })
    }

    /// Comma-separated values up to (not including) the closing bracket.
    fn items(&mut self) -> Option<Vec<Node>> {
        let mut items = Vec::new();
        while !matches!(self.peek(), Some(Tok::Close(_)) | None) {
            items.push(self.value()?);
            if self.peek() == Some(&Tok::Comma) {
                self.pos += 1;
            } else {
                break;
            }
        }
        Some(items)
    }

    fn close(&mut self) -> Option<usize> {
        match self.tokens.get(self.pos) {
            Some((Tok::Close(_), span)) => {
                self.pos += 1;
                Some(span.end)
            }
            _ => None,
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
