//! Fonts shipped with the game (Noto, SIL OFL; see assets/fonts). They are compiled in, so
//! the game and its tests find them wherever they run.

use bevy::prelude::*;

#[derive(Resource, Clone, Default)]
pub struct UiFonts {
    pub regular: Handle<Font>,
    pub bold: Handle<Font>,
    pub arabic: Handle<Font>,
    pub hebrew: Handle<Font>,
}

impl UiFonts {
    /// The face that can draw `text`: Bevy does not fall back between fonts on its own, so
    /// names in Arabic or Hebrew script get the matching Noto face.
    pub fn for_text(&self, text: &str, bold: bool) -> Handle<Font> {
        if text.chars().any(|c| {
            ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c)
        }) {
            self.arabic.clone()
        } else if text.chars().any(|c| ('\u{0590}'..='\u{05FF}').contains(&c)) {
            self.hebrew.clone()
        } else if bold {
            self.bold.clone()
        } else {
            self.regular.clone()
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    let fonts = match app.world_mut().get_resource_mut::<Assets<Font>>() {
        Some(mut assets) => {
            let mut add = |bytes: &[u8]| assets.add(Font::from_bytes(bytes.to_vec()));
            UiFonts {
                regular: add(include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf")),
                bold: add(include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf")),
                arabic: add(include_bytes!(
                    "../../../assets/fonts/NotoSansArabic-Regular.ttf"
                )),
                hebrew: add(include_bytes!(
                    "../../../assets/fonts/NotoSansHebrew-Regular.ttf"
                )),
            }
        }
        // Headless tests run without the text plugin: text is data there, not drawn.
        None => UiFonts::default(),
    };
    app.insert_resource(fonts);
}
