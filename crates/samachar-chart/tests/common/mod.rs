//! A small hand-built corpus shaped like the seeds, for the chart and export tests.

#![allow(dead_code)]

use samachar_model::{
    ArticleAnalysis, CorpusAnalysis, CorpusEntity, EntityKind, Fact, FactValue, Quantity,
};

/// A fact with the given parts and no offsets.
pub fn fact(
    subject: &str,
    metric: &str,
    value: FactValue,
    unit: Option<&str>,
    sentence: &str,
) -> Fact {
    Fact {
        subject: subject.into(),
        metric: metric.into(),
        value,
        unit: unit.map(Into::into),
        per: None,
        sentence: sentence.into(),
        derived: false,
        derivation: None,
        start: 0,
        end: 0,
    }
}

/// A number fact.
pub fn num(subject: &str, metric: &str, v: f64, unit: Option<&str>, sentence: &str) -> Fact {
    fact(subject, metric, FactValue::Number(v), unit, sentence)
}

/// A name fact.
pub fn text(subject: &str, metric: &str, v: &str, sentence: &str) -> Fact {
    fact(subject, metric, FactValue::Text(v.into()), None, sentence)
}

/// A quantity in `sentence`.
pub fn quantity(text: &str, value: f64, unit: &str, sentence: &str, start: usize) -> Quantity {
    Quantity {
        text: text.into(),
        value,
        value_max: None,
        unit: Some(unit.into()),
        per: None,
        qualifier: None,
        start,
        end: start + text.len(),
        sentence: sentence.into(),
        same_as: None,
    }
}

pub const S_DEST0: &str = "The firm exports to Russia and Italy.";
pub const S_STAFF: &str = "It employs 300 people, 70 percent of them women.";
pub const S_PAIRS: &str = "It exported 1.5 million pairs worth Rs 100 crore last year.";
pub const S_DEST1: &str = "Its boots go to Russia; talks with Germany are on.";
pub const S_BAGS: &str =
    "The cluster will make 6,40,000 bags per month worth Rs 15 crore ($1.9 million).";

/// Three articles: destinations (0), workforce, pairs and money (1), a bag
/// cluster with a two-currency amount (2). Article 1 names the company
/// differently; the corpus entity groups the names.
pub fn corpus() -> CorpusAnalysis {
    let a0 = ArticleAnalysis {
        file: "000_a.txt".into(),
        encoding: "UTF-8".into(),
        facts: vec![
            text(
                "Competence Exports Pvt Ltd",
                "export destination",
                "Russia",
                S_DEST0,
            ),
            text(
                "Competence Exports Pvt Ltd",
                "export destination",
                "Italy",
                S_DEST0,
            ),
            num(
                "Competence Exports Pvt Ltd",
                "founded",
                2018.0,
                Some("year"),
                "Founded in 2018.",
            ),
        ],
        ..Default::default()
    };
    let co = "Competence Exports Private Limited";
    let mut women = num(co, "women employees", 210.0, None, S_STAFF);
    women.derived = true;
    women.derivation = Some("70% of 300 employees = 210".into());
    let mut men = num(co, "men employees", 90.0, None, S_STAFF);
    men.derived = true;
    men.derivation = Some("300 employees - 210 women = 90".into());
    let a1 = ArticleAnalysis {
        file: "001_b.txt".into(),
        encoding: "UTF-8".into(),
        facts: vec![
            num(co, "employees", 300.0, Some("employees"), S_STAFF),
            num(
                co,
                "women share of employees",
                70.0,
                Some("percent"),
                S_STAFF,
            ),
            num(co, "exports last year", 1_500_000.0, Some("pairs"), S_PAIRS),
            num(co, "export value last year", 1e9, Some("INR"), S_PAIRS),
            women,
            men,
            text(co, "export destination", "Russia", S_DEST1),
            text(co, "export destination in talks", "Germany", S_DEST1),
        ],
        quantities: vec![quantity("Rs 100 crore", 1e9, "INR", S_PAIRS, 40)],
        ..Default::default()
    };
    let cluster = "Muzaffarpur bag cluster";
    let mut bags = num(cluster, "projected output", 640_000.0, Some("bags"), S_BAGS);
    bags.per = Some("month".into());
    let mut value = num(
        cluster,
        "projected production value",
        1.5e8,
        Some("INR"),
        S_BAGS,
    );
    value.start = 52;
    value.end = 63;
    let mut rupees = quantity("Rs 15 crore", 1.5e8, "INR", S_BAGS, 52);
    rupees.same_as = Some(2);
    let mut dollars = quantity("$1.9 million", 1.9e6, "USD", S_BAGS, 65);
    dollars.same_as = Some(1);
    let mut per_month = quantity("6,40,000 bags per month", 640_000.0, "bags", S_BAGS, 22);
    per_month.per = Some("month".into());
    let a2 = ArticleAnalysis {
        file: "002_c.txt".into(),
        encoding: "UTF-8".into(),
        facts: vec![bags, value],
        quantities: vec![per_month, rupees, dollars],
        ..Default::default()
    };
    CorpusAnalysis {
        articles: vec![a0, a1, a2],
        entities: vec![
            CorpusEntity {
                id: "org:competence-exports".into(),
                name: "Competence Exports Pvt Ltd".into(),
                kind: EntityKind::Organization,
                aliases: vec![
                    "Competence Exports".into(),
                    "Competence Exports Private Limited".into(),
                ],
                articles: vec!["000_a.txt".into(), "001_b.txt".into()],
                merges: vec![],
                role: None,
                organization: None,
                mention_count: 5,
            },
            CorpusEntity {
                id: "place:russia".into(),
                name: "Russia".into(),
                kind: EntityKind::Place,
                aliases: vec!["Russian Federation".into()],
                articles: vec!["000_a.txt".into(), "001_b.txt".into()],
                merges: vec![],
                role: None,
                organization: None,
                mention_count: 3,
            },
        ],
        conflicts: vec![],
        errors: vec![],
    }
}
