//! What the screens show, read the way the tests compare it.

use super::*;

/// A key press as the window would deliver it, so the input systems see it as a real one.

pub fn focused_case(app: &App) -> Option<String> {
    let focused = app
        .world()
        .resource::<bevy::input_focus::InputFocus>()
        .get()?;
    app.world()
        .get::<CaseCard>(focused)
        .map(|card| card.id.clone())
}

pub fn lang(app: &App) -> Lang {
    app.world().resource::<Locale>().lang
}

/// Every `Text` on screen now, as a reader sees it: without the right-to-left mark the
/// game puts before each message in Arabic and Hebrew (it draws as nothing).
pub fn texts(app: &mut App) -> Vec<String> {
    let world = app.world_mut();
    let mut q = world.query::<&Text>();
    q.iter(world).map(|t| seen(&t.0)).collect()
}

pub fn seen(text: &str) -> String {
    text.trim_start_matches('\u{200F}').to_string()
}

/// The text of the label inside the button that sends `action`.
pub fn button_label<A: ScreenAction>(app: &mut App, action: &A) -> String {
    let world = app.world_mut();
    let mut buttons = world.query::<(&A, &Children)>();
    let children: Vec<Entity> = buttons
        .iter(world)
        .find(|(a, _)| *a == action)
        .map(|(_, c)| c.to_vec())
        .unwrap_or_else(|| panic!("a button for {action:?}"));
    children
        .iter()
        .find_map(|&c| world.get::<Text>(c).map(|t| seen(&t.0)))
        .expect("a label")
}

/// Without the invisible direction marks, to compare what a message says.
pub fn unmarked(s: &str) -> String {
    s.replace(['\u{2068}', '\u{2069}'], "")
}

/// The English messages a screen could show, as (id, text with `{$arg}` where a value goes).
pub fn english_messages() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/locales/en");
    let m = htl_core::i18n::Messages::plain();
    let mut out = Vec::new();
    for file in ["ui.ftl", "engine.ftl", "guidance.ftl"] {
        let source = std::fs::read_to_string(root.join(file)).unwrap();
        for line in source.lines() {
            let Some((id, _)) = line.split_once(" = ").or_else(|| line.split_once(" =")) else {
                continue;
            };
            // Stock lines are the customer's (scenario data), spoken in the scenario's language.
            if id.is_empty()
                || id.starts_with(['#', ' '])
                || id.starts_with("stock-")
                || !id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                continue;
            }
            out.push((id.to_string(), m.get(Lang::En, id)));
        }
    }
    out
}

/// Texts on screen that are still English words of the game: a message shown as it is, or
/// a message's wording around its values ("Signed in as ..."). Scenario data (the case's
/// own words, in English here) and digits are not the game's words and are left alone.
pub fn english_left(shown: &[String], english: &[(String, String)], data: &str) -> Vec<String> {
    let mut found = Vec::new();
    for text in shown {
        let text = unmarked(text);
        for (id, message) in english {
            if message.contains('{') {
                // The wording between the values, where it says something.
                for piece in message.split(['{', '}']) {
                    let letters = piece.chars().filter(|c| c.is_alphabetic()).count();
                    if piece.starts_with('$') || letters < 5 || data.contains(piece) {
                        continue;
                    }
                    if text.contains(piece) {
                        found.push(format!("{id} ({piece:?}) in {text:?}"));
                    }
                }
            } else if text == *message && !data.contains(message.as_str()) {
                found.push(format!("{id} in {text:?}"));
            }
        }
    }
    found
}

/// Whether a node paints something (a line of the chart): every node has a background
/// colour, most of them transparent.
pub fn drawn(world: &World, node: Entity) -> bool {
    world
        .get::<BackgroundColor>(node)
        .is_some_and(|bg| bg.0.alpha() > 0.0)
}
