//! The game's cost beside a bare Bevy app built the same way, in the same run: heap held
//! after start-up and time per frame, for the menus and during a live call; and the share
//! of a core a live call takes in real time when frames come as the window asks for them
//! (`redraw::NextChange`: when the next word, second or movement is due), beside a bare app
//! and the call at 60 frames a second (what drawing every frame costs on a 60 Hz screen). Those
//! run headless (MinimalPlugins: no window, no GPU), so they run anywhere. With a display
//! (`xvfb-run cargo bench --bench app`, Mesa's llvmpipe: the software rendering of onboarding
//! PCs and thin clients) it also measures both apps in a real window with a real renderer, and
//! leaves the call alone until its debrief shows (which must come without input). Prints
//! figures; asserts nothing.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bevy::input::InputPlugin;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use hold_the_line::game::actions::*;
use hold_the_line::game::{GameConfig, HoldTheLinePlugin};

/// Counts live heap bytes, so memory is measured exactly rather than read from the OS.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const FRAMES: u32 = 2_000;

fn frame_time(app: &mut App) -> Duration {
    for _ in 0..50 {
        app.update();
    }
    let start = Instant::now();
    for _ in 0..FRAMES {
        app.update();
    }
    start.elapsed() / FRAMES
}

fn base() -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            16,
        )));
    app
}

/// Heap held after start-up, and time per frame, of one app built by `setup` and driven
/// into the state it measures by `drive`.
fn measure(setup: impl FnOnce(&mut App), drive: impl FnOnce(&mut App)) -> (usize, Duration) {
    let before = LIVE.load(Ordering::Relaxed);
    let mut app = base();
    setup(&mut app);
    app.update();
    drive(&mut app);
    let heap = LIVE.load(Ordering::Relaxed) - before;
    (heap, frame_time(&mut app))
}

fn game(app: &mut App, data: PathBuf) {
    app.add_plugins(HoldTheLinePlugin {
        config: GameConfig {
            scenarios_dir: PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
            data_dir: data,
            fixed_seed: Some(1),
            lang: Some(htl_core::i18n::Lang::En),
        },
    });
}

/// A button pressed on the screen showing, and the two frames it takes to act.
fn step<A: ScreenAction>(app: &mut App, action: A) {
    app.world_mut().write_message(UiCommand(action));
    app.update();
    app.update();
}

fn into_call(app: &mut App) {
    step(app, TitleAction::Practice);
    step(app, SelectAction::OpenCase("missing_parcel".into()));
    step(app, BriefAction::StartCall);
    // A first call opens with the guide to the screen; the call starts behind it.
    step(app, CallAction::BeginCall);
    // The greeting: the customer's opening outburst then plays while frames are timed.
    app.world_mut()
        .write_message(UiCommand(CallAction::Reply(0)));
}

/// The CPU time this process has used so far (user and system).
fn cpu_time() -> Duration {
    // SAFETY: getrusage writes into the struct it is given and reads nothing else.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1_000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

const CPU_RUN: Duration = Duration::from_secs(4);

/// The share of one core an app takes running in real time, one frame every `frame`, for
/// `CPU_RUN` after it is set up.
fn cpu_share(frame: Duration, setup: impl FnOnce(&mut App), drive: impl FnOnce(&mut App)) -> f64 {
    let mut app = App::new();
    app.add_plugins((
        MinimalPlugins.set(bevy::app::ScheduleRunnerPlugin::run_loop(frame)),
        StatesPlugin,
        InputPlugin,
    ));
    setup(&mut app);
    app.update();
    drive(&mut app);
    let (started, cpu) = (Instant::now(), cpu_time());
    app.add_systems(Last, move |mut exit: MessageWriter<AppExit>| {
        if started.elapsed() >= CPU_RUN {
            exit.write(AppExit::Success);
        }
    });
    app.run();
    (cpu_time() - cpu).as_secs_f64() / started.elapsed().as_secs_f64()
}

/// The wait the window's redraw policy asks for before the next frame, with no input.
fn wait_of(app: &App) -> Duration {
    hold_the_line::game::redraw::idle_wait(app.world())
}

/// The share of one core a live call takes in real time with frames as the window asks
/// for them (sleeping until the next change is due, as winit's reactive loop does), and the
/// frames drawn per second.
fn cpu_share_as_the_window_draws(
    setup: impl FnOnce(&mut App),
    drive: impl FnOnce(&mut App),
) -> (f64, f64) {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, InputPlugin));
    setup(&mut app);
    app.update();
    drive(&mut app);
    let (started, cpu) = (Instant::now(), cpu_time());
    let mut frames = 0u32;
    while started.elapsed() < CPU_RUN {
        std::thread::sleep(wait_of(&app));
        app.update();
        frames += 1;
    }
    let wall = started.elapsed().as_secs_f64();
    (
        (cpu_time() - cpu).as_secs_f64() / wall,
        f64::from(frames) / wall,
    )
}

/// How long a windowed app is measured, after it is set up.
const WINDOW_RUN: Duration = Duration::from_secs(8);

/// What the windowed measurement has reached.
#[derive(Resource, Default)]
struct WindowProbe {
    /// The commands sent so far on the way into a call.
    sent: Vec<&'static str>,
    /// When measuring began, and the CPU time used by then.
    since: Option<(Instant, Duration)>,
    frames: u32,
    /// The figures, once measured; a call then runs on, untouched, to its end.
    figures: Option<String>,
    /// When the call ended (the customer gave up on the silence).
    ended: Option<Instant>,
}

/// The share of one core, and frames drawn per second, of an app in a real window with a
/// real renderer (run under `xvfb-run` with Mesa's llvmpipe/lavapipe: the software rendering
/// of onboarding PCs and thin clients), with no input: the bare app as Bevy's desktop
/// preset (waking once a second, like the call's clock), or the game in a live call with its
/// own redraw policy. Prints "share fps adapter".
/// The game in a window as the binary opens it, on the case folder `scenarios`.
fn windowed_game(scenarios: PathBuf, data: PathBuf) -> App {
    hold_the_line::windowed_app(GameConfig {
        scenarios_dir: scenarios,
        data_dir: data,
        fixed_seed: Some(1),
        lang: Some(htl_core::i18n::Lang::En),
    })
}

/// A bare Bevy app in a window of the game's size, with a camera and nothing to draw.
fn windowed_bare() -> App {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            resolution: bevy::window::WindowResolution::new(1280, 720),
            ..default()
        }),
        ..default()
    }))
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    app
}

/// The bare app with a title-like screen of Bevy UI and nothing else: a heading, a few
/// lines of text in Bevy's built-in font, a rounded panel and three bordered buttons. What
/// any app that draws a screen of text pays under software rendering (its UI and text
/// pipelines compiled, glyphs rasterised, the quads drawn every frame), against which the
/// game's own start-up is the difference.
fn windowed_bare_ui() -> App {
    let mut app = windowed_bare();
    app.add_systems(Startup, |mut commands: Commands| {
        let line = |text: &str, size: f32| {
            (
                Text::new(text),
                TextFont {
                    font_size: bevy::text::FontSize::Px(size),
                    ..default()
                },
            )
        };
        let button = |label: &str| {
            (
                Node {
                    padding: UiRect::axes(Val::Px(18.0), Val::Px(10.0)),
                    border: UiRect::all(Val::Px(1.0)),
                    border_radius: BorderRadius::all(Val::Px(8.0)),
                    ..default()
                },
                BackgroundColor(Color::srgb(0.2, 0.23, 0.28)),
                BorderColor::all(Color::srgb(0.35, 0.38, 0.45)),
                children![line(label, 20.0)],
            )
        };
        commands.spawn((
            Node {
                width: Val::Percent(100.0),
                height: Val::Percent(100.0),
                flex_direction: FlexDirection::Column,
                align_items: AlignItems::Center,
                justify_content: JustifyContent::Center,
                row_gap: Val::Px(16.0),
                ..default()
            },
            BackgroundColor(Color::srgb(0.07, 0.08, 0.1)),
            children![
                line("Hold the Line", 56.0),
                line(
                    "Customer-service training: calls from angry customers",
                    22.0
                ),
                (
                    Node {
                        flex_direction: FlexDirection::Column,
                        padding: UiRect::all(Val::Px(16.0)),
                        row_gap: Val::Px(8.0),
                        border_radius: BorderRadius::all(Val::Px(10.0)),
                        ..default()
                    },
                    BackgroundColor(Color::srgb(0.12, 0.13, 0.16)),
                    children![
                        line("Your name", 20.0),
                        line("Type your name and press Enter to sign in.", 18.0),
                    ],
                ),
                button("Sign in"),
                button("Settings"),
                button("Quit"),
            ],
        ));
    });
    app
}

fn in_a_window(call: bool, data: PathBuf) -> String {
    use hold_the_line::game::Screen;
    use hold_the_line::game::session::LiveCall;
    let mut app = if call {
        windowed_game(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
            data,
        )
    } else {
        let mut app = windowed_bare();
        app.insert_resource(bevy::winit::WinitSettings {
            focused_mode: bevy::winit::UpdateMode::reactive(Duration::from_secs(1)),
            unfocused_mode: bevy::winit::UpdateMode::reactive_low_power(Duration::from_secs(1)),
        });
        app
    };
    let result = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let out = result.clone();
    app.init_resource::<WindowProbe>().add_systems(
        Last,
        move |mut probe: ResMut<WindowProbe>,
              time: Res<Time<Real>>,
              screen: Option<Res<State<Screen>>>,
              live: Option<Res<LiveCall>>,
              adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>,
              mut commands: Commands,
              mut exit: MessageWriter<AppExit>| {
            if let Some(figures) = probe.figures.clone() {
                // Nobody touches the window: the ending's hold and the debrief must come
                // by themselves (the blocker of issue 19, in a real event loop).
                let over = live.as_deref().is_none_or(|l| l.call.is_over());
                if over && probe.ended.is_none() {
                    probe.ended = Some(Instant::now());
                }
                let debrief = screen.as_deref().map(|s| *s.get()) == Some(Screen::Debrief);
                let waited = probe.ended.map(|e| e.elapsed());
                if debrief || waited.is_some_and(|w| w > Duration::from_secs(30)) {
                    let after = if debrief {
                        format!("{:.1}", waited.unwrap_or_default().as_secs_f64())
                    } else {
                        "never".into()
                    };
                    *out.lock().unwrap() = format!("{figures} {after}");
                    exit.write(AppExit::Success);
                }
                return;
            }
            if let Some((since, cpu)) = probe.since {
                probe.frames += 1;
                let wall = since.elapsed();
                if wall >= WINDOW_RUN {
                    let share = (cpu_time() - cpu).as_secs_f64() / wall.as_secs_f64();
                    let fps = f64::from(probe.frames) / wall.as_secs_f64();
                    let name = adapter.map_or("unknown".into(), |a| a.name.replace(' ', "_"));
                    let figures = format!("{share} {fps} {name}");
                    if screen.is_none() {
                        *out.lock().unwrap() = format!("{figures} -");
                        exit.write(AppExit::Success);
                    } else {
                        probe.figures = Some(figures);
                    }
                }
                return;
            }
            // The renderer's first seconds (shaders compiling) are not what a call costs.
            if time.elapsed() < Duration::from_secs(3) {
                return;
            }
            let Some(screen) = screen else {
                probe.since = Some((Instant::now(), cpu_time()));
                return;
            };
            // Into a call as a guest would go, one step per screen, then the greeting.
            // Each step once, as a trainee would press it.
            fn request<A: ScreenAction>(
                commands: &mut Commands,
                probe: &mut WindowProbe,
                step: &'static str,
                action: A,
            ) {
                if !probe.sent.contains(&step) {
                    probe.sent.push(step);
                    commands.write_message(UiCommand(action));
                }
            }
            match screen.get() {
                Screen::Title => request(&mut commands, &mut probe, "guest", TitleAction::Practice),
                Screen::Select => request(
                    &mut commands,
                    &mut probe,
                    "open",
                    SelectAction::OpenCase("missing_parcel".into()),
                ),
                Screen::Brief => {
                    request(&mut commands, &mut probe, "start", BriefAction::StartCall)
                }
                Screen::Call => match live.as_deref() {
                    Some(l) if l.guide => {
                        request(&mut commands, &mut probe, "begin", CallAction::BeginCall)
                    }
                    Some(l) if l.call.can_reply() => {
                        request(&mut commands, &mut probe, "greet", CallAction::Reply(0));
                        probe.since = Some((Instant::now(), cpu_time()));
                    }
                    _ => {}
                },
                _ => {}
            }
        },
    );
    app.run();
    let text = result.lock().unwrap().clone();
    text
}

/// Plays `calls` calls of a case in one process (list, brief, call answered with the first
/// card in each pause, debrief, back to the list) and returns the live heap after each.
fn soak(calls: usize, data: PathBuf) -> Vec<usize> {
    use hold_the_line::game::Screen;
    use hold_the_line::game::session::LiveCall;
    let before = LIVE.load(Ordering::Relaxed);
    let mut app = base();
    app.insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
        100,
    )));
    game(&mut app, data);
    app.update();
    let screen = |app: &App| *app.world().resource::<State<Screen>>().get();
    step(&mut app, TitleAction::Practice);
    let mut heap = Vec::with_capacity(calls);
    for i in 0..calls {
        step(&mut app, SelectAction::OpenCase("missing_parcel".into()));
        step(&mut app, BriefAction::StartCall);
        if i == 0 {
            step(&mut app, CallAction::BeginCall);
        }
        while screen(&app) == Screen::Call {
            let ready = app.world().get_resource::<LiveCall>().is_some_and(|l| {
                l.call.can_reply()
                    && matches!(l.call.phase(), htl_core::engine::Phase::Waiting { .. })
            });
            if ready {
                step(&mut app, CallAction::Reply(0));
            } else {
                app.update();
            }
        }
        for _ in 0..5 {
            app.update();
        }
        step(&mut app, DebriefAction::BackToList);
        for _ in 0..5 {
            app.update();
        }
        heap.push(LIVE.load(Ordering::Relaxed) - before);
    }
    heap
}

/// Which app a launch measures.
#[derive(Clone, Copy)]
enum Launched {
    Bare,
    BareWithUi,
    Game,
}

/// Launch to 32 frames in a real window, then quit, drawing every frame (the figure of
/// issue 21: the game beside a bare app, same features): milliseconds from this call to
/// the first frame and to the 32nd, and the peak resident memory in MiB. `scenarios` is
/// the case folder the game reads (an empty one shows what the library costs).
fn launch_in_a_window(launched: Launched, scenarios: PathBuf, data: PathBuf) -> String {
    let start = Instant::now();
    let mut app = match launched {
        Launched::Game => windowed_game(scenarios, data),
        Launched::Bare => windowed_bare(),
        Launched::BareWithUi => windowed_bare_ui(),
    };
    let first = std::sync::Arc::new(std::sync::Mutex::new(None::<Duration>));
    let seen = first.clone();
    app.insert_resource(bevy::winit::WinitSettings::continuous())
        .add_systems(
            Last,
            move |mut frames: Local<u32>, mut exit: MessageWriter<AppExit>| {
                *frames += 1;
                if *frames == 1 {
                    *seen.lock().unwrap() = Some(start.elapsed());
                }
                if *frames == 32 {
                    exit.write(AppExit::Success);
                }
            },
        );
    app.run();
    let total = start.elapsed();
    let first = first.lock().unwrap().unwrap_or_default();
    format!(
        "{} {} {}",
        first.as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0,
        peak_resident_mib()
    )
}

/// The process's peak resident memory so far, in MiB (getrusage's ru_maxrss, which Linux
/// gives in KiB; other systems count differently, so they print NaN).
#[cfg(target_os = "linux")]
fn peak_resident_mib() -> f64 {
    // SAFETY: rusage is plain integers, so all-zero is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage only writes the struct it is given.
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return f64::NAN;
    }
    usage.ru_maxrss as f64 / 1024.0
}

#[cfg(not(target_os = "linux"))]
fn peak_resident_mib() -> f64 {
    f64::NAN
}

/// Start-up, headless, in a fresh process: building the app and its first frame, in
/// milliseconds.
fn startup_ms(with_game: bool, data: PathBuf) -> f64 {
    let start = Instant::now();
    let mut app = base();
    if with_game {
        game(&mut app, data);
    }
    app.update();
    start.elapsed().as_secs_f64() * 1000.0
}

/// What the game's start-up does before its first frame, each timed cold in a fresh
/// process (milliseconds): the rule catalogue, the case library read and checked, the
/// message bundles of the three languages, and the shipped fonts read.
fn startup_phases_ms() -> [f64; 4] {
    let time = |f: &mut dyn FnMut()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64() * 1000.0
    };
    let mut catalogue = None;
    let c = time(&mut || catalogue = Some(htl_core::guidance::Catalogue::builtin()));
    let catalogue = std::sync::Arc::new(catalogue.expect("the catalogue"));
    let scenarios = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let l = time(&mut || {
        std::hint::black_box(hold_the_line::game::cases::Cases::load(
            &scenarios,
            catalogue.clone(),
        ));
    });
    let m = time(&mut || {
        std::hint::black_box(htl_core::i18n::Messages::for_screen());
    });
    let f = time(&mut || {
        for font in &htl_core::glyphs::FONTS {
            std::hint::black_box(Font::from_bytes(font.bytes.to_vec()));
        }
    });
    [c, l, m, f]
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// Each case runs in a fresh process, so one-time global set-up (thread pools, caches)
/// is counted the same for every app.
fn main() {
    let which = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let cpu_data = std::env::temp_dir().join(format!("htl-bench-cpu-{}", std::process::id()));
    let display = Duration::from_secs_f64(1.0 / 60.0);
    let share = match which.as_deref() {
        Some("cpu-call-as-drawn") => {
            let (share, rate) =
                cpu_share_as_the_window_draws(|app| game(app, cpu_data.clone()), into_call);
            Some(format!("{share} {rate}"))
        }
        Some("cpu-bare-60") => Some(format!("{} 60", cpu_share(display, |_| {}, |_| {}))),
        Some("window-bare") => Some(in_a_window(false, cpu_data.clone())),
        Some("window-call") => Some(in_a_window(true, cpu_data.clone())),
        Some("launch-bare") => Some(launch_in_a_window(
            Launched::Bare,
            PathBuf::new(),
            cpu_data.clone(),
        )),
        Some("launch-bare-ui") => Some(launch_in_a_window(
            Launched::BareWithUi,
            PathBuf::new(),
            cpu_data.clone(),
        )),
        Some("launch-game") => Some(launch_in_a_window(
            Launched::Game,
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios"),
            cpu_data.clone(),
        )),
        Some("launch-game-no-cases") => {
            let empty = cpu_data.join("no-cases");
            let _ = std::fs::create_dir_all(&empty);
            Some(launch_in_a_window(Launched::Game, empty, cpu_data.clone()))
        }
        Some("cpu-call-60") => Some(format!(
            "{} 60",
            cpu_share(display, |app| game(app, cpu_data.clone()), into_call)
        )),
        _ => None,
    };
    if let Some(share) = share {
        let _ = std::fs::remove_dir_all(&cpu_data);
        println!("{share}");
        return;
    }
    if which.as_deref() == Some("soak") {
        let heap = soak(50, cpu_data.clone());
        let _ = std::fs::remove_dir_all(&cpu_data);
        let line: Vec<String> = heap.iter().map(|h| (h / 1024).to_string()).collect();
        println!("{}", line.join(" "));
        return;
    }
    let data = std::env::temp_dir().join(format!("htl-bench-{}", std::process::id()));
    let startup = match which.as_deref() {
        Some("startup-bare") => Some(startup_ms(false, data.clone()).to_string()),
        Some("startup-game") => Some(startup_ms(true, data.clone()).to_string()),
        Some("startup-phases") => Some(
            startup_phases_ms()
                .iter()
                .map(f64::to_string)
                .collect::<Vec<_>>()
                .join(" "),
        ),
        _ => None,
    };
    if let Some(line) = startup {
        let _ = std::fs::remove_dir_all(&data);
        println!("{line}");
        return;
    }
    let result = match which.as_deref() {
        Some("bare") => Some(measure(|_| {}, |_| {})),
        Some("title") => Some(measure(|app| game(app, data.clone()), |_| {})),
        Some("call") => Some(measure(|app| game(app, data.clone()), into_call)),
        _ => None,
    };
    if let Some((heap, frame)) = result {
        let _ = std::fs::remove_dir_all(&data);
        println!("{heap} {}", frame.as_nanos());
        return;
    }
    let exe = std::env::current_exe().expect("the bench knows its own path");
    // Each case runs in a fresh process and prints its figures on one line.
    let run = |case: &str| -> Vec<f64> {
        let out = std::process::Command::new(&exe)
            .arg(case)
            .output()
            .expect("run the bench case");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .map(|n| n.parse::<f64>().unwrap_or(f64::NAN))
            .collect()
    };
    // The `i`th figure a case printed (NaN if it printed fewer).
    let figure = |figures: &[f64], i: usize| figures.get(i).copied().unwrap_or(f64::NAN);
    // Start-up: five fresh processes each, the median.
    let runs = 5;
    let bare = median((0..runs).map(|_| figure(&run("startup-bare"), 0)).collect());
    let with_game = median((0..runs).map(|_| figure(&run("startup-game"), 0)).collect());
    let phases: Vec<Vec<f64>> = (0..runs).map(|_| run("startup-phases")).collect();
    let phase = |i: usize| median(phases.iter().map(|p| figure(p, i)).collect());
    let (catalogue, library, messages, fonts) = (phase(0), phase(1), phase(2), phase(3));
    println!("start-up, headless, to the first frame (median of {runs} processes)");
    println!("  bare Bevy app (MinimalPlugins)     {bare:>8.1} ms");
    println!(
        "  Hold the Line                      {with_game:>8.1} ms ({:.2}x)",
        with_game / bare
    );
    println!("    rule catalogue                   {catalogue:>8.1} ms");
    println!("    message bundles (3 languages)    {messages:>8.1} ms");
    println!("    shipped fonts read               {fonts:>8.1} ms");
    println!(
        "    the rest (plugins, first screen) {:>8.1} ms",
        with_game - bare - catalogue - messages - fonts
    );
    // Read on its own thread while the title shows, so not part of the first frame.
    println!("  case library read and checked      {library:>8.1} ms (on its own thread)");
    println!();
    println!("headless, {FRAMES} frames each, same features and profile, one process each");
    println!("{:<34} {:>12} {:>14}", "", "heap (KiB)", "frame (µs)");
    for (case, label) in [
        ("bare", "bare Bevy app (MinimalPlugins)"),
        ("title", "Hold the Line, title screen"),
        ("call", "Hold the Line, live call"),
    ] {
        let figures = run(case);
        let (heap, nanos) = (figure(&figures, 0), figure(&figures, 1));
        println!(
            "{label:<34} {:>12.0} {:>14.1}",
            heap / 1024.0,
            nanos / 1000.0
        );
    }
    println!();
    let out = std::process::Command::new(&exe)
        .arg("soak")
        .output()
        .expect("run the soak");
    let heap: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let at = |call: usize| heap.get(call - 1).map_or("?", String::as_str).to_string();
    println!(
        "soak: 50 calls in one process, heap (KiB) after call 1: {}, 3: {}, 5: {}, 10: {}, 25: {}, 50: {}",
        at(1),
        at(3),
        at(5),
        at(10),
        at(25),
        at(50)
    );
    println!();
    println!(
        "real time, {} s each: share of one core, and frames drawn per second",
        CPU_RUN.as_secs()
    );
    for (case, label) in [
        ("cpu-bare-60", "bare Bevy app, 60 frames/s"),
        ("cpu-call-60", "Hold the Line live call, 60 frames/s"),
        (
            "cpu-call-as-drawn",
            "Hold the Line live call, as the window draws it",
        ),
    ] {
        let figures = run(case);
        let (share, rate) = (figure(&figures, 0), figure(&figures, 1));
        println!("{label:<48} {:>6.1} %  {rate:>5.1} frames/s", share * 100.0);
    }
    println!();
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        println!("in a window: skipped (no display; run under xvfb-run for software rendering)");
        return;
    }
    // Launch to 32 frames: five fresh processes each, the median.
    let launch = |case: &str| -> (f64, f64, f64) {
        let runs: Vec<Vec<f64>> = (0..5).map(|_| run(case)).collect();
        let median_of = |i: usize| median(runs.iter().map(|r| figure(r, i)).collect());
        (median_of(0), median_of(1), median_of(2))
    };
    let bare = launch("launch-bare");
    println!(
        "launch in a window to the first frame and to 32 frames, then quit, and the peak resident memory (median of 5)"
    );
    println!(
        "  {:<40} {:>8.0} ms {:>8.0} ms {:>6.0} MiB",
        "bare Bevy app (desktop preset)", bare.0, bare.1, bare.2
    );
    for (case, label) in [
        ("launch-bare-ui", "bare app with a screen of Bevy UI"),
        ("launch-game", "Hold the Line"),
        ("launch-game-no-cases", "Hold the Line, empty case folder"),
    ] {
        let game = launch(case);
        println!(
            "  {label:<40} {:>8.0} ms {:>8.0} ms {:>6.0} MiB ({:.2}x the time, {:.2}x the memory)",
            game.0,
            game.1,
            game.2,
            game.1 / bare.1,
            game.2 / bare.2
        );
    }
    println!();
    println!(
        "in a window with a real renderer, {} s each, no input: share of one core, frames/s",
        WINDOW_RUN.as_secs()
    );
    for (case, label) in [
        ("window-bare", "bare Bevy app (desktop preset, 1 s tick)"),
        ("window-call", "Hold the Line live call, as it redraws"),
    ] {
        let out = std::process::Command::new(&exe)
            .arg(case)
            .output()
            .expect("run the bench case");
        let text = String::from_utf8_lossy(&out.stdout);
        let mut figures = text.split_whitespace();
        let share: f64 = figures
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(f64::NAN);
        let rate: f64 = figures
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(f64::NAN);
        let adapter = figures.next().unwrap_or("?");
        let debrief = match figures.next() {
            Some("-") | None => String::new(),
            Some("never") => "; debrief never came without input".into(),
            Some(s) => format!("; left alone, debrief {s} s after the call ended"),
        };
        println!(
            "{label:<48} {:>6.1} %  {rate:>5.1} frames/s  ({adapter}{debrief})",
            share * 100.0
        );
    }
}
