//! The project file as a user meets it: create, open, refuse, keep, undo.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use samachar_model::EntityKind;
use samachar_store::{
    ArticleId, Edit, EditError, NoteTarget, Project, SCHEMA_VERSION, StoreError, TagId,
};

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn project_with_articles(dir: &Path, n: usize) -> (PathBuf, Project, Vec<ArticleId>) {
    let path = dir.join("news.samachar");
    let mut p = Project::create(&path).unwrap();
    let items: Vec<_> = (0..n).map(support::article).collect();
    let ids = p.add_articles(&items).unwrap();
    (path, p, ids)
}

fn tag(article: ArticleId, start: usize, end: usize, label: &str) -> Edit {
    Edit::TagSpan {
        article,
        start,
        end,
        kind: EntityKind::Organization,
        label: label.to_string(),
    }
}

#[test]
fn articles_come_back_unchanged_after_reopening() {
    let dir = temp();
    let path = dir.path().join("a.samachar");
    let items: Vec<_> = [3, 1, 2].into_iter().map(support::article).collect();
    {
        let mut p = Project::create(&path).unwrap();
        let ids = p.add_articles(&items[..2]).unwrap();
        assert_eq!(ids.len(), 2);
        let (doc, analysis) = &items[2];
        let mut odd = doc.clone();
        odd.bytes = vec![0xff, 0xfe, 0x00, b'x', 0x80]; // not text at all: kept as is
        p.add_article(&odd, analysis).unwrap();
    }
    let p = Project::open(&path).unwrap();
    let stored = p.articles().unwrap();
    assert_eq!(p.article_count().unwrap(), 3);
    let files: Vec<&str> = stored.iter().map(|s| s.doc.file.as_str()).collect();
    assert_eq!(
        files,
        ["00001.txt", "00002.txt", "00003.txt"],
        "sorted by file"
    );
    let first = stored.iter().find(|s| s.doc.file == "00003.txt").unwrap();
    assert_eq!(first.doc, items[0].0, "document with its original bytes");
    assert_eq!(first.analysis, items[0].1);
    let odd = stored.iter().find(|s| s.doc.file == "00002.txt").unwrap();
    assert_eq!(odd.doc.bytes, [0xff, 0xfe, 0x00, b'x', 0x80]);
    assert_eq!(p.article(first.id).unwrap().as_ref(), Some(first));
    assert_eq!(p.article(ArticleId(999)).unwrap(), None);
    assert!(p.contains_bytes(&items[0].0.bytes).unwrap());
    assert!(
        !p.contains_bytes(&items[2].0.bytes).unwrap(),
        "replaced bytes"
    );
    assert!(!p.contains_bytes(b"").unwrap());
}

#[test]
fn same_file_name_twice_sorts_by_id() {
    let dir = temp();
    let (_, mut p, ids) = project_with_articles(dir.path(), 1);
    let (mut doc, analysis) = support::article(0);
    doc.path = "/elsewhere/00000.txt".into();
    let second = p.add_article(&doc, &analysis).unwrap();
    let order: Vec<ArticleId> = p.articles().unwrap().iter().map(|s| s.id).collect();
    assert_eq!(order, [ids[0], second]);
}

#[test]
fn create_never_overwrites() {
    let dir = temp();
    let path = dir.path().join("taken.samachar");
    std::fs::write(&path, "my notes").unwrap();
    let err = Project::create(&path).unwrap_err();
    assert!(matches!(err, StoreError::AlreadyExists { .. }), "{err}");
    assert!(
        err.to_string().ends_with("taken.samachar already exists"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");
    // open_or_create opens (and here refuses) rather than replacing.
    assert!(Project::open_or_create(&path).is_err());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes");
}

#[test]
fn open_missing_file_and_open_or_create() {
    let dir = temp();
    let path = dir.path().join("new.samachar");
    let err = Project::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
    assert!(!path.exists(), "open never creates");
    let p = Project::open_or_create(&path).unwrap();
    assert_eq!(p.path(), path);
    drop(p);
    let p = Project::open_or_create(&path).unwrap();
    assert_eq!(p.info().unwrap().schema_version, SCHEMA_VERSION);
}

#[test]
fn newer_file_is_refused_untouched() {
    let dir = temp();
    let (path, p, _) = project_with_articles(dir.path(), 2);
    drop(p);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 999;").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Project::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::Newer { found: 999, .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.contains("was made by a newer Samachar (file format 999; this version reads up to 2)")
            && msg.ends_with("Update Samachar to open it; the file was not changed."),
        "{msg}"
    );
    assert!(Project::open_or_create(&path).is_err());
    assert!(Project::open_read_only(&path).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "no backup, no journal: {names:?}");
}

#[test]
fn files_that_are_not_projects_are_refused_untouched() {
    let dir = temp();
    let mut noise = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..5000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        noise.push((x >> 16) as u8);
    }
    let other_db = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&other_db).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
    }
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("random.samachar", noise),
        (
            "text.samachar",
            b"Dear diary, today I read the news.\n".repeat(50),
        ),
        ("empty.samachar", Vec::new()),
        ("header-only.samachar", b"SQLite format 3\0".to_vec()),
        ("other.samachar", std::fs::read(&other_db).unwrap()),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let err = Project::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NotAProject { .. }),
            "{name}: {err}"
        );
        assert!(
            err.to_string()
                .contains("is not a Samachar project (or is damaged): "),
            "{err}"
        );
        assert!(Project::open_or_create(&path).is_err(), "{name}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} untouched");
    }
}

#[test]
fn truncated_file_is_refused_untouched() {
    let dir = temp();
    let (path, p, _) = project_with_articles(dir.path(), 40);
    drop(p);
    let full = std::fs::read(&path).unwrap();
    assert!(full.len() > 3 * 4096, "a file of several pages");
    for keep in [full.len() / 2, 4096, 60] {
        std::fs::write(&path, &full[..keep]).unwrap();
        let err = Project::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NotAProject { .. }),
            "{keep}: {err}"
        );
        assert_eq!(std::fs::read(&path).unwrap().len(), keep);
    }
}

#[test]
fn missing_table_is_refused() {
    let dir = temp();
    let (path, p, _) = project_with_articles(dir.path(), 1);
    drop(p);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE app_state;").unwrap();
    }
    let err = Project::open(&path).unwrap_err();
    assert!(err.to_string().contains("app_state"), "{err}");
}

#[test]
fn locked_file_is_reported_and_nothing_is_lost() {
    let dir = temp();
    let (path, mut p, ids) = project_with_articles(dir.path(), 2);
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE;").unwrap();

    let err = Project::open_with_timeout(&path, Duration::from_millis(100)).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(
        err.to_string()
            .ends_with("is in use by another program (locked)")
    );

    // The open project cannot save while locked; it keeps its state.
    p.set_busy_timeout(Duration::from_millis(100)).unwrap();
    let before = p.annotations().clone();
    let err = p.apply(tag(ids[0], 0, 4, "Unit")).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert_eq!(p.annotations(), &before);
    assert!(!p.can_undo());

    other.execute_batch("ROLLBACK;").unwrap();
    p.apply(tag(ids[0], 0, 4, "Unit")).unwrap();
    assert!(p.can_undo());
}

#[test]
fn read_only_project_refuses_changes() {
    let dir = temp();
    let (path, mut p, ids) = project_with_articles(dir.path(), 2);
    p.apply(tag(ids[0], 0, 4, "Unit")).unwrap();
    drop(p);
    let before = std::fs::read(&path).unwrap();
    let mut p = Project::open_read_only(&path).unwrap();
    assert!(p.is_read_only());
    assert_eq!(p.articles().unwrap().len(), 2, "reading works");
    assert_eq!(p.search("Unit", 5).unwrap().len(), 2);
    let annotations = p.annotations().clone();
    let errs = [
        p.apply(tag(ids[1], 0, 4, "Unit")).unwrap_err(),
        p.undo().unwrap_err(),
        p.set_state("k", "v").unwrap_err(),
        p.add_article(&support::article(9).0, &support::article(9).1)
            .unwrap_err(),
    ];
    for err in errs {
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    }
    assert_eq!(p.annotations(), &annotations);
    assert!(p.can_undo());
    drop(p);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn read_only_folder_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp();
    let locked_dir = dir.path().join("ro");
    std::fs::create_dir(&locked_dir).unwrap();
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and some file systems) ignore the mode: then there is nothing to test.
    let probe = locked_dir.join("probe");
    let writable = std::fs::write(&probe, "x").is_ok();
    if !writable {
        let path = locked_dir.join("p.samachar");
        let err = Project::create(&path).unwrap_err();
        assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
        assert!(!path.exists());
    }
    std::fs::set_permissions(&locked_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    // A path below a file can never be written, whoever runs the test.
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let err = Project::create(&file.join("p.samachar")).unwrap_err();
    assert!(matches!(err, StoreError::Io { .. }), "{err}");
    assert!(err.to_string().contains("p.samachar"), "{err}");
}

#[test]
fn undo_history_survives_reopening() {
    let dir = temp();
    let (path, mut p, ids) = project_with_articles(dir.path(), 2);
    p.apply(tag(ids[0], 0, 4, "Unit")).unwrap();
    p.apply(Edit::RenameEntity {
        entity: "org:x".into(),
        name: "X Ltd".into(),
    })
    .unwrap();
    p.apply(Edit::AddNote {
        target: NoteTarget::Article(ids[1]),
        text: "check the figures".into(),
    })
    .unwrap();
    assert!(p.undo().unwrap());
    let annotations = p.annotations().clone();
    assert_eq!(p.undo_label().as_deref(), Some("Rename entity to “X Ltd”"));
    assert_eq!(p.redo_label().as_deref(), Some("Add note"));
    drop(p);

    let mut p = Project::open(&path).unwrap();
    assert_eq!(p.annotations().tags, annotations.tags);
    assert_eq!(p.annotations().renames, annotations.renames);
    assert!(p.annotations().notes.is_empty());
    assert!(p.can_undo() && p.can_redo());
    assert_eq!(p.undo_label().as_deref(), Some("Rename entity to “X Ltd”"));
    assert!(p.redo().unwrap());
    assert_eq!(p.annotations().notes.len(), 1);
    assert!(!p.redo().unwrap(), "nothing more to redo");
    assert_eq!(
        p.history(),
        vec![
            ("Tag “Unit” as organisation".to_string(), true),
            ("Rename entity to “X Ltd”".to_string(), true),
            ("Add note".to_string(), true),
        ]
    );
    // Undo everything, reopen, redo everything.
    while p.undo().unwrap() {}
    assert!(p.annotations().is_empty());
    drop(p);
    let mut p = Project::open(&path).unwrap();
    assert!(p.annotations().is_empty() && !p.can_undo());
    while p.redo().unwrap() {}
    assert_eq!(p.annotations().tags.len(), 1);
    assert_eq!(p.annotations().notes.len(), 1);
    // A new edit drops what could be redone.
    p.undo().unwrap();
    p.apply(Edit::SetEntityKind {
        entity: "org:x".into(),
        kind: EntityKind::Programme,
    })
    .unwrap();
    assert!(!p.can_redo());
    drop(p);
    let p = Project::open(&path).unwrap();
    assert_eq!(p.history().len(), 3);
    assert!(!p.can_redo());
    assert_eq!(p.info().unwrap().undo_position, 3);
}

#[test]
fn refused_edits_change_nothing() {
    let dir = temp();
    let (_, mut p, ids) = project_with_articles(dir.path(), 1);
    let text_len = p.article(ids[0]).unwrap().unwrap().doc.text.len();
    let cases = [
        (tag(ArticleId(77), 0, 4, "X"), "no such article"),
        (tag(ids[0], 0, text_len + 1, "X"), "past the end"),
        (tag(ids[0], 4, 2, "X"), "reversed"),
        (Edit::RemoveTag { tag: TagId(5) }, "missing tag"),
        (
            Edit::AddNote {
                target: NoteTarget::Article(ArticleId(77)),
                text: "x".into(),
            },
            "note on missing article",
        ),
    ];
    for (edit, why) in cases {
        let err = p.apply(edit).unwrap_err();
        assert!(matches!(err, StoreError::Edit(_)), "{why}: {err}");
        assert!(!p.can_undo(), "{why}");
    }
    // A span inside a multi-byte character is refused.
    let (mut doc, analysis) = support::article(5);
    doc.text = "₹ 100 crore".into();
    doc.bytes = doc.text.clone().into_bytes();
    let id = p.add_article(&doc, &analysis).unwrap();
    let err = p.apply(tag(id, 1, 3, "X")).unwrap_err();
    assert!(
        matches!(err, StoreError::Edit(EditError::BadSpan { .. })),
        "{err}"
    );
    p.apply(tag(id, 0, 3, "₹")).unwrap();
}

#[test]
fn two_windows_on_one_file_do_not_overwrite_each_other() {
    let dir = temp();
    let (path, mut a, ids) = project_with_articles(dir.path(), 1);
    let mut b = Project::open(&path).unwrap();
    a.apply(tag(ids[0], 0, 4, "Unit")).unwrap();
    let err = b
        .apply(Edit::RenameEntity {
            entity: "e".into(),
            name: "N".into(),
        })
        .unwrap_err();
    assert!(matches!(err, StoreError::ChangedElsewhere { .. }), "{err}");
    b.reload().unwrap();
    assert_eq!(b.annotations().tags.len(), 1);
    b.apply(Edit::RenameEntity {
        entity: "e".into(),
        name: "N".into(),
    })
    .unwrap();
    drop((a, b));
    let p = Project::open(&path).unwrap();
    assert_eq!(p.annotations().tags.len(), 1);
    assert_eq!(p.annotations().renames.len(), 1);
    assert_eq!(p.history().len(), 2);
}

#[test]
fn search_finds_words_and_never_errors_on_user_text() {
    let dir = temp();
    let (_, mut p, ids) = project_with_articles(dir.path(), 10);
    let hits = p.search("Tiruppur", 20).unwrap();
    // Articles 2 and 7 are set in Tiruppur.
    let mut found: Vec<ArticleId> = hits.iter().map(|h| h.article).collect();
    found.sort();
    assert_eq!(found, [ids[2], ids[7]]);
    for hit in &hits {
        let text = p.article(hit.article).unwrap().unwrap().doc.text;
        assert!(
            text[hit.offset..].starts_with("Tiruppur"),
            "offset {}",
            hit.offset
        );
        assert!(hit.snippet.contains("Tiruppur"), "{}", hit.snippet);
        assert!(hit.title.as_deref().unwrap_or("").contains("Tiruppur"));
        assert!(hit.file.ends_with(".txt"));
    }
    // Figures, quotes, operators, punctuation: no error.
    for q in [
        "Rs 100",
        "\"",
        "\"Rs",
        "Rs 100\"",
        "₹",
        "AND",
        "NOT OR",
        "(",
        "a:b",
        "*",
        "-",
        "100%",
        "6,40,000",
        "\"Rs 100 crore\"",
        "'",
        "^",
        "NEAR(a b)",
        "",
    ] {
        p.search(q, 5)
            .unwrap_or_else(|e| panic!("query {q:?}: {e}"));
    }
    assert_eq!(p.search("Rs 100", 50).unwrap().len(), 10);
    assert_eq!(p.search("Rs 100", 3).unwrap().len(), 3, "limit");
    assert!(
        p.search("\"crore Rs\"", 50).unwrap().is_empty(),
        "phrase order"
    );
    assert_eq!(p.search("\"Rs 100 crore\"", 50).unwrap().len(), 10);
    assert_eq!(p.search("Tirupp*", 50).unwrap().len(), 2, "prefix");
    assert!(p.search("zzzz", 5).unwrap().is_empty());
    assert!(p.search("Rs 100", 0).unwrap().is_empty());
    // Words in the title rank first.
    let (mut doc, mut analysis) = support::article(50);
    doc.text = "Nothing about looms here.\n".repeat(3) + "One loom, in the last line.";
    doc.bytes = doc.text.clone().into_bytes();
    analysis.title = Some("Loom makers meet".into());
    let titled = p.add_article(&doc, &analysis).unwrap();
    let (mut doc2, analysis2) = support::article(51);
    doc2.text = "A loom. A loom. Another loom.".into();
    doc2.bytes = doc2.text.clone().into_bytes();
    let other = p.add_article(&doc2, &analysis2).unwrap();
    let hits = p.search("LOOM", 5).unwrap();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0].article, titled);
    assert_eq!(hits[1].article, other);
    assert_eq!(&doc.text[hits[0].offset..hits[0].offset + 4], "loom");
}

#[test]
fn search_handles_accents_and_indian_scripts() {
    let dir = temp();
    let path = dir.path().join("s.samachar");
    let mut p = Project::create(&path).unwrap();
    let (mut doc, analysis) = support::article(1);
    doc.text = "कंपनी ने हाजीपुर में जूते बनाए। Café owners in Pondichéry agreed.".into();
    doc.bytes = doc.text.clone().into_bytes();
    let id = p.add_article(&doc, &analysis).unwrap();
    for q in ["जूते", "cafe", "Pondichery", "हाजीपुर"] {
        let hits = p.search(q, 5).unwrap();
        assert_eq!(hits.len(), 1, "{q}");
        assert_eq!(hits[0].article, id);
        assert!(doc.text.is_char_boundary(hits[0].offset));
    }
}

#[test]
fn app_state_and_info() {
    let dir = temp();
    let (path, mut p, ids) = project_with_articles(dir.path(), 3);
    assert_eq!(p.get_state("view").unwrap(), None);
    p.set_state("view", "table").unwrap();
    p.set_state("view", "chart").unwrap();
    p.apply(tag(ids[0], 0, 4, "Unit")).unwrap();
    p.apply(Edit::MergeEntities {
        into: "a".into(),
        from: "b".into(),
    })
    .unwrap();
    p.undo().unwrap();
    drop(p);
    let p = Project::open(&path).unwrap();
    assert_eq!(p.get_state("view").unwrap().as_deref(), Some("chart"));
    let info = p.info().unwrap();
    assert_eq!(info.schema_version, SCHEMA_VERSION);
    assert_eq!(info.articles, 3);
    assert_eq!((info.tags, info.notes, info.entity_corrections), (1, 0, 0));
    assert_eq!((info.edits, info.undo_position), (2, 1));
    assert!(
        info.created_by.starts_with("Samachar "),
        "{}",
        info.created_by
    );
    assert!(info.created_at.len() == 20 && info.created_at.ends_with('Z'));
    let shown = info.to_string();
    for part in [
        "news.samachar",
        "Articles:     3",
        "1 tag, 0 notes, 0 entity corrections",
        "2 edits (1 can be undone, 1 redone)",
    ] {
        assert!(shown.contains(part), "{part:?} in\n{shown}");
    }
}

#[test]
fn removing_an_article_hides_it_keeps_it_and_undo_brings_it_back() {
    let dir = temp();
    let (path, mut p, ids) = project_with_articles(dir.path(), 3);
    p.apply(tag(ids[1], 0, 4, "Unit")).unwrap();
    let (doc1, _) = support::article(1);
    assert_eq!(p.search("Bhagalpur", 5).unwrap().len(), 1);

    p.apply(Edit::RemoveArticle {
        article: ids[1],
        file: "00001.txt".into(),
    })
    .unwrap();
    let shown: Vec<ArticleId> = p.articles().unwrap().iter().map(|a| a.id).collect();
    assert_eq!(shown, [ids[0], ids[2]]);
    assert_eq!(p.article_count().unwrap(), 2);
    assert_eq!(p.all_articles().unwrap().len(), 3, "kept in the file");
    assert!(p.search("Bhagalpur", 5).unwrap().is_empty(), "not searched");
    assert_eq!(p.search("Unit", 1).unwrap().len(), 1, "limit still met");
    assert_eq!(p.find_bytes(&doc1.bytes).unwrap(), Some(ids[1]));
    let info = p.info().unwrap();
    assert_eq!((info.articles, info.removed_articles), (2, 1));
    assert!(info.to_string().contains("2 (1 removed, kept in the file)"));
    assert_eq!(p.annotations().tags.len(), 1, "its tag is kept");
    assert_eq!(
        p.undo_label().as_deref(),
        Some("Remove article “00001.txt”")
    );

    // Removing it again changes nothing; an unknown article is refused.
    assert!(
        p.apply(Edit::RemoveArticle {
            article: ids[1],
            file: "00001.txt".into(),
        })
        .is_err()
    );
    assert!(
        p.apply(Edit::RemoveArticle {
            article: ArticleId(99),
            file: "x.txt".into(),
        })
        .is_err()
    );

    // Kept across reopening.
    drop(p);
    let mut p = Project::open(&path).unwrap();
    assert_eq!(p.article_count().unwrap(), 2);
    assert!(p.undo().unwrap());
    assert_eq!(p.article_count().unwrap(), 3);
    assert_eq!(p.search("Bhagalpur", 5).unwrap().len(), 1);
    assert!(p.redo().unwrap());
    assert_eq!(p.article_count().unwrap(), 2);
    p.apply(Edit::RestoreArticle {
        article: ids[1],
        file: "00001.txt".into(),
    })
    .unwrap();
    assert_eq!(p.articles().unwrap().len(), 3);
}
