//! The fonts the game draws with (Noto, from Debian's `fonts-noto-core`; see
//! `assets/fonts/README.md`) and which characters they can draw. The game loads these bytes;
//! `check` and the tests use the same chain to find characters that would show as empty
//! boxes.

/// A font file shipped with the game.
pub struct FontFile {
    pub name: &'static str,
    pub bytes: &'static [u8],
    pub bold: bool,
}

macro_rules! font {
    ($name:literal, $bold:literal) => {
        FontFile {
            name: $name,
            bytes: include_bytes!(concat!("../../assets/fonts/", $name)),
            bold: $bold,
        }
    };
}

/// Latin first: the game's primary face, then the script faces it falls back to.
pub const FONTS: [FontFile; 6] = [
    font!("NotoSans-Regular.ttf", false),
    font!("NotoSans-Bold.ttf", true),
    font!("NotoSansArabic-Regular.ttf", false),
    font!("NotoSansArabic-Bold.ttf", true),
    font!("NotoSansHebrew-Regular.ttf", false),
    font!("NotoSansHebrew-Bold.ttf", true),
];

/// Characters drawn with no ink that need no glyph: spaces the layout handles, and the
/// invisible format marks (direction marks and isolates, joiners) that shaping consumes.
fn needs_no_glyph(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t')
        || matches!(
            c,
            '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// The characters of `text` that neither the regular nor the bold chain of shipped fonts
/// can draw, each once, in order of appearance. Empty when every character renders.
pub fn undrawable(text: &str) -> Vec<char> {
    let faces: Vec<(bool, ttf_parser::Face<'static>)> = FONTS
        .iter()
        .filter_map(|f| {
            ttf_parser::Face::parse(f.bytes, 0)
                .ok()
                .map(|face| (f.bold, face))
        })
        .collect();
    let drawable = |c: char, bold: bool| {
        faces
            .iter()
            .filter(|(b, _)| *b == bold)
            .any(|(_, face)| face.glyph_index(c).is_some())
    };
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if needs_no_glyph(c) || out.contains(&c) {
            continue;
        }
        if !drawable(c, false) || !drawable(c, true) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_font_parses() {
        for font in &FONTS {
            assert!(
                ttf_parser::Face::parse(font.bytes, 0).is_ok(),
                "{}",
                font.name
            );
        }
    }

    #[test]
    fn arabic_hebrew_digits_punctuation_and_currency_draw_in_both_weights() {
        let text = "السلام عليكم، كيف أقدر أساعدك؟ ٣٠ ر.س — שלום, מה שלומך? 45 ₪. €12, $3! «ok»";
        assert_eq!(undrawable(text), Vec::<char>::new());
    }

    #[test]
    fn a_character_no_font_has_is_reported_once() {
        assert_eq!(undrawable("ok 😀 ok 😀 中"), vec!['😀', '中']);
    }
}
