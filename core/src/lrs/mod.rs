//! Results to a learning record store (xAPI 1.0.3), the standard way training records leave
//! a desktop app.
//!
//! Off until a trainer configures it (`<data>/lrs.ron` from `hold-the-line lrs setup`, or
//! the `HOLD_THE_LINE_LRS_*` environment variables). When a call is recorded, its
//! statements are made (ids fixed then) and written to the outbox on disk before anything
//! is sent ([`enqueue_session`]); [`flush`] sends what the outbox holds and removes only
//! what the LRS accepted, so a statement is never lost to a crash, a closed game or an LRS
//! that is down, and a resend carries the same ids, which the LRS stores once.
//!
//! For the game: after `Store::record_session_with`, call [`enqueue_session`] on the main
//! thread (a small file write), then [`spawn_flush`] so the network never holds a frame;
//! at start-up, [`spawn_flush`] sends what an earlier run left queued.

mod client;
mod config;
mod outbox;
mod reader;
pub mod statements;
pub mod xapi;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use uuid::Uuid;

pub use client::{Client, Failure, XAPI_VERSION};
pub use config::{
    CONFIG_FILE, ConfigSource, DEFAULT_HOME_PAGE, ENV_ENDPOINT, ENV_KEY, ENV_SECRET, LrsConfig,
    normalise_endpoint,
};
pub use outbox::{OUTBOX_FILE, Outbox, Queued, STATUS_FILE, SendStatus};
pub use reader::{Fetched, MAX_STATEMENTS, PAGE, fetch_statements, fetch_statements_paged};
pub use statements::{shift_statements, statements};

use crate::profile::{SessionFile, now};

/// Statements per POST.
pub const BATCH: usize = 50;

#[derive(Debug)]
pub enum LrsError {
    /// The configuration is missing a part, damaged, or names a bad endpoint.
    Config(String),
    /// The outbox could not be read or written (nothing was removed from it).
    Outbox(String),
    Io(std::io::Error),
}

impl std::fmt::Display for LrsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LrsError::Config(why) => write!(f, "LRS configuration: {why}"),
            LrsError::Outbox(why) => write!(f, "LRS outbox: {why}"),
            LrsError::Io(e) => write!(f, "LRS outbox: {e}"),
        }
    }
}

impl std::error::Error for LrsError {}

impl From<std::io::Error> for LrsError {
    fn from(e: std::io::Error) -> Self {
        LrsError::Io(e)
    }
}

/// What [`enqueue_session`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    /// No LRS is configured: nothing queued.
    Off,
    /// This many statements were added to the outbox (0 if they were already there).
    Queued(usize),
}

/// Makes a recorded session's statements and adds them to the outbox, when an LRS is
/// configured. On disk when it returns; sends nothing.
pub fn enqueue_session(data_dir: &Path, session: &SessionFile) -> Result<Enqueued, LrsError> {
    let Some((config, _)) = LrsConfig::load(data_dir)? else {
        return Ok(Enqueued::Off);
    };
    enqueue_with(data_dir, session, &config).map(Enqueued::Queued)
}

/// Queues the statements that close a shift, as [`enqueue_session`] does for a call.
pub fn enqueue_shift(
    data_dir: &Path,
    record: &crate::shift::ShiftRecord,
) -> Result<Enqueued, LrsError> {
    let Some((config, _)) = LrsConfig::load(data_dir)? else {
        return Ok(Enqueued::Off);
    };
    let statements = statements::shift_statements(record, config.home_page());
    Outbox::new(data_dir)
        .add(&statements, Some(record.id))
        .map(Enqueued::Queued)
}

/// [`enqueue_session`] with a configuration given.
pub fn enqueue_with(
    data_dir: &Path,
    session: &SessionFile,
    config: &LrsConfig,
) -> Result<usize, LrsError> {
    let statements = statements(session, config.home_page());
    Outbox::new(data_dir).add(&statements, Some(statements::session_id(session)))
}

/// Why statements stayed in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotConfigured,
    Config(String),
    /// Another sender (the game, `lrs send`) is sending right now.
    Busy,
    Unreachable {
        endpoint: String,
        reason: String,
    },
    Unauthorized {
        status: u16,
        body: String,
    },
    /// The LRS refused some statements (kept; sent again next time).
    Rejected {
        status: u16,
        body: String,
    },
    Server {
        status: u16,
        body: String,
    },
    Outbox(String),
    /// The LRS answered a read with something that is not an xAPI statement list.
    BadAnswer(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::NotConfigured => write!(
                f,
                "no LRS is configured (run `hold-the-line lrs setup`, or set {ENV_ENDPOINT}, {ENV_KEY} and {ENV_SECRET})"
            ),
            Problem::Config(why) => write!(f, "{why}"),
            Problem::Busy => write!(
                f,
                "another sender is sending right now; try again in a moment"
            ),
            Problem::Unreachable { endpoint, reason } => {
                write!(f, "cannot reach the LRS at {endpoint}: {reason}")
            }
            Problem::Unauthorized { status, body } => write!(
                f,
                "the LRS refused the key and secret ({status}{}); check them with `hold-the-line lrs setup`",
                with_body(body)
            ),
            Problem::Rejected { status, body } => write!(
                f,
                "the LRS rejected statements ({status}{}); they are kept",
                with_body(body)
            ),
            Problem::Server { status, body } => {
                write!(f, "the LRS had an error ({status}{})", with_body(body))
            }
            Problem::Outbox(why) => write!(f, "the outbox: {why}"),
            Problem::BadAnswer(why) => write!(f, "the LRS answered oddly: {why}"),
        }
    }
}

fn with_body(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        format!(": {body}")
    }
}

/// What a flush did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlushReport {
    /// The endpoint sent to, when configured.
    pub endpoint: Option<String>,
    /// Statements the LRS accepted now.
    pub sent: usize,
    /// Statements the LRS already had (409, or stored by an earlier attempt): delivered.
    pub already_stored: usize,
    /// Statements still queued.
    pub kept: usize,
    /// Why any were kept (the first reason met); None when the queue is empty.
    pub problem: Option<Problem>,
}

impl FlushReport {
    pub fn delivered(&self) -> usize {
        self.sent + self.already_stored
    }
}

impl std::fmt::Display for FlushReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let statements = |n: usize| {
            if n == 1 {
                "1 statement".to_string()
            } else {
                format!("{n} statements")
            }
        };
        write!(f, "sent {}", statements(self.sent))?;
        if self.already_stored > 0 {
            write!(f, " ({} already stored)", self.already_stored)?;
        }
        if let Some(endpoint) = &self.endpoint {
            write!(f, " to {endpoint}")?;
        }
        write!(f, "; {} kept in the outbox", statements(self.kept))?;
        if let Some(problem) = &self.problem {
            write!(f, ": {problem}")?;
        }
        Ok(())
    }
}

/// Sends what the outbox holds with the configuration in use.
pub fn flush(data_dir: &Path) -> FlushReport {
    let outbox = Outbox::new(data_dir);
    match LrsConfig::load(data_dir) {
        Ok(Some((config, _))) => flush_with(data_dir, &config),
        Ok(None) => FlushReport {
            endpoint: None,
            sent: 0,
            already_stored: 0,
            kept: outbox.entries().map_or(0, |e| e.len()),
            problem: Some(Problem::NotConfigured),
        },
        Err(e) => FlushReport {
            endpoint: None,
            sent: 0,
            already_stored: 0,
            kept: outbox.entries().map_or(0, |e| e.len()),
            problem: Some(Problem::Config(e.to_string())),
        },
    }
}

/// [`flush`] on a thread of its own: the game calls this and checks the handle (or not)
/// later; nothing waits on the network.
pub fn spawn_flush(data_dir: PathBuf) -> std::thread::JoinHandle<FlushReport> {
    std::thread::Builder::new()
        .name("lrs-send".into())
        .spawn(move || flush(&data_dir))
        .expect("a thread can be started")
}

/// Sends what the outbox holds to the LRS `config` names: in batches; a batch the LRS
/// refuses as a whole is sent statement by statement so one bad statement does not hold
/// the others back. Only what the LRS accepted (or already had) leaves the outbox.
pub fn flush_with(data_dir: &Path, config: &LrsConfig) -> FlushReport {
    let outbox = Outbox::new(data_dir);
    let mut report = FlushReport {
        endpoint: Some(config.endpoint.clone()),
        sent: 0,
        already_stored: 0,
        kept: 0,
        problem: None,
    };
    let _sending = match outbox.try_sending() {
        Ok(Some(guard)) => guard,
        Ok(None) => {
            report.kept = outbox.entries().map_or(0, |e| e.len());
            report.problem = Some(Problem::Busy);
            return report;
        }
        Err(e) => {
            report.problem = Some(Problem::Outbox(e.to_string()));
            return report;
        }
    };
    let entries = match outbox.entries() {
        Ok(entries) => entries,
        Err(e) => {
            report.problem = Some(Problem::Outbox(e.to_string()));
            return report;
        }
    };
    let client = Client::new(config);
    let mut stop = false;
    for batch in entries.chunks(BATCH) {
        if stop {
            break;
        }
        let mut delivered: HashSet<Uuid> = HashSet::new();
        let statements: Vec<&Value> = batch.iter().map(|q| &q.statement).collect();
        match client.post(&statements) {
            Ok(()) => {
                report.sent += batch.len();
                delivered.extend(batch.iter().map(|q| q.id));
            }
            Err(Failure::Conflict(_) | Failure::Rejected { .. }) => {
                // One by one: which are stored, which are refused.
                for queued in batch {
                    match client.put(&queued.id.to_string(), &queued.statement) {
                        Ok(()) => {
                            report.sent += 1;
                            delivered.insert(queued.id);
                        }
                        Err(Failure::Conflict(_)) => {
                            report.already_stored += 1;
                            delivered.insert(queued.id);
                        }
                        Err(failure) => {
                            let fatal = !matches!(failure, Failure::Rejected { .. });
                            note(&mut report, problem_of(failure, config));
                            if fatal {
                                stop = true;
                                break;
                            }
                        }
                    }
                }
            }
            Err(failure) => {
                note(&mut report, problem_of(failure, config));
                stop = true;
            }
        }
        if let Err(e) = outbox.remove(&delivered) {
            // Still queued on disk: sent again next time, which the ids make harmless.
            note(&mut report, Problem::Outbox(e.to_string()));
            stop = true;
        }
    }
    report.kept = match outbox.entries() {
        Ok(entries) => entries.len(),
        Err(_) => entries.len().saturating_sub(report.delivered()),
    };
    let mut status = outbox.status();
    status.last_attempt = Some(now());
    if report.delivered() > 0 {
        status.last_delivery = status.last_attempt.clone();
        status.delivered += report.delivered() as u64;
    }
    status.last_error = report.problem.as_ref().map(ToString::to_string);
    if let Err(e) = outbox.save_status(&status) {
        note(&mut report, Problem::Outbox(e.to_string()));
    }
    report
}

fn note(report: &mut FlushReport, problem: Problem) {
    if report.problem.is_none() {
        report.problem = Some(problem);
    }
}

pub(crate) fn problem_of(failure: Failure, config: &LrsConfig) -> Problem {
    match failure {
        Failure::Unreachable(reason) => Problem::Unreachable {
            endpoint: config.endpoint.clone(),
            reason,
        },
        Failure::Unauthorized { status, body } => Problem::Unauthorized { status, body },
        Failure::Conflict(body) => Problem::Rejected { status: 409, body },
        Failure::Rejected { status, body } => Problem::Rejected { status, body },
        Failure::Server { status, body } => Problem::Server { status, body },
    }
}

/// What `lrs setup --check` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    /// The versions `<endpoint>about` lists, when it answered.
    pub versions: Option<Vec<String>>,
}

/// Tries the LRS: `about` (no credentials needed; some LRSs lack it), then a one-statement
/// query, which needs the key and secret to be right.
pub fn check(config: &LrsConfig) -> Result<CheckReport, Problem> {
    let client = Client::new(config);
    let versions = match client.get("about") {
        Ok(body) => serde_json::from_str::<Value>(&body).ok().and_then(|v| {
            v.get("version")?.as_array().map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
        }),
        Err(Failure::Unreachable(reason)) => {
            return Err(Problem::Unreachable {
                endpoint: config.endpoint.clone(),
                reason,
            });
        }
        Err(_) => None,
    };
    client
        .get("statements?limit=1")
        .map_err(|failure| problem_of(failure, config))?;
    Ok(CheckReport { versions })
}
