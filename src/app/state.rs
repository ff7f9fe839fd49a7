//! The UI state that survives restarts (eframe persistence).

use crate::app::view::CorpusView;
use egui::Key;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// The tabs of the lower panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    /// The Entities table.
    #[default]
    Entities,
    /// The Quantities table.
    Quantities,
    /// The Facts table.
    Facts,
    /// Full-text search.
    Search,
    /// Charts.
    Charts,
    /// Every note, with edit and delete.
    Notes,
}

impl Tab {
    /// All tabs, in display order.
    pub const ALL: [Tab; 6] = [
        Tab::Entities,
        Tab::Quantities,
        Tab::Facts,
        Tab::Search,
        Tab::Charts,
        Tab::Notes,
    ];

    /// The tab's title.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Entities => "Entities",
            Tab::Quantities => "Quantities",
            Tab::Facts => "Facts",
            Tab::Search => "Search",
            Tab::Charts => "Charts",
            Tab::Notes => "Notes",
        }
    }

    /// The digit that shows it with Ctrl.
    pub fn key(self) -> Key {
        match self {
            Tab::Entities => Key::Num1,
            Tab::Quantities => Key::Num2,
            Tab::Facts => Key::Num3,
            Tab::Search => Key::Num4,
            Tab::Charts => Key::Num5,
            Tab::Notes => Key::Num6,
        }
    }
}

/// How one table is sorted and filtered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TableSettings {
    /// The column sorted on, if any.
    pub sort_column: Option<usize>,
    /// Ascending (true) or descending.
    pub ascending: bool,
    /// The filter text.
    pub filter: String,
}

/// Everything persisted between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiState {
    /// The project opened last.
    pub last_project: Option<PathBuf>,
    /// The selected tab.
    pub tab: Tab,
    /// The article being read (file name, so that it survives imports).
    pub selected_article: Option<String>,
    /// Show page furniture in the reader.
    pub show_furniture: bool,
    /// Show the articles panel.
    pub show_corpus_panel: bool,
    /// Dark theme.
    pub dark: bool,
    /// Entities table.
    pub entities: TableSettings,
    /// Quantities table.
    pub quantities: TableSettings,
    /// Facts table.
    pub facts: TableSettings,
    /// The last search.
    pub search_query: String,
}

impl Default for UiState {
    fn default() -> Self {
        Self {
            last_project: None,
            tab: Tab::Entities,
            selected_article: None,
            show_furniture: true,
            show_corpus_panel: true,
            dark: false,
            entities: TableSettings::default(),
            quantities: TableSettings::default(),
            facts: TableSettings::default(),
            search_query: String::new(),
        }
    }
}

/// A quantity row's identity: (article file, start, end).
type QuantityKey = (String, usize, usize);
/// A fact row's identity: (article file, start, end, metric, value).
type FactKey = (String, usize, usize, String, String);

/// What is selected in the tables (and highlighted in the reader). Row
/// indices are into the unsorted rows of the current corpus view; the rows'
/// identities (entity id, article and offsets) are kept too, so that the
/// selection survives a rebuild of the tables ([`Selection::rebind`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Entity row.
    pub entity: Option<usize>,
    /// Quantity rows.
    pub quantity: Option<usize>,
    /// Fact rows (the charts may select several).
    pub facts: Vec<usize>,
    entity_id: Option<String>,
    quantity_key: Option<QuantityKey>,
    fact_keys: Vec<FactKey>,
}

fn fact_key(view: &CorpusView, row: usize) -> Option<FactKey> {
    view.facts.get(row).map(|f| {
        (
            f.article.clone(),
            f.start,
            f.end,
            f.metric.clone(),
            f.value.clone(),
        )
    })
}

impl Selection {
    /// Selects entity row `row` of `view` (or nothing).
    pub fn set_entity(&mut self, view: &CorpusView, row: Option<usize>) {
        self.entity_id = row.and_then(|r| view.entities.get(r)).map(|e| e.id.clone());
        self.entity = row.filter(|_| self.entity_id.is_some());
    }

    /// Selects quantity row `row` of `view` (or nothing).
    pub fn set_quantity(&mut self, view: &CorpusView, row: Option<usize>) {
        self.quantity_key = row
            .and_then(|r| view.quantities.get(r))
            .map(|q| (q.article.clone(), q.start, q.end));
        self.quantity = row.filter(|_| self.quantity_key.is_some());
    }

    /// Selects these fact rows of `view`.
    pub fn set_facts(&mut self, view: &CorpusView, rows: Vec<usize>) {
        self.fact_keys = rows.iter().filter_map(|&r| fact_key(view, r)).collect();
        self.facts = rows.into_iter().filter(|&r| r < view.facts.len()).collect();
    }

    /// The selected entity's corpus id.
    pub fn entity_id(&self) -> Option<&str> {
        self.entity_id.as_deref()
    }

    /// Finds the selected rows again in a rebuilt `view`; what is gone is
    /// no longer selected.
    pub fn rebind(&mut self, view: &CorpusView) {
        self.entity = self
            .entity_id
            .as_deref()
            .and_then(|id| view.entity_row_by_id(id));
        if self.entity.is_none() {
            self.entity_id = None;
        }
        self.quantity = self.quantity_key.as_ref().and_then(|(file, start, end)| {
            view.quantities
                .iter()
                .position(|q| &q.article == file && q.start == *start && q.end == *end)
        });
        if self.quantity.is_none() {
            self.quantity_key = None;
        }
        if self.fact_keys.is_empty() {
            self.facts.clear();
        } else {
            let keys: std::collections::BTreeSet<&FactKey> = self.fact_keys.iter().collect();
            self.facts = (0..view.facts.len())
                .filter(|&r| fact_key(view, r).is_some_and(|k| keys.contains(&k)))
                .collect();
            let found: Vec<FactKey> = self
                .facts
                .iter()
                .filter_map(|&r| fact_key(view, r))
                .collect();
            self.fact_keys = found;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_state_loads_with_defaults() {
        let state: UiState = serde_json::from_str(r#"{"tab":"Facts"}"#).unwrap_or_default();
        assert_eq!(state.tab, Tab::Facts);
        assert!(state.show_furniture);
        assert!(state.last_project.is_none());
    }

    fn entity(id: &str, name: &str) -> samachar_core::model::rows::EntityRow {
        samachar_core::model::rows::EntityRow {
            id: id.into(),
            name: name.into(),
            kind: "organization".into(),
            role: None,
            organization: None,
            aliases: String::new(),
            articles: String::new(),
            mentions: 1,
        }
    }

    #[test]
    fn selection_follows_the_entity_when_rows_move() {
        let before = CorpusView {
            entities: vec![entity("a", "Acme"), entity("b", "Bharat")],
            ..Default::default()
        };
        let mut sel = Selection::default();
        sel.set_entity(&before, Some(1));
        // A new entity sorts first: Bharat is now row 2.
        let after = CorpusView {
            entities: vec![
                entity("0", "Aaa"),
                entity("a", "Acme"),
                entity("b", "Bharat"),
            ],
            ..Default::default()
        };
        sel.rebind(&after);
        assert_eq!(sel.entity, Some(2));
        assert_eq!(sel.entity_id(), Some("b"));
        // Gone: nothing selected.
        let gone = CorpusView {
            entities: vec![entity("a", "Acme")],
            ..Default::default()
        };
        sel.rebind(&gone);
        assert_eq!(sel.entity, None);
    }
}
