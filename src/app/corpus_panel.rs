//! The articles panel: every article with its source, date and counts, and
//! the files that could not be read, one line each.

use crate::app::command::Command;
use crate::app::theme;
use egui::RichText;
use samachar_core::model::{CorpusAnalysis, LoadError};

const ITEM_HEIGHT: f32 = 40.0;

/// Draws the panel; returns the commands the user gave.
pub fn corpus_panel_ui(
    ui: &mut egui::Ui,
    corpus: &CorpusAnalysis,
    errors: &[LoadError],
    selected: Option<usize>,
    filter: &mut String,
) -> Vec<Command> {
    let mut command = None;
    let mut removing = false;
    ui.horizontal(|ui| {
        ui.heading("Articles");
        ui.weak(format!("{}", corpus.articles.len()));
    });
    ui.horizontal(|ui| {
        let label = ui.label("Find article");
        ui.add(
            egui::TextEdit::singleline(filter)
                .desired_width(f32::INFINITY)
                .hint_text("title, source, file"),
        )
        .labelled_by(label.id);
    });
    let needle = filter.trim().to_lowercase();
    let shown: Vec<usize> = corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            needle.is_empty()
                || [
                    a.title.as_deref(),
                    a.source.as_deref(),
                    Some(a.file.as_str()),
                    a.published.as_deref(),
                ]
                .into_iter()
                .flatten()
                .any(|s| crate::app::tables::contains_ignore_case(s, &needle))
        })
        .map(|(i, _)| i)
        .collect();
    ui.separator();
    let errors_height = if errors.is_empty() {
        0.0
    } else {
        (errors.len() as f32 * 22.0 + 40.0).min(ui.available_height() * 0.4)
    };
    let list_height = (ui.available_height() - errors_height).max(80.0);
    if corpus.articles.is_empty() {
        ui.weak("No articles yet. Drop files or folders here, or use File ▸ Import.");
    }
    egui::ScrollArea::vertical()
        .id_salt("articles")
        .max_height(list_height)
        .auto_shrink([false, true])
        .show_rows(ui, ITEM_HEIGHT, shown.len(), |ui, range| {
            for &i in shown.get(range).unwrap_or(&[]) {
                let Some(a) = corpus.articles.get(i) else {
                    continue;
                };
                let title = a.title.clone().unwrap_or_else(|| a.file.clone());
                let mut meta = Vec::new();
                if let Some(s) = &a.source {
                    meta.push(s.clone());
                }
                if let Some(d) = &a.published {
                    meta.push(d.clone());
                }
                meta.push(format!(
                    "{} ent · {} qty · {} facts",
                    a.entities.len(),
                    a.quantities.len(),
                    a.facts.len()
                ));
                let selected_here = selected == Some(i);
                let (rect, response) = ui.allocate_exact_size(
                    egui::vec2(ui.available_width(), ITEM_HEIGHT),
                    egui::Sense::click(),
                );
                let response = response.on_hover_text(&a.file);
                let visuals = ui.style().interact_selectable(&response, selected_here);
                if selected_here || response.hovered() {
                    ui.painter().rect_filled(rect, 3.0, visuals.weak_bg_fill);
                }
                let mut child = ui.new_child(
                    egui::UiBuilder::new()
                        .max_rect(rect.shrink2(egui::vec2(4.0, 2.0)))
                        .layout(egui::Layout::top_down(egui::Align::Min)),
                );
                child.add(
                    egui::Label::new(RichText::new(&title).strong())
                        .truncate()
                        .selectable(false),
                );
                child.add(
                    egui::Label::new(RichText::new(meta.join(" · ")).small().weak())
                        .truncate()
                        .selectable(false),
                );
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::ListItem, true, selected_here, &title)
                });
                if response.clicked() {
                    command = Some(Command::SelectArticle(i));
                }
                response.context_menu(|ui| {
                    if ui.button("Remove from project").clicked() {
                        // Select it, then remove the selected article.
                        command = Some(Command::SelectArticle(i));
                        removing = true;
                        ui.close();
                    }
                });
            }
        });
    if !errors.is_empty() {
        ui.separator();
        ui.horizontal(|ui| {
            ui.label(
                RichText::new(format!("{} files could not be read", errors.len()))
                    .color(theme::error_color(ui.visuals().dark_mode)),
            );
            if ui.small_button("Clear").clicked() {
                command = Some(Command::ClearErrors);
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("load-errors")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for e in errors {
                    let file = crate::app::tasks::short_path(&e.path);
                    ui.add(egui::Label::new(format!("{file}: {}", e.message)).truncate())
                        .on_hover_text(format!("{}\n{}", e.path, e.message));
                }
            });
    }
    command
        .into_iter()
        .chain(removing.then_some(Command::RemoveArticle))
        .collect()
}
