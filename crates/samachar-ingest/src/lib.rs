//! Samachar ingest: reads files (text in any encoding, saved web pages, PDFs)
//! into [`Document`]s, and the cleaner marks page furniture and metadata.

pub mod clean;

use samachar_model::{Document, Format};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
}

/// Reads and decodes one file.
pub fn read_path(path: &Path) -> Result<Document, IngestError> {
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let file = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Document {
        path: path.display().to_string(),
        file,
        format: Format::Text,
        encoding: "UTF-8".into(),
        text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
        format_title: None,
        bytes,
    })
}

/// Decodes bytes already in memory; `path` names them in messages.
pub fn decode_bytes(path: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let file = Path::new(path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Document {
        path: path.to_string(),
        file,
        format: Format::Text,
        encoding: "UTF-8".into(),
        text: String::from_utf8_lossy(bytes).replace("\r\n", "\n"),
        format_title: None,
        bytes: bytes.to_vec(),
    })
}
