//! The annotation model: what a user changed, as pure data.
//!
//! Every change a user makes goes through one [`Edit`]. Applying an edit to
//! [`Annotations`] returns its inverse: another `Edit` that, applied right
//! after, restores exactly the previous `Annotations`. That is all undo and
//! redo need, and it is testable without a window or a file.
//!
//! New ids (for tags and notes) are one more than the largest id in use, so
//! that undoing an edit and doing it again gives the same id, and a redo
//! replays exactly what was done.

use std::collections::{BTreeMap, BTreeSet};

use samachar_model::EntityKind;
use serde::{Deserialize, Serialize};

use crate::ArticleId;

/// The id of a span the user tagged as an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TagId(pub u64);

/// The id of a note.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NoteId(pub u64);

impl std::fmt::Display for TagId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "tag {}", self.0)
    }
}

impl std::fmt::Display for NoteId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "note {}", self.0)
    }
}

/// What a note is attached to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteTarget {
    /// A whole article.
    Article(ArticleId),
    /// A corpus entity, by its corpus id.
    Entity(String),
    /// A stretch of an article's text (byte offsets, end exclusive).
    Span {
        /// The article.
        article: ArticleId,
        /// Byte offset where the span starts.
        start: usize,
        /// Byte offset where it ends (exclusive).
        end: usize,
    },
}

/// A span the user tagged as an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UserTag {
    /// The article.
    pub article: ArticleId,
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// What the user says it is.
    pub kind: EntityKind,
    /// The entity's name as the user gave it.
    pub label: String,
}

/// A note the user wrote.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Note {
    /// What it is attached to.
    pub target: NoteTarget,
    /// The note.
    pub text: String,
}

/// One change a user makes. The only way annotations change.
///
/// The serialised form (tagged by `op`) is stored in the project file's edit
/// log: change it only with a schema migration.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Edit {
    /// Tag a span of an article as an entity.
    TagSpan {
        /// The article.
        article: ArticleId,
        /// Byte offset where the span starts.
        start: usize,
        /// Byte offset where it ends (exclusive).
        end: usize,
        /// What it is.
        kind: EntityKind,
        /// The entity's name.
        label: String,
    },
    /// Remove a tag the user made.
    RemoveTag {
        /// The tag.
        tag: TagId,
    },
    /// Give a corpus entity another canonical name. An empty name goes back
    /// to the name the extractor found.
    RenameEntity {
        /// The corpus entity id.
        entity: String,
        /// The new name (empty: no rename).
        name: String,
    },
    /// Say what kind a corpus entity is.
    SetEntityKind {
        /// The corpus entity id.
        entity: String,
        /// The kind.
        kind: EntityKind,
    },
    /// Merge one corpus entity into another.
    MergeEntities {
        /// The entity that stays.
        into: String,
        /// The entity that goes into it.
        from: String,
    },
    /// Split an alias off an entity (undo a merge the extractor made).
    SplitEntity {
        /// The corpus entity id.
        entity: String,
        /// The alias (a name) that is a different entity.
        alias: String,
    },
    /// Attach a note.
    AddNote {
        /// What it is attached to.
        target: NoteTarget,
        /// The note.
        text: String,
    },
    /// Change a note's text.
    EditNote {
        /// The note.
        note: NoteId,
        /// The new text.
        text: String,
    },
    /// Delete a note.
    DeleteNote {
        /// The note.
        note: NoteId,
    },
    /// Put back a removed tag with its id (the inverse of [`Edit::RemoveTag`]).
    RestoreTag {
        /// The tag's id.
        tag: TagId,
        /// The tag.
        span: UserTag,
    },
    /// Put back a deleted note with its id (the inverse of [`Edit::DeleteNote`]).
    RestoreNote {
        /// The note's id.
        note: NoteId,
        /// The note.
        content: Note,
    },
    /// Forget the kind the user set (the inverse of a first [`Edit::SetEntityKind`]).
    ClearEntityKind {
        /// The corpus entity id.
        entity: String,
    },
    /// Undo a user merge (the inverse of a first [`Edit::MergeEntities`]).
    UnmergeEntity {
        /// The entity that was merged into another.
        from: String,
    },
    /// Join a split alias back (the inverse of [`Edit::SplitEntity`]).
    UnsplitEntity {
        /// The corpus entity id.
        entity: String,
        /// The alias.
        alias: String,
    },
    /// Take an article out of the tables, charts and search. Nothing is
    /// deleted: its original bytes, analysis, tags and notes stay in the
    /// project file, and [`Edit::RestoreArticle`] brings it back.
    RemoveArticle {
        /// The article.
        article: ArticleId,
        /// Its file name, for the undo history's label.
        file: String,
    },
    /// Bring a removed article back (the inverse of [`Edit::RemoveArticle`]).
    RestoreArticle {
        /// The article.
        article: ArticleId,
        /// Its file name, for the undo history's label.
        file: String,
    },
}

/// The name of a kind as shown in menus (British spelling).
pub fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Organization => "organisation",
        EntityKind::Person => "person",
        EntityKind::Place => "place",
        EntityKind::Programme => "programme",
    }
}

/// Shortens a user string for a menu label.
fn short(s: &str) -> String {
    const MAX: usize = 40;
    let s = s.trim();
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let cut: String = s.chars().take(MAX - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

impl Edit {
    /// A label for menus and the undo history ("Tag “Acme” as organisation").
    pub fn label(&self) -> String {
        match self {
            Edit::TagSpan { kind, label, .. } => {
                format!("Tag “{}” as {}", short(label), kind_label(*kind))
            }
            Edit::RemoveTag { .. } => "Remove tag".to_string(),
            Edit::RenameEntity { name, .. } if name.trim().is_empty() => {
                "Restore entity name".to_string()
            }
            Edit::RenameEntity { name, .. } => format!("Rename entity to “{}”", short(name)),
            Edit::SetEntityKind { kind, .. } => format!("Mark entity as {}", kind_label(*kind)),
            Edit::MergeEntities { into, from } => {
                format!("Merge {} into {}", short(from), short(into))
            }
            Edit::SplitEntity { alias, .. } => format!("Split “{}” off", short(alias)),
            Edit::AddNote { .. } => "Add note".to_string(),
            Edit::EditNote { .. } => "Edit note".to_string(),
            Edit::DeleteNote { .. } => "Delete note".to_string(),
            Edit::RestoreTag { span, .. } => format!("Restore tag “{}”", short(&span.label)),
            Edit::RestoreNote { .. } => "Restore note".to_string(),
            Edit::ClearEntityKind { .. } => "Clear entity kind".to_string(),
            Edit::UnmergeEntity { from } => format!("Unmerge {}", short(from)),
            Edit::UnsplitEntity { alias, .. } => format!("Join “{}” back", short(alias)),
            Edit::RemoveArticle { file, .. } => format!("Remove article “{}”", short(file)),
            Edit::RestoreArticle { file, .. } => format!("Restore article “{}”", short(file)),
        }
    }
}

/// Why an edit could not be applied. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A span that covers nothing.
    #[error("the span {start}..{end} is empty or reversed")]
    EmptySpan {
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// A span outside the article's text or inside a character.
    #[error("the span {start}..{end} does not fit article {article}'s text ({len} bytes)")]
    BadSpan {
        /// The article.
        article: ArticleId,
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
        /// Length of the text.
        len: usize,
    },
    /// An article that is not in the project.
    #[error("article {0} is not in this project")]
    NoSuchArticle(ArticleId),
    /// A required text that is empty.
    #[error("the {0} is empty")]
    Empty(&'static str),
    /// A tag that does not exist.
    #[error("{0} does not exist")]
    NoSuchTag(TagId),
    /// A note that does not exist.
    #[error("{0} does not exist")]
    NoSuchNote(NoteId),
    /// An id that is already in use (restoring a tag or note twice).
    #[error("{0} is already in use")]
    IdInUse(String),
    /// An edit that would change nothing.
    #[error("nothing to change: {0}")]
    NoChange(String),
    /// Merging an entity with itself, directly or through other merges.
    #[error("cannot merge {from} into {into}: {into} is already merged into {from}")]
    MergeCycle {
        /// The target.
        into: String,
        /// The entity being merged.
        from: String,
    },
    /// Undoing something that was not done.
    #[error("{0}")]
    NotFound(String),
}

/// Everything the user changed, in deterministic order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotations {
    /// Spans the user tagged as entities.
    #[serde(default)]
    pub tags: BTreeMap<TagId, UserTag>,
    /// Corpus entity id -> the name the user gave it.
    #[serde(default)]
    pub renames: BTreeMap<String, String>,
    /// Corpus entity id -> the kind the user set.
    #[serde(default)]
    pub kinds: BTreeMap<String, EntityKind>,
    /// Corpus entity id merged away -> the entity it was merged into.
    #[serde(default)]
    pub merges: BTreeMap<String, String>,
    /// (corpus entity id, alias) pairs the user split apart.
    #[serde(default)]
    pub splits: BTreeSet<(String, String)>,
    /// Notes.
    #[serde(default)]
    pub notes: BTreeMap<NoteId, Note>,
    /// Articles the user removed from the tables (kept in the file).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub removed: BTreeSet<ArticleId>,
    /// Which file each article id is. Not an annotation and not saved with
    /// them: [`crate::Project`] fills it so that
    /// [`Annotations::apply_to_corpus`] can find the article of a tag
    /// (a `CorpusAnalysis` names articles by file).
    #[serde(skip)]
    pub article_files: BTreeMap<ArticleId, String>,
}

fn non_empty(s: &str, what: &'static str) -> Result<(), EditError> {
    if s.trim().is_empty() {
        Err(EditError::Empty(what))
    } else {
        Ok(())
    }
}

impl Annotations {
    /// No annotations.
    pub fn new() -> Annotations {
        Annotations::default()
    }

    /// True when the user changed nothing.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty()
            && self.renames.is_empty()
            && self.kinds.is_empty()
            && self.merges.is_empty()
            && self.splits.is_empty()
            && self.notes.is_empty()
            && self.removed.is_empty()
    }

    /// True when the user removed this article from the tables.
    pub fn is_removed(&self, article: ArticleId) -> bool {
        self.removed.contains(&article)
    }

    /// The id the next tag gets.
    pub fn next_tag_id(&self) -> TagId {
        TagId(self.tags.keys().next_back().map_or(1, |t| t.0 + 1))
    }

    /// The id the next note gets.
    pub fn next_note_id(&self) -> NoteId {
        NoteId(self.notes.keys().next_back().map_or(1, |n| n.0 + 1))
    }

    /// The tags of one article, in text order.
    pub fn tags_for(&self, article: ArticleId) -> Vec<(TagId, &UserTag)> {
        let mut out: Vec<(TagId, &UserTag)> = self
            .tags
            .iter()
            .filter(|(_, t)| t.article == article)
            .map(|(id, t)| (*id, t))
            .collect();
        out.sort_by_key(|(id, t)| (t.start, t.end, *id));
        out
    }

    /// The notes on one target, by id.
    pub fn notes_for(&self, target: &NoteTarget) -> Vec<(NoteId, &Note)> {
        self.notes
            .iter()
            .filter(|(_, n)| &n.target == target)
            .map(|(id, n)| (*id, n))
            .collect()
    }

    /// The entity a corpus entity ends up in after the user's merges
    /// (itself when not merged).
    pub fn merged_into<'a>(&'a self, entity: &'a str) -> &'a str {
        let mut current = entity;
        // A chain is at most as long as the number of merges; cycles are
        // refused when merging, the bound keeps a damaged file harmless.
        for _ in 0..=self.merges.len() {
            match self.merges.get(current) {
                Some(next) => current = next,
                None => return current,
            }
        }
        current
    }

    /// True when following merges from `start` (itself included) meets `target`.
    fn chain_reaches(&self, start: &str, target: &str) -> bool {
        let mut current = start;
        for _ in 0..=self.merges.len() {
            if current == target {
                return true;
            }
            match self.merges.get(current) {
                Some(next) => current = next,
                None => return false,
            }
        }
        false
    }

    /// Applies `edit` and returns its inverse. On error nothing changed.
    pub fn apply(&mut self, edit: &Edit) -> Result<Edit, EditError> {
        match edit {
            Edit::TagSpan {
                article,
                start,
                end,
                kind,
                label,
            } => {
                if start >= end {
                    return Err(EditError::EmptySpan {
                        start: *start,
                        end: *end,
                    });
                }
                non_empty(label, "tag's name")?;
                let id = self.next_tag_id();
                self.tags.insert(
                    id,
                    UserTag {
                        article: *article,
                        start: *start,
                        end: *end,
                        kind: *kind,
                        label: label.clone(),
                    },
                );
                Ok(Edit::RemoveTag { tag: id })
            }
            Edit::RemoveTag { tag } => {
                let span = self.tags.remove(tag).ok_or(EditError::NoSuchTag(*tag))?;
                Ok(Edit::RestoreTag { tag: *tag, span })
            }
            Edit::RestoreTag { tag, span } => {
                if self.tags.contains_key(tag) {
                    return Err(EditError::IdInUse(tag.to_string()));
                }
                if span.start >= span.end {
                    return Err(EditError::EmptySpan {
                        start: span.start,
                        end: span.end,
                    });
                }
                self.tags.insert(*tag, span.clone());
                Ok(Edit::RemoveTag { tag: *tag })
            }
            Edit::RenameEntity { entity, name } => {
                non_empty(entity, "entity id")?;
                let previous = self.renames.get(entity).cloned().unwrap_or_default();
                if previous == *name || (previous.is_empty() && name.trim().is_empty()) {
                    return Err(EditError::NoChange(format!(
                        "{entity} already has that name"
                    )));
                }
                if name.trim().is_empty() {
                    self.renames.remove(entity);
                } else {
                    self.renames.insert(entity.clone(), name.clone());
                }
                Ok(Edit::RenameEntity {
                    entity: entity.clone(),
                    name: previous,
                })
            }
            Edit::SetEntityKind { entity, kind } => {
                non_empty(entity, "entity id")?;
                let previous = self.kinds.insert(entity.clone(), *kind);
                Ok(match previous {
                    Some(k) if k == *kind => {
                        return Err(EditError::NoChange(format!(
                            "{entity} is already marked as {}",
                            kind_label(k)
                        )));
                    }
                    Some(k) => Edit::SetEntityKind {
                        entity: entity.clone(),
                        kind: k,
                    },
                    None => Edit::ClearEntityKind {
                        entity: entity.clone(),
                    },
                })
            }
            Edit::ClearEntityKind { entity } => match self.kinds.remove(entity) {
                Some(kind) => Ok(Edit::SetEntityKind {
                    entity: entity.clone(),
                    kind,
                }),
                None => Err(EditError::NotFound(format!(
                    "{entity} has no kind set by you"
                ))),
            },
            Edit::MergeEntities { into, from } => {
                non_empty(into, "entity id")?;
                non_empty(from, "entity id")?;
                if self.chain_reaches(into, from) {
                    return Err(EditError::MergeCycle {
                        into: into.clone(),
                        from: from.clone(),
                    });
                }
                let previous = self.merges.insert(from.clone(), into.clone());
                Ok(match previous {
                    Some(p) if p == *into => {
                        return Err(EditError::NoChange(format!(
                            "{from} is already merged into {into}"
                        )));
                    }
                    Some(p) => Edit::MergeEntities {
                        into: p,
                        from: from.clone(),
                    },
                    None => Edit::UnmergeEntity { from: from.clone() },
                })
            }
            Edit::UnmergeEntity { from } => match self.merges.remove(from) {
                Some(into) => Ok(Edit::MergeEntities {
                    into,
                    from: from.clone(),
                }),
                None => Err(EditError::NotFound(format!(
                    "{from} is not merged into another entity"
                ))),
            },
            Edit::SplitEntity { entity, alias } => {
                non_empty(entity, "entity id")?;
                non_empty(alias, "alias")?;
                if !self.splits.insert((entity.clone(), alias.clone())) {
                    return Err(EditError::NoChange(format!(
                        "“{alias}” is already split off {entity}"
                    )));
                }
                Ok(Edit::UnsplitEntity {
                    entity: entity.clone(),
                    alias: alias.clone(),
                })
            }
            Edit::UnsplitEntity { entity, alias } => {
                if !self.splits.remove(&(entity.clone(), alias.clone())) {
                    return Err(EditError::NotFound(format!(
                        "“{alias}” is not split off {entity}"
                    )));
                }
                Ok(Edit::SplitEntity {
                    entity: entity.clone(),
                    alias: alias.clone(),
                })
            }
            Edit::AddNote { target, text } => {
                non_empty(text, "note")?;
                if let NoteTarget::Span { start, end, .. } = target
                    && start >= end
                {
                    return Err(EditError::EmptySpan {
                        start: *start,
                        end: *end,
                    });
                }
                let id = self.next_note_id();
                self.notes.insert(
                    id,
                    Note {
                        target: target.clone(),
                        text: text.clone(),
                    },
                );
                Ok(Edit::DeleteNote { note: id })
            }
            Edit::EditNote { note, text } => {
                non_empty(text, "note")?;
                let existing = self
                    .notes
                    .get_mut(note)
                    .ok_or(EditError::NoSuchNote(*note))?;
                if existing.text == *text {
                    return Err(EditError::NoChange(format!("{note} already says that")));
                }
                let previous = std::mem::replace(&mut existing.text, text.clone());
                Ok(Edit::EditNote {
                    note: *note,
                    text: previous,
                })
            }
            Edit::DeleteNote { note } => {
                let content = self
                    .notes
                    .remove(note)
                    .ok_or(EditError::NoSuchNote(*note))?;
                Ok(Edit::RestoreNote {
                    note: *note,
                    content,
                })
            }
            Edit::RestoreNote { note, content } => {
                if self.notes.contains_key(note) {
                    return Err(EditError::IdInUse(note.to_string()));
                }
                self.notes.insert(*note, content.clone());
                Ok(Edit::DeleteNote { note: *note })
            }
            Edit::RemoveArticle { article, file } => {
                if !self.removed.insert(*article) {
                    return Err(EditError::NoChange(format!("{file} is already removed")));
                }
                Ok(Edit::RestoreArticle {
                    article: *article,
                    file: file.clone(),
                })
            }
            Edit::RestoreArticle { article, file } => {
                if !self.removed.remove(article) {
                    return Err(EditError::NoChange(format!("{file} is not removed")));
                }
                Ok(Edit::RemoveArticle {
                    article: *article,
                    file: file.clone(),
                })
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn org() -> EntityKind {
        EntityKind::Organization
    }

    fn tag(article: i64, start: usize, end: usize, label: &str) -> Edit {
        Edit::TagSpan {
            article: ArticleId(article),
            start,
            end,
            kind: org(),
            label: label.to_string(),
        }
    }

    fn remove_article(article: i64) -> Edit {
        Edit::RemoveArticle {
            article: ArticleId(article),
            file: "b.txt".into(),
        }
    }

    /// Each row: edits applied first (must succeed), then the edit under test
    /// and what must happen.
    #[test]
    fn apply_table() {
        struct Case {
            name: &'static str,
            setup: Vec<Edit>,
            edit: Edit,
            ok: bool,
        }
        let rename = |e: &str, n: &str| Edit::RenameEntity {
            entity: e.into(),
            name: n.into(),
        };
        let merge = |into: &str, from: &str| Edit::MergeEntities {
            into: into.into(),
            from: from.into(),
        };
        let cases = vec![
            Case {
                name: "tag a span",
                setup: vec![],
                edit: tag(1, 0, 4, "Acme"),
                ok: true,
            },
            Case {
                name: "empty span refused",
                setup: vec![],
                edit: tag(1, 4, 4, "Acme"),
                ok: false,
            },
            Case {
                name: "blank label refused",
                setup: vec![],
                edit: tag(1, 0, 4, "  "),
                ok: false,
            },
            Case {
                name: "remove missing tag refused",
                setup: vec![],
                edit: Edit::RemoveTag { tag: TagId(7) },
                ok: false,
            },
            Case {
                name: "remove existing tag",
                setup: vec![tag(1, 0, 4, "Acme")],
                edit: Edit::RemoveTag { tag: TagId(1) },
                ok: true,
            },
            Case {
                name: "rename",
                setup: vec![],
                edit: rename("org:a", "Acme Ltd"),
                ok: true,
            },
            Case {
                name: "rename to the same name refused",
                setup: vec![rename("org:a", "Acme Ltd")],
                edit: rename("org:a", "Acme Ltd"),
                ok: false,
            },
            Case {
                name: "clearing a missing rename refused",
                setup: vec![],
                edit: rename("org:a", ""),
                ok: false,
            },
            Case {
                name: "merge into itself refused",
                setup: vec![],
                edit: merge("org:a", "org:a"),
                ok: false,
            },
            Case {
                name: "merge cycle refused",
                setup: vec![merge("org:a", "org:b"), merge("org:b", "org:c")],
                edit: merge("org:c", "org:a"),
                ok: false,
            },
            Case {
                name: "merge chain allowed",
                setup: vec![merge("org:a", "org:b")],
                edit: merge("org:b", "org:c"),
                ok: true,
            },
            Case {
                name: "split twice refused",
                setup: vec![Edit::SplitEntity {
                    entity: "org:a".into(),
                    alias: "AC".into(),
                }],
                edit: Edit::SplitEntity {
                    entity: "org:a".into(),
                    alias: "AC".into(),
                },
                ok: false,
            },
            Case {
                name: "empty note refused",
                setup: vec![],
                edit: Edit::AddNote {
                    target: NoteTarget::Article(ArticleId(1)),
                    text: " ".into(),
                },
                ok: false,
            },
            Case {
                name: "edit missing note refused",
                setup: vec![],
                edit: Edit::EditNote {
                    note: NoteId(1),
                    text: "x".into(),
                },
                ok: false,
            },
            Case {
                name: "same kind twice refused",
                setup: vec![Edit::SetEntityKind {
                    entity: "x".into(),
                    kind: EntityKind::Place,
                }],
                edit: Edit::SetEntityKind {
                    entity: "x".into(),
                    kind: EntityKind::Place,
                },
                ok: false,
            },
            Case {
                name: "remove an article",
                setup: vec![],
                edit: remove_article(2),
                ok: true,
            },
            Case {
                name: "removing twice refused",
                setup: vec![remove_article(2)],
                edit: remove_article(2),
                ok: false,
            },
            Case {
                name: "restore a removed article",
                setup: vec![remove_article(2)],
                edit: Edit::RestoreArticle {
                    article: ArticleId(2),
                    file: "b.txt".into(),
                },
                ok: true,
            },
            Case {
                name: "restoring an article that is there refused",
                setup: vec![remove_article(1)],
                edit: Edit::RestoreArticle {
                    article: ArticleId(2),
                    file: "b.txt".into(),
                },
                ok: false,
            },
        ];
        for case in cases {
            let mut a = Annotations::new();
            for e in &case.setup {
                a.apply(e)
                    .unwrap_or_else(|err| panic!("{}: setup {err}", case.name));
            }
            let before = a.clone();
            let result = a.apply(&case.edit);
            assert_eq!(result.is_ok(), case.ok, "{}: {result:?}", case.name);
            if let Ok(inverse) = result {
                assert_ne!(
                    a, before,
                    "{}: an applied edit changes something",
                    case.name
                );
                a.apply(&inverse)
                    .unwrap_or_else(|err| panic!("{}: inverse {err}", case.name));
                assert_eq!(a, before, "{}: inverse restores", case.name);
            } else {
                assert_eq!(a, before, "{}: a refused edit changes nothing", case.name);
            }
        }
    }

    #[test]
    fn ids_are_reused_only_through_undo() {
        let mut a = Annotations::new();
        let inv1 = a.apply(&tag(1, 0, 4, "A")).unwrap();
        a.apply(&tag(1, 5, 9, "B")).unwrap();
        assert_eq!(inv1, Edit::RemoveTag { tag: TagId(1) });
        // Removing the first tag keeps the second's id; the next is 3.
        let restore = a.apply(&inv1).unwrap();
        assert_eq!(a.next_tag_id(), TagId(3));
        a.apply(&restore).unwrap();
        assert_eq!(a.tags[&TagId(1)].label, "A");
    }

    #[test]
    fn labels_read_well() {
        let cases = [
            (tag(1, 0, 4, "Acme"), "Tag “Acme” as organisation"),
            (
                Edit::MergeEntities {
                    into: "org:a".into(),
                    from: "org:b".into(),
                },
                "Merge org:b into org:a",
            ),
            (
                Edit::SetEntityKind {
                    entity: "x".into(),
                    kind: EntityKind::Programme,
                },
                "Mark entity as programme",
            ),
            (Edit::DeleteNote { note: NoteId(2) }, "Delete note"),
            (remove_article(2), "Remove article “b.txt”"),
        ];
        for (edit, want) in cases {
            assert_eq!(edit.label(), want);
        }
        let long = tag(1, 0, 4, &"x".repeat(100)).label();
        assert!(long.chars().count() < 70 && long.contains('…'), "{long}");
    }

    #[test]
    fn edits_round_trip_through_json() {
        let edits = vec![
            tag(3, 1, 5, "Acme"),
            Edit::AddNote {
                target: NoteTarget::Span {
                    article: ArticleId(2),
                    start: 1,
                    end: 3,
                },
                text: "check".into(),
            },
            Edit::AddNote {
                target: NoteTarget::Entity("org:a".into()),
                text: "n".into(),
            },
            Edit::RestoreNote {
                note: NoteId(4),
                content: Note {
                    target: NoteTarget::Article(ArticleId(9)),
                    text: "t".into(),
                },
            },
            remove_article(5),
        ];
        for edit in edits {
            let json = serde_json::to_string(&edit).unwrap();
            assert!(json.contains("\"op\""), "{json}");
            let back: Edit = serde_json::from_str(&json).unwrap();
            assert_eq!(back, edit);
        }
        let mut a = Annotations::new();
        a.apply(&tag(1, 0, 2, "X")).unwrap();
        a.apply(&Edit::SplitEntity {
            entity: "e".into(),
            alias: "al".into(),
        })
        .unwrap();
        a.apply(&Edit::AddNote {
            target: NoteTarget::Article(ArticleId(1)),
            text: "n".into(),
        })
        .unwrap();
        let json = serde_json::to_string(&a).unwrap();
        assert!(
            !json.contains("removed"),
            "no removed articles: the field is left out, as format 1 wrote it"
        );
        a.apply(&remove_article(1)).unwrap();
        let json = serde_json::to_string(&a).unwrap();
        let back: Annotations = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert!(back.is_removed(ArticleId(1)));
    }

    /// A tiny deterministic generator (xorshift), so the property test needs
    /// no extra crate and fails the same way every time.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn random_edit(rng: &mut Rng, a: &Annotations) -> Edit {
        let entities = ["org:a", "org:b", "org:c", "person:d", "place:e"];
        let pick = |rng: &mut Rng| entities[rng.below(entities.len() as u64) as usize].to_string();
        let kind = |rng: &mut Rng| EntityKind::ALL[rng.below(4) as usize];
        match rng.below(12) {
            0 => {
                let start = rng.below(50) as usize;
                Edit::TagSpan {
                    article: ArticleId(rng.below(3) as i64 + 1),
                    start,
                    end: start + 1 + rng.below(10) as usize,
                    kind: kind(rng),
                    label: format!("name {}", rng.below(5)),
                }
            }
            1 => Edit::RemoveTag {
                tag: TagId(rng.below(a.tags.len() as u64 + 2)),
            },
            2 => Edit::RenameEntity {
                entity: pick(rng),
                name: if rng.below(4) == 0 {
                    String::new()
                } else {
                    format!("N{}", rng.below(3))
                },
            },
            3 => Edit::SetEntityKind {
                entity: pick(rng),
                kind: kind(rng),
            },
            4 => Edit::MergeEntities {
                into: pick(rng),
                from: pick(rng),
            },
            5 => Edit::SplitEntity {
                entity: pick(rng),
                alias: format!("alias {}", rng.below(3)),
            },
            6 => Edit::AddNote {
                target: match rng.below(3) {
                    0 => NoteTarget::Article(ArticleId(1)),
                    1 => NoteTarget::Entity(pick(rng)),
                    _ => NoteTarget::Span {
                        article: ArticleId(2),
                        start: 3,
                        end: 8,
                    },
                },
                text: format!("note {}", rng.below(4)),
            },
            7 => Edit::EditNote {
                note: NoteId(rng.below(a.notes.len() as u64 + 2)),
                text: format!("note {}", rng.below(4)),
            },
            8 => Edit::DeleteNote {
                note: NoteId(rng.below(a.notes.len() as u64 + 2)),
            },
            9 => Edit::RemoveArticle {
                article: ArticleId(rng.below(3) as i64 + 1),
                file: "a.txt".into(),
            },
            10 => Edit::RestoreArticle {
                article: ArticleId(rng.below(3) as i64 + 1),
                file: "a.txt".into(),
            },
            _ => Edit::UnmergeEntity { from: pick(rng) },
        }
    }

    #[test]
    fn undo_all_restores_start_and_redo_all_restores_end() {
        for seed in 1..=40u64 {
            let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let mut a = Annotations::new();
            let mut done: Vec<(Edit, Edit)> = Vec::new();
            let mut states = vec![a.clone()];
            for _ in 0..60 {
                let edit = random_edit(&mut rng, &a);
                let before = a.clone();
                match a.apply(&edit) {
                    Ok(inverse) => {
                        for (from, into) in &a.merges {
                            assert!(!a.chain_reaches(into, from), "seed {seed}: merge cycle");
                        }
                        done.push((edit, inverse));
                        states.push(a.clone());
                    }
                    Err(_) => assert_eq!(a, before, "seed {seed}: refused edit changed state"),
                }
            }
            assert!(done.len() > 10, "seed {seed}: too few edits applied");
            let end = a.clone();
            for (i, (_, inverse)) in done.iter().enumerate().rev() {
                a.apply(inverse)
                    .unwrap_or_else(|e| panic!("seed {seed}: undo {i}: {e}"));
                assert_eq!(a, states[i], "seed {seed}: undo {i}");
            }
            assert_eq!(a, Annotations::new(), "seed {seed}: undo all");
            for (i, (edit, inverse)) in done.iter().enumerate() {
                let again = a
                    .apply(edit)
                    .unwrap_or_else(|e| panic!("seed {seed}: redo {i}: {e}"));
                assert_eq!(&again, inverse, "seed {seed}: redo gives the same inverse");
            }
            assert_eq!(a, end, "seed {seed}: redo all");
        }
    }
}
