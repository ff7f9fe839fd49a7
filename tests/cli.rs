//! The command line as a user runs it: the binary, its JSON, its exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::process::{Command, Output};

fn samachar(args: &[&str]) -> Output {
    match Command::new(env!("CARGO_BIN_EXE_samachar"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("cannot run samachar: {e}"),
    }
}

fn json(out: &Output) -> Value {
    match serde_json::from_slice(&out.stdout) {
        Ok(v) => v,
        Err(e) => panic!(
            "stdout is not JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

fn article<'a>(doc: &'a Value, file: &str) -> &'a Value {
    doc["articles"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["file"] == file))
        .unwrap_or_else(|| panic!("no article {file}"))
}

#[test]
fn analyze_seeds_gives_metadata_and_exit_zero() {
    let out = samachar(&["analyze", "seeds"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = json(&out);
    let files: Vec<&str> = doc["articles"]
        .as_array()
        .map(|a| a.iter().filter_map(|x| x["file"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        files,
        [
            "000_ed32e172fedb3713.txt",
            "001_fdb2ac4d677a68ab.txt",
            "002_41c24c9b7009feb6.txt"
        ]
    );
    let a0 = article(&doc, "000_ed32e172fedb3713.txt");
    assert_eq!(
        a0["title"],
        "Russian army marches with ‘Made in Bihar’ shoes manufactured in Hajipur"
    );
    let a2 = article(&doc, "002_41c24c9b7009feb6.txt");
    assert_eq!(
        a2["title"],
        "Muzaffarpur emerging as a major bag cluster in India’s Bihar state"
    );
    assert_eq!(a2["source"], "Fibre2Fashion");
    assert_eq!(a2["published"], "2023-02-22");
    assert_eq!(doc["errors"].as_array().map(Vec::len), Some(0));
}

fn has_quantity(a: &Value, value: f64, unit: &str) -> bool {
    a["quantities"].as_array().is_some_and(|qs| {
        qs.iter().any(|q| {
            q["value"]
                .as_f64()
                .is_some_and(|v| (v - value).abs() <= value.abs() * 1e-9)
                && q["unit"] == unit
        })
    })
}

#[test]
fn analyze_seeds_finds_the_gold_quantities() {
    let doc = json(&samachar(&["analyze", "seeds"]));
    let a1 = article(&doc, "001_fdb2ac4d677a68ab.txt");
    for (value, unit) in [
        (-40.0, "degC"),
        (70.0, "percent"),
        (300.0, "employees"),
        (1_500_000.0, "pairs"),
        (1_000_000_000.0, "INR"),
    ] {
        assert!(has_quantity(a1, value, unit), "001 lacks {value} {unit}");
    }
    let a2 = article(&doc, "002_41c24c9b7009feb6.txt");
    for (value, unit) in [
        (640_000.0, "bags"),
        (150_000_000.0, "INR"),
        (1_900_000.0, "USD"),
    ] {
        assert!(has_quantity(a2, value, unit), "002 lacks {value} {unit}");
    }
    assert!(has_quantity(
        article(&doc, "000_ed32e172fedb3713.txt"),
        2018.0,
        "year"
    ));
}

#[test]
fn nothing_is_extracted_from_furniture() {
    let doc = json(&samachar(&["analyze", "seeds"]));
    for a in doc["articles"].as_array().into_iter().flatten() {
        let furniture: Vec<(u64, u64)> = a["furniture"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| Some((f["start"].as_u64()?, f["end"].as_u64()?)))
            .collect();
        let inside = |s: u64, e: u64| furniture.iter().any(|&(fs, fe)| s < fe && e > fs);
        for q in a["quantities"].as_array().into_iter().flatten() {
            let (s, e) = (
                q["start"].as_u64().unwrap_or(0),
                q["end"].as_u64().unwrap_or(0),
            );
            assert!(
                !inside(s, e),
                "quantity {} from furniture in {}",
                q["text"],
                a["file"]
            );
        }
        for ent in a["entities"].as_array().into_iter().flatten() {
            for m in ent["mentions"].as_array().into_iter().flatten() {
                let (s, e) = (
                    m["start"].as_u64().unwrap_or(0),
                    m["end"].as_u64().unwrap_or(0),
                );
                assert!(
                    !inside(s, e),
                    "entity {} from furniture in {}",
                    m["text"],
                    a["file"]
                );
            }
        }
    }
    // The job listings and the counter of seed 002 are furniture.
    let a2 = article(&doc, "002_41c24c9b7009feb6.txt");
    let kinds: Vec<&str> = a2["furniture"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    for kind in ["job-listing", "share-bar", "copyright"] {
        assert!(
            kinds.contains(&kind),
            "002 has no {kind} furniture: {kinds:?}"
        );
    }
    assert!(!has_quantity(a2, 300.0, "jobs") && !has_quantity(a2, 300.0, "fashion jobs"));
}

#[test]
fn repeated_passages_of_seed_000_are_marked() {
    let doc = json(&samachar(&["analyze", "seeds"]));
    let a0 = article(&doc, "000_ed32e172fedb3713.txt");
    let repeats: Vec<&str> = a0["furniture"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| f["kind"] == "repeat")
        .filter_map(|f| f["text"].as_str())
        .collect();
    assert!(
        repeats.iter().any(|t| t.contains("Established in 2018")),
        "the repeated 'Established in 2018' sentence is not marked: {repeats:?}"
    );
    assert!(
        repeats
            .iter()
            .any(|t| t.contains("primary goal of setting up")),
        "the reworded repeated quote is not marked: {repeats:?}"
    );
}

#[test]
fn bad_inputs_give_errors_and_the_rest_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "The unit employs 120 workers in Patna.\n").unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    std::fs::write(
        dir.path().join("binary.txt"),
        [0u8, 1, 2, 3, 0, 255, 0, 7].repeat(64),
    )
    .unwrap();
    let missing = dir.path().join("missing.txt");
    let out = samachar(&[
        "analyze",
        dir.path().to_str().unwrap_or_default(),
        missing.to_str().unwrap_or_default(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let doc = json(&out);
    let files: Vec<&str> = doc["articles"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["file"].as_str())
        .collect();
    assert_eq!(files, ["good.txt"]);
    let errors: Vec<String> = doc["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| format!("{} {}", e["path"], e["message"]))
        .collect();
    assert_eq!(errors.len(), 3, "{errors:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in ["empty.txt", "binary.txt", "missing.txt"] {
        assert!(
            stderr.contains(name),
            "stderr does not name {name}: {stderr}"
        );
    }
}

#[test]
fn bad_usage_exits_two() {
    assert_eq!(samachar(&["analyze"]).status.code(), Some(2));
    assert_eq!(samachar(&["no-such-command"]).status.code(), Some(2));
}

#[test]
fn quantities_reads_json_lines() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_samachar"))
        .arg("quantities")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(
            b"{\"id\": \"a\", \"text\": \"It will make 6,40,000 bags per month.\"}\n{\"id\": 2, \"text\": \"Rs 15 crore\"}\n",
        );
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["quantities"][0]["value"], 640000.0);
    assert_eq!(lines[0]["quantities"][0]["unit"], "bags");
    assert_eq!(lines[0]["quantities"][0]["per"], "month");
    assert_eq!(lines[1]["id"], 2);
    assert_eq!(lines[1]["quantities"][0]["value"], 150000000.0);
    assert_eq!(lines[1]["quantities"][0]["unit"], "INR");
}

#[test]
fn project_new_add_info_and_refuse_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.samachar");
    let f = file.to_str().unwrap_or_default();
    let out = samachar(&["project", "new", f]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let before = std::fs::read(&file).unwrap_or_default();
    let again = samachar(&["project", "new", f]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        before,
        "an existing project was overwritten"
    );

    let extra = dir.path().join("extra.txt");
    std::fs::write(&extra, "Patna: The plant employs 450 workers.\n").unwrap();
    let add = samachar(&["project", "add", f, extra.to_str().unwrap_or_default()]);
    assert_eq!(
        add.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&add.stderr)
    );
    let info = samachar(&["project", "info", f]);
    let text = String::from_utf8_lossy(&info.stdout);
    assert!(text.contains('4'), "info does not count 4 articles: {text}");

    // Exports read the project.
    let csv = samachar(&["export", "--what", "quantities", "--format", "csv", f]);
    assert_eq!(csv.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&csv.stdout).contains("640000"));
}

#[test]
fn a_newer_or_corrupt_project_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("junk.samachar");
    std::fs::write(&file, b"this is not a database at all").unwrap();
    let out = samachar(&["project", "info", file.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!String::from_utf8_lossy(&out.stderr).trim().is_empty());
    assert_eq!(
        std::fs::read(&file).unwrap_or_default(),
        b"this is not a database at all"
    );
}

#[test]
fn mentions_are_in_text_order_and_point_at_their_words() {
    let doc = json(&samachar(&["analyze", "seeds"]));
    for a in doc["articles"].as_array().into_iter().flatten() {
        let file = a["file"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("seeds/{file}")).unwrap();
        for e in a["entities"].as_array().into_iter().flatten() {
            let starts: Vec<u64> = e["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|m| m["start"].as_u64().unwrap())
                .collect();
            assert!(
                starts.windows(2).all(|w| w[0] <= w[1]),
                "{} in {file}: {starts:?}",
                e["name"]
            );
            for m in e["mentions"].as_array().into_iter().flatten() {
                let (s, t) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&text[s..t], m["text"].as_str().unwrap());
            }
        }
    }
}

#[test]
fn both_seed_articles_about_the_boots_say_they_go_to_russia() {
    let doc = json(&samachar(&["analyze", "seeds"]));
    for file in ["000_ed32e172fedb3713.txt", "001_fdb2ac4d677a68ab.txt"] {
        let facts = article(&doc, file)["facts"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert!(
            facts
                .iter()
                .any(|f| f["metric"] == "export destination" && f["value"] == "Russia"),
            "{file} has no Russia destination"
        );
    }
}

#[test]
fn project_remove_hides_an_article_and_importing_it_again_restores_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("p.samachar");
    let f = file.to_str().unwrap_or_default();
    assert_eq!(samachar(&["project", "new", f]).status.code(), Some(0));
    let quantities = || {
        let out = samachar(&["export", "--what", "quantities", "--format", "csv", f]);
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(quantities().contains("640000"));

    let bags = "002_41c24c9b7009feb6.txt";
    let out = samachar(&["project", "remove", f, bags, "no-such.txt"]);
    assert_eq!(out.status.code(), Some(1), "one name matched nothing");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("removed {bags}")));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article “no-such.txt”"));
    assert!(
        !quantities().contains("640000"),
        "the removed article is left out"
    );
    let list = String::from_utf8_lossy(&samachar(&["project", "list", f]).stdout).into_owned();
    assert_eq!(list.lines().count(), 3, "{list}");
    assert!(
        list.lines()
            .any(|l| l.contains(bags) && l.ends_with("(removed)")),
        "{list}"
    );
    let info = String::from_utf8_lossy(&samachar(&["project", "info", f]).stdout).into_owned();
    assert!(info.contains("2 (1 removed, kept in the file)"), "{info}");

    // Importing the same file again brings it back rather than skipping it.
    let add = samachar(&["project", "add", f, &format!("seeds/{bags}")]);
    assert_eq!(add.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&add.stderr).contains("restored"));
    assert!(quantities().contains("640000"));
    let again = samachar(&["project", "restore", f, bags]);
    assert_eq!(again.status.code(), Some(1), "it is not removed any more");
}
