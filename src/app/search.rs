//! Full-text search over every article (the project's index).

use egui::RichText;

/// One search result, tied to an article of the corpus.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the article in the corpus.
    pub article: usize,
    /// The article's title or file name.
    pub title: String,
    /// The file.
    pub file: String,
    /// Text around the match.
    pub snippet: String,
    /// Byte offset of the match in the article text.
    pub offset: usize,
}

/// The search view's state.
#[derive(Default)]
pub struct SearchState {
    /// The query the results are for.
    pub searched: Option<String>,
    /// The results.
    pub hits: Vec<Hit>,
    /// Why the last search failed, if it did.
    pub error: Option<String>,
    /// Put the keyboard in the box on the next frame.
    pub focus: bool,
}

/// What the user did in the search view.
pub enum SearchAction {
    /// Run this query.
    Run(String),
    /// Open the article at this hit.
    Open(Hit),
}

/// Draws the search view.
pub fn search_ui(
    ui: &mut egui::Ui,
    state: &mut SearchState,
    query: &mut String,
) -> Option<SearchAction> {
    let mut action = None;
    ui.horizontal(|ui| {
        let label = ui.label("Search articles");
        let edit = ui
            .add(
                egui::TextEdit::singleline(query)
                    .desired_width(320.0)
                    .hint_text("words, \"a phrase\", prefix*"),
            )
            .labelled_by(label.id);
        if state.focus {
            edit.request_focus();
            state.focus = false;
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button("Find").clicked() || enter || edit.changed() {
            action = Some(SearchAction::Run(query.clone()));
        }
        if let Some(q) = &state.searched
            && !q.trim().is_empty()
        {
            ui.label(format!("{} results", state.hits.len()));
        }
    });
    if let Some(e) = &state.error {
        ui.colored_label(crate::app::theme::error_color(ui.visuals().dark_mode), e);
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("search-results")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for hit in &state.hits {
                let r = ui.add(egui::Button::new(RichText::new(&hit.title).strong()).frame(false));
                ui.add(egui::Label::new(RichText::new(&hit.snippet).weak()).wrap());
                ui.add_space(4.0);
                if r.on_hover_text(&hit.file).clicked() {
                    action = Some(SearchAction::Open(hit.clone()));
                }
            }
        });
    action
}

/// Searches texts in memory, for when no project index is at hand: every
/// word of the query must occur (ignoring case); results in article order.
pub fn search_texts<'a>(
    query: &str,
    articles: impl Iterator<Item = (usize, &'a str, &'a str, String)>,
    limit: usize,
) -> Vec<Hit> {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| c == '"' || c == '*')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (index, file, text, title) in articles {
        let lower = text.to_lowercase();
        if !words.iter().all(|w| lower.contains(w.as_str())) {
            continue;
        }
        // Lower-casing may change lengths; then only the article is known.
        let offset = if lower.len() == text.len() {
            lower.find(words[0].as_str()).unwrap_or(0)
        } else {
            0
        };
        hits.push(Hit {
            article: index,
            title,
            file: file.to_string(),
            snippet: snippet(text, offset, 60),
            offset,
        });
        if hits.len() >= limit {
            break;
        }
    }
    hits
}

/// About `width` bytes of text either side of `offset`, on character
/// boundaries, with ellipses.
pub fn snippet(text: &str, offset: usize, width: usize) -> String {
    let mut start = offset.saturating_sub(width);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (offset + width).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut s = text[start..end].replace('\n', " ");
    if start > 0 {
        s.insert(0, '…');
    }
    if end < text.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_search_needs_every_word() {
        let texts = [
            ("a.txt", "Shoes from Hajipur go to Russia."),
            ("b.txt", "Bags per month."),
        ];
        let hits = search_texts(
            "russia shoes",
            texts
                .iter()
                .enumerate()
                .map(|(i, (f, t))| (i, *f, *t, f.to_string())),
            10,
        );
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].article, 0);
        assert_eq!(hits[0].offset, "Shoes from Hajipur go to ".len());
    }

    #[test]
    fn snippets_respect_char_boundaries() {
        let s = snippet("₹₹₹₹ abc ₹₹₹₹", 13, 4);
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert!(s.contains("abc"));
    }
}
