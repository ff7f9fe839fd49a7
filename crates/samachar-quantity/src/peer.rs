//! Scoring [`crate::extract`] against the peer test cases (`peer/*.jsonl`).
//!
//! A case passes when each expected quantity is matched by a different
//! predicted one: same unit (an expected `null` is matched by no unit or by
//! a count noun, that is any unit outside [`VOCABULARY`]) and a value equal
//! within a relative tolerance of 1e-6.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The units the peer files use; any other unit is a count noun.
pub const VOCABULARY: &[&str] = &[
    "INR", "USD", "EUR", "GBP", "JPY", "CNY", "CAD", "AUD", "HKD", "CHF", "NZD", "MXN", "TRY",
    "percent", "degC", "degF", "K", "m", "km", "cm", "mm", "mile", "ft", "inch", "kg", "g",
    "tonne", "lb", "acre", "hectare", "sqft", "sqkm", "sqm", "MW", "kW", "GW", "litre", "year",
    "month", "day", "hour",
];

/// One expected quantity of a peer case.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Expected {
    /// The span the peer marked (information only).
    #[serde(default)]
    pub surface: String,
    /// The normalised value.
    pub value: f64,
    /// The unit, or `None` for a plain number or a count.
    pub unit: Option<String>,
}

/// One peer test case.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Case {
    /// Unique id.
    pub id: String,
    /// The input text.
    pub text: String,
    /// What the peer expected.
    pub expected: Vec<Expected>,
}

/// A case that did not pass, with what was predicted.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    /// The case id.
    pub id: String,
    /// The input text.
    pub text: String,
    /// What the peer expected: (value, unit).
    pub expected: Vec<(f64, Option<String>)>,
    /// What `extract` gave: (span, value, unit).
    pub predicted: Vec<(String, f64, Option<String>)>,
}

/// The score of one peer file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PeerScore {
    /// Cases passed.
    pub passed: usize,
    /// Cases in the file.
    pub total: usize,
    /// The cases that failed, in file order.
    pub failures: Vec<Failure>,
}

impl PeerScore {
    /// Passed / total (1 for an empty file).
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.passed as f64 / self.total as f64
        }
    }
}

/// Why a peer file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum PeerError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A line is not a valid case.
    #[error("{path}, line {line}: {source}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The cause.
        source: serde_json::Error,
    },
}

fn unit_matches(expected: Option<&str>, predicted: Option<&str>) -> bool {
    match (expected, predicted) {
        (None, None) => true,
        (None, Some(p)) => !VOCABULARY.contains(&p),
        (Some(e), Some(p)) => e == p,
        (Some(_), None) => false,
    }
}

fn value_matches(expected: f64, predicted: f64) -> bool {
    let scale = expected.abs().max(predicted.abs());
    (expected - predicted).abs() <= 1e-6 * scale.max(f64::MIN_POSITIVE) || expected == predicted
}

/// True when every expected quantity is matched by a different predicted one.
pub fn case_passes(
    expected: &[(f64, Option<String>)],
    predicted: &[(f64, Option<String>)],
) -> bool {
    // Bipartite matching by augmenting paths (the lists are short).
    let ok = |e: usize, p: usize| {
        unit_matches(expected[e].1.as_deref(), predicted[p].1.as_deref())
            && value_matches(expected[e].0, predicted[p].0)
    };
    let mut owner: Vec<Option<usize>> = vec![None; predicted.len()];
    fn augment(
        e: usize,
        seen: &mut [bool],
        owner: &mut [Option<usize>],
        ok: &dyn Fn(usize, usize) -> bool,
    ) -> bool {
        for p in 0..owner.len() {
            if seen[p] || !ok(e, p) {
                continue;
            }
            seen[p] = true;
            let free = match owner[p] {
                None => true,
                Some(other) => augment(other, seen, owner, ok),
            };
            if free {
                owner[p] = Some(e);
                return true;
            }
        }
        false
    }
    (0..expected.len()).all(|e| {
        let mut seen = vec![false; predicted.len()];
        augment(e, &mut seen, &mut owner, &ok)
    })
}

/// Scores one case.
pub fn score_case(case: &Case) -> Option<Failure> {
    let found = crate::extract(&case.text);
    let predicted: Vec<(f64, Option<String>)> =
        found.iter().map(|q| (q.value, q.unit.clone())).collect();
    let expected: Vec<(f64, Option<String>)> = case
        .expected
        .iter()
        .map(|e| (e.value, e.unit.clone()))
        .collect();
    if case_passes(&expected, &predicted) {
        return None;
    }
    Some(Failure {
        id: case.id.clone(),
        text: case.text.clone(),
        expected,
        predicted: found
            .into_iter()
            .map(|q| (q.text, q.value, q.unit))
            .collect(),
    })
}

/// Scores one `.jsonl` peer file.
pub fn score_file(path: &Path) -> Result<PeerScore, PeerError> {
    let body = std::fs::read_to_string(path).map_err(|source| PeerError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut score = PeerScore::default();
    for (i, line) in body.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Case = serde_json::from_str(line).map_err(|source| PeerError::Json {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        score.total += 1;
        match score_case(&case) {
            None => score.passed += 1,
            Some(f) => score.failures.push(f),
        }
    }
    Ok(score)
}

/// Scores every `.jsonl` file in `dir`, sorted by file name. Files that
/// cannot be read or parsed are left out.
pub fn score_dir(dir: &Path) -> Vec<(String, PeerScore)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            score_file(&p).ok().map(|s| (name, s))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_needs_distinct_predictions() {
        let e = vec![(5.0, None), (5.0, None)];
        assert!(!case_passes(&e, &[(5.0, None)]));
        assert!(case_passes(&e, &[(5.0, None), (5.0, Some("cars".into()))]));
    }

    #[test]
    fn vocabulary_unit_never_matches_null() {
        assert!(!case_passes(&[(5.0, None)], &[(5.0, Some("km".into()))]));
        assert!(case_passes(
            &[(5.0, Some("km".into()))],
            &[(5.0000001, Some("km".into()))]
        ));
        assert!(!case_passes(
            &[(5.0, Some("km".into()))],
            &[(5.1, Some("km".into()))]
        ));
    }
}
