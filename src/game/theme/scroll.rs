//! Scrolling panels: one mechanism for every panel whose content can outgrow it. A panel opts
//! in with `scroll_panel` (or the `Scrollable` marker on a node with `overflow: scroll`).
//!
//! As in Bevy 0.19's `examples/ui/scroll_and_overflow/scroll.rs` and its `ScrollArea`
//! widget, the mouse wheel reaches a panel as picking's `Pointer<Scroll>` event: it is
//! targeted at the hovered entity and propagates up the hierarchy until the nearest
//! `Scrollable` takes it. The keyboard scrolls too (Page Up/Down, and the arrow keys where
//! the panel wants them), and a focused entity inside a panel is scrolled into view, so Tab
//! and the arrows never move the focus off screen.

use bevy::input::mouse::MouseScrollUnit;
use bevy::input_focus::InputFocus;
use bevy::picking::events::{Pointer, Scroll};
use bevy::prelude::*;

/// Logical pixels per wheel line.
pub const LINE: f32 = 24.0;
/// Logical pixels per frame while an arrow key is held.
pub const ARROW_STEP: f32 = 12.0;
/// How much of the panel's visible height Page Up/Down moves.
pub const PAGE: f32 = 0.8;

/// A panel that scrolls vertically. Requires a node with `overflow: Overflow::scroll_y()`
/// (which `scroll_panel` gives it).
#[derive(Component, Clone, Copy, Debug, Default)]
#[require(ScrollPosition)]
pub struct Scrollable {
    /// Held arrow keys scroll the panel. Off where the arrows move the focus instead (a
    /// list of buttons), which then scrolls through focus-follow.
    pub arrow_keys: bool,
}

/// A hint that says how to scroll ("Scroll with the mouse wheel or the arrow keys."): shown
/// only while a panel on the screen holds more than it shows, so it is never a false
/// promise (at 100 % text size most debriefs fit; at 150 % they scroll).
#[derive(Component, Clone, Copy, Debug, Default)]
#[require(Visibility)]
pub struct ScrollHint;

/// A vertically scrolling panel laid out as `node`: it may shrink below its content, and
/// the rest scrolls.
pub fn scroll_panel(node: Node, scrollable: Scrollable) -> impl Bundle {
    (
        Node {
            min_height: px(0),
            overflow: Overflow::scroll_y(),
            ..node
        },
        scrollable,
    )
}

/// The keyboard scrolling and focus-follow systems, for screens that order their own key
/// handling around them (a screen that moves the focus runs before, one that reads the
/// scroll position runs after).
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub struct ScrollSystems;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(wheel_scrolls_hovered_panel)
        .add_systems(
            Update,
            (keys_scroll, focus_follow)
                .chain()
                .in_set(ScrollSystems)
                .run_if(any_with_component::<Scrollable>),
        )
        .add_systems(
            PostUpdate,
            show_scroll_hints.after(bevy::ui::UiSystems::Layout),
        );
}

fn show_scroll_hints(
    panels: Query<&ComputedNode, With<Scrollable>>,
    mut hints: Query<&mut Visibility, With<ScrollHint>>,
) {
    // Half a pixel of slack: layout rounds.
    let overflows = panels
        .iter()
        .any(|panel| panel.content_size.y > panel.size.y + 0.5);
    let wanted = if overflows {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    };
    for mut hint in &mut hints {
        if *hint != wanted {
            *hint = wanted;
        }
    }
}

/// Moves a panel by `delta` logical pixels, within its content.
fn scroll_by(position: &mut ScrollPosition, node: &ComputedNode, delta: f32) {
    if delta == 0.0 {
        return;
    }
    let max = ((node.content_size().y - node.size().y) * node.inverse_scale_factor()).max(0.0);
    position.y = (position.y + delta).clamp(0.0, max);
}

/// The wheel scrolls the nearest scrollable panel under the pointer.
fn wheel_scrolls_hovered_panel(
    mut scroll: On<Pointer<Scroll>>,
    mut panels: Query<(&mut ScrollPosition, &ComputedNode), With<Scrollable>>,
) {
    let Ok((mut position, node)) = panels.get_mut(scroll.entity) else {
        // Not a panel: the event goes on up to the hovered entity's parent.
        return;
    };
    scroll.propagate(false);
    let delta = -match scroll.unit {
        MouseScrollUnit::Line => scroll.y * LINE,
        MouseScrollUnit::Pixel => scroll.y,
    };
    scroll_by(&mut position, node, delta);
}

/// The scrollable panels on screen, to read and to move.
type Panels<'w, 's> = Query<
    'w,
    's,
    (
        Entity,
        &'static Scrollable,
        &'static mut ScrollPosition,
        &'static ComputedNode,
    ),
>;

/// The nearest scrollable panel holding `entity` (itself included).
fn panel_of(entity: Entity, parents: &Query<&ChildOf>, panels: &Panels) -> Option<Entity> {
    std::iter::once(entity)
        .chain(parents.iter_ancestors(entity))
        .find(|&e| panels.contains(e))
}

/// Page Up/Down and held arrow keys scroll the panel that holds the keyboard focus, or, when
/// the focus is outside every panel (a button under it), the panels on screen.
fn keys_scroll(
    keys: Option<Res<ButtonInput<KeyCode>>>,
    focus: Option<Res<InputFocus>>,
    parents: Query<&ChildOf>,
    mut panels: Panels,
) {
    let Some(keys) = keys else { return };
    let pages = f32::from(keys.just_pressed(KeyCode::PageDown))
        - f32::from(keys.just_pressed(KeyCode::PageUp));
    let arrows =
        f32::from(keys.pressed(KeyCode::ArrowDown)) - f32::from(keys.pressed(KeyCode::ArrowUp));
    if pages == 0.0 && arrows == 0.0 {
        return;
    }
    let focused_panel = focus
        .and_then(|f| f.get())
        .and_then(|e| panel_of(e, &parents, &panels));
    for (entity, scrollable, mut position, node) in &mut panels {
        if focused_panel.is_some_and(|p| p != entity) {
            continue;
        }
        let page = node.size().y * node.inverse_scale_factor() * PAGE;
        let mut delta = pages * page;
        if scrollable.arrow_keys {
            delta += arrows * ARROW_STEP;
        }
        scroll_by(&mut position, node, delta);
    }
}

/// A focused entity inside a panel is scrolled into view, by the least that shows it whole.
fn focus_follow(
    focus: Option<Res<InputFocus>>,
    parents: Query<&ChildOf>,
    placed: Query<(&ComputedNode, &UiGlobalTransform)>,
    mut panels: Panels,
) {
    let Some(focused) = focus.filter(|f| f.is_changed()).and_then(|f| f.get()) else {
        return;
    };
    let Some(panel) = panel_of(focused, &parents, &panels) else {
        return;
    };
    if panel == focused {
        return;
    }
    let (Ok((item, item_at)), Ok((_, panel_at))) = (placed.get(focused), placed.get(panel)) else {
        return;
    };
    let Ok((_, _, mut position, panel_node)) = panels.get_mut(panel) else {
        return;
    };
    // Both transforms are node centres in physical pixels.
    let to_logical = panel_node.inverse_scale_factor();
    let panel_top = panel_at.translation.y - panel_node.size().y / 2.0;
    let panel_bottom = panel_at.translation.y + panel_node.size().y / 2.0;
    let item_top = item_at.translation.y - item.size().y / 2.0;
    let item_bottom = item_at.translation.y + item.size().y / 2.0;
    let delta = if item_top < panel_top {
        (item_top - panel_top) * to_logical
    } else if item_bottom > panel_bottom {
        (item_bottom - panel_bottom) * to_logical
    } else {
        0.0
    };
    scroll_by(&mut position, panel_node, delta);
}

#[cfg(test)]
mod tests {
    use bevy::camera::NormalizedRenderTarget;
    use bevy::input::InputPlugin;
    use bevy::input::touch::TouchPhase;
    use bevy::input_focus::FocusCause;
    use bevy::picking::backend::HitData;
    use bevy::picking::pointer::{Location, PointerId};

    use super::*;

    /// A panel 100 px high over 500 px of content, at the top of a 1:1 window, holding one
    /// item at `item_top` (logical px from the window's top, 40 px high).
    fn scene(arrow_keys: bool, item_top: f32) -> (App, Entity, Entity) {
        let mut app = App::new();
        app.add_plugins((MinimalPlugins, InputPlugin))
            .init_resource::<InputFocus>()
            .add_plugins(plugin);
        let computed = |size: Vec2, content: Vec2| ComputedNode {
            size,
            content_size: content,
            inverse_scale_factor: 1.0,
            ..default()
        };
        let panel = app
            .world_mut()
            .spawn((
                scroll_panel(Node::default(), Scrollable { arrow_keys }),
                computed(Vec2::new(300.0, 100.0), Vec2::new(300.0, 500.0)),
                UiGlobalTransform::from_xy(150.0, 50.0),
            ))
            .id();
        let item = app
            .world_mut()
            .spawn((
                Node::default(),
                ChildOf(panel),
                computed(Vec2::new(300.0, 40.0), Vec2::new(300.0, 40.0)),
                UiGlobalTransform::from_xy(150.0, item_top + 20.0),
            ))
            .id();
        app.update();
        (app, panel, item)
    }

    fn scrolled(app: &App, panel: Entity) -> f32 {
        app.world().get::<ScrollPosition>(panel).unwrap().y
    }

    fn press(app: &mut App, key: KeyCode) {
        use bevy::input::ButtonState;
        use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
        for state in [ButtonState::Pressed, ButtonState::Released] {
            app.world_mut().write_message(KeyboardInput {
                key_code: key,
                logical_key: Key::Unidentified(NativeKey::Unidentified),
                state,
                text: None,
                repeat: false,
                window: Entity::PLACEHOLDER,
            });
            app.update();
        }
    }

    #[test]
    fn page_keys_move_most_of_a_view_and_stop_at_the_ends() {
        let (mut app, panel, _) = scene(false, 0.0);
        press(&mut app, KeyCode::PageDown);
        assert_eq!(scrolled(&app, panel), 100.0 * PAGE);
        for _ in 0..10 {
            press(&mut app, KeyCode::PageDown);
        }
        assert_eq!(scrolled(&app, panel), 400.0, "no further than the content");
        for _ in 0..10 {
            press(&mut app, KeyCode::PageUp);
        }
        assert_eq!(scrolled(&app, panel), 0.0);
    }

    #[test]
    fn arrows_scroll_only_a_panel_that_wants_them() {
        let (mut app, panel, _) = scene(false, 0.0);
        press(&mut app, KeyCode::ArrowDown);
        assert_eq!(scrolled(&app, panel), 0.0);
        let (mut app, panel, _) = scene(true, 0.0);
        press(&mut app, KeyCode::ArrowDown);
        assert_eq!(scrolled(&app, panel), ARROW_STEP);
    }

    #[test]
    fn a_focused_item_below_the_view_is_scrolled_into_view() {
        // The item spans 180-220 px; the view shows 0-100.
        let (mut app, panel, item) = scene(false, 180.0);
        app.world_mut()
            .resource_mut::<InputFocus>()
            .set(item, FocusCause::Navigated);
        app.update();
        assert_eq!(
            scrolled(&app, panel),
            120.0,
            "its bottom edge at the view's"
        );
    }

    #[test]
    fn the_wheel_over_an_item_scrolls_the_panel_holding_it() {
        let (mut app, panel, item) = scene(false, 0.0);
        // Picking's traversal looks for a window on the way up, as in the game.
        app.world_mut().register_component::<bevy::window::Window>();
        let location = Location {
            target: NormalizedRenderTarget::None {
                width: 300,
                height: 100,
            },
            position: Vec2::new(150.0, 20.0),
        };
        let wheel = Scroll {
            unit: MouseScrollUnit::Line,
            x: 0.0,
            y: -2.0,
            hit: HitData::new(Entity::PLACEHOLDER, 0.0, None, None),
            phase: TouchPhase::Moved,
        };
        app.world_mut()
            .trigger(Pointer::new(PointerId::Mouse, location, wheel, item));
        app.update();
        assert_eq!(scrolled(&app, panel), 2.0 * LINE);
    }
}
