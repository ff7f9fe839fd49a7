//! The command palette (Ctrl+Shift+P): type to filter commands, Enter runs
//! the highlighted one.

use crate::app::command::Command;
use crate::app::tables::contains_ignore_case;

/// The palette's state.
#[derive(Default)]
pub struct Palette {
    /// Whether it is shown.
    pub open: bool,
    /// What was typed.
    pub query: String,
    selected: usize,
    focus: bool,
}

impl Palette {
    /// Shows it, empty, with the keyboard in its box.
    pub fn show(&mut self) {
        self.open = true;
        self.query.clear();
        self.selected = 0;
        self.focus = true;
    }

    /// The commands that match the query, in menu order.
    pub fn matches(&self) -> Vec<Command> {
        let words: Vec<String> = self
            .query
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        Command::all()
            .into_iter()
            .filter(|c| {
                let label = c.label();
                words.iter().all(|w| contains_ignore_case(&label, w))
            })
            .collect()
    }

    /// Draws the palette; returns the command chosen.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        let matches = self.matches();
        self.selected = self.selected.min(matches.len().saturating_sub(1));
        let mut chosen = None;
        let (enter, escape, up, down) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, egui::Key::Enter),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
            )
        });
        if down && self.selected + 1 < matches.len() {
            self.selected += 1;
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        if enter {
            chosen = matches.get(self.selected).cloned();
        }
        let mut open = self.open;
        egui::Window::new("Command palette")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
            .fixed_size(egui::vec2(420.0, 0.0))
            .show(ctx, |ui| {
                let label = ui.label("Command");
                let edit = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.query)
                            .desired_width(f32::INFINITY)
                            .hint_text("Type a command"),
                    )
                    .labelled_by(label.id);
                if self.focus {
                    edit.request_focus();
                    self.focus = false;
                }
                if edit.changed() {
                    self.selected = 0;
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for (i, command) in matches.iter().enumerate() {
                            ui.horizontal(|ui| {
                                let r = ui.selectable_label(i == self.selected, command.label());
                                if r.clicked() {
                                    chosen = Some(command.clone());
                                }
                                let keys = command.shortcut_text(ui.ctx());
                                if !keys.is_empty() {
                                    ui.with_layout(
                                        egui::Layout::right_to_left(egui::Align::Center),
                                        |ui| ui.weak(keys),
                                    );
                                }
                            });
                        }
                        if matches.is_empty() {
                            ui.weak("No command matches.");
                        }
                    });
            });
        if escape || chosen.is_some() {
            open = false;
        }
        self.open = open;
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_by_words_in_any_order() {
        let mut p = Palette {
            query: "folder import".into(),
            ..Default::default()
        };
        assert_eq!(p.matches(), vec![Command::ImportFolder]);
        p.query = "UNDO".into();
        assert_eq!(p.matches(), vec![Command::Undo]);
        p.query = String::new();
        assert_eq!(p.matches().len(), Command::all().len());
    }
}
