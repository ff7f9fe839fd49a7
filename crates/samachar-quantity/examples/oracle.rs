//! Temporary: writes extract() output for many inputs, for before/after diffs.
use std::io::Write;
fn emit(out: &mut impl Write, name: &str, text: &str) {
    let q = samachar_quantity::extract(text);
    let _ = writeln!(out, "== {name} {}", q.len());
    for x in q {
        let _ = writeln!(out, "{x:?}");
    }
}
fn main() {
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut total = 0usize;
    let mut el = std::time::Duration::ZERO;
    for list in std::env::args().skip(1) {
        let names = std::fs::read_to_string(&list).unwrap_or_default();
        for name in names.lines() {
            let Ok(bytes) = std::fs::read(name) else {
                continue;
            };
            let raw = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
            let mut texts: Vec<(String, String)> = Vec::new();
            if name.ends_with(".jsonl") {
                for (i, line) in raw.lines().enumerate() {
                    if let Ok(v) = serde_json::from_str::<serde_json::Value>(line)
                        && let Some(s) = v.get("text").and_then(|s| s.as_str())
                    {
                        texts.push((format!("{name}:{i}"), s.to_string()));
                    }
                }
            } else {
                texts.push((name.to_string(), raw.clone()));
                if list.contains("txt") {
                    texts.push((format!("{name}:upper"), raw.to_uppercase()));
                    texts.push((format!("{name}:lower"), raw.to_lowercase()));
                    texts.push((format!("{name}:flat"), raw.replace('\n', " ")));
                    texts.push((
                        format!("{name}:nosp"),
                        raw.replace(". ", ".").replace(", ", ","),
                    ));
                }
            }
            for (n, t) in texts {
                total += t.len();
                let s = std::time::Instant::now();
                let _ = samachar_quantity::extract(&t);
                el += s.elapsed();
                emit(&mut out, &n, &t);
            }
        }
    }
    eprintln!(
        "{total} bytes, extract {el:?}, {:.1} MB/s",
        total as f64 / el.as_secs_f64() / 1e6
    );
}
