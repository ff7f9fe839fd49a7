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

/// The test window: small, so that the snapshot images stay small.
const SIZE: egui::Vec2 = egui::vec2(1000.0, 640.0);
/// The README screenshots: a usual window.
const SCREENSHOT_SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);

fn app_at(path: PathBuf) -> SamacharApp {
    SamacharApp::new(None, UiState::default(), Some(path))
}

fn harness_sized(app: SamacharApp, size: egui::Vec2) -> Harness<'static, SamacharApp> {
    Harness::builder()
        .with_size(size)
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
    seeded_sized(dir, SIZE)
}

fn seeded_sized(dir: &Path, size: egui::Vec2) -> Harness<'static, SamacharApp> {
    let mut h = harness_sized(app_at(dir.join("test.samachar")), size);
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
    let largest = FactTable(h.state().view()).cell(first, 2).to_string();
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
    h.get_by_label("Entity").click();
    h.run_steps(2);
    h.get_by_label("Rename entity…").click();
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
    h.run_steps(2);
    let mut results = Vec::new();
    results.push(h.try_snapshot("main"));
    h.get_by_label("Facts").click();
    h.run_steps(3);
    results.push(h.try_snapshot("facts"));
    for r in results {
        r.unwrap();
    }
}

/// Writes the README screenshots (main, facts, import) at a usual window
/// size when SAMACHAR_SCREENSHOTS is set (scripts/screenshots.sh).
#[test]
fn readme_screenshots() {
    let Some(out) = std::env::var_os("SAMACHAR_SCREENSHOTS") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded_sized(dir.path(), SCREENSHOT_SIZE);
    write_screenshots(&mut h, dir.path(), &screenshot_dir(out));
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

/// Writes the README screenshots.
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
    settle(h);
    save(h, "facts.png");
    // An import in progress.
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
    // Let the progress bar fill a little.
    for _ in 0..30 {
        h.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    save(h, "import.png");
    settle(h);
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
    h.get_by_label("Entity").click();
    h.run_steps(2);
    h.get_by_label("Merge entities…").click();
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

/// Filters the Entities table to `name` and clicks its row.
fn click_entity_row(h: &mut Harness<'static, SamacharApp>, name: &str) {
    h.get_by_label("Entities").click();
    h.run_steps(2);
    h.get_by_label("Filter").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Filter").type_text(name);
    settle(h);
    h.get_all_by_label(name).next().unwrap().click();
    settle(h);
    let selected = h.state().selection.entity.unwrap();
    assert_eq!(h.state().view().entities[selected].name, name);
}

fn undo(h: &mut Harness<'static, SamacharApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    settle(h);
}

fn redo(h: &mut Harness<'static, SamacharApp>) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    settle(h);
}

#[test]
fn large_tables_sort_in_the_background() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    // Every table counts as large: ordering goes to a worker thread.
    h.state_mut().set_sync_sort_limit(0);
    h.get_by_label("Facts").click();
    h.run_steps(3);
    let before = h.state().table_order(Tab::Facts).to_vec();
    h.get_by_label("Value").click();
    h.step();
    h.step();
    if h.state().is_busy() {
        // The old order stays on screen meanwhile, marked as in progress.
        assert_eq!(h.state().table_order(Tab::Facts), before.as_slice());
    }
    settle(&mut h);
    assert!(h.query_by_label("Sorting…").is_none(), "done");
    let view = h.state().view();
    let numbers: Vec<f64> = h
        .state()
        .table_order(Tab::Facts)
        .iter()
        .filter_map(|&i| view.facts[i].number)
        .collect();
    assert!(numbers.len() > 1);
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
    // Typing a filter: the result is the last text's, never an older one.
    h.get_by_label("Filter").click();
    h.run_steps(1);
    h.get_by_label("Filter").type_text("crore");
    settle(&mut h);
    let view = h.state().view();
    let order = h.state().table_order(Tab::Facts);
    assert!(!order.is_empty());
    assert!(order.iter().all(|&i| {
        format!("{:?}", view.facts[i])
            .to_lowercase()
            .contains("crore")
    }));
}

#[test]
fn set_entity_kind_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let entity = h
        .state()
        .view()
        .entities
        .iter()
        .find(|e| e.kind != "place")
        .cloned()
        .unwrap();
    click_entity_row(&mut h, &entity.name);
    let places = |h: &Harness<'static, SamacharApp>| h.query_all_by_label("Place").count();
    let kind_of = |h: &Harness<'static, SamacharApp>| {
        let v = h.state().view();
        v.entities
            .iter()
            .find(|e| e.id == entity.id)
            .unwrap()
            .kind
            .clone()
    };
    let before = places(&h);
    h.get_by_label("Entity").click();
    h.run_steps(2);
    h.get_by_label("Set entity kind").hover();
    h.run_steps(2);
    h.get_by_label("Mark entity as Place").click();
    settle(&mut h);
    assert_eq!(kind_of(&h), "place");
    assert_eq!(places(&h), before + 1, "the row's Kind cell reads Place");
    undo(&mut h);
    assert_eq!(kind_of(&h), entity.kind);
    assert_eq!(places(&h), before, "undone");
    redo(&mut h);
    assert_eq!(kind_of(&h), "place");
    assert_eq!(places(&h), before + 1, "redone");
}

#[test]
fn split_an_alias_off_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let entity = h
        .state()
        .view()
        .entities
        .iter()
        .find(|e| !e.aliases.is_empty())
        .cloned()
        .expect("the seeds have an entity with another name");
    let alias = entity.aliases.split("; ").next().unwrap().to_string();
    click_entity_row(&mut h, &entity.name);
    h.get_by_label("Entity").click();
    h.run_steps(2);
    h.get_by_label("Split alias off entity…").click();
    settle(&mut h);
    // Pick the alias in the dialog (its button, not the table's cell).
    let choice = h
        .query_all_by_label(&alias)
        .find(|n| n.accesskit_node().role() != egui::accesskit::Role::Label);
    if let Some(choice) = choice {
        choice.click();
    }
    h.run_steps(2);
    h.get_by_label("Split off").click();
    settle(&mut h);
    let split = |h: &Harness<'static, SamacharApp>| {
        let v = h.state().view();
        let own = v.entities.iter().any(|e| e.name == alias);
        let still_alias = v
            .entities
            .iter()
            .find(|e| e.id == entity.id)
            .is_some_and(|e| e.aliases.split("; ").any(|a| a == alias));
        own && !still_alias
    };
    assert!(split(&h), "“{alias}” is an entity of its own");
    h.get_by_label("Clear filter").click();
    h.run_steps(1);
    h.get_by_label("Filter").type_text(&alias);
    settle(&mut h);
    assert!(
        h.query_all_by_label(&alias).count() > 0,
        "the table lists “{alias}”"
    );
    undo(&mut h);
    assert!(!split(&h), "undone");
    redo(&mut h);
    assert!(split(&h), "redone");
}

/// A word of article `article` outside every highlighted span, with its range.
fn plain_word(
    h: &Harness<'static, SamacharApp>,
    article: usize,
) -> (String, std::ops::Range<usize>) {
    let view = h.state().view();
    let a = &view.corpus.articles[article];
    let taken: Vec<std::ops::Range<usize>> = a
        .entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(|m| m.start..m.end))
        .chain(a.quantities.iter().map(|q| q.start..q.end))
        .chain(a.furniture.iter().map(|f| f.start..f.end))
        .collect();
    let text = h.state().reader_text().unwrap();
    let mut pos = 0;
    for word in text.split_inclusive(|c: char| !c.is_alphabetic()) {
        let w = word.trim_end_matches(|c: char| !c.is_alphabetic());
        let range = pos..pos + w.len();
        pos += word.len();
        let free = !taken
            .iter()
            .any(|t| t.start < range.end && range.start < t.end);
        if w.len() >= 7 && free && view.entities.iter().all(|e| e.name != w) {
            return (w.to_string(), range);
        }
    }
    panic!("no plain word");
}

#[test]
fn remove_your_tag_from_the_reader_undo_redo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let article = h.state().selected_article().unwrap();
    let (word, range) = plain_word(&h, article);
    h.state_mut().reader.selection = Some(range.clone());
    h.state_mut().queue(Command::TagSelection(
        samachar_core::model::EntityKind::Programme,
    ));
    settle(&mut h);
    let listed = |h: &Harness<'static, SamacharApp>| {
        h.state().view().entities.iter().any(|e| e.name == word)
    };
    assert!(listed(&h), "tagged");
    // Put the cursor in the tag and remove it from the Edit menu.
    h.state_mut().reader.selection = Some(range.start + 1..range.start + 1);
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label(&format!("Remove tag “{word}”")).click();
    settle(&mut h);
    assert!(!listed(&h), "the tag is gone");
    h.get_by_label("Entities").click();
    h.get_by_label("Filter").click();
    h.run_steps(1);
    h.get_by_label("Filter").type_text(&word);
    settle(&mut h);
    assert!(
        h.query_all_by_label(&word).next().is_none(),
        "not in the table"
    );
    undo(&mut h);
    assert!(listed(&h), "undone");
    assert!(h.query_all_by_label(&word).count() > 0, "back in the table");
    redo(&mut h);
    assert!(!listed(&h), "redone");
}

#[test]
fn entity_notes_are_listed_edited_and_deleted() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let name = h.state().view().entities[0].name.clone();
    click_entity_row(&mut h, &name);
    h.get_by_label("Entity").click();
    h.run_steps(2);
    h.get_by_label("Add note to entity…").click();
    settle(&mut h);
    h.get_by_label("Note").click();
    h.run_steps(1);
    h.get_by_label("Note").type_text("Owner changed in 2021");
    h.run_steps(1);
    h.get_by_label("Save note").click();
    settle(&mut h);
    h.get_by_label("Notes").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2021").is_some(),
        "listed"
    );
    assert!(
        h.query_by_label(&format!("Entity: {name}")).is_some(),
        "says what it is on"
    );
    // Edit.
    h.get_by_label("Edit…").click();
    settle(&mut h);
    h.get_by_label("Note").click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_label("Note").type_text("Owner changed in 2022");
    h.run_steps(1);
    h.get_by_label("Save note").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2022").is_some(),
        "edited"
    );
    assert!(h.query_by_label("Owner changed in 2021").is_none());
    undo(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2021").is_some(),
        "edit undone"
    );
    redo(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2022").is_some(),
        "edit redone"
    );
    // Delete.
    h.get_by_label("Delete").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2022").is_none(),
        "deleted"
    );
    assert!(h.query_by_label("0 notes").is_some());
    undo(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2022").is_some(),
        "delete undone"
    );
    redo(&mut h);
    assert!(
        h.query_by_label("Owner changed in 2022").is_none(),
        "delete redone"
    );
}

#[test]
fn clicking_a_span_selects_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let article = h.state().selected_article().unwrap();
    let (entity_name, entity_at, quantity_text, quantity_at) = {
        let a = &h.state().view().corpus.articles[article];
        let e = &a.entities[0];
        let q = &a.quantities[0];
        (
            e.name.clone(),
            e.mentions[0].start + 1,
            q.text.clone(),
            q.start + 1,
        )
    };
    h.state_mut().queue(Command::SelectSpanAt {
        article,
        offset: entity_at,
    });
    settle(&mut h);
    assert_eq!(h.state().state.tab, Tab::Entities);
    let row = h
        .state()
        .selection
        .entity
        .expect("an entity row is selected");
    let shown = h.state().view().entities[row].name.clone();
    let aliases = h.state().view().entities[row].aliases.clone();
    assert!(
        shown == entity_name || aliases.split("; ").any(|a| a == entity_name),
        "{shown} is {entity_name}"
    );
    assert!(
        h.query_all_by_label(&shown).count() > 0,
        "the row is on screen"
    );

    // A quantity: its row, and no new layout of the text for the highlight.
    let layouts = h.state().reader.layouts;
    h.state_mut().queue(Command::SelectSpanAt {
        article,
        offset: quantity_at,
    });
    settle(&mut h);
    assert_eq!(h.state().state.tab, Tab::Quantities);
    let row = h
        .state()
        .selection
        .quantity
        .expect("a quantity row is selected");
    assert_eq!(h.state().view().quantities[row].text, quantity_text);
    assert!(
        h.query_all_by_label(&quantity_text).count() > 0,
        "the row is on screen"
    );
    h.get_all_by_label(&quantity_text).next().unwrap().click();
    settle(&mut h);
    assert_eq!(
        h.state().reader.layouts,
        layouts,
        "highlighting reuses the layout"
    );
}

#[test]
fn selection_survives_a_rebuild_of_the_tables() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let last = h.state().view().entities.last().cloned().unwrap();
    click_entity_row(&mut h, &last.name);
    let article = h.state().selected_article().unwrap();
    let (word, range) = plain_word(&h, article);
    let row_before = h.state().selection.entity.unwrap();
    // A new organisation sorts before it: its row moves.
    h.state_mut().reader.selection = Some(range);
    h.state_mut().queue(Command::TagSelection(
        samachar_core::model::EntityKind::Organization,
    ));
    settle(&mut h);
    assert!(h.state().view().entities.iter().any(|e| e.name == word));
    let row_after = h.state().selection.entity.expect("still selected");
    assert_ne!(row_before, row_after, "the rows moved");
    assert_eq!(h.state().view().entities[row_after].id, last.id);
    assert_eq!(h.state().selection.entity_id(), Some(last.id.as_str()));
}

#[test]
fn remove_an_article_from_the_list_undo_redo_and_import_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = seeded(dir.path());
    let bags = |h: &Harness<'static, SamacharApp>| {
        h.state()
            .view()
            .quantities
            .iter()
            .any(|q| q.value == 640_000.0)
    };
    assert!(bags(&h));
    let title = "Muzaffarpur emerging as a major bag cluster in India’s Bihar state";
    let item = egui::accesskit::Role::ListItem;
    // A note on the article first: it stays, and says where it belongs.
    h.get_by_role_and_label(item, title).click();
    settle(&mut h);
    h.get_by_label("Add note…").click();
    h.run_steps(3);
    h.get_by_label("Note").click();
    h.run_steps(1);
    h.get_by_label("Note")
        .type_text("Ask about the bag figures");
    h.run_steps(2);
    h.get_by_label("Save note").click();
    settle(&mut h);
    h.get_by_role_and_label(item, title).click_secondary();
    h.run_steps(2);
    h.get_by_label("Remove from project").click();
    settle(&mut h);
    assert_eq!(h.state().view().corpus.articles.len(), 2);
    assert!(!bags(&h), "its quantities left the tables");
    assert!(
        h.query_by_role_and_label(item, title).is_none(),
        "and the list"
    );
    assert!(
        h.query_all_by_label_contains("Remove article “002_41c24c9b7009feb6.txt”")
            .count()
            > 0,
        "the toast names it"
    );

    h.get_by_label("Notes").click();
    h.run_steps(3);
    assert!(
        h.query_all_by_label_contains("002_41c24c9b7009feb6.txt (removed from the project)")
            .count()
            > 0,
        "the note names the removed article"
    );

    undo(&mut h);
    assert_eq!(h.state().view().corpus.articles.len(), 3);
    assert!(bags(&h), "undo brings it back");
    redo(&mut h);
    assert_eq!(h.state().view().corpus.articles.len(), 2);

    // Importing the same file again restores it instead of skipping it.
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/002_41c24c9b7009feb6.txt");
    h.state_mut().queue(Command::ImportPaths(vec![seed]));
    settle(&mut h);
    assert_eq!(h.state().view().corpus.articles.len(), 3);
    assert!(bags(&h));
    assert!(
        h.query_all_by_label_contains("restored 1 that had been removed")
            .count()
            > 0
    );
}
