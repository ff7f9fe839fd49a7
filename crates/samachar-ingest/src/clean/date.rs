//! Dates as news pages write them, turned into ISO `YYYY-MM-DD`.

use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// Month names and their usual abbreviations.
pub(crate) const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

static ISO: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:T|\b)"));
static MDY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
});
static DMY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(\d{{4}})\b"
    ))
});
static NUMERIC: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"));
static MONTH_YEAR: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(&format!(r"(?i)\b{MONTH},?\s+(\d{{4}})\b")));
/// What may surround a date on a date line: weekdays, times, time zones.
static DATE_LINE_REST: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?|am|pm|a\.m\.|p\.m\.|hrs|ist|at|on|gmt|utc|[+-]\d{2}:?\d{2}|[,|·•/()\-–—])$",
    )
});

/// A date pattern and how to read its captures.
type DateParser = (
    &'static LazyLock<Option<Regex>>,
    fn(&Captures<'_>) -> Option<String>,
);

/// The month number of a month name or abbreviation.
fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let key = lower.get(..3)?;
    let n = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(n)
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn iso(year: u32, month: u32, day: u32) -> Option<String> {
    let ok = (1900..=2100).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month);
    ok.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

fn num(c: &Captures<'_>, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

/// The first full date in `s` (earliest in the text), as ISO, with its
/// byte range. Numeric `dd/mm/yyyy` is read day first (the Indian habit)
/// unless the first number cannot be a day's month.
pub(crate) fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    let mut best: Option<(String, Range<usize>)> = None;
    let mut consider = |found: Option<(String, Range<usize>)>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.1.start < b.1.start)
        {
            best = Some(f);
        }
    };
    let parsers: [DateParser; 4] = [
        (&ISO, |c| iso(num(c, 1)?, num(c, 2)?, num(c, 3)?)),
        (&MDY, |c| {
            iso(num(c, 3)?, month_number(c.get(1)?.as_str())?, num(c, 2)?)
        }),
        (&DMY, |c| {
            iso(num(c, 3)?, month_number(c.get(2)?.as_str())?, num(c, 1)?)
        }),
        (&NUMERIC, |c| {
            let (a, b, y) = (num(c, 1)?, num(c, 2)?, num(c, 3)?);
            iso(y, b, a).or_else(|| iso(y, a, b))
        }),
    ];
    for (regex, parse) in parsers {
        let Some(regex) = regex.as_ref() else {
            continue;
        };
        for c in regex.captures_iter(s) {
            if let (Some(date), Some(m)) = (parse(&c), c.get(0)) {
                consider(Some((date, m.range())));
                break;
            }
        }
    }
    if best.is_none()
        && let Some(regex) = MONTH_YEAR.as_ref()
        && let Some(c) = regex.captures(s)
        && let (Some(month), Some(year), Some(m)) = (
            c.get(1).and_then(|m| month_number(m.as_str())),
            num(&c, 2),
            c.get(0),
        )
        && (1900..=2100).contains(&year)
    {
        best = Some((format!("{year:04}-{month:02}"), m.range()));
    }
    best
}

/// The date of a line that holds only a date (with perhaps a weekday, a
/// time and a time zone around it).
pub(crate) fn date_line(line: &str) -> Option<String> {
    let (date, range) = find_date(line)?;
    let rest = format!("{} {}", &line[..range.start], &line[range.end..]);
    let rest_re = DATE_LINE_REST.as_ref()?;
    let only_date = rest
        .split_whitespace()
        .flat_map(|w| w.split(',').filter(|p| !p.is_empty()))
        .map(|w| w.trim_matches(|c| c == '(' || c == ')'))
        .filter(|w| !w.is_empty())
        .all(|w| rest_re.is_match(w));
    only_date.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_formats() {
        let cases = [
            ("Feb 22, 2023", Some("2023-02-22")),
            ("Published February 22, 2023", Some("2023-02-22")),
            ("22 February 2023", Some("2023-02-22")),
            ("Updated: 5th Sept 2019 10:30 IST", Some("2019-09-05")),
            ("2023-02-22T10:00", Some("2023-02-22")),
            ("on 07/01/2025", Some("2025-01-07")),
            ("12/25/2024", Some("2024-12-25")),
            ("Jul. 18 2024", Some("2024-07-18")),
            ("March 2021", Some("2021-03")),
            ("Feb 30, 2023", None),
            ("in 2023 sales rose", None),
            ("300 employees", None),
        ];
        for (input, want) in cases {
            assert_eq!(find_date(input).map(|d| d.0).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn date_lines_hold_only_a_date() {
        let cases = [
            ("Feb 22, 2023", Some("2023-02-22")),
            ("Monday, July 18, 2024 10:30 AM IST", Some("2024-07-18")),
            ("(22 Feb 2023)", Some("2023-02-22")),
            ("Sales fell on Feb 22, 2023", None),
        ];
        for (input, want) in cases {
            assert_eq!(date_line(input).as_deref(), want, "{input}");
        }
    }
}
