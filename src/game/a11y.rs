//! What a screen reader reads (AccessKit; on Linux through AT-SPI with the `accesskit_unix`
//! feature). Bevy names a `bevy_ui` button from its text, but the game's buttons are
//! `ui_widgets` buttons, which Bevy leaves unnamed, and a plain `Text` has no node at all.
//! Here, for every screen at once:
//!
//! - a button (a reply card too) is named by its words, "1 I'm so sorry..." for a card with
//!   its number key, and renamed when they change (a change of language, a switch);
//! - every other text is a label, kept in step with its words;
//! - texts inside an [`Unread`] node are left out: the node speaks for them (the
//!   conversation announces each customer line whole, not word by word as it is revealed).
//!
//! The call's own nodes (the conversation as a live region, the meters with their values)
//! are set by the call screen with [`line_node`] and [`meter_node`].

use accesskit::{Live, Node as AccessNode, Role};
use bevy::a11y::AccessibilityNode;
use bevy::input_focus::tab_navigation::TabIndex;
use bevy::prelude::*;
use bevy::ui::widget::Label;
use bevy::ui::{ComputedNode, UiSystems};
use bevy::ui_widgets::Button;

/// Texts under this node are not read one by one: the node carries what is read.
#[derive(Component, Clone, Copy, Debug, Default)]
pub struct Unread;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        (
            label_new_texts,
            relabel_changed_texts,
            name_buttons,
            give_focusables_a_node,
            hide_what_is_not_shown.after(UiSystems::Layout),
        ),
    );
}

/// What takes no room on screen (a panel set to `Display::None`, an offer not made) is
/// not read either.
fn hide_what_is_not_shown(
    mut nodes: Query<(&ComputedNode, &mut AccessibilityNode), Changed<ComputedNode>>,
) {
    for (computed, mut node) in &mut nodes {
        let hidden = computed.is_empty();
        if node.is_hidden() != hidden {
            if hidden {
                node.set_hidden();
            } else {
                node.clear_hidden();
            }
        }
    }
}

/// Bevy sends the tree to the screen reader only while the focused entity has a node: one
/// focusable thing without a node would silence the whole window while it has the focus.
fn give_focusables_a_node(
    mut commands: Commands,
    focusables: Query<Entity, (Added<TabIndex>, Without<AccessibilityNode>)>,
) {
    for entity in &focusables {
        commands
            .entity(entity)
            .try_insert(AccessibilityNode::from(AccessNode::new(
                Role::GenericContainer,
            )));
    }
}

/// A text field, named by what it asks for ("Your name").
pub fn text_field(name: &str) -> impl Bundle {
    (
        AccessibilityNode::from(AccessNode::new(Role::TextInput)),
        AccessibleLabel::new(spoken(name)),
    )
}

/// Whether `entity` or one of its ancestors is a button or an [`Unread`] node.
fn spoken_for(
    entity: Entity,
    parents: &Query<&ChildOf>,
    speakers: &Query<(), Or<(With<Button>, With<Unread>)>>,
) -> bool {
    std::iter::once(entity)
        .chain(parents.iter_ancestors(entity))
        .any(|e| speakers.contains(e))
}

fn label_new_texts(
    mut commands: Commands,
    texts: Query<Entity, (Added<Text>, Without<Label>)>,
    parents: Query<&ChildOf>,
    speakers: Query<(), Or<(With<Button>, With<Unread>)>>,
) {
    for entity in &texts {
        if !spoken_for(entity, &parents, &speakers) {
            commands.entity(entity).try_insert(Label);
        }
    }
}

/// Bevy refreshes a label only when the `Label` itself changes.
fn relabel_changed_texts(mut labels: Query<&mut Label, Changed<Text>>) {
    for mut label in &mut labels {
        label.set_changed();
    }
}

/// Names each button after the words under it, when it appears and when they change.
fn name_buttons(
    mut commands: Commands,
    changed: Query<Entity, Or<(Changed<Text>, Added<Button>)>>,
    parents: Query<&ChildOf>,
    buttons: Query<Option<&AccessibleLabel>, With<Button>>,
    children: Query<&Children>,
    texts: Query<&Text>,
) {
    let mut renamed: Vec<Entity> = Vec::new();
    for entity in &changed {
        let Some(button) = std::iter::once(entity)
            .chain(parents.iter_ancestors(entity))
            .find(|e| buttons.contains(*e))
        else {
            continue;
        };
        if renamed.contains(&button) {
            continue;
        }
        renamed.push(button);
        let words: Vec<&str> = children
            .iter_descendants_depth_first(button)
            .filter_map(|e| texts.get(e).ok())
            .map(|t| t.0.trim())
            .filter(|t| !t.is_empty())
            .collect();
        let name = spoken(&words.join(" "));
        let current = buttons.get(button).ok().flatten();
        if current.is_none_or(|l| l.0 != name) {
            commands
                .entity(button)
                .try_insert(AccessibleLabel::new(name));
        }
    }
}

/// A customer's or the trainee's line in the conversation, read whole as it arrives: who
/// said it and how, then the words, in the case's language.
pub fn line_node(who: &str, words: &str, language: &str) -> impl Bundle {
    let mut node = AccessNode::new(Role::Paragraph);
    node.set_language(language);
    (
        AccessibilityNode::from(node),
        AccessibleLabel::new(spoken(&format!("{who}: {words}"))),
        Unread,
    )
}

/// The conversation: a log whose new lines a screen reader announces without moving focus.
pub fn conversation_node() -> impl Bundle {
    let mut node = AccessNode::new(Role::Log);
    node.set_live(Live::Polite);
    AccessibilityNode::from(node)
}

/// A meter (anger, trust, patience) from 0 to 100, named in the locale's language.
pub fn meter_node(name: &str) -> impl Bundle {
    let mut node = AccessNode::new(Role::Meter);
    node.set_min_numeric_value(0.0);
    node.set_max_numeric_value(100.0);
    (
        AccessibilityNode::from(node),
        AccessibleLabel::new(spoken(name)),
    )
}

/// `text` without the direction marks that lay right-to-left text out on screen: a reader
/// has the words, and the language says their direction.
fn spoken(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{2066}'..='\u{2069}'))
        .collect()
}
