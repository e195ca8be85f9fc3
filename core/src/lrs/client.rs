//! HTTP to the LRS: pure Rust (ureq with rustls, no system TLS library), with timeouts, the
//! xAPI version header and Basic auth. Every answer is sorted into what the sender does
//! next: delivered, already there, refused credentials, rejected, server trouble, or not
//! reachable at all.

use std::time::Duration;

use serde_json::Value;
use ureq::Agent;

use super::LrsConfig;

pub const XAPI_VERSION: &str = "1.0.3";
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// The most of an error body kept for a message.
const BODY_IN_MESSAGE: usize = 400;

/// What went wrong with one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// No answer: connection refused, no such host, timed out, TLS failed.
    Unreachable(String),
    /// 401 or 403: the key or secret is wrong, or lacks the right to write statements.
    Unauthorized { status: u16, body: String },
    /// 409: a statement with the same id is already stored.
    Conflict(String),
    /// Another 4xx: the LRS refused the statements themselves.
    Rejected { status: u16, body: String },
    /// 5xx, or an answer that makes no sense.
    Server { status: u16, body: String },
}

pub struct Client<'c> {
    agent: Agent,
    config: &'c LrsConfig,
}

impl<'c> Client<'c> {
    pub fn new(config: &'c LrsConfig) -> Client<'c> {
        let agent: Agent = Agent::config_builder()
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(REQUEST_TIMEOUT))
            .http_status_as_error(false)
            .user_agent(concat!("hold-the-line/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Client { agent, config }
    }

    /// POSTs statements as one batch.
    pub fn post(&self, statements: &[&Value]) -> Result<(), Failure> {
        let url = format!("{}statements", self.config.endpoint);
        let body = serde_json::to_string(statements).expect("statements are plain JSON");
        let answer = self
            .agent
            .post(&url)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", self.config.basic_auth())
            .header("Content-Type", "application/json")
            .send(body);
        self.sort(answer)
    }

    /// PUTs one statement under its id.
    pub fn put(&self, id: &str, statement: &Value) -> Result<(), Failure> {
        let url = format!("{}statements?statementId={id}", self.config.endpoint);
        let body = serde_json::to_string(statement).expect("a statement is plain JSON");
        let answer = self
            .agent
            .put(&url)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", self.config.basic_auth())
            .header("Content-Type", "application/json")
            .send(body);
        self.sort(answer)
    }

    /// GETs a path under the endpoint (`about`, `statements?...`), returning the body.
    pub fn get(&self, path: &str) -> Result<String, Failure> {
        self.get_url(&format!("{}{path}", self.config.endpoint))
    }

    /// GETs a whole URL (a `more` link), with the version header and credentials: the
    /// caller makes sure it is on the configured LRS.
    pub fn get_url(&self, url: &str) -> Result<String, Failure> {
        let answer = self
            .agent
            .get(url)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Authorization", self.config.basic_auth())
            .call();
        match answer {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let body = response.body_mut().read_to_string().unwrap_or_default();
                match classify(status, &body) {
                    Ok(()) => Ok(body),
                    Err(failure) => Err(failure),
                }
            }
            Err(e) => Err(Failure::Unreachable(describe(&e))),
        }
    }

    fn sort(
        &self,
        answer: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<(), Failure> {
        match answer {
            Ok(mut response) => {
                let status = response.status().as_u16();
                let body = response.body_mut().read_to_string().unwrap_or_default();
                classify(status, &body)
            }
            Err(e) => Err(Failure::Unreachable(describe(&e))),
        }
    }
}

fn classify(status: u16, body: &str) -> Result<(), Failure> {
    let body = shorten(body);
    match status {
        200..=299 => Ok(()),
        401 | 403 => Err(Failure::Unauthorized { status, body }),
        409 => Err(Failure::Conflict(body)),
        400..=499 => Err(Failure::Rejected { status, body }),
        _ => Err(Failure::Server { status, body }),
    }
}

fn shorten(body: &str) -> String {
    let body = body.trim();
    if body.chars().count() <= BODY_IN_MESSAGE {
        body.to_string()
    } else {
        let cut: String = body.chars().take(BODY_IN_MESSAGE).collect();
        format!("{cut}...")
    }
}

/// A transport error in words a trainer can act on.
fn describe(error: &ureq::Error) -> String {
    use std::io::ErrorKind;
    match error {
        ureq::Error::Io(e) => match e.kind() {
            ErrorKind::ConnectionRefused => {
                "connection refused: nothing is listening there (is the LRS running?)".into()
            }
            ErrorKind::TimedOut => "timed out".into(),
            ErrorKind::ConnectionReset | ErrorKind::ConnectionAborted => {
                "the connection was dropped".into()
            }
            _ => e.to_string(),
        },
        ureq::Error::HostNotFound => "the host name was not found".into(),
        ureq::Error::Timeout(_) => "timed out".into(),
        ureq::Error::ConnectionFailed => "the connection failed".into(),
        ureq::Error::Tls(why) => format!("TLS failed: {why}"),
        other => other.to_string(),
    }
}
