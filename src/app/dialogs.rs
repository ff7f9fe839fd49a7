//! Native file dialogs (rfd), run on a worker thread. When the system has no
//! dialog (no desktop portal on a session bus, no zenity), rfd returns
//! nothing at all; the app tells the user to drag files onto the window.

use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Which dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogKind {
    /// Pick files to import.
    ImportFiles,
    /// Pick a folder to import.
    ImportFolder,
    /// Pick a project to open.
    OpenProject,
    /// Choose where to create a project.
    NewProject,
    /// Choose where to write a CSV export.
    ExportCsv(String),
}

/// How a dialog ended.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogOutcome {
    /// The user chose these paths.
    Picked(DialogKind, Vec<PathBuf>),
    /// The user closed the dialog.
    Cancelled,
    /// No dialog could be shown; the text says what to do instead.
    Unavailable(String),
}

/// True when the program is on the search path.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether a file dialog can probably be shown: an xdg desktop portal needs a
/// session bus; rfd falls back to zenity without one.
pub fn dialog_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    on_path("zenity") || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

fn unavailable_message(kind: &DialogKind) -> String {
    let what = match kind {
        DialogKind::ImportFiles | DialogKind::ImportFolder => {
            "Drag files or folders onto the window to import them instead."
        }
        DialogKind::OpenProject => {
            "Drag a .samachar project file onto the window, or start Samachar with the project path."
        }
        DialogKind::NewProject => "Start Samachar with the path of the new project instead.",
        DialogKind::ExportCsv(_) => "Use `samachar export` on the command line instead.",
    };
    format!(
        "No file dialog is available on this system (it needs an xdg desktop portal or zenity). {what}"
    )
}

/// Shows the dialog and waits for it (call on a worker thread).
pub fn run_dialog(kind: DialogKind) -> DialogOutcome {
    if !dialog_available() {
        return DialogOutcome::Unavailable(unavailable_message(&kind));
    }
    let started = Instant::now();
    let dialog = rfd::FileDialog::new();
    let picked: Option<Vec<PathBuf>> = match &kind {
        DialogKind::ImportFiles => dialog
            .set_title("Import articles")
            .add_filter("Articles", &["txt", "md", "html", "htm", "pdf"])
            .add_filter("All files", &["*"])
            .pick_files(),
        DialogKind::ImportFolder => dialog
            .set_title("Import a folder of articles")
            .pick_folder()
            .map(|p| vec![p]),
        DialogKind::OpenProject => dialog
            .set_title("Open project")
            .add_filter("Samachar project", &["samachar"])
            .pick_file()
            .map(|p| vec![p]),
        DialogKind::NewProject => dialog
            .set_title("New project")
            .set_file_name("corpus.samachar")
            .add_filter("Samachar project", &["samachar"])
            .save_file()
            .map(|p| vec![with_extension(p, "samachar")]),
        DialogKind::ExportCsv(name) => dialog
            .set_title("Export table")
            .set_file_name(name)
            .add_filter("CSV", &["csv"])
            .save_file()
            .map(|p| vec![with_extension(p, "csv")]),
    };
    match picked {
        Some(paths) if !paths.is_empty() => DialogOutcome::Picked(kind, paths),
        // A dialog that "closes" at once never opened.
        _ if started.elapsed() < Duration::from_millis(150) => {
            DialogOutcome::Unavailable(unavailable_message(&kind))
        }
        _ => DialogOutcome::Cancelled,
    }
}

fn with_extension(path: PathBuf, ext: &str) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        path.with_extension(ext)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_tell_what_to_do_instead() {
        assert!(unavailable_message(&DialogKind::ImportFiles).contains("Drag"));
        assert!(unavailable_message(&DialogKind::OpenProject).contains(".samachar"));
    }

    #[test]
    fn extension_added_only_when_missing() {
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a"), "csv"),
            PathBuf::from("/tmp/a.csv")
        );
        assert_eq!(
            with_extension(PathBuf::from("/tmp/a.txt"), "csv"),
            PathBuf::from("/tmp/a.txt")
        );
    }
}
