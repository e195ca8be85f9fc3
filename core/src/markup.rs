//! Text made safe inside HTML and XML (the trainer report's page, a case's SVG map): the one
//! escaper both write with.

/// Escapes text for element content and attribute values in HTML and XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_are_escaped() {
        assert_eq!(
            escape("a<b & \"c\"> it's"),
            "a&lt;b &amp; &quot;c&quot;&gt; it&#39;s"
        );
    }
}
