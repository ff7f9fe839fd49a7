//! Table exports and atomic file writes.

mod common;

use samachar_chart::{
    ChartError, ChartKind, Table, TableFormat, chart, export_chart_file, export_table_file,
    write_bytes_atomic, write_file_atomic, write_table,
};
use samachar_model::rows::{
    EntityRow, FactRow, QuantityRow, entity_rows, fact_rows, quantity_rows,
};
use serde::de::DeserializeOwned;
use std::path::Path;

fn export(table: Table, format: TableFormat, corpus: &samachar_model::CorpusAnalysis) -> Vec<u8> {
    let mut out = Vec::new();
    let r = write_table(table, format, corpus, &mut out);
    assert!(r.is_ok(), "{:?}", r.err());
    out
}

fn csv_rows<T: DeserializeOwned>(bytes: &[u8]) -> (Vec<String>, Vec<T>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let headers = reader
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let rows: Result<Vec<T>, _> = reader.deserialize().collect();
    assert!(rows.is_ok(), "{:?}", rows.as_ref().err());
    (headers, rows.unwrap_or_default())
}

/// A corpus whose text needs quoting: commas, quotes, line breaks, non-ASCII.
fn awkward() -> samachar_model::CorpusAnalysis {
    let mut c = common::corpus();
    c.articles[1].facts[0].sentence =
        "He said, \"we employ 300\";\nthe rest — ₹ and 70% — follow.".into();
    c.articles[1].facts[0].subject = "Competence Exports, Hajipur".into();
    c.articles[2].quantities[0].sentence = "6,40,000 bags, “per month”".into();
    c
}

#[test]
fn facts_csv_parses_back_to_the_same_rows() {
    let c = awkward();
    let bytes = export(Table::Facts, TableFormat::Csv, &c);
    assert!(std::str::from_utf8(&bytes).is_ok(), "UTF-8");
    let (headers, rows): (_, Vec<FactRow>) = csv_rows(&bytes);
    assert_eq!(
        headers[..4],
        ["article", "article_index", "subject", "metric"]
    );
    assert_eq!(rows, fact_rows(&c));
    assert_eq!(rows.len(), 13);
}

#[test]
fn quantities_and_entities_csv_parse_back() {
    let c = awkward();
    let (_, q): (_, Vec<QuantityRow>) = csv_rows(&export(Table::Quantities, TableFormat::Csv, &c));
    assert_eq!(q, quantity_rows(&c));
    let (headers, e): (_, Vec<EntityRow>) =
        csv_rows(&export(Table::Entities, TableFormat::Csv, &c));
    assert_eq!(e, entity_rows(&c));
    assert!(headers.contains(&"aliases".to_string()));
}

#[test]
fn json_is_a_pretty_array_of_row_objects() {
    let c = awkward();
    let bytes = export(Table::Facts, TableFormat::Json, &c);
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    assert!(text.starts_with("[\n"), "pretty-printed");
    let back: Result<Vec<FactRow>, _> = serde_json::from_slice(&bytes);
    assert_eq!(back.ok(), Some(fact_rows(&c)));
    let value: serde_json::Value = serde_json::from_slice(&bytes).unwrap_or_default();
    assert_eq!(value[0]["subject"], "Competence Exports Pvt Ltd");
    assert_eq!(value[0]["value"], "Russia");
    let q: Result<Vec<QuantityRow>, _> =
        serde_json::from_slice(&export(Table::Quantities, TableFormat::Json, &c));
    assert_eq!(q.ok(), Some(quantity_rows(&c)));
    let e: Result<Vec<EntityRow>, _> =
        serde_json::from_slice(&export(Table::Entities, TableFormat::Json, &c));
    assert_eq!(e.ok(), Some(entity_rows(&c)));
}

#[test]
fn empty_tables_export_cleanly() {
    let c = samachar_model::CorpusAnalysis::default();
    let json = export(Table::Facts, TableFormat::Json, &c);
    assert_eq!(String::from_utf8_lossy(&json).trim(), "[]");
    let (_, rows): (_, Vec<FactRow>) = csv_rows(&export(Table::Facts, TableFormat::Csv, &c));
    assert!(rows.is_empty());
}

#[test]
fn table_files_follow_their_extension() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let c = common::corpus();
    let csv_path = dir.path().join("facts.CSV");
    assert!(export_table_file(Table::Facts, &c, &csv_path).is_ok());
    let (_, rows): (_, Vec<FactRow>) = csv_rows(&std::fs::read(&csv_path).unwrap_or_default());
    assert_eq!(rows, fact_rows(&c));
    let json_path = dir.path().join("entities.json");
    assert!(export_table_file(Table::Entities, &c, &json_path).is_ok());
    let back: Result<Vec<EntityRow>, _> =
        serde_json::from_slice(&std::fs::read(&json_path).unwrap_or_default());
    assert_eq!(back.ok(), Some(entity_rows(&c)));
    let bad = dir.path().join("facts.xlsx");
    let r = export_table_file(Table::Facts, &c, &bad);
    assert!(matches!(r, Err(ChartError::UnknownFormat(..))), "{r:?}");
    assert!(!bad.exists());
}

#[test]
fn chart_files_follow_their_extension() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let spec = chart(ChartKind::Workforce, &common::corpus(), None);
    let svg = dir.path().join("w.svg");
    let png = dir.path().join("w.png");
    assert!(export_chart_file(&spec, &svg, 800, 500).is_ok());
    assert!(export_chart_file(&spec, &png, 640, 480).is_ok());
    let text = std::fs::read_to_string(&svg).unwrap_or_default();
    assert!(roxmltree::Document::parse(&text).is_ok());
    assert!(text.contains("210"));
    let img = image::open(&png).map(|i| (i.width(), i.height()));
    assert_eq!(img.ok(), Some((640, 480)));
    let gif = dir.path().join("w.gif");
    assert!(export_chart_file(&spec, &gif, 640, 480).is_err());
    assert!(!gif.exists());
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_missing_folder_is_a_clear_error_and_no_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("no-such-folder").join("facts.csv");
    let r = export_table_file(Table::Facts, &common::corpus(), &target);
    let Err(e) = r else {
        panic!("writing under a missing folder succeeded")
    };
    assert!(matches!(e, ChartError::Write { .. }), "{e:?}");
    let message = e.to_string();
    assert!(message.contains("no-such-folder"), "{message}");
    assert!(message.starts_with("cannot write "), "{message}");
    assert!(!target.exists());
    let spec = chart(ChartKind::Money, &common::corpus(), None);
    let png = dir.path().join("missing").join("m.png");
    assert!(export_chart_file(&spec, &png, 400, 300).is_err());
    assert!(!png.exists());
}

#[test]
fn a_read_only_folder_is_an_error_and_no_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let ro = dir.path().join("ro");
    assert!(std::fs::create_dir(&ro).is_ok());
    assert!(std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).is_ok());
    // The superuser may write anyway; the test means nothing then.
    let probe = ro.join("probe");
    if std::fs::write(&probe, b"x").is_ok() {
        let _ = std::fs::remove_file(&probe);
        let _ = std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755));
        eprintln!("skipped: this user can write to read-only folders");
        return;
    }
    let target = ro.join("facts.json");
    let r = export_table_file(Table::Facts, &common::corpus(), &target);
    let _ = std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755));
    let message = r.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(message.contains("facts.json"), "{message}");
    assert!(!target.exists());
}

#[test]
fn a_failed_write_keeps_the_old_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("facts.csv");
    assert!(write_bytes_atomic(&target, b"old contents\n").is_ok());
    let r = write_file_atomic(&target, |w| {
        w.write_all(b"half of a new")?;
        Err(ChartError::Render("interrupted".into()))
    });
    assert!(r.is_err());
    assert_eq!(
        std::fs::read(&target).unwrap_or_default(),
        b"old contents\n"
    );
    assert_eq!(leftovers(dir.path()), vec!["facts.csv"]);
    // A directory in the way is an error too, and stays a directory.
    let in_the_way = dir.path().join("taken");
    assert!(std::fs::create_dir(&in_the_way).is_ok());
    assert!(write_bytes_atomic(&in_the_way, b"x").is_err());
    assert!(in_the_way.is_dir());
    let mut names = leftovers(dir.path());
    names.sort();
    assert_eq!(names, vec!["facts.csv", "taken"]);
}

#[test]
fn a_successful_write_replaces_the_file_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let target = dir.path().join("out.json");
    assert!(write_bytes_atomic(&target, &[b'x'; 10_000]).is_ok());
    assert!(export_table_file(Table::Quantities, &common::corpus(), &target).is_ok());
    let back: Result<Vec<QuantityRow>, _> =
        serde_json::from_slice(&std::fs::read(&target).unwrap_or_default());
    assert_eq!(back.ok(), Some(quantity_rows(&common::corpus())));
    assert_eq!(leftovers(dir.path()), vec!["out.json"]);
}

#[cfg(unix)]
#[test]
fn exported_files_are_readable_by_others_like_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("table.csv");
    samachar_chart::write_bytes_atomic(&path, b"a,b\n").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_ne!(
        mode & 0o044,
        0,
        "a new export is private to its owner: {mode:o}"
    );
    // Replacing a file keeps that file's permissions.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    samachar_chart::write_bytes_atomic(&path, b"c,d\n").unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
}
