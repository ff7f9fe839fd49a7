//! The desktop app (eframe/egui).
//!
//! One file per view: [`corpus_panel`] (articles), [`reader`] (the text),
//! [`tables`] (entities, quantities, facts), [`search`], [`palette`] and
//! [`toasts`]; every user action is a [`command::Command`] applied in one
//! place ([`shell::SamacharApp`]); background work lives in [`tasks`].

pub mod charts_panel;
pub mod command;
pub mod corpus_panel;
pub mod dialogs;
pub mod palette;
pub mod project;
pub mod reader;
pub mod search;
pub mod shell;
pub mod state;
pub mod tables;
pub mod tasks;
pub mod theme;
pub mod toasts;
pub mod view;

pub use shell::SamacharApp;

use std::path::PathBuf;

/// The app id: window class, `.desktop` file name and storage folder.
pub const APP_ID: &str = "samachar";

/// The window icon (PNG bytes).
const ICON: &[u8] = include_bytes!("../../assets/samachar.png");

/// Opens the app window on `project` (or the last / default project).
pub fn run(project: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Samachar")
        .with_app_id(APP_ID)
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([720.0, 480.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => eprintln!("samachar: the window icon could not be read: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        APP_ID,
        options,
        Box::new(move |cc| Ok(Box::new(SamacharApp::from_creation_context(cc, project)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
