//! The desktop app driven as a user would, by label (egui_kittest).
//!
//! Every test works on a project in a temporary folder; none touches the
//! user's default project.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use samachar::app::SamacharApp;
use samachar::app::command::Command;
use samachar::app::state::{Tab, UiState};
use samachar::app::tables::{FactTable, TableRows};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const WIDTH: f32 = 1400.0;
const HEIGHT: f32 = 900.0;

fn app_at(path: PathBuf) -> SamacharApp {
    SamacharApp::new(None, UiState::default(), Some(path))
}

fn harness(app: SamacharApp) -> Harness<'static, SamacharApp> {
    Harness::builder()
        .with_size(egui::vec2(WIDTH, HEIGHT))
        .with_context_setup(|ctx| {
            samachar::app::theme::install_fonts(ctx);
            egui_extras::install_image_loaders(ctx);
        })
        .build_ui_state(|ui, app: &mut SamacharApp| app.show(ui), app)
}

/// Steps frames until no background work is left, then lets the UI settle.
fn settle(h: &mut Harness<'static, SamacharApp>) {
    let started = Instant::now();
    loop {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "background work did not finish"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    h.run_steps(4);
}

/// A fresh app on a new project (with the bundled seeds) in `dir`.
fn seeded(dir: &Path) -> Harness<'static, SamacharApp> {
    let mut h = harness(app_at(dir.join("test.samachar")));
    settle(&mut h);
    h.state_mut().toasts = Default::default();
    h.run_steps(2);
    h
}

fn rows_label(h: &Harness<'static, SamacharApp>) -> String {
    h.query_all_by(|n| {
        n.role() == egui::accesskit::Role::Label
            && n.value()
                .is_some_and(|v| v.contains(" of ") && v.ends_with(" rows"))
    })
    .filter_map(|n| n.accesskit_node().value())
    .next()
    .unwrap_or_default()
}

#[test]
fn starts_on_the_seeds_and_lists_their_entities() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    assert_eq!(h.state().view().corpus.articles.len(), 3);
    h.get_by_label("Entities").click();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("Competence Exports").count() > 0,
        "the entities table shows Competence Exports"
    );
    assert!(rows_label(&h).contains(" of "), "row count shown");
    // The window title names the project.
    assert_eq!(h.state().window_title(), "Samachar — test.samachar");
}

#[test]
fn facts_sort_by_value_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.get_by_label("Facts").click();
    h.run_steps(3);
    h.get_by_label("Value").click();
    h.run_steps(3);
    let numbers = |h: &Harness<'static, SamacharApp>| -> Vec<f64> {
        let view = h.state().view();
        h.state()
            .table_order(Tab::Facts)
            .iter()
            .filter_map(|&i| view.facts[i].number)
            .collect()
    };
    let up = numbers(&h);
    assert!(up.len() > 1, "the seeds have numeric facts");
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "ascending: {up:?}");
    h.get_by_label("Value").click();
    h.run_steps(3);
    let down = numbers(&h);
    assert!(
        down.windows(2).all(|w| w[0] >= w[1]),
        "descending: {down:?}"
    );
    // The largest value is on screen, first.
    let first = h.state().table_order(Tab::Facts)[0];
    let largest = FactTable(&h.state().view().facts)
        .cell(first, 2)
        .into_owned();
    assert!(
        h.query_all_by_label(&largest).count() > 0,
        "{largest} shown"
    );
}

#[test]
fn quantities_filter_to_bags() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.get_by_label("Quantities").click();
    h.run_steps(3);
    let before = rows_label(&h);
    h.get_by_label("Filter").click();
    h.run_steps(1);
    h.get_by_label("Filter").type_text("bags");
    h.run_steps(3);
    let after = rows_label(&h);
    assert_ne!(before, after, "the filter changes the row count");
    assert!(
        h.query_all_by_label("640,000").count() > 0,
        "640,000 bags row shown"
    );
    let view = h.state().view();
    assert!(h.state().table_order(Tab::Quantities).iter().all(|&i| {
        format!("{:?}", view.quantities[i])
            .to_lowercase()
            .contains("bags")
    }));
}

fn write_articles(dir: &Path, n: usize) {
    let places = ["Ludhiana", "Tiruppur", "Moradabad", "Kanpur", "Surat"];
    for i in 0..n {
        let place = places[i % places.len()];
        let text = format!(
            "Exporter number {i} expands in {place}\n\n\
             {place}: Kiran Textiles Pvt Ltd said on Monday it will add 1,{i:03} looms \
             and hire {} workers this year. The company exports Rs {} crore of fabric a year, \
             managing director Anil Mehta said.\n",
            100 + i,
            5 + i
        );
        std::fs::write(dir.join(format!("article_{i:03}.txt")), text).unwrap();
    }
}

#[test]
fn importing_a_folder_shows_progress_errors_and_new_articles() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let folder = dir.path().join("incoming");
    std::fs::create_dir(&folder).unwrap();
    write_articles(&folder, 12);
    let missing = dir.path().join("missing-article.txt");
    h.state_mut()
        .queue(Command::ImportPaths(vec![folder.clone(), missing]));
    h.step();
    h.step();
    // The task is listed with a Cancel button while it runs (or it has
    // already finished on a fast machine).
    let saw_progress = h.query_by_label("Cancel").is_some() || h.state().is_busy();
    settle(&mut h);
    assert!(saw_progress, "the import showed progress");
    assert_eq!(h.state().view().corpus.articles.len(), 3 + 12);
    assert!(
        h.query_all_by_label_contains("Exporter number 7").count() > 0
            || h.query_all_by_label_contains("article_007").count() > 0,
        "a new article is listed"
    );
    // The bad path has one clear line.
    assert!(
        h.query_all_by_label_contains("missing-article.txt").count() > 0,
        "the error names the file"
    );
    // Importing again skips the duplicates.
    h.state_mut().queue(Command::ImportPaths(vec![folder]));
    settle(&mut h);
    assert_eq!(h.state().view().corpus.articles.len(), 3 + 12);
    assert!(
        h.query_all_by_label_contains("skipped 12").count() > 0,
        "duplicates noted"
    );
}

#[test]
fn cancelling_an_import_keeps_what_finished() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    write_articles(&folder, 300);
    h.state_mut().queue(Command::ImportPaths(vec![folder]));
    h.step();
    h.step();
    if let Some(cancel) = h.query_by_label("Cancel") {
        cancel.click();
    }
    settle(&mut h);
    let n = h.state().view().corpus.articles.len();
    assert!((3..=303).contains(&n), "{n} articles");
}

#[test]
fn rename_then_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.get_by_label("Entities").click();
    h.run_steps(3);
    let first = h
        .state()
        .table_order(Tab::Entities)
        .first()
        .copied()
        .unwrap();
    let old_name = h.state().view().entities[first].name.clone();
    h.get_all_by_label(&old_name).next().unwrap().click();
    h.run_steps(3);
    h.get_by_label("Rename…").click();
    h.run_steps(3);
    let field = h.get_by_label("New name");
    field.focus();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("New name").type_text("Renamed Entity Ltd");
    h.run_steps(1);
    h.get_by_label("Rename").click();
    settle(&mut h);
    let names = |h: &Harness<'static, SamacharApp>| -> Vec<String> {
        h.state()
            .view()
            .entities
            .iter()
            .map(|e| e.name.clone())
            .collect()
    };
    assert!(names(&h).contains(&"Renamed Entity Ltd".to_string()));
    assert!(h.query_all_by_label("Renamed Entity Ltd").count() > 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert!(
        !names(&h).contains(&"Renamed Entity Ltd".to_string()),
        "undone"
    );
    assert!(names(&h).contains(&old_name));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(&mut h);
    assert!(
        names(&h).contains(&"Renamed Entity Ltd".to_string()),
        "redone"
    );
    // The edit is in the project file: a new window sees it.
    drop(h);
    let h2 = seeded(dir.path());
    assert!(
        names(&h2).contains(&"Renamed Entity Ltd".to_string()),
        "saved"
    );
}

#[test]
fn palette_runs_a_command() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run_steps(3);
    h.get_by_label("Command").type_text("show facts");
    h.run_steps(2);
    h.key_press(Key::Enter);
    h.run_steps(3);
    assert_eq!(h.state().state.tab, Tab::Facts);
    assert!(
        h.query_by_label("Command palette").is_none(),
        "palette closed"
    );
}

#[test]
fn search_finds_text_and_opens_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(3);
    h.get_by_label("Search articles").type_text("Hajipur");
    h.run_steps(3);
    assert!(h.query_all_by_label_contains("results").count() > 0);
    let hit = h
        .query_all_by_label_contains("Russian")
        .next()
        .map(|n| n.rect());
    assert!(hit.is_some(), "a result names the article");
}

#[test]
fn snapshots_of_the_main_views() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    // Hide the project's random temporary folder from the images.
    h.run_steps(2);
    let mut results = Vec::new();
    results.push(h.try_snapshot("main"));
    h.get_by_label("Facts").click();
    h.run_steps(3);
    results.push(h.try_snapshot("facts"));
    if let Some(out) = std::env::var_os("SAMACHAR_SCREENSHOTS") {
        write_screenshots(&mut h, dir.path(), &screenshot_dir(out));
    }
    for r in results {
        r.unwrap();
    }
}

/// Where README screenshots go: the folder SAMACHAR_SCREENSHOTS names, or
/// `screenshots/` in the project when it is just set ("1").
fn screenshot_dir(value: std::ffi::OsString) -> PathBuf {
    if value == "1" || value.is_empty() {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshots")
    } else {
        PathBuf::from(value)
    }
}

/// Writes the README screenshots from the same harness as the snapshots.
fn write_screenshots(h: &mut Harness<'static, SamacharApp>, work: &Path, out: &Path) {
    std::fs::create_dir_all(out).unwrap();
    let save = |h: &mut Harness<'static, SamacharApp>, name: &str| {
        h.render().unwrap().save(out.join(name)).unwrap();
    };
    h.get_by_label("Entities").click();
    h.run_steps(3);
    save(h, "main.png");
    h.get_by_label("Facts").click();
    h.run_steps(3);
    h.get_by_label("Value").click();
    h.run_steps(3);
    h.get_by_label("Value").click();
    h.run_steps(3);
    save(h, "facts.png");
    h.get_by_label("Quantities").click();
    h.run_steps(3);
    h.get_by_label("Filter").click();
    h.run_steps(1);
    h.get_by_label("Filter").type_text("crore");
    h.run_steps(3);
    save(h, "quantities.png");
    // An import in progress, then its result.
    let folder = work.join("screenshot-import");
    std::fs::create_dir_all(&folder).unwrap();
    write_articles(&folder, 1500);
    h.state_mut().queue(Command::ImportPaths(vec![folder]));
    let started = Instant::now();
    loop {
        h.step();
        let seen = h.query_by_label("Cancel").is_some();
        if seen || started.elapsed() > Duration::from_secs(30) {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    save(h, "import.png");
    settle(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run_steps(2);
    h.get_by_label("Search articles").type_text("looms");
    h.run_steps(3);
    save(h, "search.png");
}

#[test]
fn note_and_merge_go_through_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    h.get_by_label("Add note…").click();
    h.run_steps(3);
    h.get_by_label("Note").click();
    h.run_steps(1);
    h.get_by_label("Note").type_text("Check the export figures");
    h.run_steps(2);
    h.get_by_label("Save note").click();
    settle(&mut h);
    assert!(h.query_by_label("Check the export figures").is_some());

    // Merge the second entity into the first.
    h.get_by_label("Entities").click();
    h.run_steps(3);
    let order = h.state().table_order(Tab::Entities).to_vec();
    let (keep, gone) = {
        let e = &h.state().view().entities;
        (e[order[0]].name.clone(), e[order[1]].clone())
    };
    let before = h.state().view().entities.len();
    h.get_all_by_label(&keep).next().unwrap().click();
    h.run_steps(3);
    h.get_by_label("Merge…").click();
    h.run_steps(3);
    h.get_by_label("Find entity").click();
    h.run_steps(1);
    h.get_by_label("Find entity").type_text(&gone.name);
    h.run_steps(3);
    h.get_by_label(&format!("{} ({})", gone.name, gone.kind))
        .click();
    h.run_steps(2);
    h.get_by_label("Merge").click();
    settle(&mut h);
    assert_eq!(
        h.state().view().entities.len(),
        before - 1,
        "one entity fewer"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(&mut h);
    assert_eq!(h.state().view().entities.len(), before, "merge undone");
}
