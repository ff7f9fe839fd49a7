//! Files written by every released format version must keep opening.
//!
//! `tests/fixtures/v<N>.samachar` is a project written by format version N,
//! made once by `generate_fixture` (run it with `--ignored` after a format
//! change, for the new version only; it never replaces a fixture) and then
//! kept forever. `every_fixture_opens` opens a copy of each and checks that
//! its articles, annotations, undo history and app state read back, and
//! that an old file, brought up to date, has the same tables as a new one.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};

use samachar_model::EntityKind;
use samachar_store::{ArticleId, Edit, NoteId, NoteTarget, Project, SCHEMA_VERSION, TagId};

fn fixture(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("v{version}.samachar"))
}

/// The edits the fixture of `version` holds (the last one undone): from
/// version 2 on, the first article is removed too.
fn fixture_edits(version: u32, ids: &[ArticleId]) -> Vec<Edit> {
    let mut edits = vec![
        Edit::TagSpan {
            article: ids[1],
            start: 0,
            end: 4,
            kind: EntityKind::Organization,
            label: "Unit".into(),
        },
        Edit::RenameEntity {
            entity: "org:sample-works-0".into(),
            name: "Sample Works Zero".into(),
        },
        Edit::MergeEntities {
            into: "org:sample-works-0".into(),
            from: "org:sample-works-1".into(),
        },
        Edit::SplitEntity {
            entity: "place:ranchi".into(),
            alias: "Ranchi town".into(),
        },
        Edit::AddNote {
            target: NoteTarget::Entity("org:sample-works-0".into()),
            text: "Check the worker count".into(),
        },
        Edit::AddNote {
            target: NoteTarget::Span {
                article: ids[2],
                start: 0,
                end: 4,
            },
            text: "headline".into(),
        },
        Edit::SetEntityKind {
            entity: "place:surat".into(),
            kind: EntityKind::Programme,
        },
    ];
    if version >= 2 {
        edits.push(Edit::RemoveArticle {
            article: ids[0],
            file: "00000.txt".into(),
        });
    }
    edits.push(Edit::DeleteNote { note: NoteId(2) });
    edits
}

#[test]
#[ignore = "writes tests/fixtures/v<SCHEMA_VERSION>.samachar; run once per format version"]
fn generate_fixture() {
    let path = fixture(SCHEMA_VERSION);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Project::create refuses to replace an existing fixture.
    let mut p = Project::create(&path).unwrap();
    let items: Vec<_> = (0..3).map(support::article).collect();
    let ids = p.add_articles(&items).unwrap();
    for edit in fixture_edits(SCHEMA_VERSION, &ids) {
        p.apply(edit).unwrap();
    }
    assert!(p.undo().unwrap());
    p.set_state("view", "facts").unwrap();
}

fn check_fixture(version: u32) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("v{version}.samachar"));
    std::fs::copy(fixture(version), &path)
        .unwrap_or_else(|e| panic!("fixture v{version} missing ({e}): run generate_fixture"));
    let mut p = Project::open(&path).unwrap_or_else(|e| panic!("v{version}: {e}"));

    // Articles, with original bytes and analysis.
    let articles = p.all_articles().unwrap();
    let files: Vec<&str> = articles.iter().map(|a| a.doc.file.as_str()).collect();
    assert_eq!(files, ["00000.txt", "00001.txt", "00002.txt"], "v{version}");
    let ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
    for (n, a) in articles.iter().enumerate() {
        let (doc, analysis) = support::article(n);
        assert_eq!(a.doc.text, doc.text, "v{version} article {n}");
        assert_eq!(a.doc.bytes, doc.bytes, "v{version} article {n}");
        assert!(a.doc.bytes.windows(2).any(|w| w == b"\r\n"));
        assert_eq!(a.analysis.title, analysis.title);
        assert_eq!(a.analysis.entities.len(), 2);
        assert_eq!(a.analysis.facts[0].metric, "employees");
    }
    assert_eq!(
        p.search("Bhagalpur", 5).unwrap().len(),
        1,
        "v{version} index"
    );

    // Annotations as the edits left them, the last one undone.
    let a = p.annotations();
    assert_eq!(a.tags.len(), 1);
    assert_eq!(a.tags[&TagId(1)].label, "Unit");
    assert_eq!(a.tags[&TagId(1)].article, ids[1]);
    assert_eq!(a.renames["org:sample-works-0"], "Sample Works Zero");
    assert_eq!(a.merges["org:sample-works-1"], "org:sample-works-0");
    assert!(
        a.splits
            .contains(&("place:ranchi".to_string(), "Ranchi town".to_string()))
    );
    assert_eq!(a.kinds["place:surat"], EntityKind::Programme);
    assert_eq!(a.notes.len(), 2);
    assert_eq!(a.notes[&NoteId(2)].text, "headline");
    assert_eq!(a.article_files[&ids[2]], "00002.txt");

    // From version 2: the first article removed, kept in the file.
    let shown: Vec<String> = p
        .articles()
        .unwrap()
        .into_iter()
        .map(|a| a.doc.file)
        .collect();
    if version >= 2 {
        assert_eq!(shown, ["00001.txt", "00002.txt"], "v{version}");
        assert!(a.is_removed(ids[0]));
        assert_eq!(p.info().unwrap().removed_articles, 1);
    } else {
        assert_eq!(shown.len(), 3, "v{version}");
    }

    // The undo history came along.
    let edits = fixture_edits(version, &ids).len();
    let history = p.history();
    assert_eq!(history.len(), edits, "v{version}");
    assert_eq!(history.iter().filter(|(_, done)| *done).count(), edits - 1);
    assert_eq!(p.redo_label().as_deref(), Some("Delete note"));
    let last_done = if version >= 2 {
        "Remove article “00000.txt”"
    } else {
        "Mark entity as programme"
    };
    assert_eq!(p.undo_label().as_deref(), Some(last_done));
    assert_eq!(p.get_state("view").unwrap().as_deref(), Some("facts"));

    // Every edit can still be undone, back to nothing, and redone.
    while p.undo().unwrap() {}
    assert!(p.annotations().is_empty(), "v{version}");
    while p.redo().unwrap() {}
    assert_eq!(p.annotations().notes.len(), 1);

    // Brought up to date, its tables are those of a new project.
    assert_eq!(p.info().unwrap().schema_version, SCHEMA_VERSION);
    drop(p);
    let fresh = dir.path().join("fresh.samachar");
    drop(Project::create(&fresh).unwrap());
    assert_eq!(schema_of(&path), schema_of(&fresh), "v{version}");
    if version < SCHEMA_VERSION {
        assert!(
            dir.path()
                .join(format!("v{version}.samachar.bak-v{version}"))
                .exists()
        );
    }
}

fn schema_of(path: &Path) -> Vec<(String, String)> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn every_fixture_opens() {
    for version in 1..=SCHEMA_VERSION {
        check_fixture(version);
    }
}

#[test]
fn fixtures_are_not_changed_by_opening() {
    // The committed file itself is only ever read (tests open copies), and
    // a current-version file is not written by opening it.
    let path = fixture(SCHEMA_VERSION);
    let before = std::fs::read(&path).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.samachar");
    std::fs::write(&copy, &before).unwrap();
    let p = Project::open(&copy).unwrap();
    let _ = p.articles().unwrap();
    let _ = p.search("Unit", 3).unwrap();
    drop(p);
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}
