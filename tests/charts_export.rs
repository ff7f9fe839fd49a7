//! Charts and exports end to end: the bundled seeds through the pipeline to
//! chart specifications, SVG/PNG and CSV/JSON files, and the app's Charts view.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use samachar::app::charts_panel::{ALL_SUBJECTS, ChartAction, ChartsPanel};
use samachar_core::chart::{
    ChartKind, ChartSpec, Table, chart, export_chart_file, export_table_file, subjects,
};
use samachar_core::model::rows::{EntityRow, FactRow, QuantityRow, fact_rows, quantity_rows};
use samachar_core::model::{
    ArticleAnalysis, CorpusAnalysis, CorpusEntity, EntityKind, Fact, FactValue,
};

/// The three bundled seed articles, analysed as the app does.
fn seeds() -> CorpusAnalysis {
    let mut articles: Vec<samachar_core::Article> = samachar_core::seeds::documents()
        .into_iter()
        .map(|doc| {
            let analysis = samachar_core::analyze_document(&doc);
            samachar_core::Article { doc, analysis }
        })
        .collect();
    samachar_core::sort_articles(&mut articles);
    samachar_core::corpus_analysis(&articles, &[])
}

/// The bars of a chart as (category, series, value label).
fn bars(spec: &ChartSpec) -> Vec<(String, String, String)> {
    spec.bars()
        .iter()
        .map(|b| {
            (
                spec.categories[b.category].clone(),
                spec.series[b.series].name.clone(),
                b.label.to_string(),
            )
        })
        .collect()
}

#[test]
fn seeds_workforce_is_210_women_and_90_men() {
    let spec = chart(ChartKind::Workforce, &seeds(), None);
    let found = bars(&spec);
    let company: Vec<&(String, String, String)> = found
        .iter()
        .filter(|(c, _, _)| c.starts_with("Competence Exports"))
        .collect();
    assert!(
        company.contains(&&(company[0].0.clone(), "Women".into(), "210".into())),
        "{found:?}"
    );
    assert!(
        company.contains(&&(company[0].0.clone(), "Men".into(), "90".into())),
        "{found:?}"
    );
    assert!(
        spec.source.contains("001_fdb2ac4d677a68ab.txt"),
        "{}",
        spec.source
    );
}

#[test]
fn seeds_output_shows_bags_per_month_against_pairs() {
    let spec = chart(ChartKind::Output, &seeds(), None);
    let labels: Vec<String> = bars(&spec).into_iter().map(|(_, _, l)| l).collect();
    assert!(
        labels.contains(&"640,000 bags/month".to_string()),
        "{labels:?}"
    );
    assert!(
        labels.iter().any(|l| l.starts_with("1,500,000 pairs")),
        "{labels:?}"
    );
}

#[test]
fn seeds_money_in_crore_with_dollars() {
    let spec = chart(ChartKind::Money, &seeds(), None);
    assert!(spec.log_scale);
    let labels: Vec<String> = bars(&spec).into_iter().map(|(_, _, l)| l).collect();
    assert!(
        labels.contains(&"₹15 crore ($1.9 million)".to_string()),
        "{labels:?}"
    );
    assert!(labels.contains(&"₹100 crore".to_string()), "{labels:?}");
}

#[test]
fn seeds_export_destinations() {
    let c = seeds();
    let spec = chart(ChartKind::Exports, &c, None);
    for country in ["Russia", "Italy", "France", "Spain", "UK"] {
        assert!(
            spec.categories.iter().any(|x| x == country),
            "{:?}",
            spec.categories
        );
    }
    assert!(
        subjects(ChartKind::Exports, &c)
            .iter()
            .any(|s| s.starts_with("Competence Exports")),
        "{:?}",
        subjects(ChartKind::Exports, &c)
    );
}

#[test]
fn seed_tables_export_to_files_and_parse_back() {
    let c = seeds();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let facts_csv = dir.path().join("facts.csv");
    let quantities_json = dir.path().join("quantities.json");
    let entities_csv = dir.path().join("entities.csv");
    assert!(export_table_file(Table::Facts, &c, &facts_csv).is_ok());
    assert!(export_table_file(Table::Quantities, &c, &quantities_json).is_ok());
    assert!(export_table_file(Table::Entities, &c, &entities_csv).is_ok());

    let mut reader = csv::Reader::from_path(&facts_csv).unwrap_or_else(|e| panic!("{e}"));
    let rows: Vec<FactRow> = reader
        .deserialize()
        .collect::<Result<_, _>>()
        .unwrap_or_default();
    assert_eq!(rows, fact_rows(&c));
    let q: Vec<QuantityRow> =
        serde_json::from_slice(&std::fs::read(&quantities_json).unwrap_or_default())
            .unwrap_or_default();
    assert_eq!(q, quantity_rows(&c));
    assert!(!q.is_empty(), "the seeds have quantities");
    let mut reader = csv::Reader::from_path(&entities_csv).unwrap_or_else(|e| panic!("{e}"));
    let e: Result<Vec<EntityRow>, _> = reader.deserialize().collect();
    assert!(e.is_ok(), "{:?}", e.err());
}

#[test]
fn seed_charts_export_to_svg_and_png() {
    let c = seeds();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for kind in ChartKind::ALL {
        let spec = chart(kind, &c, None);
        let svg = dir.path().join(format!("{kind}.svg"));
        let png = dir.path().join(format!("{kind}.png"));
        assert!(export_chart_file(&spec, &svg, 1000, 600).is_ok(), "{kind}");
        assert!(export_chart_file(&spec, &png, 800, 500).is_ok(), "{kind}");
        let text = std::fs::read_to_string(&svg).unwrap_or_default();
        assert!(text.contains(&spec.title.replace('&', "&amp;")), "{kind}");
        let size = image::image_dimensions(&png).ok();
        assert_eq!(size, Some((800, 500)), "{kind}");
    }
    let missing = dir.path().join("nowhere").join("chart.png");
    let spec = chart(ChartKind::Workforce, &c, None);
    assert!(export_chart_file(&spec, &missing, 800, 500).is_err());
    assert!(!missing.exists());
}

// ---------------------------------------------------------------------------
// The Charts view

fn fact(
    subject: &str,
    metric: &str,
    value: FactValue,
    unit: Option<&str>,
    per: Option<&str>,
) -> Fact {
    Fact {
        subject: subject.into(),
        metric: metric.into(),
        value,
        unit: unit.map(Into::into),
        per: per.map(Into::into),
        sentence: format!("The sentence about {metric}."),
        derived: false,
        derivation: None,
        start: 0,
        end: 0,
    }
}

/// A small corpus: a company's workforce and destinations, a cluster's output.
fn small() -> CorpusAnalysis {
    let co = "Competence Exports Private Limited";
    CorpusAnalysis {
        articles: vec![
            ArticleAnalysis {
                file: "a.txt".into(),
                facts: vec![
                    fact(
                        co,
                        "employees",
                        FactValue::Number(300.0),
                        Some("employees"),
                        None,
                    ),
                    fact(co, "women employees", FactValue::Number(210.0), None, None),
                    fact(co, "men employees", FactValue::Number(90.0), None, None),
                    fact(
                        co,
                        "export destination",
                        FactValue::Text("Russia".into()),
                        None,
                        None,
                    ),
                ],
                ..Default::default()
            },
            ArticleAnalysis {
                file: "b.txt".into(),
                facts: vec![fact(
                    "Muzaffarpur bag cluster",
                    "projected output",
                    FactValue::Number(640_000.0),
                    Some("bags"),
                    Some("month"),
                )],
                ..Default::default()
            },
        ],
        entities: vec![CorpusEntity {
            id: "org:competence-exports".into(),
            name: "Competence Exports Pvt Ltd".into(),
            kind: EntityKind::Organization,
            aliases: vec![co.into()],
            articles: vec!["a.txt".into()],
            merges: vec![],
            role: None,
            organization: None,
            mention_count: 2,
        }],
        ..Default::default()
    }
}

type State = (ChartsPanel, Option<ChartAction>);

fn harness(corpus: CorpusAnalysis) -> Harness<'static, State> {
    Harness::builder()
        .with_size(egui::vec2(1000.0, 800.0))
        .build_ui_state(
            move |ui, state: &mut State| {
                if let Some(a) = state.0.ui(ui, &corpus) {
                    state.1 = Some(a);
                }
            },
            (ChartsPanel::default(), None),
        )
}

#[test]
fn charts_view_lists_bars_by_name_and_selects_their_facts() {
    let mut h = harness(small());
    h.run();
    h.get_by_label("Competence Exports Pvt Ltd — Men: 90");
    h.get_by_label("“The sentence about women employees.” — a.txt");
    h.get_by_label("Competence Exports Pvt Ltd — Women: 210")
        .click();
    h.run();
    assert_eq!(h.state().1, Some(ChartAction::SelectFacts(vec![(0, 1)])));

    h.get_by_label("Output").click();
    h.run();
    assert_eq!(h.state().0.kind, ChartKind::Output);
    h.get_by_label("Muzaffarpur bag cluster — projected output: 640,000 bags/month")
        .click();
    h.run();
    assert_eq!(h.state().1, Some(ChartAction::SelectFacts(vec![(1, 0)])));
    assert!(
        h.query_by_label("Competence Exports Pvt Ltd — Women: 210")
            .is_none()
    );
}

#[test]
fn charts_view_subject_selector_limits_the_chart() {
    let mut h = harness(small());
    h.get_by_label("Exports").click();
    h.run();
    h.get_by_label("Russia: 1 article");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Subject")
        .click();
    h.run();
    h.get_by_label("Competence Exports Pvt Ltd").click();
    h.run();
    assert_eq!(
        h.state().0.subject.as_deref(),
        Some("Competence Exports Pvt Ltd")
    );
    h.get_by_label("Export destinations — Competence Exports Pvt Ltd");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Subject")
        .click();
    h.run();
    h.get_by_label(ALL_SUBJECTS).click();
    h.run();
    assert_eq!(h.state().0.subject, None);
    h.get_by_label("Export destinations");
}

#[test]
fn charts_view_says_when_there_is_nothing_to_draw() {
    let mut h = harness(CorpusAnalysis::default());
    h.run();
    h.get_by_label("No facts for this chart");
    h.get_by_label("Money").click();
    h.run();
    h.get_by_label("No facts for this chart");
    h.get_by_label("Source: no facts");
}

#[test]
fn charts_view_draws_rupee_amounts() {
    let mut c = small();
    c.articles[1].facts.push(fact(
        "Muzaffarpur bag cluster",
        "projected production value",
        FactValue::Number(1.5e8),
        Some("INR"),
        None,
    ));
    let mut h = harness(c);
    h.get_by_label("Money").click();
    h.run();
    h.get_by_label("Muzaffarpur bag cluster — projected production value: ₹15 crore");
}
