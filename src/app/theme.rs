//! Every colour the app uses, in one place.

use egui::{Color32, FontData, FontDefinitions, FontFamily, Stroke};
use samachar_core::model::EntityKind;
use std::sync::Arc;

/// Colour of an entity kind (text colour in the reader, swatch in tables).
pub fn entity_color(kind: EntityKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (EntityKind::Organization, false) => Color32::from_rgb(0x1f, 0x5f, 0xbf),
        (EntityKind::Organization, true) => Color32::from_rgb(0x6f, 0xa8, 0xff),
        (EntityKind::Person, false) => Color32::from_rgb(0xa0, 0x30, 0x90),
        (EntityKind::Person, true) => Color32::from_rgb(0xe0, 0x8a, 0xd8),
        (EntityKind::Place, false) => Color32::from_rgb(0x1d, 0x7a, 0x3a),
        (EntityKind::Place, true) => Color32::from_rgb(0x74, 0xd0, 0x8a),
        (EntityKind::Programme, false) => Color32::from_rgb(0x9a, 0x5b, 0x00),
        (EntityKind::Programme, true) => Color32::from_rgb(0xf0, 0xb0, 0x50),
    }
}

/// A faint background behind entity mentions of `kind`.
pub fn entity_background(kind: EntityKind, dark: bool) -> Color32 {
    let c = entity_color(kind, dark);
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), if dark { 40 } else { 28 })
}

/// Colour of quantities (text and underline).
pub fn quantity_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x8c, 0x69)
    } else {
        Color32::from_rgb(0xc0, 0x39, 0x2b)
    }
}

/// Underline under quantities.
pub fn quantity_underline(dark: bool) -> Stroke {
    Stroke::new(1.5, quantity_color(dark))
}

/// Page furniture: greyed out.
pub fn furniture_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0x70)
    } else {
        Color32::from_gray(0xa8)
    }
}

/// Background of the span selected in a table (shown in the reader).
pub fn selected_background(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgba_unmultiplied(0xff, 0xe0, 0x40, 70)
    } else {
        Color32::from_rgba_unmultiplied(0xff, 0xd0, 0x00, 110)
    }
}

/// Colour of the reader's body text: darker (lighter) than egui's default
/// for long reading.
pub fn reader_text(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(0xdc)
    } else {
        Color32::from_gray(0x1e)
    }
}

/// Colour of error text.
pub fn error_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x70, 0x70)
    } else {
        Color32::from_rgb(0xb0, 0x10, 0x10)
    }
}

/// Colour of warnings and conflicts.
pub fn warning_color(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0xc0, 0x40)
    } else {
        Color32::from_rgb(0xa0, 0x60, 0x00)
    }
}

/// Human label of an entity kind ("Organisation").
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "Organisation",
        EntityKind::Person => "Person",
        EntityKind::Place => "Place",
        EntityKind::Programme => "Programme",
    }
}

/// The bundled DejaVu Sans (covers ₹, curly quotes, Devanagari punctuation).
const DEJAVU: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds DejaVu Sans as a fallback to both font families, so that ₹ and curly
/// quotes always have a glyph.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("dejavu".to_owned(), Arc::new(FontData::from_static(DEJAVU)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push("dejavu".to_owned());
    }
    ctx.set_fonts(fonts);
}
