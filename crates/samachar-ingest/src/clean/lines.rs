//! Line rules: page furniture recognised by the shape of a line and its
//! neighbours (share bars, "Also Read" links, copyright lines, counters, job
//! boards, bylines, contact blocks, site controls).

use super::Marks;
use super::date::{date_line, find_date};
use regex::Regex;
use samachar_model::FurnitureKind;
use std::sync::LazyLock;

/// One line of the text, trimmed.
#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    /// Byte offset of the first non-blank character.
    pub start: usize,
    /// Byte offset after the last non-blank character.
    pub end: usize,
    /// The trimmed line.
    pub text: &'a str,
    /// Number of white-space separated words.
    pub words: usize,
}

impl Line<'_> {
    /// True for an empty or all-blank line.
    pub(crate) fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits `text` into trimmed lines.
pub(crate) fn split(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut pos = 0usize;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let start = pos + lead;
        out.push(Line {
            start,
            end: start + trimmed.len(),
            text: trimmed,
            words: trimmed.split_whitespace().count(),
        });
        pos += raw.len() + 1;
    }
    out
}

/// Metadata the line rules noticed on the way.
#[derive(Clone, Debug, Default)]
pub(crate) struct Hints {
    /// A byline name ("By X").
    pub source: Option<String>,
    /// A date labelled as the publication date.
    pub published: Option<String>,
    /// A date labelled as an update.
    pub updated: Option<String>,
    /// A bare date line near the top.
    pub date: Option<String>,
    /// An agency credited in a line of its own ("With inputs from PTI").
    pub agency: Option<String>,
}

fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

fn is(regex: &LazyLock<Option<Regex>>, s: &str) -> bool {
    regex.as_ref().is_some_and(|r| r.is_match(s))
}

static ALSO_READ: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:also\s+read|read\s+also|also\s+see|see\s+also|must\s+read|read\s+more|also\s+watch|watch\s+also|related(?:\s+(?:news|stories|articles|posts|coverage|links))?|recommended(?:\s+(?:stories|articles|for\s+you))?|you\s+may\s+also\s+like|more\s+(?:stories|news)\s+like\s+this|don'?t\s+miss)\b\s*(?P<sep>[:|»>\-–—]+)?\s*(?P<rest>.*)$",
    )
});
static COPYRIGHT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)©|\bcopyright\s*(?:©|\(c\)|\d{4})|\ball\s+rights\s+reserved\b|^\(c\)\s*\d{4}")
});
static COUNTER_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^\d[\d,.]*\s*[km]?\+?\s+(?:comments?|shares?|views?|likes?|reads?|reactions?|replies|votes?|min(?:ute)?s?\s+read)$",
    )
});
static NUMBER_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(?i)^\d[\d,.]*\s*[km]?\+?$"));
/// Whole lines of site controls and notices.
static SITE_UI: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?ix)^(?:
        (?:exit|switch\s+to|view|go\s+to|back\s+to|visit)\s+(?:the\s+)?(?:mobile|desktop|amp|full|classic|web|non-amp)\s+(?:version|site|view|page|website)
      | skip\s+to\s+(?:main\s+)?content | skip\s+navigation | (?:back|scroll|go)\s+to\s+top | top\s+of\s+page
      | advertisements? | advertisment | advt\.? | ads? | sponsored(?:\s+(?:content|stories|links|post))? | promoted(?:\s+(?:content|stories))? | partner\s+content
      | (?:story|article)\s+continues\s+(?:below|after)(?:\s+this)?(?:\s+(?:ad|advertisement))?
      | continue\s+reading(?:\s+below)? | scroll\s+(?:down\s+)?to\s+continue(?:\s+with\s+content)?
      | loading(?:\.{1,3})? | please\s+wait(?:\.{1,3})?
      | leave\s+a\s+(?:comment|reply) | post\s+a\s+comment | write\s+a\s+comment | add\s+(?:a\s+)?comment | no\s+comments\s+yet | be\s+the\s+first\s+to\s+comment | view\s+comments | show\s+comments
      | open\s+in\s+app | get\s+the\s+app | download\s+(?:our|the)\s+app
      | next\s+(?:story|article|post) | previous\s+(?:story|article|post)
      | listen\s+to\s+(?:this\s+)?(?:article|story)
      | trending(?:\s+(?:now|topics|stories|news))? | latest\s+(?:news|stories|videos|updates) | top\s+(?:stories|news|headlines)
      | most\s+(?:read|popular|viewed|shared) | popular\s+(?:stories|posts|news) | editor'?s\s+picks? | in\s+case\s+you\s+missed\s+it
      | your\s+email\s+address\s+will\s+not\s+be\s+published.*
      | (?:powered|designed(?:\s+and\s+developed)?|developed)\s+by\s+\S.{0,40}
    )[.!:]?$")
});
/// Promotions of the site's app, channels and subscriptions.
static PROMO: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?ix)
        \b(?:download|install|get)\s+(?:the\s+|our\s+)?(?:[\w&'’-]+\s+){0,5}app\b
      | \bjoin\s+(?:our|us\s+on)\s+(?:[\w-]+\s+){0,3}(?:channel|group|community)\b
      | \bsubscribe\s+to\s+(?:our|the)\s+(?:[\w&'’-]+\s+){0,5}(?:channel|newsletter|epaper|e-paper|prime|premium|magazine)\b
      | \bfollow\s+us\s+on\b
      | \bclick\s+here\s+(?:to|for)\b
      | \bcatch\s+all\s+the\s+(?:[\w-]+\s+){0,3}news\b
      | ^\(?\s*image\s+(?:used\s+)?for\s+representational?\s+purposes?(?:\s+only)?\s*\)?\.?$
    ")
});
/// "(With inputs from PTI)", "— IANS": agency credits.
static AGENCY_CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?:\(?\s*(?i:with\s+(?:additional\s+)?inputs?\s+from)\s+(?P<from>[^()]{2,40}?)\s*\)?\.?|[-–—]+\s*(?P<agency>\p{Lu}{2,6}))$",
    )
});
static TAGS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(?:tags?|topics?|keywords?|filed\s+under|categories|category|labels?)\s*:")
});
static CAPTCHA: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)can'?t\s+read\s+the\s+(?:image|text|code)|captcha|click\s+here\s+to\s+refresh|(?:enter|type)\s+the\s+(?:code|characters|text|letters)\s+(?:shown|above|below|you\s+see|in\s+the\s+image)",
    )
});
static NEWSLETTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)\bnewsletters?\b|^(?:subscribe|sign\s+up)\b.*\b(?:updates|alerts)\b")
});
static SYNDICATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)has\s+not\s+been\s+edited\s+by|auto-generated\s+from\s+a\s+syndicated\s+feed|published\s+from\s+a\s+syndicated\s+feed",
    )
});
static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^\(?\s*(?:(?:photo|image|picture|pic|video|graphic|file\s+photo|cover\s+image|featured\s+image)s?(?:\s+(?:credits?|courtesy|source))?\s*[:|/\-–]\s*\S.{0,60}|(?:representational|representative|file)\s+(?:image|photo|picture|pic))\s*\)?\.?$",
    )
});
static PAGE_NUMBER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(?i)^(?:page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4})$")
});
static EMPLOYMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?:permanent|full[\s-]?time|part[\s-]?time|contract(?:ual)?|temporary|internship|freelance|fixed[\s-]term|walk[\s-]in)\b\s*(?:[·•|,/\-–—]\s*\S.{0,60})?$",
    )
});
static BYLINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"^(?i:(?:written\s+|reported\s+|edited\s+|posted\s+)?by)\s*:?\s+(?P<name>[\p{Lu}\d][^|•·,;]*?)\s*(?:[|•·,;]\s*(?P<rest>.*))?$",
    )
});
static DATE_LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)^(?P<label>(?:first\s+)?published|(?:last\s+)?updated|posted|modified|dated?)(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.*)$",
    )
});
static PHONE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:tel|telephone|phone|ph|mob|mobile|fax|call\s+us|helpline|contact)\b\.?\s*(?:no\.?)?\s*[:.]?\s*\+?\(?\d[\d\s()\-]{6,}",
    )
});
static EMAIL: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+"));
static PIN: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"\b\d{3}\s?\d{3}\b"));

/// Words of share bars and reading controls; a line made only of these
/// (with at least one [`UI_ANCHORS`] word) is a share bar.
const UI_ANCHORS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "download",
    "print",
    "tweet",
    "whatsapp",
    "facebook",
    "twitter",
    "linkedin",
    "telegram",
    "pinterest",
    "reddit",
    "email",
    "e-mail",
    "mail",
    "subscribe",
    "follow",
    "bookmark",
    "save",
    "comment",
    "comments",
    "listen",
    "font",
    "size",
    "zoom",
    "instagram",
    "youtube",
    "messenger",
    "sms",
    "copy",
    "copied",
    "pdf",
    "like",
    "koo",
    "threads",
];
const UI_FILLERS: &[&str] = &[
    "the", "this", "article", "story", "page", "post", "here", "click", "tap", "to", "on", "us",
    "text", "via", "and", "or", "with", "a", "an", "news", "google", "now", "it", "our", "x",
    "reset", "normal", "large", "small", "larger", "smaller", "increase", "decrease", "link",
    "url", "for", "later", "more",
];
/// Last words of counter labels ("300 / Fashion Jobs", "12 / Comments").
const COUNTER_WORDS: &[&str] = &[
    "jobs",
    "job",
    "comments",
    "comment",
    "views",
    "shares",
    "likes",
    "followers",
    "subscribers",
    "reads",
    "photos",
    "videos",
    "notifications",
    "replies",
    "reactions",
    "votes",
    "results",
    "items",
    "articles",
    "stories",
    "alerts",
    "messages",
    "openings",
    "vacancies",
];
/// Close buttons and similar lone symbols.
const SYMBOLS: &[&str] = &["×", "✕", "✖", "✗", "⨯", "☰", "x", "X"];
/// Symbols that are furniture even alone.
const CLOSE_SYMBOLS: &[&str] = &["×", "✕", "✖", "⨯", "☰"];

/// Applies every line rule, painting `marks`; returns what it noticed.
pub(crate) fn mark(lines: &[Line<'_>], marks: &mut Marks) -> Hints {
    let mut hints = Hints::default();
    for line in lines {
        if let Some(kind) = line_kind(line) {
            marks.paint(line.start, line.end, kind);
        }
        if let Some(c) = AGENCY_CREDIT.as_ref().and_then(|r| r.captures(line.text))
            && let Some(m) = c.name("agency").or_else(|| c.name("from"))
        {
            hints
                .agency
                .get_or_insert_with(|| m.as_str().trim().to_string());
        }
    }
    mark_counters(lines, marks);
    mark_jobs(lines, marks);
    mark_bylines(lines, marks, &mut hints);
    mark_contact_block(lines, marks);
    hints
}

/// The kind of a line that is furniture on its own.
pub(crate) fn line_kind(line: &Line<'_>) -> Option<FurnitureKind> {
    let t = line.text;
    if t.is_empty() {
        return None;
    }
    // Paragraphs of running text are never furniture on their own, except
    // for a syndication notice.
    if line.words > 40 {
        return (line.words <= 80 && is(&SYNDICATION, t)).then_some(FurnitureKind::Other);
    }
    if line.words <= 30 && is(&COPYRIGHT, t) {
        return Some(FurnitureKind::Copyright);
    }
    if line.words <= 40 && is_also_read(t) {
        return Some(FurnitureKind::AlsoRead);
    }
    if line.words <= 10 && is_share_bar(t) {
        return Some(FurnitureKind::ShareBar);
    }
    if is(&COUNTER_LINE, t) {
        return Some(FurnitureKind::Counter);
    }
    let short = line.words <= 12;
    let other = is(&SITE_UI, t)
        || is(&TAGS, t) && line.words <= 40
        || is(&CAPTCHA, t) && line.words <= 20
        || short && is(&NEWSLETTER, t) && !ends_sentence(t)
        || is(&SYNDICATION, t)
        || line.words <= 25 && is(&PROMO, t)
        || is(&AGENCY_CREDIT, t)
        || CLOSE_SYMBOLS.contains(&t)
        || short && is(&CREDIT, t)
        || is(&PAGE_NUMBER, t)
        || is_breadcrumb(t, line.words);
    other.then_some(FurnitureKind::Other)
}

fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', '"', '”', '’', '\''])
}

fn is_also_read(t: &str) -> bool {
    let Some(c) = ALSO_READ.as_ref().and_then(|r| r.captures(t)) else {
        return false;
    };
    let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
    let has_sep = c.name("sep").is_some();
    let lead = c.get(0).map_or("", |m| m.as_str()).to_lowercase();
    let bare = rest
        .trim_matches(|ch: char| !ch.is_alphanumeric())
        .is_empty();
    // "Also Read Some Headline" without a colon still reads as a link.
    let title_follows = (lead.starts_with("also read") || lead.starts_with("read also"))
        && rest.starts_with(|ch: char| ch.is_uppercase());
    bare || has_sep || title_follows
}

/// Splits a line into lower-case tokens for the share-bar test.
fn ui_tokens(t: &str) -> Vec<String> {
    t.split(|c: char| c.is_whitespace() || "|·•/,:;()[]".contains(c))
        .map(|w| {
            w.trim_matches(|c: char| matches!(c, '.' | '!' | '…' | '"' | '\''))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn is_size_control(w: &str) -> bool {
    let core = w.trim_end_matches(['+', '-', '−']);
    w.len() > core.len() && core.chars().all(|c| c == 'a') || w.chars().all(|c| "+-−".contains(c))
}

fn is_share_bar(t: &str) -> bool {
    let tokens = ui_tokens(t);
    if tokens.is_empty() || tokens.len() > 10 {
        return false;
    }
    let mut anchor = false;
    for w in &tokens {
        if UI_ANCHORS.contains(&w.as_str()) || is_size_control(w) {
            anchor = true;
        } else if !UI_FILLERS.contains(&w.as_str()) {
            return false;
        }
    }
    anchor
}

/// "| | Arts & Culture, Asia" or "Home > Business > Economy": short
/// segments between separators, no figures.
fn is_breadcrumb(t: &str, words: usize) -> bool {
    const SEPS: &[char] = &['|', '>', '»', '›'];
    if words > 15 || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let seps = t.chars().filter(|c| SEPS.contains(c)).count();
    // A row of a Markdown table starts and ends with a bar: content.
    if seps == 0 || !(t.starts_with(SEPS) || seps >= 2) || (t.starts_with('|') && t.ends_with('|'))
    {
        return false;
    }
    t.split(SEPS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .all(|s| s.split_whitespace().count() <= 5 && !ends_sentence(s))
}

/// "×" / "300" / "Fashion Jobs": a lone number beside a short counter label,
/// with any close symbol just before.
fn mark_counters(lines: &[Line<'_>], marks: &mut Marks) {
    // Counter labels are capitalised ("Fashion Jobs", "Comments"); a label
    // like "Number of jobs" above its value is a field of a data layout.
    let is_label = |l: &Line<'_>| {
        l.words <= 3
            && !l.text.chars().any(|c| c.is_ascii_digit())
            && l.text
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && l.text
                .split_whitespace()
                .last()
                .is_some_and(|w| COUNTER_WORDS.contains(&w.to_lowercase().as_str()))
    };
    let is_symbol = |l: &Line<'_>| SYMBOLS.contains(&l.text);
    for (i, line) in lines.iter().enumerate() {
        if !is(&NUMBER_LINE, line.text) {
            continue;
        }
        let (mut first, mut last) = (i, i);
        if lines.get(i + 1).is_some_and(is_label) {
            last = i + 1;
        } else if !(i > 0 && is_symbol(&lines[i - 1])) {
            continue;
        }
        if first > 0 && is_symbol(&lines[first - 1]) {
            first -= 1;
        }
        marks.paint(lines[first].start, lines[last].end, FurnitureKind::Counter);
    }
}

/// A line that may belong to a job advertisement: short, not a sentence.
fn is_jobish(l: &Line<'_>) -> bool {
    !l.is_blank() && l.words <= 16 && !(l.text.ends_with('.') && l.words >= 6)
}

/// Job boards: advertisements of a few short lines (employer, job title)
/// each ending in an employment-type line ("Permanent · Pune"). Two or more
/// such advertisements in a row make a block.
fn mark_jobs(lines: &[Line<'_>], marks: &mut Marks) {
    let anchors: Vec<usize> = (0..lines.len())
        .filter(|&i| is(&EMPLOYMENT, lines[i].text))
        .collect();
    let mut g = 0usize;
    while g < anchors.len() {
        let mut h = g;
        while h + 1 < anchors.len()
            && anchors[h + 1] - anchors[h] <= 6
            && lines[anchors[h] + 1..anchors[h + 1]].iter().all(is_jobish)
        {
            h += 1;
        }
        if h > g {
            let (first, last) = (anchors[g], anchors[h]);
            // Lines per advertisement, so the first one's employer and title
            // are included too.
            let period = (last - first + (h - g) / 2) / (h - g);
            let mut start = first;
            while start > 0
                && first - start < period.saturating_sub(1).min(4)
                && is_jobish(&lines[start - 1])
            {
                start -= 1;
            }
            marks.paint(
                lines[start].start,
                lines[last].end,
                FurnitureKind::JobListing,
            );
        }
        g = h + 1;
    }
}

/// A byline name: a few words, capitalised, not a sentence.
fn is_name_line(l: &Line<'_>) -> bool {
    (1..=6).contains(&l.words)
        && l.text
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !ends_sentence(l.text)
        && !l.text.contains(':')
}

/// The next non-blank line after `i`, skipping at most one blank line.
fn next_filled(lines: &[Line<'_>], i: usize) -> Option<usize> {
    (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].is_blank())
}

/// Bylines and date lines: "By" / "Name", "By Name | Updated: ...",
/// "Published" / "Feb 22, 2023", and bare date lines above the article.
fn mark_bylines(lines: &[Line<'_>], marks: &mut Marks, hints: &mut Hints) {
    // Lines above the first paragraph of running text are "the top".
    let top = lines
        .iter()
        .position(|l| l.words >= 15 && ends_sentence(l.text))
        .unwrap_or(lines.len());
    let mut i = 0usize;
    while i < lines.len() {
        let line = &lines[i];
        let t = line.text;
        let mut last = None;
        if t.eq_ignore_ascii_case("by") || t.eq_ignore_ascii_case("by:") {
            if let Some(j) = next_filled(lines, i)
                && is_name_line(&lines[j])
            {
                hints
                    .source
                    .get_or_insert_with(|| lines[j].text.to_string());
                last = Some(j);
            }
        } else if line.words <= 12
            && let Some(c) = BYLINE.as_ref().and_then(|r| r.captures(t))
            && let Some(name) = c.name("name")
        {
            let rest = c.name("rest").map_or("", |m| m.as_str());
            let name = name.as_str().trim();
            let name_ok = (1..=6).contains(&name.split_whitespace().count()) && !ends_sentence(t);
            let rest_ok = rest.is_empty() || find_date(rest).is_some() || is(&DATE_LABEL, rest);
            if name_ok && rest_ok {
                hints.source.get_or_insert_with(|| name.to_string());
                if let Some((date, _)) = find_date(rest) {
                    hints.published.get_or_insert(date);
                }
                last = Some(i);
            }
        } else if line.words <= 14
            && let Some(c) = DATE_LABEL.as_ref().and_then(|r| r.captures(t))
        {
            let label = c.name("label").map_or("", |m| m.as_str()).to_lowercase();
            let rest = c.name("rest").map_or("", |m| m.as_str()).trim();
            let found = if rest.is_empty() {
                next_filled(lines, i).and_then(|j| date_line(lines[j].text).map(|d| (d, j)))
            } else {
                // The date opens what follows the label ("Updated: Feb 2,
                // 2023 | ..."), unlike "Updated figures for March 2023".
                find_date(rest)
                    .filter(|(_, r)| {
                        rest[..r.start]
                            .trim_matches(|c: char| !c.is_alphanumeric())
                            .is_empty()
                    })
                    .map(|(d, _)| (d, i))
            };
            if let Some((date, j)) = found {
                let slot = if label.contains("updated") || label.contains("modified") {
                    &mut hints.updated
                } else {
                    &mut hints.published
                };
                slot.get_or_insert(date);
                last = Some(j);
            }
        } else if i < top
            && line.words <= 10
            && let Some(date) = date_line(t)
        {
            hints.date.get_or_insert(date);
            last = Some(i);
        }
        if let Some(j) = last {
            marks.paint(line.start, lines[j].end, FurnitureKind::Other);
            i = j + 1;
        } else {
            i += 1;
        }
    }
}

/// True when every non-blank byte of `line` is marked.
pub(crate) fn is_covered(marks: &Marks, line: &Line<'_>) -> bool {
    line.text
        .bytes()
        .enumerate()
        .all(|(k, b)| b.is_ascii_whitespace() || marks.is_marked(line.start + k))
}

/// A line with a telephone number, an e-mail address, or a postal code in
/// a comma-separated address.
fn is_contact(t: &str) -> bool {
    is(&PHONE, t)
        || is(&EMAIL, t)
        || (is(&PIN, t) && t.matches(',').count() >= 2 && !ends_sentence(t))
}

/// A line that may be part of an address: short, not a sentence.
fn is_address_part(l: &Line<'_>) -> bool {
    l.words <= 20
        && !ends_sentence(l.text)
        && (l.text.contains(',') || l.text.contains(" - ") || l.words <= 6)
}

/// Contact blocks at the end of a page: lines up from the end that look
/// like an address, holding at least one telephone, e-mail or postal line.
fn mark_contact_block(lines: &[Line<'_>], marks: &mut Marks) {
    let mut block: Vec<usize> = Vec::new();
    let mut strong = false;
    for (i, line) in lines.iter().enumerate().rev() {
        if line.is_blank() {
            // The block is one run of lines.
            if block.is_empty() {
                continue;
            }
            break;
        }
        // Furniture inside or below the block (a captcha line, a copyright
        // line) is already marked.
        if is_covered(marks, line) {
            continue;
        }
        if block.len() >= 10 {
            break;
        }
        if is_contact(line.text) {
            strong = true;
            block.push(i);
        } else if is_address_part(line) {
            block.push(i);
        } else {
            break;
        }
    }
    if strong {
        for i in block {
            marks.paint(lines[i].start, lines[i].end, FurnitureKind::Other);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(t: &str) -> Option<FurnitureKind> {
        let lines = split(t);
        lines.first().and_then(line_kind)
    }

    #[test]
    fn single_line_rules() {
        use FurnitureKind::*;
        let cases: &[(&str, Option<FurnitureKind>)] = &[
            (
                "Also Read: Town Becomes 2nd Fastest Developing City",
                Some(AlsoRead),
            ),
            ("Also Read", Some(AlsoRead)),
            ("ALSO READ | Markets fall", Some(AlsoRead)),
            ("Also read | Markets fall", Some(AlsoRead)),
            ("Read more:", Some(AlsoRead)),
            ("READ ALSO Exporters seek relief", Some(AlsoRead)),
            ("Also, read the fine print before signing.", None),
            ("Related to this, the board met on Monday.", None),
            ("Share", Some(ShareBar)),
            ("Click here to print", Some(ShareBar)),
            ("Text size", Some(ShareBar)),
            ("aA+ aA-", Some(ShareBar)),
            ("Share on WhatsApp | Tweet | Email", Some(ShareBar)),
            ("Follow us on Google News", Some(ShareBar)),
            ("Download the article", Some(ShareBar)),
            ("The share of women rose to 70 per cent.", None),
            (
                "Copyright © 2023 Some Paper. All rights reserved.",
                Some(Copyright),
            ),
            ("© 2024 The Daily Mill", Some(Copyright)),
            ("All Rights Reserved", Some(Copyright)),
            (
                "Copyright law was amended in the Lok Sabha on Friday.",
                None,
            ),
            ("12 Comments", Some(Counter)),
            ("Exit mobile version", Some(Other)),
            ("Switch to the desktop site", Some(Other)),
            ("ADVERTISEMENT", Some(Other)),
            ("Story continues below this ad", Some(Other)),
            ("Subscribe for Example Newsletter", Some(Other)),
            ("Sign up for our daily newsletter", Some(Other)),
            ("Can't read the image? click here to refresh", Some(Other)),
            ("Tags: Bihar, footwear, exports", Some(Other)),
            ("| | Arts & Culture, Asia, India", Some(Other)),
            ("Home > Business > Economy", Some(Other)),
            ("(Photo: Agency)", Some(Other)),
            ("Representational image", Some(Other)),
            ("Page 3 of 12", Some(Other)),
            (
                "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
                Some(Other),
            ),
            ("Revenue | Rs 1,524 crore | 2008-09", None),
            ("Why Does the Army Prefer These Shoes?", None),
            ("Empowering Women in Manufacturing", None),
            ("Number of MSMEs", None),
            ("450", None),
            (
                "The newsletter was first printed in 1990 by the association.",
                None,
            ),
            (
                "Download The Daily Paper News App to get Daily Market Updates.",
                Some(Other),
            ),
            (
                "Join our WhatsApp channel for the latest updates",
                Some(Other),
            ),
            ("Subscribe to our YouTube channel", Some(Other)),
            ("(With inputs from PTI)", Some(Other)),
            ("— IANS", Some(Other)),
            ("Trending Now", Some(Other)),
            ("Most Read", Some(Other)),
            ("×", Some(Other)),
            ("Image used for representational purpose only", Some(Other)),
            ("| Company | Location |", None),
            (
                "Exporters said the app-based portal helped them file returns faster than before.",
                None,
            ),
        ];
        for (line, want) in cases {
            assert_eq!(kind(line), *want, "{line}");
        }
    }

    fn marked(text: &str) -> (Vec<String>, Hints) {
        let lines = split(text);
        let mut marks = Marks::new(text.len());
        let hints = mark(&lines, &mut marks);
        let spans = lines
            .iter()
            .filter(|l| !l.is_blank() && marks.covered(text, l.start, l.end) >= 1.0)
            .map(|l| l.text.to_string())
            .collect();
        (spans, hints)
    }

    #[test]
    fn job_board_block() {
        let text = "×\n12\nRetail Jobs\nACME TEXTILES\nStore Manager\nPermanent · Surat\nNORTHWIND LTD\nSenior Merchandiser - Knits\nFull-time · Tiruppur\nGLOBEX\nArea Sales Manager\nPermanent · Ludhiana\n\nThe cluster employs 4,000 workers.";
        let (lines, _) = marked(text);
        let mut want: Vec<&str> = text.lines().take(12).collect();
        want.retain(|l| !l.is_empty());
        assert_eq!(lines, want);
    }

    #[test]
    fn lone_numbers_in_data_layouts_are_content() {
        let cases = [
            "Number of units\n\n450\n\nMain fuels\n\nNatural gas",
            "Number of jobs\n4175\nDirect jobs\n1200",
            "Units in 2010\n450\n",
        ];
        for text in cases {
            let (lines, _) = marked(text);
            assert!(lines.is_empty(), "{lines:?}");
        }
    }

    #[test]
    fn counters_beside_labels_or_close_buttons() {
        let cases: &[(&str, &[&str])] = &[
            ("×\n300\nFashion Jobs\nBody", &["×", "300", "Fashion Jobs"]),
            ("12\nComments\nBody", &["12", "Comments"]),
            ("✕\n5\nBody", &["✕", "5"]),
        ];
        for (text, want) in cases {
            assert_eq!(&marked(text).0, want, "{text}");
        }
    }

    #[test]
    fn byline_blocks_give_source_and_date() {
        // (text, lines marked, source, date)
        type Case<'a> = (&'a str, &'a [&'a str], Option<&'a str>, Option<&'a str>);
        let cases: &[Case<'_>] = &[
            (
                "By\nThe Wire Desk\nPublished\nFeb 22, 2023\n\nHeadline here",
                &["By", "The Wire Desk", "Published", "Feb 22, 2023"],
                Some("The Wire Desk"),
                Some("2023-02-22"),
            ),
            (
                "By Staff Reporter | Updated: 22 February 2023 10:30 IST\nHeadline",
                &["By Staff Reporter | Updated: 22 February 2023 10:30 IST"],
                Some("Staff Reporter"),
                Some("2023-02-22"),
            ),
            (
                "Published on: 2024-07-18\nBody",
                &["Published on: 2024-07-18"],
                None,
                Some("2024-07-18"),
            ),
            (
                "Updated figures for March 2023 show growth\nPublished - July 18, 2024 10:30 pm IST",
                &["Published - July 18, 2024 10:30 pm IST"],
                None,
                Some("2024-07-18"),
            ),
            (
                "Written By: Asha Rao\nLast Updated: Jul 18, 2024 at 10:30 AM IST",
                &[
                    "Written By: Asha Rao",
                    "Last Updated: Jul 18, 2024 at 10:30 AM IST",
                ],
                Some("Asha Rao"),
                Some("2024-07-18"),
            ),
            (
                "By June, the plant will open.\nBy 2030 output doubles.",
                &[],
                None,
                None,
            ),
        ];
        for (text, want_lines, source, published) in cases {
            let (lines, hints) = marked(text);
            assert_eq!(&lines, want_lines, "{text}");
            assert_eq!(hints.source.as_deref(), *source, "{text}");
            assert_eq!(
                hints.published.or(hints.updated).as_deref(),
                *published,
                "{text}"
            );
        }
    }

    #[test]
    fn contact_block_at_the_end() {
        let text = "The cluster grew fast this year and now exports widely.\n\nSecretary - Some Society, Energy Division,\n12 Park Street, Kolkata 700 016, India\nTel: +91 33 2222 1111 | Email: info@example.org";
        let (lines, _) = marked(text);
        assert_eq!(lines, text.lines().skip(2).collect::<Vec<_>>());
        let body_only = "The office is at 12 Park Street, Kolkata 700 016, India, officials said.";
        assert!(marked(body_only).0.is_empty());
    }
}
