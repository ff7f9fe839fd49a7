//! Cross-article resolution: one [`CorpusEntity`] per real-world entity, and
//! the conflicts between articles.
//!
//! Entities of one kind are merged across articles when their names (or the
//! names merged into them) agree: organisations by their name without the
//! company suffix, people by full name or by a one-letter spelling variant
//! of a given name with the same surname and role, places and programmes by
//! name (case-insensitively).

use crate::entities::{person_variant, unique_id};
use crate::names::{FxMap, company_core, norm_key};
use samachar_model::{
    ArticleAnalysis, Conflict, ConflictValue, CorpusEntity, EntityKind, FactValue, Merge,
};
use std::collections::{BTreeMap, BTreeSet, HashMap};

struct Node<'a> {
    kind: EntityKind,
    name: &'a str,
    names: Vec<&'a str>,
    role: Option<&'a str>,
    organization: Option<&'a str>,
    file: &'a str,
    /// Index of the article in the sorted order.
    file_idx: usize,
    mentions: usize,
    merges: &'a [Merge],
}

/// (article index, normalised name) -> index of the corpus group.
type NameMap = FxMap<(usize, String), usize>;

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

fn key(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Organization => company_core(name).0,
        _ => norm_key(name),
    }
}

/// Resolves entities across articles and flags conflicting facts.
pub(crate) fn resolve(articles: &[ArticleAnalysis]) -> (Vec<CorpusEntity>, Vec<Conflict>) {
    let mut order: Vec<&ArticleAnalysis> = articles.iter().collect();
    order.sort_by(|a, b| a.file.cmp(&b.file));
    let mut nodes: Vec<Node> = Vec::new();
    for (file_idx, a) in order.iter().enumerate() {
        for e in &a.entities {
            let mut names: Vec<&str> = vec![e.name.as_str()];
            names.extend(e.merges.iter().map(|m| m.name.as_str()));
            nodes.push(Node {
                kind: e.kind,
                name: &e.name,
                names,
                role: e.role.as_deref(),
                organization: e.organization.as_deref(),
                file: &a.file,
                file_idx,
                mentions: e.mentions.len(),
                merges: &e.merges,
            });
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    let mut cross_reason: HashMap<usize, (String, f64)> = HashMap::new();
    // Exact keys: full names (not lone surnames) of each node.
    let mut by_key: FxMap<(EntityKind, String), usize> = FxMap::default();
    for (i, n) in nodes.iter().enumerate() {
        for name in &n.names {
            if n.kind == EntityKind::Person && name.split_whitespace().count() < 2 {
                continue;
            }
            let k = key(n.kind, name);
            if k.is_empty() {
                continue;
            }
            let kk = (n.kind, k);
            match by_key.get(&kk) {
                Some(&j) => {
                    if find(&mut parent, i) != find(&mut parent, j) {
                        let reason =
                            if n.kind == EntityKind::Organization && nodes[j].name != n.name {
                                "same name without company suffix, across articles"
                            } else {
                                "same name across articles"
                            };
                        cross_reason.entry(i).or_insert((reason.to_string(), 0.9));
                    }
                    union(&mut parent, i, j);
                }
                None => {
                    by_key.insert(kk, i);
                }
            }
        }
    }
    // People: spelling variants with one surname, bucketed by surname.
    let mut by_surname: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, n) in nodes.iter().enumerate() {
        if n.kind == EntityKind::Person
            && let Some(last) = n.name.split_whitespace().last()
        {
            by_surname.entry(last.to_lowercase()).or_default().push(i);
        }
    }
    for bucket in by_surname.values() {
        for (x, &i) in bucket.iter().enumerate() {
            for &j in &bucket[x + 1..] {
                if find(&mut parent, i) == find(&mut parent, j) {
                    continue;
                }
                if let Some(conf) =
                    person_variant(nodes[i].name, nodes[j].name, nodes[i].role, nodes[j].role)
                {
                    cross_reason.entry(j).or_insert((
                        format!(
                            "spelling variant of {} (same surname and role)",
                            nodes[i].name
                        ),
                        conf,
                    ));
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // Build the groups.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..nodes.len() {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    // Canonical name per group: the name most articles use as their own,
    // then the fullest.
    let mut canon_of_node: Vec<usize> = vec![0; nodes.len()];
    let mut built: Vec<(Vec<usize>, String)> = Vec::new();
    for members in groups.values() {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for &m in members {
            *counts.entry(nodes[m].name).or_insert(0) += 1;
        }
        let canon = counts
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(
                        a.0.split_whitespace()
                            .count()
                            .cmp(&b.0.split_whitespace().count()),
                    )
                    .then(a.0.len().cmp(&b.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(n, _)| (*n).to_string())
            .unwrap_or_default();
        for &m in members {
            canon_of_node[m] = built.len();
        }
        built.push((members.clone(), canon));
    }
    // Article-level name -> corpus canonical name.
    let mut name_map: NameMap = FxMap::default();
    for (i, n) in nodes.iter().enumerate() {
        for name in &n.names {
            name_map.insert((n.file_idx, norm_key(name)), canon_of_node[i]);
        }
    }
    let canon_name = |g: usize| built.get(g).map_or("", |b| b.1.as_str());
    let mut ids: crate::names::FxMap<String, usize> = crate::names::FxMap::default();
    let mut entities: Vec<CorpusEntity> = Vec::new();
    for (members, canon) in &built {
        let kind = nodes[members[0]].kind;
        let mut aliases: BTreeSet<String> = BTreeSet::new();
        let mut files: BTreeSet<String> = BTreeSet::new();
        let mut merges: BTreeMap<String, Merge> = BTreeMap::new();
        let mut mention_count = 0;
        let mut roles: BTreeMap<&str, usize> = BTreeMap::new();
        let mut organization = None;
        for &m in members {
            let n = &nodes[m];
            files.insert(n.file.to_string());
            mention_count += n.mentions;
            for name in &n.names {
                if *name != canon {
                    aliases.insert((*name).to_string());
                }
            }
            for mg in n.merges {
                if mg.name != *canon {
                    merges.entry(mg.name.clone()).or_insert_with(|| mg.clone());
                }
            }
            if n.name != canon && !merges.contains_key(n.name) {
                let (reason, confidence) = cross_reason
                    .get(&m)
                    .cloned()
                    .unwrap_or(("same entity across articles".to_string(), 0.85));
                merges.insert(
                    n.name.to_string(),
                    Merge {
                        name: n.name.to_string(),
                        reason,
                        confidence,
                    },
                );
            }
            if let Some(r) = n.role {
                *roles.entry(r).or_insert(0) += 1;
            }
            if organization.is_none()
                && let Some(o) = n.organization
            {
                organization = Some(
                    name_map
                        .get(&(n.file_idx, norm_key(o)))
                        .map_or(o, |&g| canon_name(g))
                        .to_string(),
                );
            }
        }
        let role = roles
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(r, _)| (*r).to_string());
        entities.push(CorpusEntity {
            id: String::new(),
            name: canon.clone(),
            kind,
            aliases: aliases.into_iter().collect(),
            articles: files.into_iter().collect(),
            merges: merges.into_values().collect(),
            role,
            organization,
            mention_count,
        });
    }
    entities.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| a.name.cmp(&b.name)));
    for e in &mut entities {
        e.id = unique_id(&mut ids, e.kind, &e.name);
    }
    let canons: Vec<&str> = built.iter().map(|b| b.1.as_str()).collect();
    let conflicts = conflicts(&order, &name_map, &canons);
    (entities, conflicts)
}

/// Same (resolved) subject, metric, unit and period; different numbers in
/// different articles.
fn conflicts(order: &[&ArticleAnalysis], name_map: &NameMap, canons: &[&str]) -> Vec<Conflict> {
    type Key = (String, String, Option<String>, Option<String>);
    let mut by_key: BTreeMap<Key, Vec<ConflictValue>> = BTreeMap::new();
    for (file_idx, a) in order.iter().enumerate() {
        for f in a.facts.iter().filter(|f| !f.derived) {
            let FactValue::Number(v) = f.value else {
                continue;
            };
            let subject = name_map
                .get(&(file_idx, norm_key(&f.subject)))
                .and_then(|&g| canons.get(g))
                .map_or_else(|| f.subject.clone(), |c| (*c).to_string());
            let k = (subject, f.metric.clone(), f.unit.clone(), f.per.clone());
            let list = by_key.entry(k).or_default();
            let dup = list.iter().any(|c| {
                c.article == a.file && c.value.as_number().is_some_and(|x| same_number(x, v))
            });
            if !dup {
                list.push(ConflictValue {
                    article: a.file.clone(),
                    value: FactValue::Number(v),
                    unit: f.unit.clone(),
                    sentence: f.sentence.clone(),
                });
            }
        }
    }
    let mut out = Vec::new();
    for ((subject, metric, _, _), values) in by_key {
        let articles: BTreeSet<&str> = values.iter().map(|v| v.article.as_str()).collect();
        if articles.len() < 2 {
            continue;
        }
        let nums: Vec<f64> = values.iter().filter_map(|v| v.value.as_number()).collect();
        let differ = nums
            .iter()
            .any(|x| nums.iter().any(|y| !same_number(*x, *y)));
        if differ {
            out.push(Conflict {
                subject,
                metric,
                values,
            });
        }
    }
    out
}

fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use samachar_model::{Entity, Fact, Mention};

    fn entity(kind: EntityKind, name: &str, role: Option<&str>, merges: &[&str]) -> Entity {
        Entity {
            id: String::new(),
            name: name.to_string(),
            kind,
            mentions: vec![Mention {
                text: name.to_string(),
                start: 0,
                end: name.len(),
            }],
            role: role.map(str::to_string),
            organization: None,
            merges: merges
                .iter()
                .map(|m| Merge {
                    name: (*m).to_string(),
                    reason: "test".into(),
                    confidence: 0.9,
                })
                .collect(),
        }
    }

    fn fact(subject: &str, value: f64) -> Fact {
        Fact {
            subject: subject.to_string(),
            metric: "employees".into(),
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

    #[test]
    fn merges_suffix_variants_and_spelling_variants() {
        let a = ArticleAnalysis {
            file: "a.txt".into(),
            entities: vec![
                entity(
                    EntityKind::Organization,
                    "Lotus Looms Pvt Ltd",
                    None,
                    &["Lotus Looms"],
                ),
                entity(
                    EntityKind::Person,
                    "Ramesh Kumar Jha",
                    Some("Director"),
                    &["Jha"],
                ),
            ],
            facts: vec![fact("Lotus Looms Pvt Ltd", 120.0)],
            ..ArticleAnalysis::default()
        };
        let b = ArticleAnalysis {
            file: "b.txt".into(),
            entities: vec![
                entity(
                    EntityKind::Organization,
                    "Lotus Looms Private Limited",
                    None,
                    &[],
                ),
                entity(
                    EntityKind::Person,
                    "Ramesh Kumer Jha",
                    Some("director"),
                    &[],
                ),
                entity(EntityKind::Person, "Sita Jha", Some("Director"), &[]),
            ],
            facts: vec![fact("Lotus Looms Private Limited", 150.0)],
            ..ArticleAnalysis::default()
        };
        let (entities, conflicts) = resolve(&[b, a]);
        let names: Vec<(&str, usize)> = entities
            .iter()
            .map(|e| (e.name.as_str(), e.articles.len()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Lotus Looms Private Limited", 2),
                ("Ramesh Kumar Jha", 2),
                ("Sita Jha", 1)
            ]
        );
        assert_eq!(entities[0].id, "org:lotus-looms");
        assert!(
            entities[0]
                .aliases
                .contains(&"Lotus Looms Pvt Ltd".to_string())
        );
        assert_eq!(conflicts.len(), 1);
        assert_eq!(conflicts[0].subject, "Lotus Looms Private Limited");
        assert_eq!(conflicts[0].values.len(), 2);
    }
}
