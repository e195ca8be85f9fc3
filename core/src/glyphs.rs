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

/// The shipped faces, parsed once.
fn faces() -> &'static [(bool, ttf_parser::Face<'static>)] {
    static FACES: std::sync::OnceLock<Vec<(bool, ttf_parser::Face<'static>)>> =
        std::sync::OnceLock::new();
    FACES.get_or_init(|| {
        FONTS
            .iter()
            .filter_map(|f| {
                ttf_parser::Face::parse(f.bytes, 0)
                    .ok()
                    .map(|face| (f.bold, face))
            })
            .collect()
    })
}

/// Whether both the regular and the bold chain draw `c` (looked up in the fonts).
fn drawable_in_fonts(c: char) -> bool {
    let in_chain = |bold: bool| {
        faces()
            .iter()
            .filter(|(b, _)| *b == bold)
            .any(|(_, face)| face.glyph_index(c).is_some())
    };
    in_chain(false) && in_chain(true)
}

/// Characters below this are looked up once, on first use, and kept in a table: Latin,
/// Hebrew and Arabic all lie below it, so a check looks each of them up once, not once per
/// character of every file.
const TABLED: u32 = 0x0800;

fn drawable(c: char) -> bool {
    static TABLE: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    if u32::from(c) < TABLED {
        let table = TABLE.get_or_init(|| {
            (0..TABLED)
                .map(|n| char::from_u32(n).is_some_and(drawable_in_fonts))
                .collect()
        });
        table[u32::from(c) as usize]
    } else {
        drawable_in_fonts(c)
    }
}

/// The characters of `text` that neither the regular nor the bold chain of shipped fonts
/// can draw, each once, in order of appearance. Empty when every character renders.
pub fn undrawable(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::new();
    for c in text.chars() {
        if needs_no_glyph(c) || out.contains(&c) {
            continue;
        }
        if !drawable(c) {
            out.push(c);
        }
    }
    out
}

/// The width of `text` in pixels at `size` px, from the shipped fonts' advances (each
/// character from the first face of the chain that has it; no shaping, so Arabic comes out
/// within a few per cent). Maps size their boxes by it.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let chain: Vec<&ttf_parser::Face<'static>> = faces()
        .iter()
        .filter(|(b, _)| *b == bold)
        .map(|(_, f)| f)
        .collect();
    text.chars()
        .filter(|c| !needs_no_glyph(*c))
        .map(|c| {
            chain
                .iter()
                .find_map(|face| {
                    let glyph = face.glyph_index(c)?;
                    let advance = face.glyph_hor_advance(glyph)?;
                    Some(f64::from(advance) / f64::from(face.units_per_em()))
                })
                .unwrap_or(0.6)
                * size
        })
        .sum()
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
    fn text_width_grows_with_the_text_and_the_weight() {
        let short = text_width("Hold", 12.0, false);
        let long = text_width("Hold the line", 12.0, false);
        assert!(short > 12.0 && long > 2.5 * short, "{short} {long}");
        assert!(text_width("Hold the line", 12.0, true) > long);
        assert!(text_width("أهلاً وسهلاً", 12.0, false) > 30.0);
        assert!(text_width("שלום רב", 12.0, false) > 20.0);
    }

    #[test]
    fn a_character_no_font_has_is_reported_once() {
        assert_eq!(undrawable("ok 😀 ok 😀 中"), vec!['😀', '中']);
    }
}
