//! `Annotations::apply_to_corpus`: the corrected view the app and exports show.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use samachar_model::{
    ArticleAnalysis, Conflict, ConflictValue, CorpusAnalysis, CorpusEntity, Entity, EntityKind,
    Fact, FactValue, Mention, Merge,
};
use samachar_store::{Annotations, ArticleId, Edit, TAGGED_BY_YOU};

fn mention(text: &str, start: usize) -> Mention {
    Mention {
        text: text.into(),
        start,
        end: start + text.len(),
    }
}

fn entity(id: &str, name: &str, kind: EntityKind, mentions: Vec<Mention>) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        kind,
        mentions,
        role: None,
        organization: None,
        merges: Vec::new(),
    }
}

fn fact(subject: &str, metric: &str, value: f64) -> Fact {
    Fact {
        subject: subject.into(),
        metric: metric.into(),
        value: FactValue::Number(value),
        unit: None,
        per: None,
        sentence: String::new(),
        derived: false,
        derivation: None,
        start: 0,
        end: 0,
    }
}

fn corpus_entity(
    id: &str,
    name: &str,
    kind: EntityKind,
    aliases: &[&str],
    files: &[&str],
    mentions: usize,
) -> CorpusEntity {
    CorpusEntity {
        id: id.into(),
        name: name.into(),
        kind,
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
        articles: files.iter().map(|s| s.to_string()).collect(),
        merges: aliases
            .iter()
            .map(|a| Merge {
                name: a.to_string(),
                reason: "short form".into(),
                confidence: 0.9,
            })
            .collect(),
        role: None,
        organization: None,
        mention_count: mentions,
    }
}

/// Two articles: `one.txt` names Acme Textiles (also "Acme"), its manager
/// and Ranchi; `two.txt` names Acme Textiles and Acme Group.
fn corpus() -> CorpusAnalysis {
    use EntityKind::*;
    let mut manager = entity(
        "person:ravi-kumar",
        "Ravi Kumar",
        Person,
        vec![mention("Ravi Kumar", 80)],
    );
    manager.role = Some("General Manager".into());
    manager.organization = Some("Acme Textiles".into());
    let one = ArticleAnalysis {
        file: "one.txt".into(),
        entities: vec![
            entity(
                "org:acme-textiles",
                "Acme Textiles",
                Organization,
                vec![mention("Acme Textiles", 0), mention("Acme", 50)],
            ),
            manager,
            entity("place:ranchi", "Ranchi", Place, vec![mention("Ranchi", 20)]),
        ],
        facts: vec![fact("Acme Textiles", "employees", 300.0)],
        ..Default::default()
    };
    let two = ArticleAnalysis {
        file: "two.txt".into(),
        entities: vec![
            entity(
                "org:acme-textiles",
                "Acme Textiles",
                Organization,
                vec![mention("Acme Textiles", 5)],
            ),
            entity(
                "org:acme-group",
                "Acme Group",
                Organization,
                vec![mention("Acme Group", 40), mention("Acme Group", 90)],
            ),
        ],
        facts: vec![
            fact("Acme Group", "employees", 500.0),
            fact("Acme Textiles", "employees", 350.0),
        ],
        ..Default::default()
    };
    let mut people = corpus_entity(
        "person:ravi-kumar",
        "Ravi Kumar",
        Person,
        &[],
        &["one.txt"],
        1,
    );
    people.organization = Some("Acme Textiles".into());
    CorpusAnalysis {
        articles: vec![one, two],
        entities: vec![
            corpus_entity(
                "org:acme-textiles",
                "Acme Textiles",
                Organization,
                &["Acme"],
                &["one.txt", "two.txt"],
                3,
            ),
            corpus_entity(
                "org:acme-group",
                "Acme Group",
                Organization,
                &[],
                &["two.txt"],
                2,
            ),
            people,
            corpus_entity("place:ranchi", "Ranchi", Place, &[], &["one.txt"], 1),
        ],
        conflicts: vec![Conflict {
            subject: "Acme Textiles".into(),
            metric: "employees".into(),
            values: vec![ConflictValue {
                article: "one.txt".into(),
                value: FactValue::Number(300.0),
                unit: None,
                sentence: String::new(),
            }],
        }],
        errors: Vec::new(),
    }
}

fn ce<'a>(c: &'a CorpusAnalysis, id: &str) -> &'a CorpusEntity {
    c.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("no corpus entity {id}: {:#?}", c.entities))
}

fn article<'a>(c: &'a CorpusAnalysis, file: &str) -> &'a ArticleAnalysis {
    c.articles.iter().find(|a| a.file == file).unwrap()
}

fn names(a: &ArticleAnalysis) -> Vec<&str> {
    a.entities.iter().map(|e| e.name.as_str()).collect()
}

fn tag(article: i64, start: usize, end: usize, kind: EntityKind, label: &str) -> Edit {
    Edit::TagSpan {
        article: ArticleId(article),
        start,
        end,
        kind,
        label: label.into(),
    }
}

type Check = fn(&CorpusAnalysis);

#[test]
fn corrections_table() {
    use EntityKind::*;
    let cases: Vec<(&str, Vec<Edit>, Check)> = vec![
        ("no edits: only sorting", vec![], |c| {
            let ids: Vec<&str> = c.entities.iter().map(|e| e.id.as_str()).collect();
            assert_eq!(
                ids,
                [
                    "org:acme-group",
                    "org:acme-textiles",
                    "person:ravi-kumar",
                    "place:ranchi"
                ]
            );
        }),
        (
            "rename reaches entity, articles, facts, conflicts and people's organisation",
            vec![Edit::RenameEntity {
                entity: "org:acme-textiles".into(),
                name: "Acme Textiles Ltd".into(),
            }],
            |c| {
                let e = ce(c, "org:acme-textiles");
                assert_eq!(e.name, "Acme Textiles Ltd");
                assert_eq!(e.aliases, ["Acme", "Acme Textiles"]);
                assert!(names(article(c, "one.txt")).contains(&"Acme Textiles Ltd"));
                assert_eq!(article(c, "one.txt").facts[0].subject, "Acme Textiles Ltd");
                assert_eq!(
                    article(c, "two.txt").facts[0].subject,
                    "Acme Group",
                    "other subjects kept"
                );
                assert_eq!(c.conflicts[0].subject, "Acme Textiles Ltd");
                assert_eq!(
                    ce(c, "person:ravi-kumar").organization.as_deref(),
                    Some("Acme Textiles Ltd")
                );
                let manager = &article(c, "one.txt")
                    .entities
                    .iter()
                    .find(|e| e.kind == Person)
                    .unwrap();
                assert_eq!(manager.organization.as_deref(), Some("Acme Textiles Ltd"));
            },
        ),
        (
            "kind changes everywhere",
            vec![Edit::SetEntityKind {
                entity: "place:ranchi".into(),
                kind: Organization,
            }],
            |c| {
                assert_eq!(ce(c, "place:ranchi").kind, Organization);
                let e = article(c, "one.txt")
                    .entities
                    .iter()
                    .find(|e| e.name == "Ranchi")
                    .unwrap();
                assert_eq!(e.kind, Organization);
            },
        ),
        (
            "merge joins entities, aliases, articles, counts and fact subjects",
            vec![Edit::MergeEntities {
                into: "org:acme-textiles".into(),
                from: "org:acme-group".into(),
            }],
            |c| {
                assert!(c.entities.iter().all(|e| e.id != "org:acme-group"));
                let e = ce(c, "org:acme-textiles");
                assert_eq!(e.aliases, ["Acme", "Acme Group"]);
                assert_eq!(e.articles, ["one.txt", "two.txt"]);
                assert_eq!(e.mention_count, 5);
                assert!(
                    e.merges
                        .iter()
                        .any(|m| m.name == "Acme Group" && m.reason == "merged by you")
                );
                let two = article(c, "two.txt");
                assert_eq!(names(two), ["Acme Textiles"], "one entity in the article");
                assert_eq!(two.entities[0].mentions.len(), 3);
                assert!(two.facts.iter().all(|f| f.subject == "Acme Textiles"));
            },
        ),
        (
            "merge then rename the survivor",
            vec![
                Edit::MergeEntities {
                    into: "org:acme-textiles".into(),
                    from: "org:acme-group".into(),
                },
                Edit::RenameEntity {
                    entity: "org:acme-textiles".into(),
                    name: "Acme".into(),
                },
            ],
            |c| {
                let e = ce(c, "org:acme-textiles");
                assert_eq!(e.name, "Acme");
                assert_eq!(e.aliases, ["Acme Group", "Acme Textiles"]);
                assert!(
                    article(c, "two.txt")
                        .facts
                        .iter()
                        .all(|f| f.subject == "Acme")
                );
            },
        ),
        (
            "split an alias off into its own entity",
            vec![Edit::SplitEntity {
                entity: "org:acme-textiles".into(),
                alias: "Acme".into(),
            }],
            |c| {
                let kept = ce(c, "org:acme-textiles");
                assert!(kept.aliases.is_empty());
                assert!(kept.merges.is_empty());
                assert_eq!(kept.mention_count, 2);
                let split = ce(c, "org:acme-textiles/acme");
                assert_eq!(split.name, "Acme");
                assert_eq!(split.articles, ["one.txt"]);
                assert_eq!(split.mention_count, 1);
                let one = article(c, "one.txt");
                let acme = one.entities.iter().find(|e| e.name == "Acme").unwrap();
                assert_eq!(acme.mentions, [mention("Acme", 50)]);
                let full = one
                    .entities
                    .iter()
                    .find(|e| e.name == "Acme Textiles")
                    .unwrap();
                assert_eq!(full.mentions, [mention("Acme Textiles", 0)]);
            },
        ),
        (
            "a tag with a new name becomes an entity tagged by you",
            vec![tag(1, 60, 74, Organization, "Jharkhand Silk")],
            |c| {
                let e = c
                    .entities
                    .iter()
                    .find(|e| e.name == "Jharkhand Silk")
                    .unwrap();
                assert_eq!(e.kind, Organization);
                assert_eq!(e.articles, ["one.txt"]);
                assert_eq!(e.mention_count, 1);
                assert_eq!(e.merges[0].reason, TAGGED_BY_YOU);
                let a = article(c, "one.txt")
                    .entities
                    .iter()
                    .find(|e| e.name == "Jharkhand Silk")
                    .unwrap();
                assert_eq!(
                    a.mentions,
                    [Mention {
                        text: "Jharkhand Silk".into(),
                        start: 60,
                        end: 74
                    }]
                );
                assert_eq!(a.merges[0].reason, TAGGED_BY_YOU);
            },
        ),
        (
            "the same new name tagged in two articles is one entity",
            vec![
                tag(1, 60, 64, Programme, "PMEGP"),
                tag(2, 10, 14, Programme, "pmegp"),
            ],
            |c| {
                let found: Vec<_> = c
                    .entities
                    .iter()
                    .filter(|e| e.name.eq_ignore_ascii_case("pmegp"))
                    .collect();
                assert_eq!(found.len(), 1);
                assert_eq!(found[0].articles, ["one.txt", "two.txt"]);
                assert_eq!(found[0].mention_count, 2);
            },
        ),
        (
            "a tag of a known name adds a mention, not an entity",
            vec![tag(2, 100, 106, Place, "Ranchi")],
            |c| {
                assert_eq!(c.entities.iter().filter(|e| e.name == "Ranchi").count(), 1);
                let e = ce(c, "place:ranchi");
                assert_eq!(e.articles, ["one.txt", "two.txt"]);
                assert_eq!(e.mention_count, 2);
            },
        ),
        (
            "a tag then renamed through its new id",
            vec![
                tag(1, 60, 74, Organization, "Jharkhand Silk"),
                Edit::RenameEntity {
                    entity: "tag:organization:jharkhand-silk".into(),
                    name: "Jharkhand Silk Board".into(),
                },
            ],
            |c| {
                assert_eq!(
                    ce(c, "tag:organization:jharkhand-silk").name,
                    "Jharkhand Silk Board"
                );
            },
        ),
        (
            "corrections naming unknown entities or articles change nothing",
            vec![
                tag(9, 0, 4, Place, "Nowhere"),
                Edit::RenameEntity {
                    entity: "org:nobody".into(),
                    name: "X".into(),
                },
                Edit::MergeEntities {
                    into: "org:nobody".into(),
                    from: "org:acme-group".into(),
                },
                Edit::SplitEntity {
                    entity: "org:acme-group".into(),
                    alias: "Never Said".into(),
                },
            ],
            |c| {
                let mut plain = corpus();
                Annotations::new().apply_to_corpus(&mut plain);
                assert_eq!(c, &plain);
            },
        ),
    ];
    for (name, edits, check) in cases {
        let mut annotations = Annotations::new();
        annotations
            .article_files
            .insert(ArticleId(1), "one.txt".into());
        annotations
            .article_files
            .insert(ArticleId(2), "two.txt".into());
        for edit in &edits {
            annotations
                .apply(edit)
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        let mut c = corpus();
        annotations.apply_to_corpus(&mut c);
        check(&c);
        // Deterministic: applying to a fresh copy gives the same result.
        let mut again = corpus();
        annotations.apply_to_corpus(&mut again);
        assert_eq!(c, again, "{name}");
        // Entities stay sorted by kind, then name.
        let keys: Vec<_> = c
            .entities
            .iter()
            .map(|e| (e.kind, e.name.clone()))
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{name}");
    }
}
