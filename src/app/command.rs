//! Every user action is a [`Command`]: menus, keyboard shortcuts and the
//! command palette all push commands into one queue, applied in one place
//! each frame.

use crate::app::state::Tab;
use egui::{Key, KeyboardShortcut, Modifiers};
use samachar_core::model::EntityKind;
use samachar_core::store::NoteId;
use std::path::PathBuf;

/// One thing the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Ask for a project file to open.
    OpenProject,
    /// Ask where to create a new project.
    NewProject,
    /// Open this project file.
    OpenProjectPath(PathBuf),
    /// Create (or open) a project at this path.
    NewProjectPath(PathBuf),
    /// Ask for files to import.
    ImportFiles,
    /// Ask for a folder to import.
    ImportFolder,
    /// Import these files and folders (dialogs and drag-and-drop end here).
    ImportPaths(Vec<PathBuf>),
    /// Cancel every running import.
    CancelTasks,
    /// Show the search tab and focus its box.
    Search,
    /// Undo the last annotation.
    Undo,
    /// Redo the last undone annotation.
    Redo,
    /// Open the command palette.
    Palette,
    /// Export the current table (CSV) or the whole analysis (JSON).
    Export,
    /// Write the current table to this CSV file.
    ExportTableTo(PathBuf),
    /// Show a tab.
    ShowTab(Tab),
    /// Show or hide page furniture in the reader.
    ToggleFurniture,
    /// Show or hide the articles panel.
    ToggleCorpusPanel,
    /// Tag the reader's selection as an entity of this kind.
    TagSelection(EntityKind),
    /// Rename the entity selected in the Entities table.
    RenameEntity,
    /// Merge another entity into the one selected in the Entities table.
    MergeEntities,
    /// Set the kind of the entity selected in the Entities table.
    SetEntityKind(EntityKind),
    /// Split one of the selected entity's aliases off into an entity of its own.
    SplitEntity,
    /// Add a note to the article being read.
    AddNote,
    /// Add a note to the entity selected in the Entities table.
    AddEntityNote,
    /// Change the text of a note.
    EditNote(NoteId),
    /// Delete a note.
    DeleteNote(NoteId),
    /// Remove the tag you made at `offset` (original byte offset) of article
    /// `article`.
    RemoveTagAt {
        /// Index of the article in the corpus.
        article: usize,
        /// Byte offset inside the tag.
        offset: usize,
    },
    /// Select the row of the entity, quantity or fact highlighted at
    /// `offset` (original byte offset) of article `article` (what clicking
    /// a highlighted span in the reader does).
    SelectSpanAt {
        /// Index of the article in the corpus.
        article: usize,
        /// Byte offset inside the span.
        offset: usize,
    },
    /// Read article `n` of the corpus.
    SelectArticle(usize),
    /// Take the article being read out of the project's tables, charts and
    /// search (kept in the file; undo brings it back).
    RemoveArticle,
    /// Clear the list of load errors.
    ClearErrors,
    /// Switch between the light and the dark theme.
    ToggleTheme,
    /// Close the window.
    Quit,
}

impl Command {
    /// What menus and the palette call it.
    pub fn label(&self) -> String {
        match self {
            Command::OpenProject => "Open project…".into(),
            Command::NewProject => "New project…".into(),
            Command::OpenProjectPath(p) => format!("Open {}", p.display()),
            Command::NewProjectPath(p) => format!("Create {}", p.display()),
            Command::ImportFiles => "Import files…".into(),
            Command::ImportFolder => "Import folder…".into(),
            Command::ImportPaths(p) => format!("Import {} paths", p.len()),
            Command::CancelTasks => "Cancel import".into(),
            Command::Search => "Search".into(),
            Command::Undo => "Undo".into(),
            Command::Redo => "Redo".into(),
            Command::Palette => "Command palette".into(),
            Command::Export => "Export table…".into(),
            Command::ExportTableTo(p) => format!("Export table to {}", p.display()),
            Command::ShowTab(tab) => format!("Show {}", tab.label()),
            Command::ToggleFurniture => "Show page furniture".into(),
            Command::ToggleCorpusPanel => "Show articles panel".into(),
            Command::TagSelection(kind) => {
                format!("Tag selection as {}", crate::app::theme::kind_label(*kind))
            }
            Command::RenameEntity => "Rename entity…".into(),
            Command::MergeEntities => "Merge entities…".into(),
            Command::SetEntityKind(kind) => {
                format!("Mark entity as {}", crate::app::theme::kind_label(*kind))
            }
            Command::SplitEntity => "Split alias off entity…".into(),
            Command::AddNote => "Add note…".into(),
            Command::AddEntityNote => "Add note to entity…".into(),
            Command::EditNote(_) => "Edit note…".into(),
            Command::DeleteNote(_) => "Delete note".into(),
            Command::RemoveTagAt { .. } => "Remove tag".into(),
            Command::SelectSpanAt { .. } => "Select highlighted span".into(),
            Command::SelectArticle(n) => format!("Read article {}", n + 1),
            Command::RemoveArticle => "Remove article from project".into(),
            Command::ClearErrors => "Clear load errors".into(),
            Command::ToggleTheme => "Toggle dark mode".into(),
            Command::Quit => "Quit".into(),
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let ctrl = Modifiers::COMMAND;
        let ctrl_shift = Modifiers::COMMAND | Modifiers::SHIFT;
        let key = match self {
            Command::OpenProject => (ctrl, Key::O),
            Command::NewProject => (ctrl, Key::N),
            Command::ImportFiles => (ctrl, Key::I),
            Command::ImportFolder => (ctrl_shift, Key::I),
            Command::Search => (ctrl, Key::F),
            Command::Undo => (ctrl, Key::Z),
            Command::Redo => (ctrl_shift, Key::Z),
            Command::Palette => (ctrl_shift, Key::P),
            Command::Export => (ctrl, Key::E),
            Command::ShowTab(tab) => (ctrl, tab.key()),
            Command::Quit => (ctrl, Key::Q),
            _ => return None,
        };
        Some(KeyboardShortcut::new(key.0, key.1))
    }

    /// Extra shortcuts that do the same (Ctrl+Y redoes too).
    pub fn alternative_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Command::Redo => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)),
            _ => None,
        }
    }

    /// The commands the palette offers and the keyboard triggers.
    pub fn all() -> Vec<Command> {
        let mut all = vec![
            Command::OpenProject,
            Command::NewProject,
            Command::ImportFiles,
            Command::ImportFolder,
            Command::Search,
            Command::Undo,
            Command::Redo,
            Command::Palette,
            Command::Export,
        ];
        all.extend(Tab::ALL.iter().map(|t| Command::ShowTab(*t)));
        all.extend([
            Command::ToggleFurniture,
            Command::ToggleCorpusPanel,
            Command::RenameEntity,
            Command::MergeEntities,
            Command::SplitEntity,
            Command::AddNote,
            Command::AddEntityNote,
            Command::RemoveArticle,
        ]);
        all.extend(EntityKind::ALL.iter().map(|k| Command::TagSelection(*k)));
        all.extend(EntityKind::ALL.iter().map(|k| Command::SetEntityKind(*k)));
        all.extend([
            Command::CancelTasks,
            Command::ClearErrors,
            Command::ToggleTheme,
            Command::Quit,
        ]);
        all
    }

    /// The shortcut as text for menus ("Ctrl+Shift+I").
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        self.shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default()
    }
}

/// Reads this frame's key presses and returns the commands they trigger.
/// Shortcuts with more modifiers are checked first, so that Ctrl+Shift+I is
/// not taken for Ctrl+I.
pub fn commands_from_keys(ctx: &egui::Context) -> Vec<Command> {
    let mut all = Command::all();
    all.sort_by_key(|c| {
        std::cmp::Reverse(c.shortcut().map_or(0, |s| {
            usize::from(s.modifiers.shift) + usize::from(s.modifiers.alt)
        }))
    });
    let mut out = Vec::new();
    ctx.input_mut(|input| {
        for command in all {
            let hit = command
                .shortcut()
                .is_some_and(|s| input.consume_shortcut(&s))
                || command
                    .alternative_shortcut()
                    .is_some_and(|s| input.consume_shortcut(&s));
            if hit {
                out.push(command);
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::BTreeSet::new();
        for c in Command::all() {
            for s in [c.shortcut(), c.alternative_shortcut()]
                .into_iter()
                .flatten()
            {
                let key = format!("{:?}{:?}", s.modifiers, s.logical_key);
                assert!(seen.insert(key), "{c:?} repeats a shortcut");
            }
        }
    }

    #[test]
    fn required_shortcuts() {
        let table = [
            (Command::OpenProject, "O", false),
            (Command::NewProject, "N", false),
            (Command::ImportFiles, "I", false),
            (Command::ImportFolder, "I", true),
            (Command::Search, "F", false),
            (Command::Undo, "Z", false),
            (Command::Redo, "Z", true),
            (Command::Palette, "P", true),
            (Command::Export, "E", false),
            (Command::ShowTab(Tab::Entities), "1", false),
            (Command::ShowTab(Tab::Charts), "5", false),
        ];
        for (command, key, shift) in table {
            let s = command.shortcut();
            assert!(s.is_some(), "{command:?}");
            if let Some(s) = s {
                assert_eq!(s.logical_key.name(), key, "{command:?}");
                assert_eq!(s.modifiers.shift, shift, "{command:?}");
                assert!(s.modifiers.command);
            }
        }
    }
}
