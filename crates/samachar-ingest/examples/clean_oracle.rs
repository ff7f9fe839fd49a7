//! Temporary differential oracle (to be removed).

fn rng(state: &mut u64) -> u64 {
    *state ^= *state << 13;
    *state ^= *state >> 7;
    *state ^= *state << 17;
    *state
}

fn main() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for dir in ["seeds", "../shared/corpus"] {
        let mut ps: Vec<_> = std::fs::read_dir(dir).unwrap().filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        ps.sort();
        for p in ps {
            let d = samachar_ingest::read_path(&p).unwrap();
            texts.push((p.display().to_string(), d.text));
        }
    }
    let base: Vec<String> = texts.iter().map(|t| t.1.clone()).collect();
    // variants
    let mut state = 0x1234_5678_9abc_def1u64;
    for (k, t) in base.iter().enumerate() {
        let lines: Vec<&str> = t.split('\n').collect();
        let mut rev = lines.clone();
        rev.reverse();
        texts.push((format!("rev{k}"), rev.join("\n")));
        texts.push((format!("dbl{k}"), t.replace('\n', "\n\n")));
        texts.push((format!("crlfsp{k}"), t.replace('\n', " \n  ")));
        let mut sh = lines.clone();
        for i in (1..sh.len()).rev() {
            let j = (rng(&mut state) % (i as u64 + 1)) as usize;
            sh.swap(i, j);
        }
        texts.push((format!("shuf{k}"), sh.join("\n")));
        texts.push((format!("twice{k}"), format!("{t}\n{t}")));
        texts.push((format!("upper{k}"), t.to_uppercase()));
        texts.push((format!("lower{k}"), t.to_lowercase()));
    }
    texts.push(("all".into(), base.join("\n\n")));
    // peer texts
    for f in std::fs::read_dir("../shared/peer").unwrap() {
        let p = f.unwrap().path();
        if p.extension().is_some_and(|x| x == "jsonl") {
            let s = std::fs::read_to_string(&p).unwrap();
            let mut all = String::new();
            for line in s.lines() {
                let v: serde_json::Value = serde_json::from_str(line).unwrap();
                if let Some(t) = v["text"].as_str() {
                    all.push_str(t);
                    all.push('\n');
                }
            }
            texts.push((p.display().to_string(), all));
        }
    }
    // random strings
    let alphabet: &[&str] = &["a", "b", "Rs", "Mr", "U.S", "e.g", "i.e", "A", "M", "É", "é", "ß", "İ", "K", "\u{212A}", " ", " ", " ", "\n", "\n", "\t", "\r", ".", ".", "!", "?", "\"", "'", ")", "]", "”", "’", "»", "“", "(", "1", "5", ",", ":", "|", "×", "©", "\u{a0}", "\u{2003}", "\u{85}", "ABC", "Share", "by", "Dec", "NO", "x"];
    for n in 0..20000 {
        let len = (rng(&mut state) % 40) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(alphabet[(rng(&mut state) % alphabet.len() as u64) as usize]);
        }
        texts.push((format!("rand{n}"), s));
    }
    for (name, t) in &texts {
        let doc = samachar_ingest::decode_bytes("x.txt", t.as_bytes()).unwrap_or_else(|_| samachar_model::Document {
            path: "x.txt".into(), file: "x.txt".into(), format: samachar_model::Format::Text, encoding: "UTF-8".into(), text: t.clone(), format_title: None, bytes: vec![] });
        let mut doc = doc;
        doc.text = t.clone();
        let c = std::panic::catch_unwind(|| samachar_ingest::clean::clean(&doc));
        let s = std::panic::catch_unwind(|| samachar_model::text::sentences(t));
        match (c, s) {
            (Ok(c), Ok(s)) => println!("=== {name}\n{:?}\n{:?}", c, s),
            (Err(_), Ok(s)) => println!("=== {name}\nPANIC\n{:?}", s),
            _ => println!("=== {name}\nPANIC\nPANIC"),
        }
    }
}
