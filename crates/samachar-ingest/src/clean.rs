//! Non-destructive cleaning: page furniture and metadata.
//!
//! The cleaner never changes the text: it marks furniture as byte spans over
//! [`Document::text`] (sorted, not overlapping, on character boundaries) and
//! the core masks them before extraction. Rules describe *kinds* of page
//! furniture (share bars, job boards, bylines, contact blocks, repeated
//! passages ...), never particular sites or articles.
//!
//! The work is linear in the text: line rules look at each line and its
//! neighbours once, and repeated passages are found through an index of word
//! shingles rather than by comparing every pair of sentences.

mod date;
mod lines;
mod meta;
mod repeat;
mod swar;

use samachar_model::{Document, Furniture, FurnitureKind, Metadata};
use std::sync::LazyLock;

/// A dated copyright line and its owner: "© 2025 Example News Network. All
/// rights reserved.", "Copyright 2019-2024 Fibre2Fashion |".
static COPYRIGHT_OWNER: LazyLock<Option<regex::Regex>> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)^\s*(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*,?\s*(?P<owner>[^.|,]{2,60}?)\s*(?:[.|,]|all\s+rights\s+reserved|$)",
    )
    .ok()
});

/// The owner a dated copyright line names, if it reads like one (one to six
/// words starting with a capital or a digit).
fn copyright_owner(line: &str) -> Option<String> {
    let re = COPYRIGHT_OWNER.as_ref()?;
    let lower = line.to_ascii_lowercase();
    if !(line.contains('©') || lower.contains("copyright") || lower.contains("(c)")) {
        return None;
    }
    let owner = re.captures(line)?.name("owner")?.as_str().trim();
    let words = owner.split_whitespace().count();
    ((1..=6).contains(&words)
        && owner.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !owner.to_ascii_lowercase().starts_with("all rights"))
    .then(|| owner.to_string())
}

/// What the cleaner found in one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    /// Furniture spans, sorted by start, not overlapping.
    pub furniture: Vec<Furniture>,
    /// Title, source, date, dateline.
    pub metadata: Metadata,
}

/// Marks furniture and finds metadata in `doc`.
pub fn clean(doc: &Document) -> Cleaned {
    let text = doc.text.as_str();
    let lines = lines::split(text);
    let mut marks = Marks::new(text.len());
    let hints = lines::mark(&lines, &mut marks);
    let dateline = meta::dateline(text, &lines, &marks);
    if let Some(d) = &dateline
        && let Some(dup) = d.duplicate.clone()
    {
        marks.paint(dup.start, dup.end, FurnitureKind::Repeat);
    }
    repeat::mark(text, &lines, &mut marks);
    let mut metadata = meta::metadata(doc, &lines, &marks, &hints, dateline.as_ref());
    let furniture = marks.into_furniture(text);
    if metadata.source.is_none() {
        // The site's own copyright line names the outlet.
        metadata.source = furniture
            .iter()
            .filter(|f| f.kind == FurnitureKind::Copyright)
            .flat_map(|f| text.get(f.start..f.end).unwrap_or("").lines())
            .find_map(copyright_owner);
    }
    Cleaned {
        furniture,
        metadata,
    }
}

/// Furniture kinds by priority: where two rules mark the same bytes, the
/// more specific kind (higher code) wins.
fn code(kind: FurnitureKind) -> u8 {
    match kind {
        FurnitureKind::Repeat => 1,
        FurnitureKind::Other => 2,
        FurnitureKind::ShareBar => 3,
        FurnitureKind::AlsoRead => 4,
        FurnitureKind::Copyright => 5,
        FurnitureKind::Counter => 6,
        FurnitureKind::JobListing => 7,
    }
}

fn kind_of(code: u8) -> Option<FurnitureKind> {
    FurnitureKind::ALL
        .into_iter()
        .find(|k| self::code(*k) == code)
}

/// One furniture code per byte of the text (0 = content).
pub(crate) struct Marks {
    codes: Vec<u8>,
}

impl Marks {
    fn new(len: usize) -> Self {
        Marks {
            codes: vec![0; len],
        }
    }

    /// Marks `start..end` as `kind`, keeping any higher-priority marks.
    pub(crate) fn paint(&mut self, start: usize, end: usize, kind: FurnitureKind) {
        let c = code(kind);
        let end = end.min(self.codes.len());
        for b in self.codes.iter_mut().take(end).skip(start) {
            if *b < c {
                *b = c;
            }
        }
    }

    /// Share of the non-white-space bytes of `text[start..end]` that are
    /// marked, from 0.0 to 1.0 (1.0 for an all-blank range).
    pub(crate) fn covered(&self, text: &str, start: usize, end: usize) -> f64 {
        let end = end.min(text.len()).min(self.codes.len());
        let start = start.min(end);
        // Most ranges hold no mark at all: one quick look settles them.
        if self.codes[start..end].iter().fold(0u8, |a, c| a | c) == 0 {
            let blank = text.as_bytes()[start..end]
                .iter()
                .all(u8::is_ascii_whitespace);
            return if blank { 1.0 } else { 0.0 };
        }
        let mut total = 0usize;
        let mut marked = 0usize;
        for (b, c) in text.as_bytes()[start..end]
            .iter()
            .zip(&self.codes[start..end])
        {
            if !b.is_ascii_whitespace() {
                total += 1;
                marked += usize::from(*c != 0);
            }
        }
        if total == 0 {
            1.0
        } else {
            marked as f64 / total as f64
        }
    }

    /// True when the byte at `i` is marked.
    pub(crate) fn is_marked(&self, i: usize) -> bool {
        self.codes.get(i).is_some_and(|c| *c != 0)
    }

    /// Turns the marks into sorted furniture spans: runs of one kind,
    /// joined across white space, trimmed of white space at both ends.
    fn into_furniture(self, text: &str) -> Vec<Furniture> {
        let mut runs: Vec<(usize, usize, u8)> = Vec::new();
        let mut i = 0usize;
        let codes = &self.codes;
        while i < codes.len() {
            let c = codes[i];
            if c == 0 {
                // Skip unmarked bytes sixteen at a time.
                let clear = codes[i..]
                    .chunks_exact(16)
                    .take_while(|chunk| chunk.iter().fold(0u8, |a, b| a | b) == 0)
                    .count();
                i += (16 * clear).max(1);
                continue;
            }
            let start = i;
            while i < codes.len() && codes[i] == c {
                i += 1;
            }
            match runs.last_mut() {
                Some(last) if last.2 == c && text[last.1..start].trim().is_empty() => {
                    last.1 = i;
                }
                _ => runs.push((start, i, c)),
            }
        }
        runs.into_iter()
            .filter_map(|(mut start, mut end, c)| {
                while start < end && !text.is_char_boundary(start) {
                    start += 1;
                }
                while end > start && !text.is_char_boundary(end) {
                    end -= 1;
                }
                let piece = &text[start..end];
                let lead = piece.len() - piece.trim_start().len();
                let trail = piece.len() - piece.trim_end().len();
                let (start, end) = (start + lead, end - trail);
                if start >= end {
                    return None;
                }
                Some(Furniture {
                    start,
                    end,
                    kind: kind_of(c)?,
                    text: text[start..end].to_string(),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod copyright_tests {
    use super::copyright_owner;

    #[test]
    fn owners_of_dated_copyright_lines() {
        for (line, owner) in [
            (
                "© 2025 Example News Network. All rights reserved.",
                Some("Example News Network"),
            ),
            (
                "Copyright © 2023 Fibre2Fashion. All rights reserved.",
                Some("Fibre2Fashion"),
            ),
            (
                "Copyright 2019-2024 Daily Ledger | Privacy",
                Some("Daily Ledger"),
            ),
            (
                "(c) 2022 Trade Times, all rights reserved",
                Some("Trade Times"),
            ),
            ("© Getty Images", None),
            ("Copyright © 2024. All rights reserved.", None),
            ("The copyright of 2021 designs stays with weavers.", None),
        ] {
            assert_eq!(copyright_owner(line).as_deref(), owner, "{line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samachar_model::Format;

    pub(crate) fn doc(text: &str) -> Document {
        Document {
            path: "t.txt".into(),
            file: "t.txt".into(),
            format: Format::Text,
            encoding: "UTF-8".into(),
            text: text.into(),
            format_title: None,
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn spans_are_sorted_disjoint_trimmed_and_exact() {
        let text = "Headline of the story here\n\nShare\nPrint\n\nBody “text” said Rs 5 crore.\n\nCopyright © 2024 Paper. All rights reserved.\n";
        let cleaned = clean(&doc(text));
        let mut last_end = 0;
        for f in &cleaned.furniture {
            assert!(f.start >= last_end && f.start < f.end);
            assert_eq!(f.text, text[f.start..f.end]);
            assert_eq!(f.text.trim(), f.text);
            last_end = f.end;
        }
        let kinds: Vec<_> = cleaned
            .furniture
            .iter()
            .map(|f| (f.kind, f.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (FurnitureKind::ShareBar, "Share\nPrint"),
                (
                    FurnitureKind::Copyright,
                    "Copyright © 2024 Paper. All rights reserved."
                )
            ]
        );
    }
}
