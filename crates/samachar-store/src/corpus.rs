//! Showing the corpus as the user corrected it.
//!
//! [`Annotations::apply_to_corpus`] takes the extractor's [`CorpusAnalysis`]
//! and applies, in this order: the user's tags (new entities or new mentions
//! of existing ones), splits, merges, kinds and renames. Corpus entities are
//! addressed by id; an article's entities are tied to the corpus entity whose
//! name or alias they carry (in a corpus entity that lists the article).

use samachar_model::text::slug;
use samachar_model::{CorpusAnalysis, CorpusEntity, Entity, EntityKind, Mention, Merge};

use crate::edit::Annotations;

/// The reason recorded on an entity the user tagged.
pub const TAGGED_BY_YOU: &str = "tagged by you";
/// The reason recorded on an alias the user merged in.
pub const MERGED_BY_YOU: &str = "merged by you";
/// The reason recorded on a name the user replaced.
pub const RENAMED_BY_YOU: &str = "renamed by you";

/// Lower-case, white space collapsed: how names are compared.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn user_merge(name: &str, reason: &str) -> Merge {
    Merge {
        name: name.to_string(),
        reason: reason.to_string(),
        confidence: 1.0,
    }
}

fn names_of(ce: &CorpusEntity) -> impl Iterator<Item = &str> {
    std::iter::once(ce.name.as_str()).chain(ce.aliases.iter().map(String::as_str))
}

fn sort_dedup(v: &mut Vec<String>) {
    v.sort();
    v.dedup();
}

/// The corpus being corrected, with each article entity's owner (the id of
/// its corpus entity), kept parallel to `corpus.articles[i].entities`.
struct Work<'a> {
    corpus: &'a mut CorpusAnalysis,
    owner: Vec<Vec<Option<String>>>,
}

impl<'a> Work<'a> {
    fn new(corpus: &'a mut CorpusAnalysis) -> Work<'a> {
        let owner = corpus
            .articles
            .iter()
            .map(|a| {
                a.entities
                    .iter()
                    .map(|e| find_owner(&corpus.entities, &a.file, &e.name, e.kind))
                    .collect()
            })
            .collect();
        Work { corpus, owner }
    }

    fn entity_index(&self, id: &str) -> Option<usize> {
        self.corpus.entities.iter().position(|e| e.id == id)
    }

    fn owns(&self, a: usize, e: usize, id: &str) -> bool {
        self.owner[a][e].as_deref() == Some(id)
    }

    /// Does any entity of article `a` owned by `id` still have mentions?
    fn article_has(&self, a: usize, id: &str) -> bool {
        self.corpus.articles[a]
            .entities
            .iter()
            .enumerate()
            .any(|(e, ent)| self.owns(a, e, id) && !ent.mentions.is_empty())
    }

    fn unique_corpus_id(&self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 2;
        while self.entity_index(&id).is_some() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }
}

/// The corpus entity an article entity belongs to: one listing the article
/// and carrying the name, preferring the same kind.
fn find_owner(
    entities: &[CorpusEntity],
    file: &str,
    name: &str,
    kind: EntityKind,
) -> Option<String> {
    let key = norm(name);
    let named = |ce: &&CorpusEntity| names_of(ce).any(|n| norm(n) == key);
    let in_article = |ce: &&CorpusEntity| ce.articles.iter().any(|f| f == file);
    entities
        .iter()
        .filter(named)
        .filter(in_article)
        .find(|ce| ce.kind == kind)
        .or_else(|| entities.iter().filter(named).find(in_article))
        .or_else(|| entities.iter().filter(named).find(|ce| ce.kind == kind))
        .map(|ce| ce.id.clone())
}

impl Annotations {
    /// Applies the user's corrections to `corpus`: tags become entities (with
    /// a [`Merge`] whose reason is "tagged by you"), then splits, merges,
    /// kinds and renames change the corpus entities, the articles' entities
    /// and the subjects of facts and conflicts. Entities are sorted by kind,
    /// then name, then id afterwards.
    ///
    /// Tags are placed by file name ([`Annotations::article_files`]); a tag
    /// whose article is not in `corpus` is left out, as is any correction
    /// that names an entity the corpus does not have.
    pub fn apply_to_corpus(&self, corpus: &mut CorpusAnalysis) {
        let mut work = Work::new(corpus);
        self.add_tags(&mut work);
        self.apply_splits(&mut work);
        self.apply_merges(&mut work);
        self.apply_kinds(&mut work);
        self.apply_renames(&mut work);
        for article in &mut work.corpus.articles {
            article
                .entities
                .sort_by(|a, b| (a.kind, &a.name, &a.id).cmp(&(b.kind, &b.name, &b.id)));
        }
        for ce in &mut work.corpus.entities {
            sort_dedup(&mut ce.aliases);
            sort_dedup(&mut ce.articles);
        }
        work.corpus
            .entities
            .sort_by(|a, b| (a.kind, &a.name, &a.id).cmp(&(b.kind, &b.name, &b.id)));
    }

    fn add_tags(&self, work: &mut Work<'_>) {
        for tag in self.tags.values() {
            if self.is_removed(tag.article) {
                continue;
            }
            let Some(file) = self.article_files.get(&tag.article) else {
                continue;
            };
            let Some(a) = work.corpus.articles.iter().position(|x| &x.file == file) else {
                continue;
            };
            let file = file.clone();
            let key = norm(&tag.label);
            let mention = Mention {
                text: tag.label.clone(),
                start: tag.start,
                end: tag.end,
            };
            let article = &mut work.corpus.articles[a];
            let existing = article
                .entities
                .iter()
                .position(|e| e.kind == tag.kind && norm(&e.name) == key);
            let (e, added) = match existing {
                Some(e) => {
                    let ent = &mut article.entities[e];
                    let added = !ent
                        .mentions
                        .iter()
                        .any(|m| m.start == tag.start && m.end == tag.end);
                    if added {
                        ent.mentions.push(mention);
                        ent.mentions.sort_by_key(|m| (m.start, m.end));
                    }
                    (e, added)
                }
                None => {
                    let base = format!("tag:{}:{}", tag.kind.as_str(), slug(&tag.label));
                    let mut id = base.clone();
                    let mut n = 2;
                    while article.entities.iter().any(|x| x.id == id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    article.entities.push(Entity {
                        id,
                        name: tag.label.clone(),
                        kind: tag.kind,
                        mentions: vec![mention],
                        role: None,
                        organization: None,
                        merges: vec![user_merge(&tag.label, TAGGED_BY_YOU)],
                    });
                    work.owner[a].push(None);
                    (article.entities.len() - 1, true)
                }
            };
            let owner = match work.owner[a][e].clone() {
                Some(id) => Some(id),
                None => find_owner(&work.corpus.entities, &file, &tag.label, tag.kind),
            };
            let id = match owner {
                Some(id) => id,
                None => {
                    let id = work.unique_corpus_id(&format!(
                        "tag:{}:{}",
                        tag.kind.as_str(),
                        slug(&tag.label)
                    ));
                    work.corpus.entities.push(CorpusEntity {
                        id: id.clone(),
                        name: tag.label.clone(),
                        kind: tag.kind,
                        aliases: Vec::new(),
                        articles: Vec::new(),
                        merges: vec![user_merge(&tag.label, TAGGED_BY_YOU)],
                        role: None,
                        organization: None,
                        mention_count: 0,
                    });
                    id
                }
            };
            work.owner[a][e] = Some(id.clone());
            if let Some(c) = work.entity_index(&id) {
                let ce = &mut work.corpus.entities[c];
                if !ce.articles.contains(&file) {
                    ce.articles.push(file);
                }
                if added {
                    ce.mention_count += 1;
                }
            }
        }
    }

    fn apply_splits(&self, work: &mut Work<'_>) {
        for (entity, alias) in &self.splits {
            let Some(c) = work.entity_index(entity) else {
                continue;
            };
            let key = norm(alias);
            if key.is_empty() || norm(&work.corpus.entities[c].name) == key {
                continue;
            }
            let new_id = work.unique_corpus_id(&format!("{entity}/{}", slug(alias)));
            let kind = work.corpus.entities[c].kind;
            let mut was_alias = false;
            {
                let ce = &mut work.corpus.entities[c];
                ce.aliases.retain(|n| {
                    let keep = norm(n) != key;
                    was_alias |= !keep;
                    keep
                });
                ce.merges.retain(|m| norm(&m.name) != key);
            }
            let mut moved_total = 0usize;
            let mut files = Vec::new();
            for a in 0..work.corpus.articles.len() {
                let mut moved_here = 0usize;
                let mut new_entity: Option<Entity> = None;
                for e in 0..work.corpus.articles[a].entities.len() {
                    if !work.owns(a, e, entity) {
                        continue;
                    }
                    let ent = &mut work.corpus.articles[a].entities[e];
                    ent.merges.retain(|m| norm(&m.name) != key);
                    if norm(&ent.name) == key {
                        moved_here += ent.mentions.len();
                        work.owner[a][e] = Some(new_id.clone());
                        continue;
                    }
                    let (gone, kept): (Vec<Mention>, Vec<Mention>) =
                        ent.mentions.drain(..).partition(|m| norm(&m.text) == key);
                    ent.mentions = kept;
                    if gone.is_empty() {
                        continue;
                    }
                    moved_here += gone.len();
                    let target = new_entity.get_or_insert_with(|| Entity {
                        id: format!("{}/{}", ent.id, slug(alias)),
                        name: alias.clone(),
                        kind: ent.kind,
                        mentions: Vec::new(),
                        role: None,
                        organization: None,
                        merges: Vec::new(),
                    });
                    target.mentions.extend(gone);
                }
                if let Some(mut ne) = new_entity {
                    ne.mentions.sort_by_key(|m| (m.start, m.end));
                    work.corpus.articles[a].entities.push(ne);
                    work.owner[a].push(Some(new_id.clone()));
                }
                // Entities left without a mention go.
                let mut e = 0;
                while e < work.corpus.articles[a].entities.len() {
                    if work.corpus.articles[a].entities[e].mentions.is_empty()
                        && work.owns(a, e, entity)
                    {
                        work.corpus.articles[a].entities.remove(e);
                        work.owner[a].remove(e);
                    } else {
                        e += 1;
                    }
                }
                if moved_here > 0 {
                    moved_total += moved_here;
                    files.push(work.corpus.articles[a].file.clone());
                }
            }
            if moved_total == 0 && !was_alias {
                continue;
            }
            let still: Vec<bool> = (0..work.corpus.articles.len())
                .map(|a| work.article_has(a, entity))
                .collect();
            let all_files: Vec<String> = work
                .corpus
                .articles
                .iter()
                .map(|x| x.file.clone())
                .collect();
            let ce = &mut work.corpus.entities[c];
            ce.mention_count = ce.mention_count.saturating_sub(moved_total);
            ce.articles.retain(|f| {
                !files.contains(f) || all_files.iter().zip(&still).any(|(g, s)| g == f && *s)
            });
            files.sort();
            files.dedup();
            work.corpus.entities.push(CorpusEntity {
                id: new_id,
                name: alias.clone(),
                kind,
                aliases: Vec::new(),
                articles: files,
                merges: Vec::new(),
                role: None,
                organization: None,
                mention_count: moved_total,
            });
        }
    }

    fn apply_merges(&self, work: &mut Work<'_>) {
        for from in self.merges.keys() {
            let root = self.merged_into(from).to_string();
            if root == *from {
                continue;
            }
            let (Some(f), Some(_)) = (work.entity_index(from), work.entity_index(&root)) else {
                continue;
            };
            let gone = work.corpus.entities.remove(f);
            let Some(r) = work.entity_index(&root) else {
                continue;
            };
            let root_name = work.corpus.entities[r].name.clone();
            let gone_names: Vec<String> = names_of(&gone).map(norm).collect();
            {
                let ce = &mut work.corpus.entities[r];
                ce.aliases.push(gone.name.clone());
                ce.aliases.extend(gone.aliases.iter().cloned());
                let own = norm(&ce.name);
                ce.aliases.retain(|n| norm(n) != own);
                ce.articles.extend(gone.articles.iter().cloned());
                ce.mention_count += gone.mention_count;
                ce.merges.push(user_merge(&gone.name, MERGED_BY_YOU));
                ce.merges.extend(gone.merges.iter().cloned());
                if ce.role.is_none() {
                    ce.role = gone.role.clone();
                }
                if ce.organization.is_none() {
                    ce.organization = gone.organization.clone();
                }
            }
            for a in 0..work.corpus.articles.len() {
                let mut root_entity =
                    (0..work.corpus.articles[a].entities.len()).find(|&e| work.owns(a, e, &root));
                let mut e = 0;
                while e < work.corpus.articles[a].entities.len() {
                    if !work.owns(a, e, from) {
                        e += 1;
                        continue;
                    }
                    match root_entity {
                        Some(keep) => {
                            let moved = work.corpus.articles[a].entities.remove(e);
                            work.owner[a].remove(e);
                            let keep = if keep > e { keep - 1 } else { keep };
                            root_entity = Some(keep);
                            let target = &mut work.corpus.articles[a].entities[keep];
                            for m in moved.mentions {
                                if !target.mentions.contains(&m) {
                                    target.mentions.push(m);
                                }
                            }
                            target.mentions.sort_by_key(|m| (m.start, m.end));
                            target.merges.push(user_merge(&moved.name, MERGED_BY_YOU));
                            if target.role.is_none() {
                                target.role = moved.role;
                            }
                            if target.organization.is_none() {
                                target.organization = moved.organization;
                            }
                            // The next entity is now at `e`: no step.
                        }
                        None => {
                            work.owner[a][e] = Some(root.clone());
                            e += 1;
                        }
                    }
                }
                for fact in &mut work.corpus.articles[a].facts {
                    if gone_names.contains(&norm(&fact.subject)) {
                        fact.subject = root_name.clone();
                    }
                }
            }
            for conflict in &mut work.corpus.conflicts {
                if gone_names.contains(&norm(&conflict.subject)) {
                    conflict.subject = root_name.clone();
                }
            }
        }
    }

    fn apply_kinds(&self, work: &mut Work<'_>) {
        for (entity, kind) in &self.kinds {
            let Some(c) = work.entity_index(entity) else {
                continue;
            };
            work.corpus.entities[c].kind = *kind;
            for a in 0..work.corpus.articles.len() {
                for e in 0..work.corpus.articles[a].entities.len() {
                    if work.owns(a, e, entity) {
                        work.corpus.articles[a].entities[e].kind = *kind;
                    }
                }
            }
        }
    }

    fn apply_renames(&self, work: &mut Work<'_>) {
        for (entity, name) in &self.renames {
            let Some(c) = work.entity_index(entity) else {
                continue;
            };
            let old: Vec<String> = names_of(&work.corpus.entities[c]).map(norm).collect();
            let old_name = work.corpus.entities[c].name.clone();
            if old_name == *name {
                continue;
            }
            {
                let ce = &mut work.corpus.entities[c];
                ce.aliases.push(old_name.clone());
                let new_key = norm(name);
                ce.aliases.retain(|n| norm(n) != new_key);
                ce.merges.push(user_merge(&old_name, RENAMED_BY_YOU));
                ce.name = name.clone();
            }
            for a in 0..work.corpus.articles.len() {
                for e in 0..work.corpus.articles[a].entities.len() {
                    if work.owns(a, e, entity) {
                        let ent = &mut work.corpus.articles[a].entities[e];
                        if ent.name != *name {
                            let was = std::mem::replace(&mut ent.name, name.clone());
                            ent.merges.push(user_merge(&was, RENAMED_BY_YOU));
                        }
                    }
                }
                let article = &mut work.corpus.articles[a];
                for ent in &mut article.entities {
                    if let Some(org) = &ent.organization
                        && old.contains(&norm(org))
                    {
                        ent.organization = Some(name.clone());
                    }
                }
                for fact in &mut article.facts {
                    if old.contains(&norm(&fact.subject)) {
                        fact.subject = name.clone();
                    }
                }
            }
            for ce in &mut work.corpus.entities {
                if let Some(org) = &ce.organization
                    && old.contains(&norm(org))
                {
                    ce.organization = Some(name.clone());
                }
            }
            for conflict in &mut work.corpus.conflicts {
                if old.contains(&norm(&conflict.subject)) {
                    conflict.subject = name.clone();
                }
            }
        }
    }
}
