//! Against a real learning record store: ralph (ralph-malph 5.1.0 from PyPI, file-system
//! backend) started by the test on a free loopback port. It runs when
//! `HOLD_THE_LINE_TEST_RALPH` names the `ralph` executable (`.ci/run` installs it in a
//! virtual environment and sets it); otherwise it says it was skipped and passes.
//!
//! A call is played and its statements arrive; with the LRS down the next call's stay
//! queued on disk; with the LRS back they are delivered, and every statement is stored
//! exactly once, a resend included. A wrong secret is reported as such and loses nothing.

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
    let session = common::play_and_record(data, name, "missing_parcel", steps, seed);
    let Enqueued::Queued(count) = enqueue_session(data, &session).unwrap() else {
        panic!("the LRS is configured, so the call is queued");
    };
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
    std::fs::create_dir_all(&store).unwrap();
    let auth = Command::new(&exe)
        .args(["auth", "-u", USER, "-p", SECRET, "-s", "all"])
        .args(["-M", "mailto:trainer@example.com", "-w"])
        .envs(ralph_env(ralph_dir.path(), &store))
        .output()
        .expect("ralph auth runs");
    assert!(
        auth.status.success(),
        "{}",
        String::from_utf8_lossy(&auth.stderr)
    );
    let port = free_port();
    let ralph = Ralph::start(&exe, ralph_dir.path(), &store, port);
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
