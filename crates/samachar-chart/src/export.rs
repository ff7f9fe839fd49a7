//! Table exports (CSV and JSON) and atomic file writes.
//!
//! The rows are the ones the app's tables show
//! ([`samachar_model::rows`]), so an export holds what the user saw.
//! Files are written to a temporary file in the target's folder and renamed
//! over the target only once complete: a failed export never leaves a
//! half-written file behind.

use crate::ChartError;
use crate::spec::ChartSpec;
use samachar_model::CorpusAnalysis;
use samachar_model::rows::{entity_rows, fact_rows, quantity_rows};
use serde::Serialize;
use std::fmt;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// Which table to export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Table {
    /// Entities across the corpus.
    Entities,
    /// Quantities of every article.
    Quantities,
    /// Facts of every article, read and derived.
    Facts,
}

impl Table {
    /// All tables.
    pub const ALL: [Table; 3] = [Table::Entities, Table::Quantities, Table::Facts];

    /// The table's name (`entities`, `quantities`, `facts`).
    pub fn as_str(self) -> &'static str {
        match self {
            Table::Entities => "entities",
            Table::Quantities => "quantities",
            Table::Facts => "facts",
        }
    }
}

impl fmt::Display for Table {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Table {
    type Err = ChartError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        Table::ALL
            .into_iter()
            .find(|t| t.as_str() == lower)
            .ok_or_else(|| ChartError::UnknownTable(s.to_string()))
    }
}

/// The file format of a table export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableFormat {
    /// Comma-separated values, UTF-8, with a header row.
    Csv,
    /// A pretty-printed JSON array of row objects.
    Json,
}

impl TableFormat {
    /// The format's name and usual file extension.
    pub fn as_str(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Json => "json",
        }
    }

    /// The format a path's extension names (`.csv`, `.json`, any case).
    pub fn from_path(path: &Path) -> Result<Self, ChartError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        ext.parse().map_err(|_| {
            ChartError::UnknownFormat(path.display().to_string(), "a .csv or .json file")
        })
    }
}

impl fmt::Display for TableFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TableFormat {
    type Err = ChartError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "csv" => Ok(TableFormat::Csv),
            "json" => Ok(TableFormat::Json),
            _ => Err(ChartError::UnknownFormat(s.to_string(), "csv or json")),
        }
    }
}

/// Writes `rows` in `format` to `w`.
pub fn write_rows<T: Serialize, W: Write>(
    rows: &[T],
    format: TableFormat,
    w: W,
) -> Result<(), ChartError> {
    match format {
        TableFormat::Csv => {
            let mut writer = csv::WriterBuilder::new()
                .has_headers(true)
                .buffer_capacity(1 << 16)
                .from_writer(w);
            for row in rows {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        TableFormat::Json => {
            let mut w = BufWriter::new(w);
            serde_json::to_writer_pretty(&mut w, rows)?;
            w.write_all(b"\n")?;
            w.flush()?;
        }
    }
    Ok(())
}

/// Writes `table` of `corpus` in `format` to `w`: the same rows as the app's
/// tables, with a header row in CSV and an array of objects in JSON. An
/// empty table gives a header-only CSV and `[]`.
pub fn write_table<W: Write>(
    table: Table,
    format: TableFormat,
    corpus: &CorpusAnalysis,
    w: W,
) -> Result<(), ChartError> {
    match table {
        Table::Entities => write_rows(&entity_rows(corpus), format, w),
        Table::Quantities => write_rows(&quantity_rows(corpus), format, w),
        Table::Facts => write_rows(&fact_rows(corpus), format, w),
    }
}

/// Writes a file atomically: `write` fills a temporary file in the same
/// folder as `path`, which then replaces `path` in one rename. On any error
/// the temporary file is removed and `path` is left as it was.
pub fn write_file_atomic<F>(path: &Path, write: F) -> Result<(), ChartError>
where
    F: FnOnce(&mut dyn Write) -> Result<(), ChartError>,
{
    let io = |source: std::io::Error| ChartError::Write {
        path: path.to_path_buf(),
        source,
    };
    if path.file_name().is_none() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a file name",
        )));
    }
    let dir: PathBuf = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".samachar-").suffix(".part");
    // A temporary file is private (0600); the export should get the
    // permissions of the file it replaces, or the usual ones for a new file.
    let permissions = match std::fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(_) => default_permissions(),
    };
    if let Some(p) = permissions {
        builder.permissions(p);
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(io)?;
    {
        let mut w = BufWriter::new(tmp.as_file_mut());
        write(&mut w).map_err(|e| match e {
            ChartError::Io(source) => io(source),
            other => other,
        })?;
        w.flush().map_err(io)?;
    }
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    // Read and write for everyone, less the process umask (applied by open).
    Some(std::fs::Permissions::from_mode(0o666))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Writes `bytes` to `path` atomically (see [`write_file_atomic`]).
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<(), ChartError> {
    write_file_atomic(path, |w| Ok(w.write_all(bytes)?))
}

/// Exports `table` to `path`, in the format its extension names.
pub fn export_table_file(
    table: Table,
    corpus: &CorpusAnalysis,
    path: &Path,
) -> Result<(), ChartError> {
    let format = TableFormat::from_path(path)?;
    write_file_atomic(path, |w| write_table(table, format, corpus, w))
}

/// The image format of a chart file, from its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    /// An SVG document.
    Svg,
    /// A PNG image.
    Png,
}

impl ImageFormat {
    /// The format a path's extension names (`.svg`, `.png`, any case).
    pub fn from_path(path: &Path) -> Result<Self, ChartError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Ok(ImageFormat::Svg),
            "png" => Ok(ImageFormat::Png),
            _ => Err(ChartError::UnknownFormat(
                path.display().to_string(),
                "a .svg or .png file",
            )),
        }
    }
}

/// Draws `spec` at `width` × `height` pixels and writes it to `path`
/// atomically, as SVG or PNG according to the extension.
pub fn export_chart_file(
    spec: &ChartSpec,
    path: &Path,
    width: u32,
    height: u32,
) -> Result<(), ChartError> {
    let bytes = match ImageFormat::from_path(path)? {
        ImageFormat::Svg => crate::render::render_svg(spec, width, height)?.into_bytes(),
        ImageFormat::Png => crate::render::render_png(spec, width, height)?,
    };
    write_bytes_atomic(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions() {
        let cases: &[(&str, Option<TableFormat>)] = &[
            ("out.csv", Some(TableFormat::Csv)),
            ("OUT.CSV", Some(TableFormat::Csv)),
            ("dir/x.json", Some(TableFormat::Json)),
            ("x.txt", None),
            ("noext", None),
        ];
        for (p, want) in cases {
            assert_eq!(TableFormat::from_path(Path::new(p)).ok(), *want, "{p}");
        }
        for t in Table::ALL {
            assert_eq!(t.as_str().parse::<Table>().ok(), Some(t));
        }
        assert!("people".parse::<Table>().is_err());
        assert_eq!(
            ImageFormat::from_path(Path::new("a.PNG")).ok(),
            Some(ImageFormat::Png)
        );
        assert!(ImageFormat::from_path(Path::new("a.jpg")).is_err());
    }
}
