//! Fonts shipped with the game (Noto, SIL OFL; see assets/fonts), compiled in from the list
//! in `htl_core::glyphs`, and the fallbacks between them: text asks for Noto Sans, and an
//! Arabic or Hebrew letter (or a digit or comma inside Hebrew) is drawn by the face that has
//! it. Bevy's text layout (parley) does not fall back between fonts it is given on its own.

use bevy::prelude::*;
use bevy::text::{FontCx, FontSource, FontWeight, load_font_assets_into_font_collection};
use parley::fontique::{FamilyId, Script};

/// The family every text asks for; the others are its fallbacks.
const LATIN: &str = "Noto Sans";
const ARABIC: &str = "Noto Sans Arabic";
const HEBREW: &str = "Noto Sans Hebrew";

/// The shipped faces, kept loaded for the life of the app. Text does not name them: it
/// asks for a family and weight ([`face`]), and the font collection finds the face, so a
/// widget needs nothing from the world to be spawned.
#[derive(Resource, Clone)]
pub struct UiFonts {
    faces: Vec<Handle<Font>>,
}

/// The family and weight for regular or bold text in any script.
pub fn face(bold: bool) -> (FontSource, FontWeight) {
    let weight = if bold {
        FontWeight::BOLD
    } else {
        FontWeight::NORMAL
    };
    (FontSource::Family(LATIN.into()), weight)
}

/// The regular face, for text fields.
pub fn regular() -> FontSource {
    face(false).0
}

impl UiFonts {
    /// How many faces are loaded (none in headless tests, which draw nothing).
    pub fn loaded(&self) -> usize {
        self.faces.len()
    }
}

pub(super) fn plugin(app: &mut App) {
    let faces = match app.world_mut().get_resource_mut::<Assets<Font>>() {
        Some(mut assets) => htl_core::glyphs::FONTS
            .iter()
            .map(|f| assets.add(Font::from_bytes(f.bytes.to_vec())))
            .collect(),
        // Headless tests run without the text plugin: text is data there, not drawn.
        None => Vec::new(),
    };
    app.insert_resource(UiFonts { faces });
    if app.world().contains_resource::<FontCx>() {
        app.add_systems(
            PostUpdate,
            set_script_fallbacks.after(load_font_assets_into_font_collection),
        );
    }
}

/// Once the faces are in the font collection, tells it which face draws which script, and
/// lays out again any text drawn before.
fn set_script_fallbacks(
    mut done: Local<bool>,
    mut font_cx: ResMut<FontCx>,
    mut texts: Query<&mut TextFont>,
) {
    if *done {
        return;
    }
    let family = |cx: &mut FontCx, name: &str| cx.collection.family_id(name);
    let (Some(latin), Some(arabic), Some(hebrew)) = (
        family(&mut font_cx, LATIN),
        family(&mut font_cx, ARABIC),
        family(&mut font_cx, HEBREW),
    ) else {
        return;
    };
    let chains: [(&[u8; 4], [FamilyId; 3]); 4] = [
        // Arabic letters, then Latin for what Noto Sans Arabic lacks.
        (b"Arab", [arabic, latin, hebrew]),
        // Hebrew has no digits or Latin punctuation of its own.
        (b"Hebr", [hebrew, latin, arabic]),
        (b"Latn", [latin, arabic, hebrew]),
        // Digits, punctuation and symbols (₪, €) between runs.
        (b"Zyyy", [latin, arabic, hebrew]),
    ];
    for (script, families) in chains {
        font_cx
            .collection
            .append_fallbacks(Script::from_bytes(*script), families.into_iter());
    }
    *done = true;
    for mut text in &mut texts {
        text.set_changed();
    }
}
