//! PDFs with a text layer, read with `pdf-extract`.

use crate::IngestError;
use crate::decode::normalize_newlines;

/// Extracts the text of a PDF. `pdf-extract` can panic on unusual files:
/// the panic is caught and reported as [`IngestError::Pdf`].
pub(crate) fn read_pdf(bytes: &[u8]) -> Result<String, IngestError> {
    if !bytes.starts_with(b"%PDF-")
        && !bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
    {
        return Err(IngestError::Pdf(
            "the file does not start like a PDF".into(),
        ));
    }
    let result = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem(bytes));
    let raw = match result {
        Ok(Ok(text)) => text,
        Ok(Err(e)) => return Err(IngestError::Pdf(e.to_string())),
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the PDF reader failed".into());
            return Err(IngestError::Pdf(format!("damaged or unusual file ({why})")));
        }
    };
    let text = tidy(&raw);
    if text.is_empty() {
        return Err(IngestError::PdfNoText);
    }
    Ok(text)
}

/// Normalises line endings and form feeds, trims line ends and allows at
/// most one blank line in a row.
fn tidy(raw: &str) -> String {
    let text = normalize_newlines(&raw.replace('\u{c}', "\n"));
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}
