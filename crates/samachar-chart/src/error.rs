//! The one error type of this crate.

use std::path::PathBuf;

/// What can go wrong while drawing a chart or writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The drawing library failed.
    #[error("cannot draw the chart: {0}")]
    Render(String),
    /// A file could not be written (the target is left untouched).
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file that was to be written.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// Writing to a stream failed.
    #[error("cannot write the export: {0}")]
    Io(#[from] std::io::Error),
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// The JSON writer failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The PNG encoder failed.
    #[error("cannot encode PNG: {0}")]
    Image(#[from] image::ImageError),
    /// A chart kind name that is not one of `workforce`, `output`, `exports`, `money`.
    #[error("unknown chart kind {0:?} (expected workforce, output, exports or money)")]
    UnknownChart(String),
    /// A table name that is not one of `entities`, `quantities`, `facts`.
    #[error("unknown table {0:?} (expected entities, quantities or facts)")]
    UnknownTable(String),
    /// A file format or extension that cannot be written.
    #[error("unknown format {0:?} (expected {1})")]
    UnknownFormat(String, &'static str),
}
