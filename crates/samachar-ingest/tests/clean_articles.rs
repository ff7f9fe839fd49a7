//! The cleaner on the bundled seeds and the shared corpus: the furniture
//! the gold files list is covered, article content is not, and metadata is
//! found.

#![allow(clippy::panic)] // test helpers fail loudly

use samachar_ingest::clean::{Cleaned, clean};
use samachar_ingest::{decode_bytes, read_path};
use samachar_model::{Document, FurnitureKind};
use std::path::{Path, PathBuf};

const SEED_000: &str = include_str!("../../../seeds/000_ed32e172fedb3713.txt");
const SEED_001: &str = include_str!("../../../seeds/001_fdb2ac4d677a68ab.txt");
const SEED_002: &str = include_str!("../../../seeds/002_41c24c9b7009feb6.txt");

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn doc(name: &str, text: &str) -> Document {
    decode_bytes(name, text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Byte ranges of every occurrence of `needle` in `text`.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    text.match_indices(needle)
        .map(|(i, m)| (i, i + m.len()))
        .collect()
}

/// The kinds of furniture overlapping `start..end`.
fn kinds_over(c: &Cleaned, start: usize, end: usize) -> Vec<FurnitureKind> {
    c.furniture
        .iter()
        .filter(|f| f.start < end && f.end > start)
        .map(|f| f.kind)
        .collect()
}

/// True when every non-blank byte of `start..end` lies in furniture.
fn covered(text: &str, c: &Cleaned, start: usize, end: usize) -> bool {
    text[start..end].char_indices().all(|(i, ch)| {
        let pos = start + i;
        ch.is_whitespace() || c.furniture.iter().any(|f| f.start <= pos && pos < f.end)
    })
}

/// True when no byte of `start..end` lies in furniture.
fn untouched(c: &Cleaned, start: usize, end: usize) -> bool {
    kinds_over(c, start, end).is_empty()
}

fn check_invariants(doc: &Document, c: &Cleaned) {
    let mut last = 0;
    for f in &c.furniture {
        assert!(f.start >= last, "{}: spans sorted and disjoint", doc.file);
        assert!(f.start < f.end);
        assert!(doc.text.is_char_boundary(f.start) && doc.text.is_char_boundary(f.end));
        assert_eq!(f.text, doc.text[f.start..f.end]);
        last = f.end;
    }
}

#[test]
fn seed_002_furniture_and_metadata() {
    let d = doc("seeds/002.txt", SEED_002);
    let c = clean(&d);
    check_invariants(&d, &c);
    let text = d.text.as_str();
    // The counter, the job block, the share bar and the copyright line.
    let jobs_start = text.find("ALUDECOR").unwrap_or(0);
    let jobs_end = text.find("Permanent · Tirupati").unwrap_or(0) + "Permanent · Tirupati".len();
    assert_eq!(
        kinds_over(&c, jobs_start, jobs_end),
        vec![FurnitureKind::JobListing]
    );
    assert!(covered(text, &c, jobs_start, jobs_end));
    let counter_end = text.find("Fashion Jobs").unwrap_or(0) + "Fashion Jobs".len();
    assert_eq!(kinds_over(&c, 0, counter_end), vec![FurnitureKind::Counter]);
    let share = text.find("Share\nDownload").unwrap_or(0);
    let share_end = text.find("aA-").unwrap_or(0) + 3;
    assert_eq!(
        kinds_over(&c, share, share_end),
        vec![FurnitureKind::ShareBar]
    );
    let copyright = text.find("Copyright ©").unwrap_or(0);
    assert_eq!(
        kinds_over(&c, copyright, text.len()),
        vec![FurnitureKind::Copyright]
    );
    // Both byline blocks are furniture; the headline and every body
    // paragraph are not.
    for (s, e) in find_all(text, "By\nFibre2Fashion\nPublished\nFeb 22, 2023") {
        assert!(covered(text, &c, s, e));
    }
    let headline = "Muzaffarpur emerging as a major bag cluster in India’s Bihar state";
    let body_start = text.find("The Department of Industries").unwrap_or(0);
    for (s, e) in find_all(text, headline) {
        assert!(untouched(&c, s, e));
    }
    assert!(untouched(&c, body_start, copyright));
    assert_eq!(c.metadata.title.as_deref(), Some(headline));
    assert_eq!(c.metadata.source.as_deref(), Some("Fibre2Fashion"));
    assert_eq!(c.metadata.published.as_deref(), Some("2023-02-22"));
}

#[test]
fn seed_001_also_read_lines_only() {
    let d = doc("seeds/001.txt", SEED_001);
    let c = clean(&d);
    check_invariants(&d, &c);
    let got: Vec<(FurnitureKind, &str)> = c
        .furniture
        .iter()
        .map(|f| (f.kind, f.text.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                FurnitureKind::AlsoRead,
                "Also Read: Hajipur Becomes 2nd Fastest Developing City In Bihar, And There’s A Russian Connection"
            ),
            (
                FurnitureKind::AlsoRead,
                "Also Read: BJP Fails Majority In Rajya Sabha, Can The Bills Still Be Passed?"
            ),
        ]
    );
    assert_eq!(c.metadata.title, None, "seed 001 opens with body text");
}

#[test]
fn seed_000_repeats_and_exit_line() {
    let d = doc("seeds/000.txt", SEED_000);
    let c = clean(&d);
    check_invariants(&d, &c);
    let text = d.text.as_str();
    let exit = text.find("Exit mobile version").unwrap_or(0);
    assert_eq!(kinds_over(&c, exit, text.len()), vec![FurnitureKind::Other]);
    // The "Established in 2018" sentence: first copy content, second repeat.
    let established = "Established in 2018, Competence Exports has grown rapidly, driven by a commitment to quality and a mission to generate local employment.";
    let copies = find_all(text, established);
    assert_eq!(copies.len(), 2);
    assert!(untouched(&c, copies[0].0, copies[0].1));
    assert!(covered(text, &c, copies[1].0, copies[1].1));
    assert_eq!(
        kinds_over(&c, copies[1].0, copies[1].1),
        vec![FurnitureKind::Repeat]
    );
    // The reworded quote: the first wording is content, the second a repeat,
    // its attribution ("said Shib Kumar Roy, general manager") content.
    for (first, second) in [
        (
            "Our primary goal in setting up the Hajipur facility",
            "Our primary goal of setting up the Hajipur facility",
        ),
        (
            "we export all our safety footwear to Russia",
            "we export all our safety shoes to Russia",
        ),
    ] {
        let a = find_all(text, first);
        let b = find_all(text, second);
        assert!(untouched(&c, a[0].0, a[0].1), "{first}");
        assert!(covered(text, &c, b[0].0, b[0].1), "{second}");
    }
    let attribution = find_all(
        text,
        "said Shib Kumar Roy, general manager, Competence Exports",
    );
    assert!(untouched(&c, attribution[0].0, attribution[0].1));
    // Body sentences that say something new stay content.
    for sentence in [
        "Appreciating the support received from the Bihar government",
        "The company exports designer shoes to Italy, France, Spain and the UK",
        "This success story from Hajipur",
    ] {
        let (s, e) = find_all(text, sentence)[0];
        assert!(untouched(&c, s, e), "{sentence}");
    }
    assert_eq!(
        c.metadata.title.as_deref(),
        Some("Russian army marches with ‘Made in Bihar’ shoes manufactured in Hajipur")
    );
    assert_eq!(c.metadata.dateline.as_deref(), Some("Hajipur"));
}

/// Gold expectations (shared/gold/seeds.json and shared/corpus/gold.json):
/// each `not_content` item found verbatim (up to white space) is covered,
/// and every gold quantity, organisation and person keeps at least one
/// occurrence outside furniture. Titles match.
#[test]
fn gold_not_content_covered_and_content_kept() {
    let sets = [
        (shared().join("gold/seeds.json"), shared().join("seeds")),
        (shared().join("corpus/gold.json"), shared().join("corpus")),
    ];
    let mut checked_items = 0;
    for (gold_path, dir) in sets {
        let gold = std::fs::read_to_string(&gold_path)
            .unwrap_or_else(|e| panic!("{}: {e}", gold_path.display()));
        let gold: serde_json::Value = serde_json::from_str(&gold).unwrap_or_else(|e| panic!("{e}"));
        let articles = gold["articles"].as_array().cloned().unwrap_or_default();
        for article in articles {
            let file = article["file"].as_str().unwrap_or_default();
            let d = read_path(&dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            let c = clean(&d);
            check_invariants(&d, &c);
            let text = d.text.as_str();
            for item in article["not_content"].as_array().into_iter().flatten() {
                let item = item.as_str().unwrap_or_default();
                let Some((s, e)) = find_flexible(text, item) else {
                    continue; // a description, checked by the seed tests
                };
                assert!(covered(text, &c, s, e), "{file}: not covered: {item}");
                checked_items += 1;
            }
            let mut content: Vec<String> = Vec::new();
            for q in article["quantities"].as_array().into_iter().flatten() {
                content.extend(q["text"].as_str().map(str::to_string));
            }
            for o in article["organizations"].as_array().into_iter().flatten() {
                content.extend(o.as_str().map(str::to_string));
            }
            for p in article["people"].as_array().into_iter().flatten() {
                content.extend(p["name"].as_str().map(str::to_string));
            }
            for needle in content {
                let hits = find_all(text, &needle);
                if hits.is_empty() {
                    continue;
                }
                assert!(
                    hits.iter().any(|&(s, e)| untouched(&c, s, e)),
                    "{file}: content lost to furniture: {needle}"
                );
            }
            if let Some(title) = article.get("title") {
                assert_eq!(c.metadata.title.as_deref(), title.as_str(), "{file}: title");
            }
        }
    }
    assert!(
        checked_items >= 8,
        "only {checked_items} not_content items checked"
    );
}

/// Finds `needle` in `text` allowing any run of white space where the
/// needle has white space.
fn find_flexible(text: &str, needle: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let first = words.first()?;
    for (start, _) in text.match_indices(first) {
        let mut pos = start;
        let mut ok = true;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let rest = &text[pos..];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() {
                    ok = false;
                    break;
                }
                pos += rest.len() - trimmed.len();
            }
            if text[pos..].starts_with(w) {
                pos += w.len();
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            return Some((start, pos));
        }
    }
    None
}

#[test]
fn corpus_furniture_and_metadata() {
    let corpus = shared().join("corpus");
    // (file, furniture that must be marked, title, dateline)
    type Case<'a> = (
        &'a str,
        &'a [(&'a str, FurnitureKind)],
        Option<&'a str>,
        Option<&'a str>,
    );
    let cases: &[Case<'_>] = &[
        (
            "aljazeera_firozabad_glass_2015.txt",
            &[("| | Arts & Culture, Asia, India", FurnitureKind::Other)],
            Some("Indian town where glass-making is a household craft"),
            Some("Firozabad"),
        ),
        (
            "bs_sivakasi_lose_more_diwali_2015.txt",
            &[("Also Read", FurnitureKind::AlsoRead)],
            None,
            None,
        ),
        (
            "sentinel_jamshedpur_steel_closures.txt",
            &[],
            Some(
                "Jamshedpur steel industries facing tough times, 30 companies on the verge of closing down",
            ),
            None,
        ),
        (
            "lokmat_hajipur_women_workforce.txt",
            &[],
            None,
            Some("New Delhi"),
        ),
        (
            "newsdrum_odisha_hlca_44793_crore.txt",
            &[],
            None,
            Some("Bhubaneswar"),
        ),
        ("bs_kanpur_leather_kumbh_shift_kolkata.txt", &[], None, None),
        (
            "ht_bihar_cabinet_valmikinagar_447_crore.txt",
            &[],
            None,
            None,
        ),
        ("fe_ambur_vellore_footwear_cluster.txt", &[], None, None),
        (
            "weeklyblitz_bihar_food_processing_156_crore.txt",
            &[],
            None,
            Some("Patna"),
        ),
        (
            "devdiscourse_bihar_food_processing_investors.txt",
            &[],
            Some("Bihar's Booming Food Processing Sector: An Opportunity for Global Investors"),
            None,
        ),
    ];
    for (file, furniture, title, dateline) in cases {
        let d = read_path(&corpus.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(!d.text.contains('\r'), "{file}");
        let c = clean(&d);
        check_invariants(&d, &c);
        for (needle, kind) in *furniture {
            let (s, e) = find_all(&d.text, needle)[0];
            assert_eq!(kinds_over(&c, s, e), vec![*kind], "{file}: {needle}");
        }
        if furniture.is_empty() {
            // Nothing but repeats of earlier text is set aside here.
            let kinds: Vec<_> = c.furniture.iter().map(|f| f.kind).collect();
            assert!(
                kinds.iter().all(|k| *k == FurnitureKind::Repeat),
                "{file}: {kinds:?}"
            );
        }
        assert_eq!(c.metadata.title.as_deref(), *title, "{file}");
        assert_eq!(c.metadata.dateline.as_deref(), *dateline, "{file}");
    }
    // The headline printed twice (CRLF file): the second copy is a repeat.
    let d = read_path(&corpus.join("sentinel_jamshedpur_steel_closures.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    let c = clean(&d);
    let copies = find_all(&d.text, "Jamshedpur steel industries facing tough times");
    assert!(untouched(&c, copies[0].0, copies[0].1));
    assert_eq!(
        kinds_over(&c, copies[1].0, copies[1].1),
        vec![FurnitureKind::Repeat]
    );
    // The agency in the dateline is a fair source.
    let d = read_path(&corpus.join("newsdrum_odisha_hlca_44793_crore.txt"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(clean(&d).metadata.source.as_deref(), Some("PTI"));
}

/// An article pasted from a kind of page none of the rules was written
/// from: every piece of furniture is marked, every body line kept.
#[test]
fn unseen_page_layout() {
    let furniture = [
        "Home > Business > Industry",
        "Written By: Meera Iyer",
        "Edited By: Rahul Sen",
        "Last Updated: Mar 3, 2024, 18:05 IST",
        "Follow us",
        "Facebook",
        "Twitter",
        "WhatsApp",
        "Copy link",
        "ADVERTISEMENT",
        "Also Read | Cabinet clears textile park in Amravati",
        "Story continues below this ad",
        "(With inputs from PTI)",
        "Tags: textiles, Tiruppur, exports",
        "Download The Daily Ledger App to get latest news updates.",
        "© 2024 The Daily Ledger. All Rights Reserved.",
    ];
    let body = [
        "Tiruppur knitwear exporters expect orders to rise",
        "TIRUPPUR: Knitwear exporters in the cluster expect orders worth Rs 35,000 crore this year, up 12 per cent, the exporters' association said on Sunday.",
        "The cluster employs about 6 lakh workers, most of them women, in around 10,000 units.",
        "“Buyers from Europe are returning,” said K. Subramanian, president of the association.",
        "Why the buyers are back",
        "Freight rates have fallen by half since January, traders said.",
    ];
    let text = [
        furniture[0],
        furniture[1],
        furniture[2],
        furniture[3],
        "",
        body[0],
        "",
        furniture[4],
        furniture[5],
        furniture[6],
        furniture[7],
        furniture[8],
        "",
        body[1],
        "",
        furniture[9],
        "",
        body[2],
        "",
        furniture[10],
        "",
        body[3],
        "",
        furniture[11],
        "",
        body[4],
        "",
        body[5],
        "",
        furniture[12],
        furniture[13],
        "",
        furniture[14],
        furniture[15],
    ]
    .join("\n");
    let d = doc("ledger.txt", &text);
    let c = clean(&d);
    check_invariants(&d, &c);
    for line in furniture {
        let (s, e) = find_all(&text, line)[0];
        assert!(covered(&text, &c, s, e), "not marked: {line}");
    }
    for line in body {
        let (s, e) = find_all(&text, line)[0];
        assert!(
            untouched(&c, s, e),
            "marked: {line} {:?}",
            kinds_over(&c, s, e)
        );
    }
    assert_eq!(c.metadata.title.as_deref(), Some(body[0]));
    // The writer is no source; the agency in the dateline is.
    assert_eq!(c.metadata.source.as_deref(), Some("PTI"));
    assert_eq!(c.metadata.published.as_deref(), Some("2024-03-03"));
    assert_eq!(c.metadata.dateline.as_deref(), Some("Tiruppur"));
}

/// Cleaning is linear: a text 64 times longer takes at most about 64
/// times as long (with slack for noise), never the square.
#[test]
fn cleaning_time_grows_linearly() {
    let unit = [SEED_000, SEED_001, SEED_002].join("\n\n");
    let time = |copies: usize| {
        // Vary each copy a little so that not everything is a repeat.
        let text: String = (0..copies)
            .map(|i| unit.replace("Hajipur", &format!("Town{i}")))
            .collect::<Vec<_>>()
            .join("\n\n");
        let d = doc("big.txt", &text);
        let started = std::time::Instant::now();
        let c = clean(&d);
        (
            started.elapsed().as_secs_f64(),
            text.len(),
            c.furniture.len(),
        )
    };
    let (small, _, _) = time(8);
    let (large, bytes, spans) = time(512);
    assert!(spans > 0);
    let mb_per_s = bytes as f64 / large / 1e6;
    eprintln!("cleaning: {bytes} bytes in {large:.3} s = {mb_per_s:.1} MB/s (unoptimised build)");
    assert!(
        large < small * 64.0 * 4.0 + 0.5,
        "small {small:.4} s, large {large:.4} s"
    );
}
