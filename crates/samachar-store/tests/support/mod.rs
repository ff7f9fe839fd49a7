//! Synthetic articles for the store's tests (made up here, not taken from
//! the test material).

#![allow(dead_code, clippy::unwrap_used)]

use samachar_model::{
    ArticleAnalysis, Document, Entity, EntityKind, Fact, FactValue, Format, Mention,
};

const TOWNS: [&str; 5] = ["Ranchi", "Bhagalpur", "Tiruppur", "Surat", "Ludhiana"];
const GOODS: [&str; 5] = ["bags", "shoes", "yarn", "shirts", "blankets"];

/// The `n`th synthetic article: a document (with original bytes that differ
/// from the text: CRLF line ends) and a small analysis.
pub fn article(n: usize) -> (Document, ArticleAnalysis) {
    let town = TOWNS[n % TOWNS.len()];
    let goods = GOODS[n % GOODS.len()];
    let title = format!("Unit {n} in {town} expands {goods} output");
    let org = format!("Sample Works {n} Pvt Ltd");
    let body = format!(
        "{title}\n\n{org}, a maker of {goods} in {town}, employs {} workers and makes \
         6,40,000 {goods} a month. The company plans to invest Rs 100 crore ($12 million) \
         over two years, its manager said on Tuesday.\n\nAbout 70% of the workers are women. \
         Exports go to Russia and Spain; the unit was set up in {}.\n",
        100 + n * 3,
        2000 + n % 20
    );
    let bytes = body.replace('\n', "\r\n").into_bytes();
    let org_start = body.find(&org).unwrap_or(0);
    let town_start = body.find(&format!("in {town}")).map_or(0, |i| i + 3);
    let doc = Document {
        path: format!("/data/news/{n:05}.txt"),
        file: format!("{n:05}.txt"),
        format: Format::Text,
        encoding: "UTF-8".to_string(),
        text: body,
        format_title: None,
        bytes,
    };
    let analysis = ArticleAnalysis {
        file: doc.file.clone(),
        title: Some(title),
        source: Some("Sample Wire".to_string()),
        published: Some("2024-05-01".to_string()),
        dateline: Some(town.to_string()),
        encoding: "UTF-8".to_string(),
        furniture: Vec::new(),
        entities: vec![
            Entity {
                id: format!("org:sample-works-{n}"),
                name: org.clone(),
                kind: EntityKind::Organization,
                mentions: vec![Mention {
                    text: org.clone(),
                    start: org_start,
                    end: org_start + org.len(),
                }],
                role: None,
                organization: None,
                merges: Vec::new(),
            },
            Entity {
                id: format!("place:{}", town.to_lowercase()),
                name: town.to_string(),
                kind: EntityKind::Place,
                mentions: vec![Mention {
                    text: town.to_string(),
                    start: town_start,
                    end: town_start + town.len(),
                }],
                role: None,
                organization: None,
                merges: Vec::new(),
            },
        ],
        quantities: Vec::new(),
        facts: vec![Fact {
            subject: org,
            metric: "employees".to_string(),
            value: FactValue::Number((100 + n * 3) as f64),
            unit: Some("employees".to_string()),
            per: None,
            sentence: "employs workers".to_string(),
            derived: false,
            derivation: None,
            start: 0,
            end: 0,
        }],
    };
    (doc, analysis)
}
