//! Times the project file on 2,000 synthetic articles:
//! `cargo run -p samachar-store --example store_timings [count]`.

use std::time::Instant;

use samachar_model::{ArticleAnalysis, Document, Entity, EntityKind, Format, Mention, Quantity};
use samachar_store::{Edit, Project};

const WORDS: &[&str] = &[
    "textile",
    "unit",
    "workers",
    "district",
    "crore",
    "lakh",
    "export",
    "plant",
    "state",
    "government",
    "scheme",
    "loan",
    "bank",
    "cluster",
    "leather",
    "shoes",
    "yarn",
    "mill",
    "power",
    "tariff",
    "subsidy",
    "village",
    "women",
    "training",
    "order",
    "capacity",
    "production",
    "monthly",
    "investment",
    "minister",
    "industry",
    "policy",
    "market",
];
const TOWNS: &[&str] = &[
    "Hajipur", "Ranchi", "Tiruppur", "Surat", "Ludhiana", "Kanpur", "Agra",
];

fn article(n: usize) -> (Document, ArticleAnalysis) {
    let mut x = (n as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let town = TOWNS[n % TOWNS.len()];
    let title = format!("{town} unit {n} raises output");
    let mut text = format!("{title}\n\n");
    // About 4 KB of text: 12 paragraphs of 50 words.
    for p in 0..12 {
        for w in 0..50 {
            let word = WORDS[(next() % WORDS.len() as u64) as usize];
            text.push_str(word);
            text.push(if w % 12 == 11 { '.' } else { ' ' });
        }
        text.push_str(&format!(" Rs {} crore in {town} ({p}).\n\n", next() % 500));
    }
    let quantities: Vec<Quantity> = (0..20)
        .map(|i| Quantity {
            text: format!("Rs {i} crore"),
            value: i as f64 * 1e7,
            value_max: None,
            unit: Some("INR".into()),
            per: None,
            qualifier: None,
            start: i * 10,
            end: i * 10 + 5,
            sentence: "A sentence of typical length, with a figure in it and some words.".into(),
            same_as: None,
        })
        .collect();
    let entities = (0..10)
        .map(|i| Entity {
            id: format!("org:firm-{i}"),
            name: format!("Firm {i} Pvt Ltd"),
            kind: EntityKind::Organization,
            mentions: vec![Mention {
                text: format!("Firm {i}"),
                start: i,
                end: i + 4,
            }],
            role: None,
            organization: None,
            merges: Vec::new(),
        })
        .collect();
    let doc = Document {
        path: format!("/news/{n:05}.txt"),
        file: format!("{n:05}.txt"),
        format: Format::Text,
        encoding: "UTF-8".into(),
        bytes: text.replace('\n', "\r\n").into_bytes(),
        text,
        format_title: None,
    };
    let analysis = ArticleAnalysis {
        file: doc.file.clone(),
        title: Some(title),
        encoding: "UTF-8".into(),
        entities,
        quantities,
        ..Default::default()
    };
    (doc, analysis)
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let items: Vec<_> = (0..count).map(article).collect();
    let text_bytes: usize = items.iter().map(|(d, _)| d.text.len()).sum();
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("bench.samachar");

    let mut p = Project::create(&path)?;
    let t = Instant::now();
    let ids = p.add_articles(&items)?;
    println!(
        "add_articles: {count} articles ({:.1} MB of text) in one transaction: {:.0} ms",
        text_bytes as f64 / 1e6,
        ms(t)
    );
    let size = std::fs::metadata(&path)?.len();
    println!("file size: {:.1} MB", size as f64 / 1e6);

    for q in [
        "Hajipur",
        "subsidy",
        "\"textile unit\"",
        "invest*",
        "Rs 100",
        "zzz",
    ] {
        let t = Instant::now();
        let hits = p.search(q, 50)?;
        println!(
            "search {q:<16} {:>3} hits (limit 50): {:.1} ms",
            hits.len(),
            ms(t)
        );
    }
    let t = Instant::now();
    let dup = p.contains_bytes(&items[count / 2].0.bytes)?;
    println!("contains_bytes ({dup}): {:.2} ms", ms(t));
    let t = Instant::now();
    for i in 0..100 {
        p.apply(Edit::RenameEntity {
            entity: format!("org:firm-{}", i % 10),
            name: format!("Firm name {i}"),
        })?;
    }
    println!("100 edits (each its own transaction): {:.0} ms", ms(t));
    drop(p);

    let t = Instant::now();
    let p = Project::open(&path)?;
    println!("open: {:.1} ms", ms(t));
    let t = Instant::now();
    let all = p.articles()?;
    println!("articles(): {} loaded in {:.0} ms", all.len(), ms(t));
    assert_eq!(all.len(), ids.len());
    Ok(())
}
