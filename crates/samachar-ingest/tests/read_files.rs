//! Reading files: every kind of good and bad input in `tests/fixtures/`,
//! plus PDFs built here and paths that are not readable files.

#![allow(clippy::panic)] // test helpers fail loudly

use samachar_ingest::{IngestError, MAX_FILE_BYTES, decode_bytes, read_path};
use samachar_model::Format;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// What reading a fixture should give.
enum Want {
    /// Format, encoding and the exact decoded text.
    Text(Format, &'static str, &'static str),
    /// The error message.
    Error(&'static str),
}

#[test]
fn fixtures_table() {
    let utf = "Rs 15 crore “bag” cluster in Muzaffarpur – café\nSecond line.\n";
    let cases: Vec<(&str, Want)> = vec![
        ("utf8.txt", Want::Text(Format::Text, "UTF-8", utf)),
        ("utf8_bom.txt", Want::Text(Format::Text, "UTF-8", utf)),
        ("utf16le_bom.txt", Want::Text(Format::Text, "UTF-16LE", utf)),
        ("utf16be_bom.txt", Want::Text(Format::Text, "UTF-16BE", utf)),
        (
            "utf16le_nobom.txt",
            Want::Text(Format::Text, "UTF-16LE", utf),
        ),
        (
            "crlf.txt",
            Want::Text(
                Format::Text,
                "UTF-8",
                "First line\nSecond line\n\nOld Mac line\nEnd",
            ),
        ),
        (
            "windows1252.txt",
            Want::Text(
                Format::Text,
                "windows-1252",
                "The minister said “exports will double” and the firm’s café – in Hajipur – agreed.\n",
            ),
        ),
        (
            "notes.csv",
            Want::Text(Format::Text, "UTF-8", "year,units\n2023,459\n"),
        ),
        (
            "legacy.htm",
            Want::Text(
                Format::Html,
                "windows-1252",
                "Café owners\n\n“Quoted” words from the café.",
            ),
        ),
        ("empty.txt", Want::Error("empty file")),
        ("blank.txt", Want::Error("empty file")),
        (
            "binary.txt",
            Want::Error("looks like a binary file (not text, HTML or PDF)"),
        ),
        (
            "report.docx",
            Want::Error("unsupported file type .docx: Samachar reads .txt, .md, .html, .htm, .pdf"),
        ),
    ];
    for (name, want) in cases {
        let got = read_path(&fixture(name));
        match want {
            Want::Text(format, encoding, text) => {
                let doc = got.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(doc.format, format, "{name}");
                assert_eq!(doc.encoding, encoding, "{name}");
                assert_eq!(doc.text, text, "{name}");
                let raw = std::fs::read(fixture(name)).unwrap_or_default();
                assert_eq!(doc.bytes, raw, "{name}: original bytes kept");
                assert_eq!(doc.file, name);
            }
            Want::Error(message) => {
                let err = got.err().map(|e| e.to_string());
                assert_eq!(err.as_deref(), Some(message), "{name}");
            }
        }
    }
}

#[test]
fn invalid_utf8_is_decoded_without_panic() {
    let doc = read_path(&fixture("invalid_utf8.txt")).unwrap_or_else(|e| panic!("{e}"));
    assert!(doc.text.starts_with("Plain words "), "{:?}", doc.text);
    assert!(doc.text.ends_with(" the end.\n"), "{:?}", doc.text);
    assert!(!doc.encoding.is_empty());
}

#[test]
fn web_page_keeps_the_article_only() {
    let doc = read_path(&fixture("page.html")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.format_title.as_deref(),
        Some("Bag cluster opens in Muzaffarpur | Example News")
    );
    assert_eq!(
        doc.text,
        "Bag cluster opens in Muzaffarpur\n\nBy Staff Reporter\n\n\
         The Department of Industries has set up a bag cluster in Muzaffarpur. \
         It will make 6,40,000 bags per month.\n\n\
         Women entrepreneurs run the units.\nTraining is provided."
    );
    let cleaned = samachar_ingest::clean::clean(&doc);
    assert_eq!(
        cleaned.metadata.title.as_deref(),
        Some("Bag cluster opens in Muzaffarpur")
    );
    // The site's name from the page title, not the desk credit.
    assert_eq!(cleaned.metadata.source.as_deref(), Some("Example News"));
}

/// A one-page PDF whose page shows `lines` in Helvetica (an empty slice
/// makes a page without text). Offsets in the cross-reference table are
/// computed as the file is written.
fn make_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::new();
    if !lines.is_empty() {
        content.push_str("BT /F1 12 Tf 16 TL 72 720 Td\n");
        for line in lines {
            content.push_str(&format!("({line}) Tj T*\n"));
        }
        content.push_str("ET\n");
    }
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R \
         /Resources << /Font << /F1 5 0 R >> >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
            .to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn pdf_with_a_text_layer() {
    let bytes = make_pdf(&[
        "Bag cluster in Muzaffarpur",
        "It makes 640000 bags per month.",
    ]);
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("article.pdf");
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let doc = read_path(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.format, Format::Pdf);
    assert!(
        doc.text.contains("Bag cluster in Muzaffarpur"),
        "{:?}",
        doc.text
    );
    assert!(
        doc.text.contains("It makes 640000 bags per month."),
        "{:?}",
        doc.text
    );
    assert!(!doc.text.contains('\r'));
    // Sniffed as a PDF even without the extension.
    let sniffed = decode_bytes("download", &bytes).map(|d| d.format).ok();
    assert_eq!(sniffed, Some(Format::Pdf));
}

#[test]
fn bad_pdfs_are_errors_not_panics() {
    let no_text = decode_bytes("scan.pdf", &make_pdf(&[]))
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        no_text.as_deref(),
        Some("PDF has no text layer (scanned?); run it through OCR first")
    );
    for name in ["corrupt.pdf", "not_a_pdf.pdf"] {
        let err = read_path(&fixture(name));
        assert!(
            matches!(&err, Err(IngestError::Pdf(_))),
            "{name}: {:?}",
            err.map(|d| d.text)
        );
        let message = err.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.starts_with("cannot read PDF: "), "{message}");
    }
    // Truncated copies of a good PDF: any result but a panic.
    let good = make_pdf(&["Some text here"]);
    for cut in (10..good.len()).step_by(37) {
        let _ = decode_bytes("cut.pdf", &good[..cut]);
    }
}

#[test]
fn paths_that_are_not_readable_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = read_path(dir.path()).err().map(|e| e.to_string());
    assert_eq!(folder.as_deref(), Some("is a folder, not a file"));
    let missing = read_path(&dir.path().join("nope.txt"))
        .err()
        .map(|e| e.to_string());
    assert_eq!(missing.as_deref(), Some("no such file"));
    // A sparse file just over the limit: refused from its size alone.
    let big = dir.path().join("big.txt");
    let file = std::fs::File::create(&big).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(MAX_FILE_BYTES + 16 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("{e}"));
    let too_big = read_path(&big).err().map(|e| e.to_string());
    assert_eq!(
        too_big.as_deref(),
        Some("file is 80 MiB; the limit is 64 MiB")
    );
}
