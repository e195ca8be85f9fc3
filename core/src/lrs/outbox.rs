//! The outbox: statements waiting for the LRS, one JSON object a line in
//! `<data>/lrs-outbox.jsonl`, kept across restarts. Every change rewrites the file
//! atomically under a lock file (so the game's sender thread, the game and `hold-the-line
//! lrs send` can share it), and a line that cannot be read is kept as it is, never dropped.
//! `<data>/lrs-status.json` remembers the last attempt and its error for `lrs status`.

use std::collections::HashSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::LrsError;
use crate::profile::{now, write_atomically};

pub const OUTBOX_FILE: &str = "lrs-outbox.jsonl";
pub const STATUS_FILE: &str = "lrs-status.json";
const LOCK_FILE: &str = "lrs-outbox.lock";
const SENDING_LOCK_FILE: &str = "lrs-sending.lock";

/// A statement waiting to be sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Queued {
    /// The statement's id (also in `statement.id`).
    pub id: Uuid,
    /// When it was queued (RFC 3339).
    pub queued: String,
    /// The session it belongs to (its registration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<Uuid>,
    /// The statement exactly as it will be sent, every time.
    pub statement: Value,
}

/// One line of the file: a statement, or text that could not be read (kept as it is).
#[derive(Debug, Clone)]
enum Line {
    Entry(Queued),
    Unreadable(String),
}

/// What the sender last saw, for `lrs status`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SendStatus {
    #[serde(default)]
    pub last_attempt: Option<String>,
    #[serde(default)]
    pub last_delivery: Option<String>,
    /// Why the last attempt left statements queued; None when it emptied the queue.
    #[serde(default)]
    pub last_error: Option<String>,
    /// Statements delivered from this data folder, all told.
    #[serde(default)]
    pub delivered: u64,
}

/// The outbox of one data folder.
#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
}

/// Held while the outbox is read or rewritten (an OS file lock: released when dropped,
/// also if the process dies).
struct Locked(File);

impl Drop for Locked {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Held while statements are being sent, so two senders do not send the same ones.
pub struct Sending(File);

impl Drop for Sending {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

impl Outbox {
    pub fn new(data_dir: &Path) -> Outbox {
        Outbox {
            dir: data_dir.to_path_buf(),
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(OUTBOX_FILE)
    }

    fn lock(&self) -> Result<Locked, LrsError> {
        fs::create_dir_all(&self.dir)?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_FILE))?;
        file.lock()?;
        Ok(Locked(file))
    }

    /// Claims the right to send; None while another sender (a thread, another process)
    /// holds it.
    pub fn try_sending(&self) -> Result<Option<Sending>, LrsError> {
        fs::create_dir_all(&self.dir)?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(SENDING_LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(Sending(file))),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(e)) => Err(e.into()),
        }
    }

    fn read_lines(&self) -> Result<Vec<Line>, LrsError> {
        let text = match fs::read(self.path()) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(e.into()),
        };
        Ok(text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| match serde_json::from_str::<Queued>(l) {
                Ok(entry) => Line::Entry(entry),
                Err(_) => Line::Unreadable(l.to_string()),
            })
            .collect())
    }

    fn write_lines(&self, lines: &[Line]) -> Result<(), LrsError> {
        let mut text = String::new();
        for line in lines {
            match line {
                Line::Entry(entry) => {
                    text.push_str(&serde_json::to_string(entry).map_err(std::io::Error::other)?)
                }
                Line::Unreadable(raw) => text.push_str(raw),
            }
            text.push('\n');
        }
        write_atomically(&self.path(), text.as_bytes())?;
        Ok(())
    }

    /// The statements waiting, oldest first.
    pub fn entries(&self) -> Result<Vec<Queued>, LrsError> {
        let _lock = self.lock()?;
        Ok(self
            .read_lines()?
            .into_iter()
            .filter_map(|l| match l {
                Line::Entry(e) => Some(e),
                Line::Unreadable(_) => None,
            })
            .collect())
    }

    /// Lines of the file that are not statements this build can read (kept, not sent).
    pub fn unreadable(&self) -> Result<usize, LrsError> {
        let _lock = self.lock()?;
        Ok(self
            .read_lines()?
            .iter()
            .filter(|l| matches!(l, Line::Unreadable(_)))
            .count())
    }

    /// Adds statements (each with its `id`), skipping any already queued; on disk when it
    /// returns. Returns how many were added.
    pub fn add(&self, statements: &[Value], session: Option<Uuid>) -> Result<usize, LrsError> {
        let _lock = self.lock()?;
        let mut lines = self.read_lines()?;
        let mut known: HashSet<Uuid> = lines
            .iter()
            .filter_map(|l| match l {
                Line::Entry(e) => Some(e.id),
                Line::Unreadable(_) => None,
            })
            .collect();
        let queued = now();
        let mut added = 0;
        for statement in statements {
            let id = statement
                .get("id")
                .and_then(Value::as_str)
                .and_then(|s| Uuid::parse_str(s).ok())
                .ok_or_else(|| LrsError::Outbox("a statement to queue has no id".into()))?;
            if known.insert(id) {
                lines.push(Line::Entry(Queued {
                    id,
                    queued: queued.clone(),
                    session,
                    statement: statement.clone(),
                }));
                added += 1;
            }
        }
        if added > 0 {
            self.write_lines(&lines)?;
        }
        Ok(added)
    }

    /// Removes the statements the LRS has (by id); everything else stays, in order.
    pub fn remove(&self, delivered: &HashSet<Uuid>) -> Result<(), LrsError> {
        if delivered.is_empty() {
            return Ok(());
        }
        let _lock = self.lock()?;
        let lines = self.read_lines()?;
        let before = lines.len();
        let kept: Vec<Line> = lines
            .into_iter()
            .filter(|l| !matches!(l, Line::Entry(e) if delivered.contains(&e.id)))
            .collect();
        if kept.len() != before {
            self.write_lines(&kept)?;
        }
        Ok(())
    }

    pub fn status(&self) -> SendStatus {
        fs::read(self.dir.join(STATUS_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub(super) fn save_status(&self, status: &SendStatus) -> Result<(), LrsError> {
        let json = serde_json::to_vec_pretty(status).map_err(std::io::Error::other)?;
        write_atomically(&self.dir.join(STATUS_FILE), &json)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn statement(n: u128) -> Value {
        json!({ "id": Uuid::from_u128(n).to_string(), "verb": { "id": "x" } })
    }

    #[test]
    fn adding_twice_queues_once_and_removing_keeps_the_rest_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::new(dir.path());
        assert!(outbox.entries().unwrap().is_empty());
        assert_eq!(outbox.add(&[statement(1), statement(2)], None).unwrap(), 2);
        assert_eq!(outbox.add(&[statement(2), statement(3)], None).unwrap(), 1);
        let ids: Vec<u128> = outbox
            .entries()
            .unwrap()
            .iter()
            .map(|e| e.id.as_u128())
            .collect();
        assert_eq!(ids, [1, 2, 3]);
        outbox.remove(&HashSet::from([Uuid::from_u128(2)])).unwrap();
        let again = Outbox::new(dir.path()).entries().unwrap();
        assert_eq!(
            again.iter().map(|e| e.id.as_u128()).collect::<Vec<_>>(),
            [1, 3]
        );
        assert_eq!(again[0].statement, statement(1));
    }

    #[test]
    fn a_line_that_cannot_be_read_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::new(dir.path());
        outbox.add(&[statement(1)], None).unwrap();
        let path = outbox.path();
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("{\"half a line\n");
        fs::write(&path, text).unwrap();
        outbox.add(&[statement(2)], None).unwrap();
        outbox.remove(&HashSet::from([Uuid::from_u128(1)])).unwrap();
        assert_eq!(outbox.unreadable().unwrap(), 1);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("{\"half a line"), "{text}");
        assert_eq!(outbox.entries().unwrap().len(), 1);
    }

    #[test]
    fn only_one_sender_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let outbox = Outbox::new(dir.path());
        let first = outbox.try_sending().unwrap();
        assert!(first.is_some());
        assert!(outbox.try_sending().unwrap().is_none());
        drop(first);
        assert!(outbox.try_sending().unwrap().is_some());
    }
}
