//! A file's id, found without parsing it: a broken file still shows under its own id.

#[allow(unused_imports)]
use super::*;

/// The scenario id of a file, by a light scan of its text (see [`scan_id`]); None when the
/// file cannot be read or names no id.
pub fn scan_file_id(path: &Path) -> Option<String> {
    // The id heads the file: the first few kilobytes nearly always hold it.
    let mut head = Vec::new();
    File::open(path)
        .ok()?
        .take(8192)
        .read_to_end(&mut head)
        .ok()?;
    if let Some(id) = scan_id(&String::from_utf8_lossy(&head)) {
        return Some(id);
    }
    if head.len() < 8192 {
        return None;
    }
    let bytes = read_limited(path).ok()?;
    scan_id(&String::from_utf8_lossy(&bytes))
}

/// The scenario's `id: "..."`, found without parsing the file: the first field `id` at the
/// top level of the scenario, skipping comments and texts. It works on a file with syntax
/// errors elsewhere, so a broken file's id is still known.
pub fn scan_id(text: &str) -> Option<String> {
    let rest = top_level_field(text, "id")?.strip_prefix('"')?;
    let end = rest.find(['"', '\n'])?;
    let id = rest[..end].trim();
    (!id.is_empty() && !id.contains('\\')).then(|| id.to_string())
}

/// The scenario's `tier: N`, found as [`scan_id`] finds the id: a broken file's card still
/// shows on its own tier's tab.
pub fn scan_tier(text: &str) -> Option<u8> {
    let rest = top_level_field(text, "tier")?;
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    rest[..digits].parse().ok()
}

/// What follows `name:` (spaces skipped) for the first field `name` at the top level of a
/// scenario, skipping comments and texts.
fn top_level_field<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let b = text.as_bytes();
    let ident = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    let mut depth = 0i32;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(b.len(), |n| i + n);
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                i = text[i + 2..].find("*/").map_or(b.len(), |n| i + 2 + n + 2);
                continue;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => depth -= 1,
            _ if depth == 1
                && b[i..].starts_with(name.as_bytes())
                && (i == 0 || !ident(b[i - 1]))
                && !b.get(i + name.len()).is_some_and(|&c| ident(c)) =>
            {
                let rest = text[i + name.len()..].trim_start().strip_prefix(':')?;
                return Some(rest.trim_start());
            }
            _ => {}
        }
        i += 1;
    }
    None
}
