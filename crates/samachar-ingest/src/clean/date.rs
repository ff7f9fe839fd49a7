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

/// A date pattern and how to read the text of a match (a search for the
/// match alone runs no capturing engine; the groups of these patterns are
/// plain to read off the match).
type DateParser = (&'static LazyLock<Option<Regex>>, fn(&str) -> Option<String>);

/// The runs of ASCII digits in `m`, in order.
fn digit_runs(m: &str) -> impl Iterator<Item = &str> {
    m.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
}

/// The number of a run of digits.
fn number(run: Option<&str>) -> Option<u32> {
    run?.parse().ok()
}

/// The month of an [`MDY`] or [`MONTH_YEAR`] match: it opens the match.
fn leading_month(m: &str) -> Option<u32> {
    month_number(m)
}

/// The month of a [`DMY`] match: the word after the day (and its suffix),
/// past an "of".
fn month_after_day(m: &str) -> Option<u32> {
    let mut words = m.split_whitespace().skip(1);
    let word = words.next()?;
    let word = if word.eq_ignore_ascii_case("of") {
        words.next()?
    } else {
        word
    };
    month_number(word)
}

/// The four-digit year that closes an [`MDY`], [`DMY`] or [`MONTH_YEAR`]
/// match.
fn closing_year(m: &str) -> Option<u32> {
    number(m.get(m.len().checked_sub(4)?..))
}

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

/// The first full date in `s` (earliest in the text), as ISO, with its
/// byte range. Numeric `dd/mm/yyyy` is read day first (the Indian habit)
/// unless the first number cannot be a day's month.
pub(crate) fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    if !s.is_ascii() {
        return find_date_by_captures(s);
    }
    // Every pattern holds a year of four digits (ASCII ones, in ASCII
    // text).
    if !has_four_digits(s.as_bytes()) {
        return None;
    }
    let mut best: Option<(String, Range<usize>)> = None;
    let mut consider = |found: Option<(String, Range<usize>)>| {
        if let Some(f) = found
            && best.as_ref().is_none_or(|b| f.1.start < b.1.start)
        {
            best = Some(f);
        }
    };
    let parsers: [DateParser; 4] = [
        (&ISO, |m| {
            let mut runs = digit_runs(m);
            iso(
                number(runs.next())?,
                number(runs.next())?,
                number(runs.next())?,
            )
        }),
        (&MDY, |m| {
            iso(
                closing_year(m)?,
                leading_month(m)?,
                number(digit_runs(m).next())?,
            )
        }),
        (&DMY, |m| {
            iso(
                closing_year(m)?,
                month_after_day(m)?,
                number(digit_runs(m).next())?,
            )
        }),
        (&NUMERIC, |m| {
            let mut runs = digit_runs(m);
            let (a, b, y) = (
                number(runs.next())?,
                number(runs.next())?,
                number(runs.next())?,
            );
            iso(y, b, a).or_else(|| iso(y, a, b))
        }),
    ];
    for (regex, parse) in parsers {
        let Some(regex) = regex.as_ref() else {
            continue;
        };
        for m in regex.find_iter(s) {
            if let Some(date) = parse(m.as_str()) {
                consider(Some((date, m.range())));
                break;
            }
        }
    }
    if best.is_none()
        && let Some(regex) = MONTH_YEAR.as_ref()
        && let Some(m) = regex.find(s)
        && let (Some(month), Some(year)) = (leading_month(m.as_str()), closing_year(m.as_str()))
        && (1900..=2100).contains(&year)
    {
        best = Some((format!("{year:04}-{month:02}"), m.range()));
    }
    best
}

/// True when `bytes` hold four ASCII digits in a row.
fn has_four_digits(bytes: &[u8]) -> bool {
    let mut run = 0u8;
    for b in bytes {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// [`find_date`] reading the captured groups: for text with non-ASCII
/// characters, where a pattern's digits may be of another script.
fn find_date_by_captures(s: &str) -> Option<(String, Range<usize>)> {
    fn num(c: &Captures<'_>, i: usize) -> Option<u32> {
        c.get(i)?.as_str().parse().ok()
    }
    type ByCaptures = (
        &'static LazyLock<Option<Regex>>,
        fn(&Captures<'_>) -> Option<String>,
    );
    let mut best: Option<(String, Range<usize>)> = None;
    let parsers: [ByCaptures; 4] = [
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
                if best.as_ref().is_none_or(|b| m.start() < b.1.start) {
                    best = Some((date, m.range()));
                }
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
    fn dates_read_off_matches_are_the_captured_dates() {
        let texts = [
            "Feb 22, 2023",
            "Published February 22, 2023 and 3 March 2021",
            "22 February 2023",
            "Updated: 5th Sept 2019 10:30 IST",
            "the 1st of June, 2020; 31st of Feb 2020",
            "2023-02-22T10:00 or 2023/2/3 and 2023-13-45",
            "on 07/01/2025, 12/25/2024, 31.12.2024, 1-2-2024",
            "Jul. 18 2024 and JULY 4TH, 1999",
            "March 2021, sept. 2019",
            "Feb 30, 2023; 30 Feb 2023 then 1 Mar 2023",
            "in 2023 sales rose; 300 employees",
            "May 12 2100, 12 may 1899, dec 2101",
            "Feb 22, 23 and 22/2/23 or 2023-2-3 or 12 Comments",
            "on 1/2/203 then 5 May 99",
            "2023-1\u{966}-5 and २०२३-02-22, Feb 22, 2023",
        ];
        for t in texts {
            for k in 0..t.len() {
                if let Some(piece) = t.get(k..) {
                    assert_eq!(find_date(piece), find_date_by_captures(piece), "{piece}");
                }
            }
        }
    }

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
