//! Chart specifications from hand-built corpora.

mod common;

use common::*;
use samachar_chart::{ChartKind, ChartSpec, chart, subjects};
use samachar_model::{ArticleAnalysis, CorpusAnalysis, FactValue};

fn series<'a>(spec: &'a ChartSpec, name: &str) -> &'a samachar_chart::Series {
    let found = spec.series.iter().find(|s| s.name == name);
    assert!(found.is_some(), "no series {name:?} in {:?}", spec.series);
    found.unwrap_or(&spec.series[0])
}

fn cat(spec: &ChartSpec, name: &str) -> usize {
    let i = spec.categories.iter().position(|c| c == name);
    assert!(i.is_some(), "no category {name:?} in {:?}", spec.categories);
    i.unwrap_or(0)
}

#[test]
fn workforce_uses_derived_women_and_men_grouped_by_alias() {
    let spec = chart(ChartKind::Workforce, &corpus(), None);
    assert_eq!(spec.categories, vec!["Competence Exports Pvt Ltd"]);
    assert!(spec.stacked);
    let women = series(&spec, "Women");
    let men = series(&spec, "Men");
    assert_eq!(women.values, vec![Some(210.0)]);
    assert_eq!(men.values, vec![Some(90.0)]);
    assert_eq!(women.labels, vec![Some("210".to_string())]);
    // Evidence: the derived facts of article 1 (indices 4 and 5).
    let w: Vec<(usize, usize)> = women.evidence[0]
        .iter()
        .map(|r| (r.article_index, r.fact_index))
        .collect();
    let m: Vec<(usize, usize)> = men.evidence[0]
        .iter()
        .map(|r| (r.article_index, r.fact_index))
        .collect();
    assert_eq!(w, vec![(1, 4)]);
    assert_eq!(m, vec![(1, 5)]);
    assert_eq!(women.evidence[0][0].article, "001_b.txt");
    assert_eq!(women.evidence[0][0].sentence, S_STAFF);
    assert_eq!(spec.source, "Source: 1 article: 001_b.txt");
}

#[test]
fn workforce_is_computed_from_share_and_total_when_not_derived() {
    let mut c = corpus();
    c.articles[1].facts.retain(|f| !f.derived);
    let spec = chart(ChartKind::Workforce, &c, None);
    let women = series(&spec, "Women");
    let men = series(&spec, "Men");
    assert_eq!(women.values, vec![Some(210.0)]);
    assert_eq!(men.values, vec![Some(90.0)]);
    let mut w: Vec<usize> = women.evidence[0].iter().map(|r| r.fact_index).collect();
    w.sort_unstable();
    assert_eq!(w, vec![0, 1], "share and total are the evidence");
    let mut m: Vec<usize> = men.evidence[0].iter().map(|r| r.fact_index).collect();
    m.sort_unstable();
    assert_eq!(m, vec![0, 1]);
}

#[test]
fn workforce_men_are_the_rest_of_the_total() {
    let c = CorpusAnalysis {
        articles: vec![ArticleAnalysis {
            file: "x.txt".into(),
            facts: vec![
                num(
                    "Loom Co",
                    "workers",
                    500.0,
                    Some("workers"),
                    "It has 500 workers.",
                ),
                num(
                    "Loom Co",
                    "women workers",
                    320.0,
                    Some("women"),
                    "Of them 320 are women.",
                ),
            ],
            ..Default::default()
        }],
        ..Default::default()
    };
    let spec = chart(ChartKind::Workforce, &c, None);
    assert_eq!(series(&spec, "Women").values, vec![Some(320.0)]);
    assert_eq!(series(&spec, "Men").values, vec![Some(180.0)]);
}

#[test]
fn output_shows_volumes_with_their_units() {
    let spec = chart(ChartKind::Output, &corpus(), None);
    let bags = cat(&spec, "Muzaffarpur bag cluster — projected output");
    let pairs = cat(&spec, "Competence Exports Pvt Ltd — exports last year");
    assert_eq!(spec.categories.len(), 2, "{:?}", spec.categories);
    let per_month = series(&spec, "bags/month");
    assert_eq!(per_month.values[bags], Some(640_000.0));
    assert_eq!(
        per_month.labels[bags].as_deref(),
        Some("640,000 bags/month")
    );
    assert_eq!(per_month.values[pairs], None);
    let p = series(&spec, "pairs");
    assert_eq!(p.values[pairs], Some(1_500_000.0));
    assert_eq!(p.labels[pairs].as_deref(), Some("1,500,000 pairs"));
    assert_eq!(spec.y_label, "Volume (unit on each bar)");
    // Limited to the cluster: one bar, the unit on the axis.
    let only = chart(
        ChartKind::Output,
        &corpus(),
        Some("Muzaffarpur bag cluster"),
    );
    assert_eq!(only.categories.len(), 1);
    assert_eq!(only.y_label, "Volume (bags/month)");
    assert_eq!(only.source, "Source: 1 article: 002_c.txt");
}

#[test]
fn exports_count_articles_per_destination() {
    let spec = chart(ChartKind::Exports, &corpus(), None);
    assert_eq!(spec.categories, vec!["Russia", "Italy", "Germany"]);
    let now = series(&spec, "Exports to");
    assert_eq!(now.values, vec![Some(2.0), Some(1.0), None]);
    assert_eq!(now.labels[0].as_deref(), Some("2 articles"));
    let talks = series(&spec, "In talks or planned");
    assert_eq!(talks.values, vec![None, None, Some(1.0)]);
    let files: Vec<&str> = now.evidence[0].iter().map(|r| r.article.as_str()).collect();
    assert_eq!(files, vec!["000_a.txt", "001_b.txt"]);
    assert_eq!(spec.source, "Source: 2 articles: 000_a.txt, 001_b.txt");
    // An alias of the organisation selects the same facts.
    let by_alias = chart(ChartKind::Exports, &corpus(), Some("Competence Exports"));
    assert_eq!(by_alias.categories, spec.categories);
    assert_eq!(
        by_alias.title,
        "Export destinations — Competence Exports Pvt Ltd"
    );
    // A destination alias lands on the same bar.
    let mut c = corpus();
    c.articles[0].facts[0].value = FactValue::Text("Russian Federation".into());
    let spec = chart(ChartKind::Exports, &c, None);
    assert_eq!(series(&spec, "Exports to").values[0], Some(2.0));
}

#[test]
fn exports_without_talks_have_one_series() {
    let mut c = corpus();
    c.articles[1].facts.retain(|f| !f.metric.contains("talks"));
    let spec = chart(ChartKind::Exports, &c, None);
    assert_eq!(spec.series.len(), 1);
    assert_eq!(spec.categories, vec!["Russia", "Italy"]);
}

#[test]
fn money_in_rupees_with_the_dollar_figure_given() {
    let spec = chart(ChartKind::Money, &corpus(), None);
    assert!(spec.log_scale);
    assert_eq!(
        spec.categories,
        vec![
            "Competence Exports Pvt Ltd — export value last year",
            "Muzaffarpur bag cluster — projected production value",
        ]
    );
    let s = &spec.series[0];
    assert_eq!(s.values, vec![Some(1e9), Some(1.5e8)]);
    assert_eq!(s.labels[0].as_deref(), Some("₹100 crore"));
    assert_eq!(s.labels[1].as_deref(), Some("₹15 crore ($1.9 million)"));
}

#[test]
fn money_pairs_a_dollar_fact_in_the_same_sentence() {
    let sentence = "The plant cost Rs 40 crore ($5 million).";
    let c = CorpusAnalysis {
        articles: vec![ArticleAnalysis {
            file: "x.txt".into(),
            facts: vec![
                num("Plant", "cost", 4e8, Some("INR"), sentence),
                num("Plant", "cost", 5e6, Some("USD"), sentence),
                num(
                    "Fund",
                    "size",
                    2e6,
                    Some("USD"),
                    "A fund of $2 million was set up.",
                ),
            ],
            ..Default::default()
        }],
        ..Default::default()
    };
    let spec = chart(ChartKind::Money, &c, None);
    assert_eq!(spec.categories, vec!["Plant — cost", "Fund — size"]);
    let s = &spec.series[0];
    assert_eq!(s.values, vec![Some(4e8), None]);
    assert_eq!(s.labels[0].as_deref(), Some("₹40 crore ($5 million)"));
    assert_eq!(
        s.labels[1].as_deref(),
        Some("$2 million (no ₹ amount given)")
    );
    let idx: Vec<usize> = s.evidence[0].iter().map(|r| r.fact_index).collect();
    assert_eq!(idx, vec![0, 1], "both currencies are evidence of one bar");
}

#[test]
fn subjects_are_canonical_names() {
    let c = corpus();
    assert_eq!(
        subjects(ChartKind::Workforce, &c),
        vec!["Competence Exports Pvt Ltd"]
    );
    assert_eq!(
        subjects(ChartKind::Exports, &c),
        vec!["Competence Exports Pvt Ltd"]
    );
    assert_eq!(
        subjects(ChartKind::Money, &c),
        vec!["Competence Exports Pvt Ltd", "Muzaffarpur bag cluster"]
    );
    assert_eq!(
        subjects(ChartKind::Output, &c),
        vec!["Competence Exports Pvt Ltd", "Muzaffarpur bag cluster"]
    );
}

#[test]
fn empty_corpus_gives_empty_charts() {
    let c = CorpusAnalysis::default();
    for kind in ChartKind::ALL {
        let spec = chart(kind, &c, None);
        assert!(spec.is_empty(), "{kind}");
        assert!(spec.categories.is_empty());
        assert_eq!(spec.source, "Source: no facts");
        assert!(subjects(kind, &c).is_empty());
    }
    // A subject nothing is said about.
    let spec = chart(ChartKind::Workforce, &corpus(), Some("Nobody Ltd"));
    assert!(spec.is_empty());
}

#[test]
fn bar_titles_name_category_series_and_value() {
    let spec = chart(ChartKind::Workforce, &corpus(), None);
    let titles: Vec<String> = spec.bars().iter().map(|b| spec.bar_title(b)).collect();
    assert_eq!(
        titles,
        vec![
            "Competence Exports Pvt Ltd — Women: 210",
            "Competence Exports Pvt Ltd — Men: 90"
        ]
    );
    let out = chart(
        ChartKind::Output,
        &corpus(),
        Some("Muzaffarpur bag cluster"),
    );
    let titles: Vec<String> = out.bars().iter().map(|b| out.bar_title(b)).collect();
    assert_eq!(
        titles,
        vec!["Muzaffarpur bag cluster — projected output: 640,000 bags/month"]
    );
}

#[test]
fn spec_round_trips_through_json() {
    let spec = chart(ChartKind::Money, &corpus(), None);
    let json = serde_json::to_string(&spec).unwrap_or_default();
    assert!(json.contains("\"kind\":\"money\""));
    let back: Result<ChartSpec, _> = serde_json::from_str(&json);
    assert_eq!(back.ok(), Some(spec));
}
