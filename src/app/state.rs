//! The UI state that survives restarts (eframe persistence).

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
}

impl Tab {
    /// All tabs, in display order.
    pub const ALL: [Tab; 5] = [
        Tab::Entities,
        Tab::Quantities,
        Tab::Facts,
        Tab::Search,
        Tab::Charts,
    ];

    /// The tab's title.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Entities => "Entities",
            Tab::Quantities => "Quantities",
            Tab::Facts => "Facts",
            Tab::Search => "Search",
            Tab::Charts => "Charts",
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

/// What is selected in the tables (and highlighted in the reader). Row
/// indices are into the unsorted rows of the current corpus view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// Entity row.
    pub entity: Option<usize>,
    /// Quantity rows.
    pub quantity: Option<usize>,
    /// Fact rows (the charts may select several).
    pub facts: Vec<usize>,
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
}
