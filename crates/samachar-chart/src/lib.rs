//! Samachar charts and exports.
//!
//! - [`spec`] turns the facts of a [`samachar_model::CorpusAnalysis`] into a
//!   [`ChartSpec`]: categories, series, value labels and the facts behind
//!   every bar. The app's window and the file exporters draw the same spec.
//! - [`render`] draws a spec to SVG or PNG with plotters and a bundled font.
//! - [`export`] writes the Entities, Quantities and Facts tables as CSV or
//!   JSON, and every file atomically (a temporary file in the target's
//!   folder, then a rename).
//! - [`format`] formats money the Indian way (`₹15 crore`) and in dollars
//!   (`$1.9 million`).

pub mod error;
pub mod export;
pub mod format;
pub mod render;
pub mod spec;

pub use error::ChartError;
pub use export::{
    ImageFormat, Table, TableFormat, export_chart_file, export_table_file, write_bytes_atomic,
    write_file_atomic, write_rows, write_table,
};
pub use format::{format_inr, format_usd};
pub use render::{render_png, render_svg};
pub use spec::{ChartKind, ChartSpec, FactRef, Series, chart, subjects};
