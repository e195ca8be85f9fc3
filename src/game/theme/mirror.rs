//! Right to left, everywhere: when the game speaks Arabic or Hebrew every node is laid out
//! right to left, from here rather than screen by screen. Bevy's `Node::direction` mirrors
//! flex rows and grid columns but is not inherited, and margins, padding, borders, corner
//! radii and absolute offsets stay physical, so each new node gets the direction and has
//! its left and right swapped. Text set against the left (Bevy's default) is set against the
//! start instead, the right edge in these languages.

use bevy::prelude::*;
use bevy::ui::UiSystems;

use crate::game::locale::Locale;

/// A node laid out as written whatever the language (none yet; for a future clock or chart
/// that must read left to right).
#[derive(Component, Default)]
pub struct KeepLeftToRight;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        PostUpdate,
        mirror_new_nodes
            .run_if(resource_exists::<Locale>)
            .before(UiSystems::Prepare),
    );
}

/// Nodes new this frame (with their text layout, when they hold text).
type NewNodes<'w, 's> = Query<
    'w,
    's,
    (&'static mut Node, Option<&'static mut TextLayout>),
    (Added<Node>, Without<KeepLeftToRight>),
>;

fn mirror_new_nodes(locale: Res<Locale>, mut nodes: NewNodes) {
    if !locale.is_rtl() {
        return;
    }
    for (mut node, layout) in &mut nodes {
        mirror(&mut node);
        // Text set against the left edge stays there in a stretched node; "start" is the
        // right edge for a right-to-left paragraph.
        if let Some(mut layout) = layout
            && layout.justify == Justify::Left
        {
            layout.justify = Justify::Start;
        }
    }
}

/// The node as it would be written for a right-to-left reader.
pub fn mirror(node: &mut Node) {
    node.direction = bevy::ui::InlineDirection::Rtl;
    for rect in [&mut node.margin, &mut node.padding, &mut node.border] {
        std::mem::swap(&mut rect.left, &mut rect.right);
    }
    std::mem::swap(&mut node.left, &mut node.right);
    let r = &mut node.border_radius;
    std::mem::swap(&mut r.top_left, &mut r.top_right);
    std::mem::swap(&mut r.bottom_left, &mut r.bottom_right);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mirrored_node_runs_right_to_left_with_its_sides_swapped() {
        let mut node = Node {
            margin: UiRect {
                left: px(12),
                ..default()
            },
            padding: UiRect::horizontal(px(4)),
            left: percent(30),
            border_radius: BorderRadius {
                top_left: px(8),
                ..default()
            },
            ..default()
        };
        mirror(&mut node);
        assert_eq!(node.direction, bevy::ui::InlineDirection::Rtl);
        assert_eq!((node.margin.left, node.margin.right), (Val::ZERO, px(12)));
        assert_eq!((node.padding.left, node.padding.right), (px(4), px(4)));
        assert_eq!((node.left, node.right), (Val::Auto, percent(30)));
        assert_eq!(node.border_radius.top_right, px(8));
    }
}
