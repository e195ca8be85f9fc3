//! Reading statements back from the LRS (`hold-the-line report --lrs`): `GET
//! <endpoint>statements` with the configured credentials and the version header, page by
//! page along the `more` links, up to a bound.

use std::collections::HashSet;
use std::time::SystemTime;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::Value;

use super::{Client, LrsConfig, Problem, problem_of};

/// The most statements one report reads; more is said, not silently dropped.
pub const MAX_STATEMENTS: usize = 100_000;
/// What stays as it is in a query value: RFC 3986's unreserved characters (a stamp's
/// `:` and an offset's `+` are encoded).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Statements asked for per page (an LRS may send fewer).
pub const PAGE: usize = 500;

/// What [`fetch_statements`] read.
#[derive(Debug, Clone, PartialEq)]
pub struct Fetched {
    /// In the order the LRS listed them (xAPI: most recently stored first).
    pub statements: Vec<Value>,
    /// Pages read.
    pub pages: usize,
    /// True when the LRS had more than the bound: only the first `max` were read.
    pub cut: bool,
}

/// Reads every statement the LRS gives these credentials, following `more` links, at
/// most `max` of them. `since` passes xAPI's `since` (statements *stored* after that
/// time). An LRS that cannot be reached, refuses the credentials or answers something
/// that is not a statement list is a [`Problem`]; nothing is half-returned.
pub fn fetch_statements(
    config: &LrsConfig,
    since: Option<SystemTime>,
    max: usize,
) -> Result<Fetched, Problem> {
    fetch_statements_paged(config, since, max, PAGE)
}

/// [`fetch_statements`] asking for `page` statements a page.
pub fn fetch_statements_paged(
    config: &LrsConfig,
    since: Option<SystemTime>,
    max: usize,
    page: usize,
) -> Result<Fetched, Problem> {
    let client = Client::new(config);
    let mut url = format!("{}statements?limit={}", config.endpoint, page.max(1));
    if let Some(since) = since {
        let at = crate::vocab::stamp::to_millis(crate::vocab::stamp::from_system(since));
        url.push_str(&format!("&since={}", utf8_percent_encode(&at, QUERY_VALUE)));
    }
    let mut out = Fetched {
        statements: Vec::new(),
        pages: 0,
        cut: false,
    };
    let mut seen: HashSet<String> = HashSet::new();
    loop {
        seen.insert(url.clone());
        let body = client
            .get_url(&url)
            .map_err(|failure| problem_of(failure, config))?;
        out.pages += 1;
        let mut answer: Value = serde_json::from_str(&body).map_err(|e| {
            Problem::BadAnswer(format!("the statement list from {url} is not JSON ({e})"))
        })?;
        let Some(statements) = answer.get_mut("statements").and_then(Value::as_array_mut) else {
            return Err(Problem::BadAnswer(format!(
                "the answer from {url} has no \"statements\" list"
            )));
        };
        let room = max - out.statements.len();
        if statements.len() > room {
            statements.truncate(room);
            out.statements.append(statements);
            out.cut = true;
            return Ok(out);
        }
        out.statements.append(statements);
        let more = answer
            .get("more")
            .and_then(Value::as_str)
            .unwrap_or("")
            .trim();
        if more.is_empty() {
            return Ok(out);
        }
        if out.statements.len() == max {
            out.cut = true;
            return Ok(out);
        }
        let next = resolve_more(&config.endpoint, more).ok_or_else(|| {
            Problem::BadAnswer(format!(
                "its \"more\" link {more} leads away from {}; not followed",
                config.endpoint
            ))
        })?;
        if seen.contains(&next) {
            return Err(Problem::BadAnswer(format!(
                "its \"more\" link {more} leads back to a page already read"
            )));
        }
        url = next;
    }
}

/// The scheme, host and port of an endpoint: `http://127.0.0.1:8100`.
fn origin(endpoint: &str) -> &str {
    let after_scheme = endpoint.find("://").map_or(0, |i| i + 3);
    match endpoint[after_scheme..].find('/') {
        Some(slash) => &endpoint[..after_scheme + slash],
        None => endpoint,
    }
}

/// A `more` link as a URL: absolute paths (the usual `/xAPI/statements?...`) on the
/// endpoint's origin, relative ones under the endpoint, full URLs only on the same origin
/// (the credentials go with it).
fn resolve_more(endpoint: &str, more: &str) -> Option<String> {
    let origin = origin(endpoint);
    if more.starts_with("http://") || more.starts_with("https://") {
        let same = more
            .strip_prefix(origin)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'));
        return same.then(|| more.to_string());
    }
    if more.starts_with("//") {
        return None;
    }
    if more.starts_with('/') {
        return Some(format!("{origin}{more}"));
    }
    Some(format!("{endpoint}{more}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_links_stay_on_the_lrs() {
        let endpoint = "http://127.0.0.1:8100/xAPI/";
        assert_eq!(origin(endpoint), "http://127.0.0.1:8100");
        assert_eq!(
            resolve_more(endpoint, "/xAPI/statements?pit_id=x&search_after=y").unwrap(),
            "http://127.0.0.1:8100/xAPI/statements?pit_id=x&search_after=y"
        );
        assert_eq!(
            resolve_more(endpoint, "statements?more=2").unwrap(),
            "http://127.0.0.1:8100/xAPI/statements?more=2"
        );
        assert_eq!(
            resolve_more(endpoint, "http://127.0.0.1:8100/xAPI/statements?p=2").unwrap(),
            "http://127.0.0.1:8100/xAPI/statements?p=2"
        );
        assert_eq!(
            resolve_more(endpoint, "http://127.0.0.1:81000/x"),
            None,
            "another port"
        );
        assert_eq!(resolve_more(endpoint, "https://evil.example/x"), None);
        assert_eq!(resolve_more(endpoint, "//evil.example/x"), None);
    }
}
