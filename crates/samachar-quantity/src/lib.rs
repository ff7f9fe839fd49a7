//! Samachar quantity extraction.

use samachar_model::Quantity;

/// Finds every quantity in `text`, in text order, each with its sentence.
pub fn extract(text: &str) -> Vec<Quantity> {
    let _ = text;
    Vec::new()
}
