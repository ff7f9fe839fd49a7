//! SVG and PNG rendering.

mod common;

use samachar_chart::{ChartKind, chart, render_png, render_svg};
use samachar_model::CorpusAnalysis;

/// Every text node of an SVG document, parsed as XML (fails on invalid XML).
fn svg_texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg);
    assert!(doc.is_ok(), "invalid SVG: {:?}", doc.err());
    let Ok(doc) = doc else { return vec![] };
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or_default().trim().to_string())
        .collect()
}

fn svg_of(kind: ChartKind, corpus: &CorpusAnalysis, subject: Option<&str>) -> String {
    let svg = render_svg(&chart(kind, corpus, subject), 900, 560);
    assert!(svg.is_ok(), "{:?}", svg.as_ref().err());
    svg.unwrap_or_default()
}

#[test]
fn workforce_svg_is_xml_with_values_title_and_source() {
    let texts = svg_texts(&svg_of(ChartKind::Workforce, &common::corpus(), None));
    for want in [
        "210",
        "90",
        "Workforce: women and men",
        "Women",
        "Men",
        "People employed",
    ] {
        assert!(texts.iter().any(|t| t == want), "{want:?} not in {texts:?}");
    }
    assert!(
        texts.iter().any(|t| t == "Source: 1 article: 001_b.txt"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.contains("Competence")),
        "category name drawn"
    );
}

#[test]
fn output_and_money_svgs_show_formatted_values() {
    let c = common::corpus();
    let texts = svg_texts(&svg_of(ChartKind::Output, &c, None));
    assert!(texts.iter().any(|t| t.contains("640,000")), "{texts:?}");
    let texts = svg_texts(&svg_of(ChartKind::Money, &c, None));
    assert!(texts.iter().any(|t| t.contains("₹15 crore")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("₹100 crore")), "{texts:?}");
    let texts = svg_texts(&svg_of(ChartKind::Exports, &c, None));
    assert!(texts.iter().any(|t| t == "Russia"), "{texts:?}");
    assert!(texts.iter().any(|t| t == "2 articles"), "{texts:?}");
}

#[test]
fn svg_escapes_markup_in_names() {
    let mut c = common::corpus();
    for f in &mut c.articles[1].facts {
        f.subject = "Smith & <Sons>".into();
    }
    let texts = svg_texts(&svg_of(ChartKind::Workforce, &c, None));
    assert!(
        texts.iter().any(|t| t.contains("Smith & <Sons>")),
        "{texts:?}"
    );
}

#[test]
fn png_decodes_at_the_chosen_size_and_is_not_blank() {
    let c = common::corpus();
    for kind in ChartKind::ALL {
        let png = render_png(&chart(kind, &c, None), 640, 400);
        assert!(png.is_ok(), "{kind}: {:?}", png.as_ref().err());
        let img = image::load_from_memory(&png.unwrap_or_default());
        assert!(img.is_ok(), "{kind}: {:?}", img.as_ref().err());
        let Ok(img) = img else { return };
        let rgb = img.to_rgb8();
        assert_eq!(rgb.dimensions(), (640, 400));
        let colours: std::collections::BTreeSet<[u8; 3]> = rgb.pixels().map(|p| p.0).collect();
        assert!(colours.len() > 2, "{kind}: {} colours", colours.len());
        let ink = rgb.pixels().filter(|p| p.0 != [255, 255, 255]).count();
        let share = ink as f64 / (640.0 * 400.0);
        assert!(
            share > 0.02,
            "{kind}: only {share:.4} of the pixels are not white"
        );
    }
}

#[test]
fn empty_chart_says_so() {
    let empty = chart(ChartKind::Money, &CorpusAnalysis::default(), None);
    let texts = svg_texts(&render_svg(&empty, 600, 400).unwrap_or_default());
    assert!(
        texts.iter().any(|t| t == "No facts for this chart"),
        "{texts:?}"
    );
    let png = render_png(&empty, 600, 400);
    assert!(png.is_ok());
    let img = image::load_from_memory(&png.unwrap_or_default()).map(|i| i.to_rgb8());
    assert!(img.is_ok());
    let Ok(img) = img else { return };
    assert!(
        img.pixels().any(|p| p.0 != [255, 255, 255]),
        "the message is drawn"
    );
}

#[test]
fn label_only_amounts_are_drawn_as_text() {
    let c = CorpusAnalysis {
        articles: vec![samachar_model::ArticleAnalysis {
            file: "x.txt".into(),
            facts: vec![common::num(
                "Fund",
                "size",
                2e6,
                Some("USD"),
                "A $2 million fund.",
            )],
            ..Default::default()
        }],
        ..Default::default()
    };
    let texts = svg_texts(&svg_of(ChartKind::Money, &c, None));
    assert!(
        texts.iter().any(|t| t == "No facts for this chart"),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.contains("$2 million")), "{texts:?}");
}

#[test]
fn sizes_outside_the_limits_are_errors() {
    let spec = chart(ChartKind::Workforce, &common::corpus(), None);
    assert!(render_png(&spec, 0, 400).is_err());
    assert!(render_svg(&spec, 400, 100_000).is_err());
    let small = render_png(&spec, 200, 150);
    assert!(small.is_ok(), "small charts still draw: {:?}", small.err());
}

#[test]
fn many_categories_and_long_names_still_render() {
    let mut c = common::corpus();
    for i in 0..40 {
        c.articles[0].facts.push(common::text(
            "Competence Exports Pvt Ltd",
            "export destination",
            &format!("A country with a rather long name number {i}"),
            "s",
        ));
    }
    let spec = chart(ChartKind::Exports, &c, None);
    assert_eq!(spec.categories.len(), 43);
    assert!(render_png(&spec, 800, 500).is_ok());
    let texts = svg_texts(&render_svg(&spec, 800, 500).unwrap_or_default());
    assert!(texts.iter().any(|t| t == "Russia"));
}
