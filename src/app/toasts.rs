//! Short messages at the bottom right that fade after a while, and the list
//! of errors the user has not dismissed.

use crate::app::theme;
use std::time::{Duration, Instant};

/// How serious a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something finished.
    Info,
    /// Something worked only in part.
    Warning,
    /// Something failed.
    Error,
}

/// One message.
#[derive(Clone, Debug)]
pub struct Toast {
    /// How serious.
    pub level: Level,
    /// The text.
    pub text: String,
    shown: Instant,
}

/// The messages on screen and the error log.
#[derive(Default)]
pub struct Toasts {
    toasts: Vec<Toast>,
    /// Every error and warning this session, newest last.
    pub log: Vec<(Level, String)>,
}

const LIFETIME: Duration = Duration::from_secs(6);

impl Toasts {
    /// Shows `text`; errors and warnings also go to the log.
    pub fn add(&mut self, level: Level, text: impl Into<String>) {
        let text = text.into();
        if level != Level::Info {
            self.log.push((level, text.clone()));
        }
        self.toasts.push(Toast {
            level,
            text,
            shown: Instant::now(),
        });
    }

    /// Shows an information message.
    pub fn info(&mut self, text: impl Into<String>) {
        self.add(Level::Info, text);
    }

    /// Shows an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.add(Level::Error, text);
    }

    /// Shows a warning.
    pub fn warning(&mut self, text: impl Into<String>) {
        self.add(Level::Warning, text);
    }

    /// The messages on screen now.
    pub fn current(&self) -> &[Toast] {
        &self.toasts
    }

    /// Draws the messages in the bottom-right corner.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let now = Instant::now();
        // Errors stay until closed; others fade.
        self.toasts
            .retain(|t| t.level == Level::Error || now.duration_since(t.shown) < LIFETIME);
        if self.toasts.is_empty() {
            return;
        }
        let dark = ctx.global_style().visuals.dark_mode;
        let mut close = None;
        egui::Area::new(egui::Id::unique("samachar-toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                ui.set_max_width(420.0);
                for (i, toast) in self.toasts.iter().enumerate() {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.horizontal(|ui| {
                            let (mark, color) = match toast.level {
                                Level::Info => ("ℹ", ui.visuals().text_color()),
                                Level::Warning => ("!", theme::warning_color(dark)),
                                Level::Error => ("✖", theme::error_color(dark)),
                            };
                            ui.colored_label(color, mark);
                            ui.add(egui::Label::new(&toast.text).wrap());
                            if ui.small_button("Dismiss").clicked() {
                                close = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = close {
            self.toasts.remove(i);
        }
        if self.toasts.iter().any(|t| t.level != Level::Error) {
            ctx.request_repaint_after(Duration::from_millis(500));
        }
    }
}
