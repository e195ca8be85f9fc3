//! Reading a file's bytes within the size limit, and its text whatever the encoding.

#[allow(unused_imports)]
use super::*;

pub(super) fn read_limited(path: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    // A named pipe or device would block or never end; only plain files are scenarios.
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(Box::new(
            Diagnostic::error(
                Code::Unreadable,
                "this is not a regular file (a folder, pipe or device)",
                0..0,
            )
            .help("name a .ron scenario file, or a folder of them"),
        ));
    }
    let file = File::open(path).map_err(|e| {
        Box::new(
            Diagnostic::error(Code::Unreadable, format!("cannot open the file: {e}"), 0..0)
                .help("check the path and the file's permissions"),
        )
    })?;
    let mut bytes = Vec::new();
    // Read one byte past the limit to know whether it was exceeded, whatever the file claims.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            Box::new(Diagnostic::error(
                Code::Unreadable,
                format!("cannot read the file: {e}"),
                0..0,
            ))
        })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        // The size on disk, when the file system knows it; "more than" the limit otherwise.
        let size = std::fs::metadata(path)
            .map(|m| m.len())
            .ok()
            .filter(|&len| len > MAX_FILE_BYTES)
            .map_or_else(
                || format!("more than {}", human_size(MAX_FILE_BYTES)),
                human_size,
            );
        return Err(Box::new(
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "the file is {size}, over the {} limit for a scenario",
                    human_size(MAX_FILE_BYTES)
                ),
                0..0,
            )
            .help("a scenario is a few kilobytes of text; is this the right file?"),
        ));
    }
    Ok(bytes)
}

pub(super) fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KiB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} bytes")
    }
}

/// `sha256:<lower-case hex>` of a file's bytes: how session files name the exact version
/// of the scenario a call was played on.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for byte in digest.iter() {
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The text of a file's bytes, or why they are not text the game reads (over the size
/// limit, UTF-16, binary, invalid UTF-8, a NUL byte), with what of them could be read.
/// Scenarios and shift files are read through it alike.
pub(crate) fn text_of(bytes: &[u8]) -> Result<&str, (String, Diagnostic)> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err((
            String::new(),
            Diagnostic::error(
                Code::TooLarge,
                format!(
                    "the file is {}, over the {} limit",
                    human_size(bytes.len() as u64),
                    human_size(MAX_FILE_BYTES)
                ),
                0..0,
            ),
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err((
            String::new(),
            Diagnostic::error(Code::NotUtf8, "the file is saved as UTF-16", 0..0)
                .help("save it as UTF-8 (in most editors: Save As, encoding UTF-8)"),
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = valid.len();
            let binary = bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0;
            let diagnostic = if binary {
                Diagnostic::error(Code::NotText, "this is not a text file", at..at)
                    .label("binary data starts here")
                    .help("scenario files are plain text (.ron); is this the right file?")
            } else {
                Diagnostic::error(Code::NotUtf8, "the file is not valid UTF-8 text", at..at)
                    .label("this byte is not UTF-8")
                    .help("save the file as UTF-8")
            };
            return Err((valid, diagnostic));
        }
    };
    if let Some(nul) = text.find('\0') {
        return Err((
            text.to_string(),
            Diagnostic::error(Code::NotText, "this is not a text file", nul..nul)
                .label("a NUL byte")
                .help("scenario files are plain text (.ron); is this the right file?"),
        ));
    }
    Ok(text)
}
