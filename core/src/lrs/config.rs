//! Where the learning record store is and how to sign in to it: `<data>/lrs.ron`, written
//! by `hold-the-line lrs setup`, or the environment (`HOLD_THE_LINE_LRS_ENDPOINT`, `_KEY`,
//! `_SECRET`), which wins over the file. Neither: sending is off.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::LrsError;
use crate::profile::write_atomically;

pub const ENV_ENDPOINT: &str = "HOLD_THE_LINE_LRS_ENDPOINT";
pub const ENV_KEY: &str = "HOLD_THE_LINE_LRS_KEY";
pub const ENV_SECRET: &str = "HOLD_THE_LINE_LRS_SECRET";

/// The file in the data folder.
pub const CONFIG_FILE: &str = "lrs.ron";

/// The account home page trainees are named under when the config gives none.
pub const DEFAULT_HOME_PAGE: &str = "https://hold-the-line.example/trainees";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LrsConfig {
    /// The xAPI endpoint, ending in `/` (e.g. `https://lrs.example.com/xAPI/`): statements
    /// go to `<endpoint>statements`.
    pub endpoint: String,
    /// The Basic auth user name (the LRS's "key").
    pub key: String,
    pub secret: String,
    /// The `account.homePage` trainees are named under (default
    /// `https://hold-the-line.example/trainees`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_page: Option<String>,
}

/// Where the configuration in use came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    Environment,
    File(PathBuf),
}

impl std::fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigSource::Environment => write!(f, "the environment ({ENV_ENDPOINT}, ...)"),
            ConfigSource::File(path) => write!(f, "{}", path.display()),
        }
    }
}

impl LrsConfig {
    /// A configuration with its endpoint checked and normalised (a trailing `/` added).
    pub fn new(endpoint: &str, key: &str, secret: &str) -> Result<LrsConfig, LrsError> {
        let endpoint = normalise_endpoint(endpoint)?;
        if key.is_empty() {
            return Err(LrsError::Config("the key (user name) is empty".into()));
        }
        if key.contains(':') {
            return Err(LrsError::Config(
                "the key cannot contain ':' (Basic auth splits the key from the secret there)"
                    .into(),
            ));
        }
        Ok(LrsConfig {
            endpoint,
            key: key.to_string(),
            secret: secret.to_string(),
            home_page: None,
        })
    }

    pub fn home_page(&self) -> &str {
        self.home_page.as_deref().unwrap_or(DEFAULT_HOME_PAGE)
    }

    pub fn path(data_dir: &Path) -> PathBuf {
        data_dir.join(CONFIG_FILE)
    }

    /// The configuration in use: the environment's if it names an endpoint, else the
    /// file's, else None (sending is off). A half-set environment or a damaged file is an
    /// error, never silently "off".
    pub fn load(data_dir: &Path) -> Result<Option<(LrsConfig, ConfigSource)>, LrsError> {
        Self::load_with(data_dir, |name| std::env::var(name).ok())
    }

    /// [`LrsConfig::load`] with the environment given (for tests).
    pub fn load_with(
        data_dir: &Path,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<(LrsConfig, ConfigSource)>, LrsError> {
        let get = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        if let Some(endpoint) = get(ENV_ENDPOINT) {
            let (Some(key), Some(secret)) = (get(ENV_KEY), get(ENV_SECRET)) else {
                return Err(LrsError::Config(format!(
                    "{ENV_ENDPOINT} is set but {ENV_KEY} or {ENV_SECRET} is not: set all three, or none"
                )));
            };
            let config = LrsConfig::new(&endpoint, &key, &secret)?;
            return Ok(Some((config, ConfigSource::Environment)));
        }
        let path = Self::path(data_dir);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(LrsError::Config(format!(
                    "cannot read {}: {e}",
                    path.display()
                )));
            }
        };
        let file: LrsConfig = ron::from_str(&text).map_err(|e| {
            LrsError::Config(format!(
                "{} cannot be read ({}: {}); run `hold-the-line lrs setup` again",
                path.display(),
                e.span,
                e.code
            ))
        })?;
        let mut config = LrsConfig::new(&file.endpoint, &file.key, &file.secret)
            .map_err(|e| LrsError::Config(format!("{}: {e}", path.display())))?;
        config.home_page = file.home_page;
        Ok(Some((config, ConfigSource::File(path))))
    }

    /// Writes `<data>/lrs.ron` atomically, readable by its owner only where the platform
    /// allows (it holds the secret).
    pub fn save(&self, data_dir: &Path) -> Result<PathBuf, LrsError> {
        std::fs::create_dir_all(data_dir)?;
        let path = Self::path(data_dir);
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| LrsError::Config(e.to_string()))?;
        write_atomically(&path, text.as_bytes())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
        }
        Ok(path)
    }

    /// The Authorization header's value.
    pub(super) fn basic_auth(&self) -> String {
        use base64::Engine;
        let pair = format!("{}:{}", self.key, self.secret);
        format!(
            "Basic {}",
            base64::engine::general_purpose::STANDARD.encode(pair)
        )
    }
}

/// Checks an endpoint is an http(s) URL with a host, and ends it with `/`.
pub fn normalise_endpoint(endpoint: &str) -> Result<String, LrsError> {
    let endpoint = endpoint.trim();
    let bad = |why: &str| {
        LrsError::Config(format!(
            "\"{endpoint}\" is not an LRS endpoint: {why} (for example https://lrs.example.com/xAPI/)"
        ))
    };
    let rest = endpoint
        .strip_prefix("https://")
        .or_else(|| endpoint.strip_prefix("http://"))
        .ok_or_else(|| bad("it must start with http:// or https://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(bad("it has no host name"));
    }
    if host.contains('@') {
        return Err(bad(
            "put the key and secret in --key and --secret, not in the URL",
        ));
    }
    if endpoint.contains(['?', '#']) {
        return Err(bad("it cannot have a query (?) or fragment (#)"));
    }
    if endpoint
        .chars()
        .any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(bad("it has a space in it"));
    }
    if let Some((_, port)) = host.rsplit_once(':')
        && !host.ends_with(']')
        && port.parse::<u16>().is_err()
    {
        return Err(bad("its port is not a number from 1 to 65535"));
    }
    let mut endpoint = endpoint.to_string();
    if !endpoint.ends_with('/') {
        endpoint.push('/');
    }
    Ok(endpoint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_are_checked_and_end_in_a_slash() {
        assert_eq!(
            normalise_endpoint("http://127.0.0.1:8100/xAPI").unwrap(),
            "http://127.0.0.1:8100/xAPI/"
        );
        assert_eq!(
            normalise_endpoint(" https://lrs.example.com/xAPI/ ").unwrap(),
            "https://lrs.example.com/xAPI/"
        );
        for bad in [
            "lrs.example.com/xAPI",
            "ftp://lrs.example.com/",
            "http:///xAPI",
            "http://user:pw@lrs.example.com/",
            "http://lrs.example.com:99999/",
            "http://lrs.example.com/x API/",
            "http://lrs.example.com/xAPI?x=1",
        ] {
            assert!(normalise_endpoint(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_environment_wins_and_must_be_complete() {
        let dir = tempfile::tempdir().unwrap();
        let none = |_: &str| None;
        assert!(LrsConfig::load_with(dir.path(), none).unwrap().is_none());
        let file = LrsConfig::new("http://file.example/xAPI", "k", "s").unwrap();
        file.save(dir.path()).unwrap();
        let (config, source) = LrsConfig::load_with(dir.path(), none).unwrap().unwrap();
        assert_eq!(config, file);
        assert_eq!(source, ConfigSource::File(LrsConfig::path(dir.path())));
        let env = |name: &str| match name {
            ENV_ENDPOINT => Some("http://env.example/xAPI/".to_string()),
            ENV_KEY => Some("ek".to_string()),
            ENV_SECRET => Some("es".to_string()),
            _ => None,
        };
        let (config, source) = LrsConfig::load_with(dir.path(), env).unwrap().unwrap();
        assert_eq!(config.endpoint, "http://env.example/xAPI/");
        assert_eq!(source, ConfigSource::Environment);
        let half = |name: &str| (name == ENV_ENDPOINT).then(|| "http://env.example/".to_string());
        let err = LrsConfig::load_with(dir.path(), half).unwrap_err();
        assert!(err.to_string().contains(ENV_KEY), "{err}");
    }

    #[test]
    fn a_damaged_config_file_is_an_error_not_off() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(LrsConfig::path(dir.path()), "(endpoint: ").unwrap();
        let err = LrsConfig::load_with(dir.path(), |_| None).unwrap_err();
        assert!(err.to_string().contains("lrs setup"), "{err}");
    }
}
