//! Against a real learning record store: ralph (ralph-malph 5.1.0 from PyPI, file-system
//! backend) started by the test on a free loopback port. It runs when
//! `HOLD_THE_LINE_TEST_RALPH` names the `ralph` executable (`.ci/run` installs it in a
//! virtual environment and sets it); otherwise it says it was skipped and passes.
//!
//! A call is played and its statements arrive; with the LRS down the next call's stay
//! queued on disk; with the LRS back they are delivered, and every statement is stored
//! exactly once, a resend included. A wrong secret is reported as such and loses nothing.
//!
//! `report --lrs`: a small generated cohort is recorded, sent, and read back page by page;
//! every figure of the report from the LRS equals the report from the data folder. The
//! statement-to-call conversion and the command's errors are also tested without an LRS.

mod common;

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use htl_core::lrs::{
    self, Client, Enqueued, LrsConfig, Outbox, Problem, enqueue_session, flush, flush_with,
};
use htl_core::profile::SessionFile;
use htl_core::report::SkipReason;
use htl_core::report::{self, CallFact};
use serde_json::Value;

const USER: &str = "trainer";
const SECRET: &str = "a-long-secret-for-tests";

/// A ralph server; killed when dropped, whatever the test did.
struct Ralph {
    child: Child,
    port: u16,
}

impl Ralph {
    fn start(exe: &Path, app_dir: &Path, store: &Path, port: u16) -> Ralph {
        let log = std::fs::File::create(app_dir.join(format!("server-{port}.log"))).unwrap();
        let mut command = Command::new(exe);
        command
            .args(["runserver", "-b", "fs", "-h", "127.0.0.1", "-p"])
            .arg(port.to_string())
            .envs(ralph_env(app_dir, store))
            // ralph runs uvicorn with reload on, which watches the working folder and
            // serves from a child process: a folder of its own, and a process group of its
            // own so stopping it stops the child too.
            .current_dir(app_dir)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log);
        #[cfg(unix)]
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().expect("ralph starts");
        let mut ralph = Ralph { child, port };
        ralph.wait_until_it_answers(app_dir);
        ralph
    }

    fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    fn wait_until_it_answers(&mut self, app_dir: &Path) {
        let config = LrsConfig::new(&self.endpoint(), USER, SECRET).unwrap();
        let client = Client::new(&config);
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                panic!(
                    "ralph exited ({status}):\n{}",
                    std::fs::read_to_string(app_dir.join(format!("server-{}.log", self.port)))
                        .unwrap_or_default()
                );
            }
            if TcpStream::connect(("127.0.0.1", self.port)).is_ok()
                && client.get("statements?limit=1").is_ok()
            {
                return;
            }
            assert!(Instant::now() < deadline, "ralph did not answer in 90 s");
            std::thread::sleep(Duration::from_millis(250));
        }
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        // The whole group this test started (ralph and its uvicorn worker), by its id.
        #[cfg(unix)]
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Down means down: wait until nothing listens on the port.
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// ralph 5.1.0's file-system LRS backend writes every batch to one file in "create" mode,
/// so it stores the first batch and answers 500 ("Statements bulk indexation failed") to
/// every later one. This switches that backend to its own "append" mode in ralph's
/// processes (a `sitecustomize` module, which Python runs at start-up, also in uvicorn's
/// worker); ralph's handling of statements, ids and duplicates is untouched.
const APPEND_PATCH: &str = "\
try:
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
except ImportError:
    pass
";

fn ralph_env(app_dir: &Path, store: &Path) -> Vec<(&'static str, PathBuf)> {
    let patch = app_dir.join("python");
    std::fs::create_dir_all(&patch).unwrap();
    std::fs::write(patch.join("sitecustomize.py"), APPEND_PATCH).unwrap();
    vec![
        ("RALPH_APP_DIR", app_dir.to_path_buf()),
        ("RALPH_RUNSERVER_BACKEND", "fs".into()),
        // The LRS backend's store (the DATA one is what `ralph auth` and tools use).
        (
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH",
            store.to_path_buf(),
        ),
        (
            "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH",
            store.to_path_buf(),
        ),
        ("PYTHONPATH", patch),
    ]
}

/// A fresh ralph on `port` with the test's account, its store in `store`.
fn start_ralph(exe: &Path, app_dir: &Path, store: &Path, port: u16) -> Ralph {
    std::fs::create_dir_all(store).unwrap();
    let auth = Command::new(exe)
        .args(["auth", "-u", USER, "-p", SECRET, "-s", "all"])
        .args(["-M", "mailto:trainer@example.com", "-w"])
        .envs(ralph_env(app_dir, store))
        .output()
        .expect("ralph auth runs");
    assert!(
        auth.status.success(),
        "{}",
        String::from_utf8_lossy(&auth.stderr)
    );
    Ralph::start(exe, app_dir, store, port)
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn ralph_exe() -> Option<PathBuf> {
    let exe = std::env::var_os("HOLD_THE_LINE_TEST_RALPH").map(PathBuf::from);
    if exe.is_none() {
        eprintln!(
            "skipped: set HOLD_THE_LINE_TEST_RALPH to a ralph executable (ralph-malph 5.1.0) to test against a real LRS"
        );
    }
    exe
}

/// Every statement the LRS holds, by id, counted.
fn stored(config: &LrsConfig) -> HashMap<String, (usize, Value)> {
    let body = Client::new(config)
        .get("statements?limit=1000")
        .expect("the LRS lists its statements");
    let answer: Value = serde_json::from_str(&body).unwrap();
    let mut found: HashMap<String, (usize, Value)> = HashMap::new();
    for statement in answer["statements"].as_array().unwrap() {
        let id = statement["id"].as_str().unwrap().to_string();
        found
            .entry(id)
            .and_modify(|(n, _)| *n += 1)
            .or_insert((1, statement.clone()));
    }
    found
}

fn cli(data: &Path, args: &[&str]) -> (u8, String, String) {
    let mut all = vec!["hold-the-line", "--data-dir", data.to_str().unwrap(), "lrs"];
    all.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = htl_core::cli::run_args(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn play(data: &Path, name: &str, steps: &str, seed: u64) -> (SessionFile, usize) {
    // The end of the call queues its statements, as in the game.
    let (session, queued) =
        common::play_and_record_queued(data, name, "missing_parcel", steps, seed);
    let Enqueued::Queued(count) = queued.unwrap() else {
        panic!("the LRS is configured, so the call is queued");
    };
    assert_eq!(
        enqueue_session(data, &session).unwrap(),
        Enqueued::Queued(0),
        "queued once, however often it is asked"
    );
    assert!(count >= 3, "attempted, an answer, passed or failed");
    (session, count)
}

fn ids_of(session: &SessionFile) -> Vec<String> {
    lrs::statements(session, lrs::DEFAULT_HOME_PAGE)
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn calls_reach_a_real_lrs_once_even_when_it_was_down() {
    let Some(exe) = ralph_exe() else { return };
    let ralph_dir = tempfile::tempdir().unwrap();
    let store = ralph_dir.path().join("store");
    let port = free_port();
    let ralph = start_ralph(&exe, ralph_dir.path(), &store, port);
    let data = tempfile::tempdir().unwrap();
    let data = data.path();

    // The trainer sets it up, checking it answers.
    let (code, out, err) = cli(
        data,
        &[
            "setup",
            "--endpoint",
            &ralph.endpoint(),
            "--key",
            USER,
            "--secret",
            SECRET,
            "--check",
        ],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("accepts the key and secret"), "{out}");
    let (config, _) = LrsConfig::load_with(data, |_| None).unwrap().unwrap();

    // A call: its statements arrive, with their content.
    let (first, first_count) = play(data, "Noor", "1, 1:soft, 1, 1, 1", 5);
    let report = flush(data);
    assert_eq!(report.problem, None, "{report}");
    assert_eq!((report.sent, report.kept), (first_count, 0));
    let held = stored(&config);
    for (n, id) in ids_of(&first).iter().enumerate() {
        let (count, statement) = held.get(id).unwrap_or_else(|| panic!("{id} not stored"));
        assert_eq!(*count, 1);
        assert_eq!(
            statement["context"]["registration"],
            first.id.unwrap().to_string()
        );
        assert_eq!(statement["actor"]["account"]["name"], "Noor");
        if n == first_count - 1 {
            assert_eq!(
                statement["result"]["score"]["scaled"].as_f64().unwrap(),
                f64::from(first.score.total) / 100.0
            );
            assert_eq!(statement["result"]["success"], first.score.passed);
        }
    }
    assert!(Outbox::new(data).entries().unwrap().is_empty());

    // The LRS goes down; the next call waits in the outbox, on disk.
    drop(ralph);
    let (second, second_count) = play(data, "Noor", "2, 2@interrupt:firm", 7);
    let report = flush(data);
    assert_eq!(report.sent, 0);
    assert_eq!(report.kept, second_count);
    match &report.problem {
        Some(Problem::Unreachable { reason, .. }) => {
            assert!(reason.contains("connection refused"), "{reason}")
        }
        other => panic!("expected unreachable, got {other:?}"),
    }
    let outbox_text = std::fs::read_to_string(Outbox::new(data).path()).unwrap();
    assert_eq!(outbox_text.lines().count(), second_count);
    let (code, out, _) = cli(data, &["status"]);
    assert_eq!(code, 0);
    assert!(out.contains(&format!("queued:   {second_count}")), "{out}");
    assert!(out.contains("connection refused"), "{out}");
    let (code, _, err) = cli(data, &["send"]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot reach the LRS"), "{err}");

    // Back up (same store): the queue is delivered. The first call's statements are
    // queued again too, as after a crash between sending and clearing the outbox: the LRS
    // keeps one copy of each.
    let ralph = Ralph::start(&exe, ralph_dir.path(), &store, port);
    lrs::enqueue_with(data, &first, &config).unwrap();
    let (code, out, err) = cli(data, &["send"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("0 statements kept"), "{out}");
    assert!(Outbox::new(data).entries().unwrap().is_empty());
    let held = stored(&config);
    for id in ids_of(&first).iter().chain(&ids_of(&second)) {
        assert_eq!(held.get(id).map(|(n, _)| *n), Some(1), "{id}");
    }
    assert_eq!(held.len(), first_count + second_count);

    // A wrong secret: said plainly, nothing lost.
    let wrong = LrsConfig::new(&ralph.endpoint(), USER, "not-the-secret").unwrap();
    let (third, third_count) = play(data, "Sam", "1, 1, 1", 2);
    let report = flush_with(data, &wrong);
    assert!(
        matches!(
            report.problem,
            Some(Problem::Unauthorized { status: 401, .. })
        ),
        "{report}"
    );
    assert!(report.to_string().contains("key and secret"), "{report}");
    assert_eq!(report.kept, third_count);
    assert_eq!(Outbox::new(data).entries().unwrap().len(), third_count);
    let report = flush(data);
    assert_eq!((report.sent, report.kept), (third_count, 0), "{report}");
    let held = stored(&config);
    assert!(ids_of(&third).iter().all(|id| held[id].0 == 1));
    assert_eq!(held.len(), first_count + second_count + third_count);
    drop(ralph);
}

#[test]
fn setup_refuses_a_bad_endpoint_and_an_lrs_that_is_not_there() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let (code, _, err) = cli(
        data,
        &[
            "setup",
            "--endpoint",
            "lrs.example.com",
            "--key",
            "k",
            "--secret",
            "s",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("http:// or https://"), "{err}");
    let closed = format!("http://127.0.0.1:{}/xAPI/", free_port());
    let (code, _, err) = cli(
        data,
        &[
            "setup",
            "--endpoint",
            &closed,
            "--key",
            "k",
            "--secret",
            "s",
            "--check",
        ],
    );
    assert_eq!(code, 1);
    assert!(err.contains("connection refused"), "{err}");
    assert!(err.contains("Nothing was saved"), "{err}");
    assert!(!LrsConfig::path(data).exists());
    let (code, out, _) = cli(data, &["status"]);
    assert_eq!(code, 0);
    assert!(out.contains("not configured"), "{out}");
}

// The trainer report from the LRS (`report --lrs`).

fn library() -> (htl_core::scenario::Library, htl_core::guidance::Catalogue) {
    let catalogue = htl_core::guidance::Catalogue::builtin();
    let library = htl_core::scenario::load_paths(&[common::scenarios_dir()], &catalogue).unwrap();
    (library, catalogue)
}

fn build(
    folder: report::DataFolder,
    source: report::Origin,
    library: &htl_core::scenario::Library,
    catalogue: &htl_core::guidance::Catalogue,
) -> report::Report {
    report::build(
        folder,
        source,
        &library.scenarios,
        catalogue,
        report::Filter::default(),
        htl_core::i18n::Lang::En,
    )
    .unwrap()
}

/// A call as both sources must give it: all but where it came from, and only the rules
/// judged (a session file lists every rule, statements the judged ones).
fn comparable(call: &CallFact) -> CallFact {
    let mut call = call.clone();
    call.origin = report::Origin::File(PathBuf::new());
    call.rules.retain(|r| r.followed + r.broken > 0);
    call
}

/// Every figure of the two reports is the same.
fn assert_same_figures(local: &report::Report, from_lrs: &report::Report) {
    let calls = |r: &report::Report| r.calls.iter().map(comparable).collect::<Vec<_>>();
    let (a, b) = (calls(local), calls(from_lrs));
    assert_eq!(a.len(), b.len(), "calls");
    for (a, b) in a.iter().zip(&b) {
        let at = format!("{} {} {}", a.trainee, a.case, a.finished);
        assert_eq!(
            (&a.trainee, &a.case, &a.finished, a.finished_at),
            (&b.trainee, &b.case, &b.finished, b.finished_at),
            "{at}"
        );
        assert_eq!(
            (&a.title, a.tier, &a.language),
            (&b.title, b.tier, &b.language),
            "{at}"
        );
        assert_eq!(
            (a.seed, a.total, a.passed, &a.grade),
            (b.seed, b.total, b.passed, &b.grade),
            "{at}"
        );
        assert_eq!(a.replies, b.replies, "{at}");
        assert_eq!(a.rules, b.rules, "{at}");
    }
    let names = |r: &report::Report| {
        r.trainees
            .iter()
            .map(|t| t.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(local), names(from_lrs));
    assert_eq!(local.grid, from_lrs.grid);
    assert_eq!(local.cases, from_lrs.cases);
    assert_eq!(local.case_stats, from_lrs.case_stats);
    // The case maps with the cohort on them: the same arrows, as wide, from either source.
    assert_eq!(local.maps, from_lrs.maps);
    assert_eq!(local.heatmap, from_lrs.heatmap);
    assert_eq!(local.daily, from_lrs.daily);
    assert_eq!(local.tier_steps, from_lrs.tier_steps);
    assert_eq!(local.trainee_reports, from_lrs.trainee_reports);
}

/// Every statement of the sessions a cohort recorded in `data`.
fn cohort_statements(files: &[PathBuf]) -> Vec<Vec<Value>> {
    files
        .iter()
        .map(|f| lrs::statements(&SessionFile::read(f).unwrap(), lrs::DEFAULT_HOME_PAGE))
        .collect()
}

fn report_cli(data: &Path, args: &[&str]) -> (u8, String, String) {
    let scenarios = common::scenarios_dir();
    let mut all = vec![
        "hold-the-line",
        "--data-dir",
        data.to_str().unwrap(),
        "--scenarios",
        scenarios.to_str().unwrap(),
        "report",
    ];
    all.extend_from_slice(args);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = htl_core::cli::run_args(all, &mut out, &mut err);
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn statements_give_the_same_calls_as_the_folder_and_skip_what_they_cannot_use() {
    let (library, catalogue) = library();
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let expected = common::cohort::generate_cohort(data, &library, &catalogue, 4, 3);
    assert!(expected.calls >= 8, "{} calls", expected.calls);
    let endpoint = "http://lrs.example/xAPI/";
    let mut statements: Vec<Value> = cohort_statements(&expected.files).concat();
    // The LRS lists the newest first; the order must not matter.
    statements.reverse();

    let local = build(
        report::read_data_folder(data, &library.scenarios),
        report::Origin::File(data.to_path_buf()),
        &library,
        &catalogue,
    );
    let folder = report::read_statements(&statements, endpoint, &library.scenarios);
    assert!(folder.skipped.is_empty(), "{:?}", folder.skipped);
    let from_lrs = build(
        folder,
        report::Origin::Lrs(endpoint.into()),
        &library,
        &catalogue,
    );
    assert_same_figures(&local, &from_lrs);
    assert_eq!(from_lrs.calls.len(), expected.calls);

    // Another app's statement, a call whose final statement has not arrived, a call with
    // an answer missing, one whose answer lacks its reply index, one without a
    // registration: listed, never counted.
    let extra = common::play_and_record(
        tempfile::tempdir().unwrap().path(),
        "Noor",
        "missing_parcel",
        "1, 1:soft, 1, 1, 1",
        5,
    );
    let variant = |n: u128| {
        let mut s = extra.clone();
        s.id = Some(uuid::Uuid::from_u128(n));
        lrs::statements(&s, lrs::DEFAULT_HOME_PAGE)
    };
    let mut broken = statements.clone();
    broken.push(serde_json::json!({
        "actor": { "mbox": "mailto:someone@example.com" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/experienced" },
        "object": { "id": "https://lms.example/courses/fire-safety" },
    }));
    let mut no_final = variant(1);
    no_final.pop();
    broken.extend(no_final);
    let mut missing_answer = variant(2);
    missing_answer.remove(1);
    broken.extend(missing_answer);
    let mut no_index = variant(3);
    no_index[1]["result"]["extensions"]
        .as_object_mut()
        .unwrap()
        .remove(&lrs::statements::ext("reply-index"));
    broken.extend(no_index);
    let mut no_registration = variant(4);
    no_registration[0]["context"]
        .as_object_mut()
        .unwrap()
        .remove("registration");
    let orphan_id = no_registration[0]["id"].as_str().unwrap().to_string();
    broken.push(no_registration[0].clone());
    // A statement listed twice counts once.
    broken.push(statements[0].clone());

    let folder = report::read_statements(&broken, endpoint, &library.scenarios);
    let why: Vec<(String, SkipReason, String)> = folder
        .skipped
        .iter()
        .map(|s| (s.origin.to_string(), s.reason, s.detail.clone()))
        .collect();
    assert_eq!(why.len(), 5, "{why:#?}");
    let find = |needle: &str| {
        why.iter()
            .find(|(path, _, _)| path.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not skipped: {why:#?}"))
    };
    let foreign = why.iter().find(|w| w.1 == SkipReason::Statements).unwrap();
    assert!(
        foreign.2.contains("1 statement") && foreign.2.contains("fire-safety"),
        "{foreign:?}"
    );
    let call = |n: u128| find(&uuid::Uuid::from_u128(n).to_string());
    assert_eq!(call(1).1, SkipReason::Call);
    assert!(
        call(1).2.contains("passed or failed statement"),
        "{:?}",
        call(1)
    );
    assert!(call(2).2.contains("answered statements"), "{:?}", call(2));
    assert!(call(3).2.contains("which reply"), "{:?}", call(3));
    assert!(find(&orphan_id).2.contains("registration"));
    let english = folder.skipped[0].why_english();
    assert!(!english.contains("report-skip"), "{english}");
    let from_lrs = build(
        folder,
        report::Origin::Lrs(endpoint.into()),
        &library,
        &catalogue,
    );
    assert_same_figures(&local, &from_lrs);
}

#[test]
fn report_lrs_without_an_lrs_says_so_and_writes_nothing() {
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let out = data.join("out");
    let out_arg = out.to_str().unwrap();
    let (code, _, err) = report_cli(data, &["--lrs", "--out", out_arg]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no LRS is configured"), "{err}");
    std::fs::write(LrsConfig::path(data), "(endpoint: ").unwrap();
    let (code, _, err) = report_cli(data, &["--lrs", "--out", out_arg]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("lrs setup"), "{err}");
    let closed = format!("http://127.0.0.1:{}/xAPI/", free_port());
    LrsConfig::new(&closed, USER, SECRET)
        .unwrap()
        .save(data)
        .unwrap();
    let (code, _, err) = report_cli(data, &["--lrs", "--out", out_arg]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("cannot reach the LRS") && err.contains("Nothing was written"),
        "{err}"
    );
    assert!(!out.exists());
}

#[test]
fn the_report_from_a_real_lrs_equals_the_report_from_the_folder() {
    let Some(exe) = ralph_exe() else { return };
    let ralph_dir = tempfile::tempdir().unwrap();
    let ralph = start_ralph(
        &exe,
        ralph_dir.path(),
        &ralph_dir.path().join("store"),
        free_port(),
    );
    let (library, catalogue) = library();
    let data = tempfile::tempdir().unwrap();
    let data = data.path();
    let config = LrsConfig::new(&ralph.endpoint(), USER, SECRET).unwrap();
    config.save(data).unwrap();

    // Five trainees play for four days on their PCs; every call is recorded and queued,
    // then sent.
    let expected = common::cohort::generate_cohort(data, &library, &catalogue, 5, 4);
    assert!(expected.calls >= 10, "{} calls", expected.calls);
    let mut queued = 0;
    for file in &expected.files {
        let session = SessionFile::read(file).unwrap();
        queued += lrs::enqueue_with(data, &session, &config).unwrap();
    }
    let sent = flush_with(data, &config);
    assert_eq!(sent.problem, None, "{sent}");
    assert_eq!((sent.sent, sent.kept), (queued, 0));
    // Another app's statement and a call cut short share the LRS.
    let foreign = serde_json::json!({
        "actor": { "objectType": "Agent", "mbox": "mailto:someone@example.com" },
        "verb": { "id": "http://adlnet.gov/expapi/verbs/experienced", "display": { "en-US": "experienced" } },
        "object": { "objectType": "Activity", "id": "https://lms.example/courses/fire-safety" },
    });
    let mut cut_short = lrs::statements(
        &SessionFile::read(&expected.files[0])
            .map(|mut s| {
                s.id = Some(uuid::Uuid::from_u128(42));
                s
            })
            .unwrap(),
        lrs::DEFAULT_HOME_PAGE,
    );
    cut_short.pop();
    let mut others: Vec<&Value> = cut_short.iter().collect();
    others.push(&foreign);
    Client::new(&config).post(&others).unwrap();
    let in_lrs = queued + others.len();

    // Read back page by page: all of it, and a bound that is said.
    let fetched = lrs::fetch_statements_paged(&config, None, lrs::MAX_STATEMENTS, 40).unwrap();
    assert_eq!(fetched.statements.len(), in_lrs);
    assert!(fetched.pages > 1 && !fetched.cut, "{} pages", fetched.pages);
    let bounded = lrs::fetch_statements_paged(&config, None, 30, 40).unwrap();
    assert_eq!((bounded.statements.len(), bounded.cut), (30, true));

    let local = build(
        report::read_data_folder(data, &library.scenarios),
        report::Origin::File(data.to_path_buf()),
        &library,
        &catalogue,
    );
    let folder = report::read_statements(&fetched.statements, &config.endpoint, &library.scenarios);
    let reasons: Vec<SkipReason> = folder.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(reasons.len(), 2, "{:?}", folder.skipped);
    assert!(reasons.contains(&SkipReason::Statements) && reasons.contains(&SkipReason::Call));
    let from_lrs = build(
        folder,
        report::Origin::Lrs(config.endpoint.clone()),
        &library,
        &catalogue,
    );
    assert_same_figures(&local, &from_lrs);
    // And what the cohort played: calls per trainee, passes per case, replies per beat,
    // rules broken.
    for row in &from_lrs.grid {
        assert_eq!(
            Some(&row.calls),
            expected.calls_per_trainee.get(&row.trainee)
        );
    }
    for s in &from_lrs.case_stats {
        assert_eq!(
            (s.calls, s.passes),
            expected.per_case[&s.case.id],
            "{}",
            s.case.id
        );
        for beat in &s.beats {
            for r in &beat.replies {
                let key = (s.case.id.clone(), beat.beat.clone(), r.reply);
                assert_eq!(r.chosen, expected.replies.get(&key).copied().unwrap_or(0));
            }
        }
    }
    for row in &from_lrs.heatmap.rows {
        assert_eq!(row.all.broken, expected.broken[&row.rule], "{}", row.rule);
    }

    // The command: the same calls, from the LRS, with --since as for the folder.
    let out = data.join("from-lrs");
    let (code, said, err) = report_cli(
        data,
        &["--lrs", "--lang", "en", "--out", out.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        said.contains(&format!("{} calls, 5 trainees, 2 skipped", expected.calls)),
        "{said}"
    );
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    assert!(html.contains("Learning record store:"), "names its source");
    assert!(html.contains("registration=00000000-0000-0000-0000-00000000002a"));
    let since = ["--since", "2026-03-04", "--lang", "en", "--out"];
    let calls_line = |said: &str| {
        said.lines()
            .nth(1)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_string()
    };
    let (code, from_folder, err) = report_cli(
        data,
        &[&since[..], &[data.join("a").to_str().unwrap()]].concat(),
    );
    assert_eq!(code, 0, "{err}");
    let (code, from_store, err) = report_cli(
        data,
        &[
            &["--lrs"][..],
            &since[..],
            &[data.join("b").to_str().unwrap()],
        ]
        .concat(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(calls_line(&from_folder), calls_line(&from_store));
    assert_eq!(
        std::fs::read(data.join("a/cases.csv")).unwrap(),
        std::fs::read(data.join("b/cases.csv")).unwrap()
    );

    // A wrong secret: said plainly, exit 1, nothing written.
    LrsConfig::new(&ralph.endpoint(), USER, "not-the-secret")
        .unwrap()
        .save(data)
        .unwrap();
    let refused = data.join("refused");
    let (code, _, err) = report_cli(data, &["--lrs", "--out", refused.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("key and secret") && err.contains("Nothing was written"),
        "{err}"
    );
    assert!(!refused.exists());
    drop(ralph);
}
