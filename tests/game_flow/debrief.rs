//! The debrief: mistakes with a better reply, timing, the chart and the score.

use super::*;

#[test]
fn mistakes_show_on_the_debrief_with_a_better_reply() {
    let (_data, mut app) = signed_in("Sam");
    // Interrupt the venting, make an excuse, then recover.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (3, false), (1, true), (1, true), (1, true)],
    );
    let lines = rule_lines(&mut app);
    let status = |rule: &str| lines.iter().find(|l| l.rule == rule).map(|l| l.status);
    assert!(
        matches!(
            status("let_them_vent"),
            Some(RuleStatus::Broken | RuleStatus::Mixed)
        ),
        "{lines:?}"
    );
    assert_eq!(status("no_excuses"), Some(RuleStatus::Broken));
    let notes: Vec<String> = {
        let world = app.world_mut();
        let mut q = world.query::<&BetterReplyNote>();
        q.iter(world).map(|n| n.0.clone()).collect()
    };
    assert!(
        notes.iter().any(|n| n.starts_with("I'm so sorry")),
        "{notes:?}"
    );
}

#[test]
fn the_debrief_says_when_the_words_were_right_but_the_moment_was_not_and_shows_the_cut() {
    let (_data, mut app) = signed_in("Cut In");
    // The book's replies, but the third said over the customer.
    play(
        &mut app,
        "missing_parcel",
        &[(1, true), (1, true), (1, false), (1, true), (1, true)],
    );
    let shown = texts(&mut app).join("\n");
    let locale = app.world().resource::<Locale>();
    let same = seen(&locale.t("better-title-same"));
    assert!(shown.contains(&same), "{shown}");
    let how = locale.t("how-in-the-pause");
    assert!(
        shown.contains(&seen(&locale.tr("better-same", &[("how", how.into())]))),
        "{shown}"
    );
    // The line they were saying shows as far as it was heard.
    let marker = locale.tr(
        "transcript-cut",
        &[("heard", "".into()), ("rest", "".into())],
    );
    let marker = seen(&marker);
    // Without the isolation marks Fluent puts around the (empty) arguments.
    let head = marker
        .split(';')
        .next()
        .unwrap()
        .replace(['\u{2068}', '\u{2069}'], "");
    assert!(shown.contains(&head), "{head:?} in {shown}");
}

/// The debrief chart's 0/50/100 labels sit in a gutter of their own beside the plot, so no
/// line of the chart crosses them.
#[test]
fn the_charts_labels_are_beside_its_lines_not_under_them() {
    let (_data, mut app) = signed_in("Ike");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    let world = app.world_mut();
    let chart = world
        .query::<(Entity, &Name)>()
        .iter(world)
        .find(|(_, n)| n.as_str() == "Timeline chart")
        .map(|(e, _)| e)
        .expect("the debrief has its chart");
    let label = world
        .query::<(Entity, &Text)>()
        .iter(world)
        .find(|(e, t)| {
            t.0 == "50" && {
                // Inside the chart.
                let mut at = *e;
                let mut inside = false;
                while let Some(parent) = world.get::<ChildOf>(at).map(ChildOf::parent) {
                    if parent == chart {
                        inside = true;
                        break;
                    }
                    at = parent;
                }
                inside
            }
        })
        .map(|(e, _)| e)
        .expect("the chart labels 50");
    // The chart's child that holds the label draws no line.
    let mut band = label;
    while world.get::<ChildOf>(band).map(ChildOf::parent) != Some(chart) {
        band = world.get::<ChildOf>(band).unwrap().parent();
    }
    let lines_beside_label = world
        .get::<Children>(band)
        .unwrap()
        .iter()
        .filter(|c| drawn(world, *c))
        .count();
    assert_eq!(lines_beside_label, 0, "a line is drawn across the labels");
    // The lines are in another child of the chart, set off by the gutter.
    let plot = world
        .get::<Children>(chart)
        .unwrap()
        .iter()
        .find(|c| {
            *c != band
                && world
                    .get::<Children>(*c)
                    .is_some_and(|k| k.iter().any(|l| drawn(world, l)))
        })
        .expect("the plot");
    let node = world.get::<Node>(plot).unwrap();
    assert!(
        matches!(node.left, Val::Px(p) if p >= 24.0),
        "the plot leaves the labels their room: {:?}",
        node.left
    );
}

/// "grade A" stays on one line under the score whatever the score and the screen: the
/// score's column keeps its width and the grade does not wrap.
#[test]
fn the_grade_under_the_score_never_wraps() {
    let (_data, mut app) = signed_in("Uma");
    play(&mut app, "missing_parcel", &[(1, true); 5]);
    let world = app.world_mut();
    let score = world
        .query_filtered::<Entity, With<ScoreText>>()
        .single(world)
        .unwrap();
    let column = world.get::<ChildOf>(score).unwrap().parent();
    assert_eq!(world.get::<Node>(column).unwrap().flex_shrink, 0.0);
    let grade = world
        .get::<Children>(column)
        .unwrap()
        .iter()
        .find(|c| *c != score)
        .unwrap();
    assert!(unmarked(&world.get::<Text>(grade).unwrap().0).contains("grade A"));
    assert_eq!(
        world.get::<TextLayout>(grade).unwrap().linebreak,
        bevy::text::LineBreak::NoWrap
    );
}
