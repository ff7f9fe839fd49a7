//! Samachar ingest: reads files (text in any encoding, saved web pages, PDFs)
//! into [`Document`]s, and the cleaner ([`clean::clean`]) marks page
//! furniture and finds metadata.
//!
//! # Formats
//!
//! The format is chosen by the file's extension first:
//!
//! | extension | format |
//! |---|---|
//! | `.txt`, `.text`, `.md`, `.markdown`, none | text (unless the bytes start like a PDF or a web page) |
//! | `.html`, `.htm`, `.xhtml` | web page |
//! | `.pdf` | PDF |
//! | anything else | sniffed: a PDF or a web page by their first bytes, plain text when the bytes decode as text, otherwise [`IngestError::Unsupported`] |
//!
//! # Errors and paths
//!
//! [`IngestError`]'s messages never contain the path: callers show the path
//! next to the message (the core's `LoadError { path, message }`).

pub mod clean;
mod decode;
mod html;
mod pdf;

use samachar_model::{Document, Format};
use std::io::Read;
use std::path::Path;

/// The largest file Samachar reads: 64 MiB. News articles, even saved web
/// pages with inline scripts or PDFs with images, are far smaller; a bigger
/// file is almost surely not an article, and refusing it keeps memory use
/// bounded when a whole folder is imported in parallel. The size is checked
/// from the file's metadata before anything is read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The extensions Samachar reads, as listed in error messages.
const READABLE: &str = ".txt, .md, .html, .htm, .pdf";

/// Why a file could not be read. Messages say what is wrong and never repeat
/// the path (the caller shows it beside the message).
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("no such file")]
    NotFound,
    /// The operating system refused to open or read the file.
    #[error("cannot read the file: permission denied")]
    PermissionDenied,
    /// The path is a folder; import its files (or the folder itself through
    /// the app's folder import) instead.
    #[error("is a folder, not a file")]
    IsFolder,
    /// Any other operating-system error while reading.
    #[error("cannot read the file: {0}")]
    Io(std::io::Error),
    /// The file is bigger than [`MAX_FILE_BYTES`].
    #[error("file is {} MiB; the limit is {} MiB", mib_up(*.size), MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
    },
    /// The file has no bytes, or only blank space.
    #[error("empty file")]
    Empty,
    /// The bytes are not text (NUL bytes outside UTF-16, or many control
    /// characters).
    #[error("looks like a binary file (not text, HTML or PDF)")]
    Binary,
    /// An extension Samachar does not read, whose bytes are not text either.
    #[error("unsupported file type .{ext}: Samachar reads {READABLE}")]
    Unsupported {
        /// The extension, lower case, without the dot.
        ext: String,
    },
    /// A PDF whose pages hold no extractable text.
    #[error("PDF has no text layer (scanned?); run it through OCR first")]
    PdfNoText,
    /// The PDF reader failed (damaged, encrypted or unusual file).
    #[error("cannot read PDF: {0}")]
    Pdf(String),
}

/// Size in MiB, rounded up, for messages.
fn mib_up(size: u64) -> u64 {
    size.div_ceil(1024 * 1024)
}

/// Reads and decodes one file. The file's size is checked against
/// [`MAX_FILE_BYTES`] before it is read; folders are refused (callers expand
/// them).
pub fn read_path(path: &Path) -> Result<Document, IngestError> {
    let meta = std::fs::metadata(path).map_err(io_error)?;
    if meta.is_dir() {
        return Err(IngestError::IsFolder);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge { size: meta.len() });
    }
    let file = std::fs::File::open(path).map_err(io_error)?;
    // Read at most one byte past the limit, in case the file grew since the
    // metadata was taken.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io_error)?;
    decode_bytes(&path.display().to_string(), &bytes)
}

/// Turns an OS error into the matching [`IngestError`].
fn io_error(e: std::io::Error) -> IngestError {
    match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound,
        std::io::ErrorKind::PermissionDenied => IngestError::PermissionDenied,
        std::io::ErrorKind::IsADirectory => IngestError::IsFolder,
        _ => IngestError::Io(e),
    }
}

/// How a file's name says it should be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hint {
    Text,
    Html,
    Pdf,
    /// An extension Samachar does not know.
    Unknown,
}

/// The lower-case extension of `path`, if any.
fn extension(path: &str) -> Option<String> {
    Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
}

fn hint_for(ext: Option<&str>) -> Hint {
    match ext {
        None | Some("txt" | "text" | "md" | "markdown") => Hint::Text,
        Some("html" | "htm" | "xhtml" | "shtml") => Hint::Html,
        Some("pdf") => Hint::Pdf,
        Some(_) => Hint::Unknown,
    }
}

/// What the first bytes say the file is.
fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    if head.starts_with(b"%PDF-") {
        return Some(Format::Pdf);
    }
    let lower: Vec<u8> = head.iter().take(64).map(u8::to_ascii_lowercase).collect();
    let html_start = lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || (lower.starts_with(b"<?xml") && contains(&bytes[..bytes.len().min(1024)], b"<html"));
    html_start.then_some(Format::Html)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Decodes bytes already in memory; `path` only chooses the format (by its
/// extension) and names the [`Document`]. Bytes longer than
/// [`MAX_FILE_BYTES`] are refused.
pub fn decode_bytes(path: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge { size });
    }
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let ext = extension(path);
    let mut decoded = None;
    let format = match hint_for(ext.as_deref()) {
        Hint::Html => Format::Html,
        Hint::Pdf => Format::Pdf,
        Hint::Text => sniff(bytes).unwrap_or(Format::Text),
        Hint::Unknown => match sniff(bytes) {
            Some(f) => f,
            None => match decode::decode_text(bytes, None) {
                Ok(d) => {
                    decoded = Some(d);
                    Format::Text
                }
                Err(IngestError::Binary) => {
                    return Err(IngestError::Unsupported {
                        ext: ext.unwrap_or_default(),
                    });
                }
                Err(e) => return Err(e),
            },
        },
    };
    let (text, encoding, format_title) = match format {
        Format::Text => {
            let d = match decoded {
                Some(d) => d,
                None => decode::decode_text(bytes, None)?,
            };
            (d.text, d.encoding, None)
        }
        Format::Html => {
            let page = html::read_html(bytes)?;
            (page.text, page.encoding, page.title)
        }
        Format::Pdf => (pdf::read_pdf(bytes)?, "PDF".to_string(), None),
    };
    if text.trim().is_empty() {
        return Err(match format {
            Format::Pdf => IngestError::PdfNoText,
            _ => IngestError::Empty,
        });
    }
    let file = Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string());
    Ok(Document {
        path: path.to_string(),
        file,
        format,
        encoding,
        text,
        format_title,
        bytes: bytes.to_vec(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_then_sniffing() {
        let cases: &[(&str, &[u8], Format)] = &[
            ("a.txt", b"plain words here", Format::Text),
            ("a", b"plain words here", Format::Text),
            ("a.md", b"# Title\n\nBody.", Format::Text),
            ("a.htm", b"<p>Hello there</p>", Format::Html),
            (
                "a.txt",
                b"<!DOCTYPE html><html><body><p>Hi there</p></body></html>",
                Format::Html,
            ),
            (
                "a.log",
                b"  <html><body><p>Hi there</p></body></html>",
                Format::Html,
            ),
            ("a.csv", b"year,value\n2023,5\n", Format::Text),
        ];
        for (path, bytes, want) in cases {
            let doc = decode_bytes(path, bytes);
            assert_eq!(doc.map(|d| d.format).ok(), Some(*want), "{path}");
        }
    }

    #[test]
    fn messages_are_actionable_and_omit_the_path() {
        let cases: Vec<(IngestError, &str)> = vec![
            (
                IngestError::TooLarge {
                    size: 80 * 1024 * 1024,
                },
                "file is 80 MiB; the limit is 64 MiB",
            ),
            (
                IngestError::Unsupported { ext: "docx".into() },
                "unsupported file type .docx: Samachar reads .txt, .md, .html, .htm, .pdf",
            ),
            (IngestError::Empty, "empty file"),
            (IngestError::NotFound, "no such file"),
        ];
        for (err, want) in cases {
            assert_eq!(err.to_string(), want);
        }
    }

    #[test]
    fn os_errors_map_to_messages() {
        use std::io::{Error, ErrorKind};
        let cases = [
            (
                ErrorKind::PermissionDenied,
                "cannot read the file: permission denied",
            ),
            (ErrorKind::NotFound, "no such file"),
            (ErrorKind::IsADirectory, "is a folder, not a file"),
        ];
        for (kind, want) in cases {
            assert_eq!(io_error(Error::from(kind)).to_string(), want);
        }
    }

    #[test]
    fn oversized_bytes_are_refused() {
        let big = vec![b'a'; usize::try_from(MAX_FILE_BYTES).unwrap_or(0) + 1];
        let err = decode_bytes("big.txt", &big).err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("file is 65 MiB; the limit is 64 MiB"));
    }
}
