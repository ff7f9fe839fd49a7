//! Chart specifications computed from the facts of a corpus.
//!
//! A [`ChartSpec`] holds everything needed to draw a bar chart: categories,
//! series of values, formatted value labels and, for every bar, the facts it
//! stands on ([`FactRef`]). The app's Charts view and the SVG/PNG exporters
//! draw the same spec, so a chart in a report shows what the window showed.
//!
//! Names are grouped through the corpus entities: a fact about "Competence
//! Exports Private Limited" and one about "Competence Exports Pvt Ltd" land
//! on one bar when the corpus resolved them as aliases of one entity.

use crate::format::{format_inr, format_money, format_usd};
use samachar_model::text::format_number;
use samachar_model::{ArticleAnalysis, CorpusAnalysis, Fact, FactValue};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

/// Which chart to draw.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// Women and men employed per organisation (stacked bars).
    #[default]
    Workforce,
    /// Output and other volumes (bags/month, pairs/year ...).
    Output,
    /// Export destinations: articles that name each country.
    Exports,
    /// Money amounts in rupees, with the dollar figure an article gives.
    Money,
}

impl ChartKind {
    /// All kinds, in display order.
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Workforce,
        ChartKind::Output,
        ChartKind::Exports,
        ChartKind::Money,
    ];

    /// The kind's name as written on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Workforce => "workforce",
            ChartKind::Output => "output",
            ChartKind::Exports => "exports",
            ChartKind::Money => "money",
        }
    }

    /// The kind's name for people ("Workforce").
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::Workforce => "Workforce",
            ChartKind::Output => "Output",
            ChartKind::Exports => "Exports",
            ChartKind::Money => "Money",
        }
    }
}

impl fmt::Display for ChartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ChartKind {
    type Err = crate::ChartError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        ChartKind::ALL
            .into_iter()
            .find(|k| k.as_str() == lower)
            .ok_or_else(|| crate::ChartError::UnknownChart(s.to_string()))
    }
}

/// One fact behind a bar.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FactRef {
    /// Index of the article in [`CorpusAnalysis::articles`].
    pub article_index: usize,
    /// Index of the fact in that article's `facts`.
    pub fact_index: usize,
    /// The article's file name.
    pub article: String,
    /// The sentence the fact comes from.
    pub sentence: String,
}

/// One series of bars (one colour, one legend entry).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// The legend name ("Women", "Exports to", "bags/month").
    pub name: String,
    /// One value per category; `None` where the series has no bar.
    pub values: Vec<Option<f64>>,
    /// The unit of the values, if they share one.
    pub unit: Option<String>,
    /// Per category: the facts behind the bar (empty where there is none).
    pub evidence: Vec<Vec<FactRef>>,
    /// Per category: the formatted value label ("210", "₹15 crore ($1.9
    /// million)"). A label may stand where the value is `None`, for a fact
    /// that cannot be drawn on this axis (a dollar amount with no rupee
    /// figure on a rupee chart).
    pub labels: Vec<Option<String>>,
}

impl Series {
    fn new(name: &str, unit: Option<&str>, categories: usize) -> Self {
        Series {
            name: name.to_string(),
            values: vec![None; categories],
            unit: unit.map(str::to_string),
            evidence: vec![Vec::new(); categories],
            labels: vec![None; categories],
        }
    }

    fn set(&mut self, category: usize, value: Option<f64>, label: String, evidence: Vec<FactRef>) {
        if let Some(slot) = self.values.get_mut(category) {
            *slot = value;
        }
        if let Some(slot) = self.labels.get_mut(category) {
            *slot = Some(label);
        }
        if let Some(slot) = self.evidence.get_mut(category) {
            *slot = evidence;
        }
    }

    fn has_values(&self) -> bool {
        self.values.iter().any(Option::is_some) || self.labels.iter().any(Option::is_some)
    }
}

/// A bar of a chart, as handed out by [`ChartSpec::bars`].
#[derive(Clone, Debug, PartialEq)]
pub struct BarRef<'a> {
    /// Index of the series.
    pub series: usize,
    /// Index of the category.
    pub category: usize,
    /// The value (`None` for a fact shown as a label only).
    pub value: Option<f64>,
    /// The formatted value.
    pub label: &'a str,
    /// The facts behind it.
    pub evidence: &'a [FactRef],
}

/// Everything needed to draw one chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// Which chart.
    pub kind: ChartKind,
    /// The organisation or subject the chart is limited to, if any.
    pub subject: Option<String>,
    /// The title ("Workforce: women and men").
    pub title: String,
    /// A line under the title saying what is measured.
    pub subtitle: String,
    /// The source line ("Source: 2 articles: 000_a.txt, 001_b.txt").
    pub source: String,
    /// The label of the category axis.
    pub x_label: String,
    /// The label of the value axis.
    pub y_label: String,
    /// The categories along the x axis.
    pub categories: Vec<String>,
    /// The series; every one has one entry per category.
    pub series: Vec<Series>,
    /// Draw the value axis on a logarithmic scale.
    pub log_scale: bool,
    /// Stack the series on one bar per category (otherwise side by side).
    pub stacked: bool,
}

impl ChartSpec {
    /// True when the chart has no value to draw.
    pub fn is_empty(&self) -> bool {
        !self
            .series
            .iter()
            .any(|s| s.values.iter().any(Option::is_some))
    }

    /// Every bar (and every label-only entry), series by series, in
    /// category order.
    pub fn bars(&self) -> Vec<BarRef<'_>> {
        let mut out = Vec::new();
        for (si, s) in self.series.iter().enumerate() {
            for ci in 0..self.categories.len() {
                let value = s.values.get(ci).copied().flatten();
                let label = s.labels.get(ci).and_then(|l| l.as_deref());
                if value.is_none() && label.is_none() {
                    continue;
                }
                out.push(BarRef {
                    series: si,
                    category: ci,
                    value,
                    label: label.unwrap_or(""),
                    evidence: s.evidence.get(ci).map_or(&[], Vec::as_slice),
                });
            }
        }
        out
    }

    /// The name of a bar for people and screen readers:
    /// "Competence Exports — Women: 210".
    pub fn bar_title(&self, bar: &BarRef<'_>) -> String {
        let category = self.categories.get(bar.category).map_or("", String::as_str);
        let series = self.series.get(bar.series).map_or("", |s| s.name.as_str());
        if self.series.len() > 1 {
            format!("{category} — {series}: {}", bar.label)
        } else {
            format!("{category}: {}", bar.label)
        }
    }

    /// The files the chart's facts come from, in corpus order.
    pub fn articles(&self) -> Vec<String> {
        let set: BTreeSet<(usize, &str)> = self
            .series
            .iter()
            .flat_map(|s| s.evidence.iter().flatten())
            .map(|r| (r.article_index, r.article.as_str()))
            .collect();
        let mut files: Vec<String> = Vec::new();
        for (_, f) in set {
            if !files.iter().any(|x| x == f) {
                files.push(f.to_string());
            }
        }
        files
    }

    fn finish(mut self) -> Self {
        self.series.retain(Series::has_values);
        let files = self.articles();
        self.source = match files.len() {
            0 => "Source: no facts".to_string(),
            n => {
                let shown = files.iter().take(4).cloned().collect::<Vec<_>>().join(", ");
                let more = if n > 4 {
                    format!(" and {} more", n - 4)
                } else {
                    String::new()
                };
                let noun = if n == 1 { "article" } else { "articles" };
                format!("Source: {n} {noun}: {shown}{more}")
            }
        };
        self
    }
}

/// Builds the chart `kind` from the corpus's facts, limited to the facts
/// about `subject` (any of an entity's names) when one is given.
pub fn chart(kind: ChartKind, corpus: &CorpusAnalysis, subject: Option<&str>) -> ChartSpec {
    let names = Names::new(corpus);
    let subject = subject
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| names.canonical(s));
    let spec = match kind {
        ChartKind::Workforce => workforce(corpus, &names, subject.as_deref()),
        ChartKind::Output => output(corpus, &names, subject.as_deref()),
        ChartKind::Exports => exports(corpus, &names, subject.as_deref()),
        ChartKind::Money => money(corpus, &names, subject.as_deref()),
    };
    spec.finish()
}

/// The subjects (organisations, clusters ...) the chart `kind` can be limited
/// to: canonical names, sorted.
pub fn subjects(kind: ChartKind, corpus: &CorpusAnalysis) -> Vec<String> {
    let names = Names::new(corpus);
    let set: BTreeSet<String> = facts(corpus)
        .filter(|(_, _, _, f)| match kind {
            ChartKind::Workforce => workforce_role(f).is_some(),
            ChartKind::Output => is_volume(f),
            ChartKind::Exports => destination_kind(f).is_some(),
            ChartKind::Money => money_unit(f).is_some(),
        })
        .map(|(_, _, _, f)| names.canonical(&f.subject))
        .collect();
    set.into_iter().collect()
}

// ---------------------------------------------------------------------------
// Names and facts

/// Maps every name and alias of a corpus entity to the entity's name.
struct Names {
    map: HashMap<String, String>,
}

fn normalise(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| c.is_ascii_punctuation() && c != '&')
        .to_lowercase()
}

impl Names {
    fn new(corpus: &CorpusAnalysis) -> Self {
        let mut map = HashMap::new();
        for e in &corpus.entities {
            for n in std::iter::once(&e.name).chain(&e.aliases) {
                map.entry(normalise(n)).or_insert_with(|| e.name.clone());
            }
        }
        Names { map }
    }

    fn canonical(&self, name: &str) -> String {
        self.map
            .get(&normalise(name))
            .cloned()
            .unwrap_or_else(|| name.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Every fact of the corpus with its article and indices.
fn facts(corpus: &CorpusAnalysis) -> impl Iterator<Item = (usize, usize, &ArticleAnalysis, &Fact)> {
    corpus.articles.iter().enumerate().flat_map(|(ai, a)| {
        a.facts
            .iter()
            .enumerate()
            .map(move |(fi, f)| (ai, fi, a, f))
    })
}

fn fact_ref(ai: usize, fi: usize, a: &ArticleAnalysis, f: &Fact) -> FactRef {
    FactRef {
        article_index: ai,
        fact_index: fi,
        article: a.file.clone(),
        sentence: f.sentence.clone(),
    }
}

/// Lower-case words of a text.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn has_any(words: &[String], set: &[&str]) -> bool {
    words.iter().any(|w| set.contains(&w.as_str()))
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn unit_label(unit: Option<&str>, per: Option<&str>) -> Option<String> {
    match (unit, per) {
        (Some(u), Some(p)) => Some(format!("{u}/{p}")),
        (Some(u), None) => Some(u.to_string()),
        (None, Some(p)) => Some(format!("per {p}")),
        (None, None) => None,
    }
}

fn subject_matches(names: &Names, f: &Fact, subject: Option<&str>) -> bool {
    subject.is_none_or(|s| names.canonical(&f.subject) == s)
}

// ---------------------------------------------------------------------------
// Workforce

const WOMEN: &[&str] = &["women", "woman", "female", "females"];
const MEN: &[&str] = &["men", "man", "male", "males"];
const WORKFORCE: &[&str] = &[
    "employees",
    "employee",
    "workers",
    "worker",
    "workforce",
    "staff",
    "employed",
    "employment",
    "labourers",
    "labour",
    "personnel",
    "people",
    "persons",
];
const SHARE: &[&str] = &[
    "share",
    "percent",
    "percentage",
    "proportion",
    "per",
    "cent",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Women,
    Men,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Count(Gender),
    Share(Gender),
    Total,
}

/// What a fact says about a workforce, if anything.
fn workforce_role(f: &Fact) -> Option<Role> {
    f.value.as_number()?;
    let metric = words(&f.metric);
    let unit = words(f.unit.as_deref().unwrap_or(""));
    if money_unit(f).is_some() {
        return None;
    }
    let gender = if has_any(&metric, WOMEN) || has_any(&unit, WOMEN) {
        Some(Gender::Women)
    } else if has_any(&metric, MEN) || has_any(&unit, MEN) {
        Some(Gender::Men)
    } else {
        None
    };
    let is_share = f.unit.as_deref() == Some("percent") || has_any(&metric, SHARE);
    let people_unit = unit.is_empty()
        || has_any(&unit, WORKFORCE)
        || has_any(&unit, WOMEN)
        || has_any(&unit, MEN)
        || is_share;
    let about_work = has_any(&metric, WORKFORCE) || has_any(&unit, WORKFORCE);
    match gender {
        Some(g) if is_share => Some(Role::Share(g)),
        Some(g) if people_unit && (about_work || metric.len() == 1) => Some(Role::Count(g)),
        Some(_) => None,
        None if !is_share && about_work && (unit.is_empty() || has_any(&unit, WORKFORCE)) => {
            Some(Role::Total)
        }
        None => None,
    }
}

/// The facts of one subject's workforce, in corpus order.
#[derive(Default)]
struct Workforce {
    women: Vec<(f64, FactRef)>,
    men: Vec<(f64, FactRef)>,
    women_share: Vec<(f64, FactRef)>,
    men_share: Vec<(f64, FactRef)>,
    total: Vec<(f64, FactRef)>,
}

/// The first stated value with every fact that agrees with it.
fn first_value(list: &[(f64, FactRef)]) -> Option<(f64, Vec<FactRef>)> {
    let (v, _) = list.first()?;
    let refs = list
        .iter()
        .filter(|(x, _)| same(*x, *v))
        .map(|(_, r)| r.clone())
        .collect();
    Some((*v, refs))
}

/// A share and a total, preferring a pair from the same article.
fn share_and_total(
    shares: &[(f64, FactRef)],
    totals: &[(f64, FactRef)],
) -> Option<(f64, f64, Vec<FactRef>)> {
    let pair = shares
        .iter()
        .find_map(|s| {
            totals
                .iter()
                .find(|t| t.1.article_index == s.1.article_index)
                .map(|t| (s, t))
        })
        .or_else(|| shares.first().zip(totals.first()))?;
    let ((share, sref), (total, tref)) = pair;
    Some((*share, *total, vec![sref.clone(), tref.clone()]))
}

/// A value with the facts behind it.
type Backed = Option<(f64, Vec<FactRef>)>;

/// Per destination: articles (with their facts) saying it is a current and a
/// planned destination.
type ByArticle = [BTreeMap<usize, Vec<FactRef>>; 2];

impl Workforce {
    /// Women and men, each with its evidence, stated or computed.
    fn resolve(&self) -> (Backed, Backed) {
        let total = first_value(&self.total);
        let from_share = |shares: &[(f64, FactRef)]| {
            share_and_total(shares, &self.total)
                .map(|(share, total, refs)| ((share / 100.0 * total).round(), refs))
        };
        let mut women = first_value(&self.women).or_else(|| from_share(&self.women_share));
        let mut men = first_value(&self.men).or_else(|| from_share(&self.men_share));
        let rest = |known: &Backed| -> Backed {
            let (k, krefs) = known.as_ref()?;
            let (t, trefs) = total.as_ref()?;
            if *t < *k {
                return None;
            }
            let mut refs = trefs.clone();
            for r in krefs {
                if !refs.contains(r) {
                    refs.push(r.clone());
                }
            }
            Some((t - k, refs))
        };
        if men.is_none() {
            men = rest(&women);
        }
        if women.is_none() {
            women = rest(&men);
        }
        (women, men)
    }
}

fn workforce(corpus: &CorpusAnalysis, names: &Names, subject: Option<&str>) -> ChartSpec {
    let mut groups: BTreeMap<String, Workforce> = BTreeMap::new();
    for (ai, fi, a, f) in facts(corpus) {
        if !subject_matches(names, f, subject) {
            continue;
        }
        let (Some(role), Some(v)) = (workforce_role(f), f.value.as_number()) else {
            continue;
        };
        let g = groups.entry(names.canonical(&f.subject)).or_default();
        let entry = (v, fact_ref(ai, fi, a, f));
        match role {
            Role::Count(Gender::Women) => g.women.push(entry),
            Role::Count(Gender::Men) => g.men.push(entry),
            Role::Share(Gender::Women) => g.women_share.push(entry),
            Role::Share(Gender::Men) => g.men_share.push(entry),
            Role::Total => g.total.push(entry),
        }
    }
    let resolved: Vec<(String, _, _)> = groups
        .into_iter()
        .map(|(name, g)| {
            let (w, m) = g.resolve();
            (name, w, m)
        })
        .filter(|(_, w, m)| w.is_some() || m.is_some())
        .collect();
    let n = resolved.len();
    let mut women = Series::new("Women", Some("people"), n);
    let mut men = Series::new("Men", Some("people"), n);
    let mut categories = Vec::with_capacity(n);
    for (i, (name, w, m)) in resolved.into_iter().enumerate() {
        categories.push(name);
        if let Some((v, refs)) = w {
            women.set(i, Some(v), format_number(v), refs);
        }
        if let Some((v, refs)) = m {
            men.set(i, Some(v), format_number(v), refs);
        }
    }
    ChartSpec {
        kind: ChartKind::Workforce,
        subject: subject.map(str::to_string),
        title: titled("Workforce: women and men", subject),
        subtitle: "People employed, as stated or computed from a stated share of the total"
            .to_string(),
        source: String::new(),
        x_label: "Organisation".to_string(),
        y_label: "People employed".to_string(),
        categories,
        series: vec![women, men],
        log_scale: false,
        stacked: true,
    }
}

fn titled(title: &str, subject: Option<&str>) -> String {
    match subject {
        Some(s) => format!("{title} — {s}"),
        None => title.to_string(),
    }
}

// ---------------------------------------------------------------------------
// Output and volumes

const VOLUME_WORDS: &[&str] = &[
    "output",
    "production",
    "produce",
    "produced",
    "produces",
    "capacity",
    "volume",
    "volumes",
    "export",
    "exports",
    "exported",
    "sales",
    "sold",
    "manufacture",
    "manufactured",
    "manufacturing",
    "shipments",
    "shipped",
    "supply",
    "supplied",
    "orders",
    "turnover",
];

/// Units that are not volumes of goods.
const NOT_VOLUME_UNITS: &[&str] = &[
    "percent", "degc", "degf", "k", "year", "years", "km", "m", "cm", "mm", "acre", "acres",
    "hectare", "hectares", "ha", "sqft", "sqm", "sq", "ft", "kmph", "kmh",
];

/// True for a number of goods: a count or a physical quantity, made, sold
/// or shipped, usually over a period.
fn is_volume(f: &Fact) -> bool {
    if f.value.as_number().is_none() || money_unit(f).is_some() {
        return false;
    }
    let Some(unit) = f.unit.as_deref() else {
        return false;
    };
    let unit_words = words(unit);
    if unit_words.is_empty()
        || has_any(&unit_words, NOT_VOLUME_UNITS)
        || has_any(&unit_words, WORKFORCE)
        || has_any(&unit_words, WOMEN)
        || has_any(&unit_words, MEN)
    {
        return false;
    }
    let metric = words(&f.metric);
    if has_any(&metric, WORKFORCE) || has_any(&metric, SHARE) {
        return false;
    }
    f.per.is_some() || has_any(&metric, VOLUME_WORDS)
}

/// Facts grouped by what they say, so that one bar stands for every article
/// that states the same thing.
struct Claim {
    category: String,
    series: String,
    unit: Option<String>,
    value: Option<f64>,
    label: String,
    evidence: Vec<FactRef>,
    sort: f64,
}

fn push_claim(claims: &mut Vec<Claim>, key_match: impl Fn(&Claim) -> bool, new: Claim) {
    if let Some(c) = claims.iter_mut().find(|c| key_match(c)) {
        for r in new.evidence {
            if !c.evidence.contains(&r) {
                c.evidence.push(r);
            }
        }
    } else {
        claims.push(new);
    }
}

/// Lays claims out as categories (one per claim) and series (one per
/// `Claim::series`, in first-seen order).
fn claims_to_series(claims: Vec<Claim>) -> (Vec<String>, Vec<Series>) {
    let n = claims.len();
    let mut series: Vec<Series> = Vec::new();
    let mut categories = Vec::with_capacity(n);
    for (i, c) in claims.into_iter().enumerate() {
        categories.push(c.category);
        let idx = match series.iter().position(|s| s.name == c.series) {
            Some(idx) => idx,
            None => {
                series.push(Series::new(&c.series, c.unit.as_deref(), n));
                series.len() - 1
            }
        };
        series[idx].set(i, c.value, c.label, c.evidence);
    }
    (categories, series)
}

fn output(corpus: &CorpusAnalysis, names: &Names, subject: Option<&str>) -> ChartSpec {
    let mut claims: Vec<Claim> = Vec::new();
    for (ai, fi, a, f) in facts(corpus) {
        if !subject_matches(names, f, subject) || !is_volume(f) {
            continue;
        }
        let Some(v) = f.value.as_number() else {
            continue;
        };
        let unit = unit_label(f.unit.as_deref(), f.per.as_deref()).unwrap_or_default();
        let category = format!("{} — {}", names.canonical(&f.subject), f.metric.trim());
        let new = Claim {
            category: category.clone(),
            series: unit.clone(),
            unit: Some(unit.clone()),
            value: Some(v),
            label: format!("{} {unit}", format_number(v)),
            evidence: vec![fact_ref(ai, fi, a, f)],
            sort: v,
        };
        push_claim(
            &mut claims,
            |c| c.category == category && c.series == unit && c.value.is_some_and(|x| same(x, v)),
            new,
        );
    }
    claims.sort_by(|a, b| {
        b.sort
            .total_cmp(&a.sort)
            .then_with(|| a.category.cmp(&b.category))
    });
    let units: BTreeSet<String> = claims.iter().map(|c| c.series.clone()).collect();
    let y_label = match units.len() {
        1 => format!(
            "Volume ({})",
            units.iter().next().map_or("", String::as_str)
        ),
        _ => "Volume (unit on each bar)".to_string(),
    };
    let (min, max) = claims
        .iter()
        .filter_map(|c| c.value)
        .filter(|v| *v > 0.0)
        .fold((f64::INFINITY, 0.0f64), |(lo, hi), v| {
            (lo.min(v), hi.max(v))
        });
    let (categories, series) = claims_to_series(claims);
    ChartSpec {
        kind: ChartKind::Output,
        subject: subject.map(str::to_string),
        title: titled("Output and volumes", subject),
        subtitle: "Goods made, sold or shipped, with the period the article gives".to_string(),
        source: String::new(),
        x_label: "Subject — measure".to_string(),
        y_label,
        categories,
        series,
        log_scale: max > 0.0 && min.is_finite() && max / min > 1000.0,
        stacked: true,
    }
}

// ---------------------------------------------------------------------------
// Exports

const PLANNED: &[&str] = &[
    "talks",
    "talk",
    "planned",
    "plan",
    "plans",
    "potential",
    "proposed",
    "future",
    "negotiations",
    "negotiating",
    "exploring",
    "prospective",
];

/// `Some(true)` for an export destination in talks or planned, `Some(false)`
/// for a current one, `None` for any other fact.
fn destination_kind(f: &Fact) -> Option<bool> {
    let FactValue::Text(_) = &f.value else {
        return None;
    };
    let metric = words(&f.metric);
    let about_export = has_any(&metric, &["destination", "destinations"])
        || (has_any(&metric, &["export", "exports", "exported"])
            && has_any(
                &metric,
                &[
                    "destination",
                    "destinations",
                    "market",
                    "markets",
                    "to",
                    "country",
                ],
            ))
        || metric.iter().map(String::as_str).eq(["exports"])
        || metric.iter().map(String::as_str).eq(["export"]);
    about_export.then(|| has_any(&metric, PLANNED))
}

fn exports(corpus: &CorpusAnalysis, names: &Names, subject: Option<&str>) -> ChartSpec {
    // country -> (planned?) -> articles and facts
    let mut by_country: BTreeMap<String, ByArticle> = BTreeMap::new();
    for (ai, fi, a, f) in facts(corpus) {
        if !subject_matches(names, f, subject) {
            continue;
        }
        let (Some(planned), FactValue::Text(country)) = (destination_kind(f), &f.value) else {
            continue;
        };
        let country = names.canonical(country);
        if country.is_empty() {
            continue;
        }
        let slot = &mut by_country.entry(country).or_default()[usize::from(planned)];
        slot.entry(ai).or_default().push(fact_ref(ai, fi, a, f));
    }
    let mut rows: Vec<(String, ByArticle)> = by_country.into_iter().collect();
    rows.sort_by(|a, b| {
        b.1[0]
            .len()
            .cmp(&a.1[0].len())
            .then_with(|| b.1[1].len().cmp(&a.1[1].len()))
            .then_with(|| a.0.cmp(&b.0))
    });
    let n = rows.len();
    let mut current = Series::new("Exports to", Some("articles"), n);
    let mut planned = Series::new("In talks or planned", Some("articles"), n);
    let mut categories = Vec::with_capacity(n);
    for (i, (country, [now, later])) in rows.into_iter().enumerate() {
        categories.push(country);
        for (series, map) in [(&mut current, now), (&mut planned, later)] {
            if map.is_empty() {
                continue;
            }
            let count = map.len();
            let noun = if count == 1 { "article" } else { "articles" };
            let refs = map.into_values().flatten().collect();
            series.set(i, Some(count as f64), format!("{count} {noun}"), refs);
        }
    }
    ChartSpec {
        kind: ChartKind::Exports,
        subject: subject.map(str::to_string),
        title: titled("Export destinations", subject),
        subtitle: "Number of articles that name each destination".to_string(),
        source: String::new(),
        x_label: "Destination".to_string(),
        y_label: "Articles".to_string(),
        categories,
        series: vec![current, planned],
        log_scale: false,
        stacked: false,
    }
}

// ---------------------------------------------------------------------------
// Money

/// The currency of a money fact (`INR`, `USD`, ...), if it is one.
fn money_unit(f: &Fact) -> Option<&str> {
    f.value.as_number()?;
    let u = f.unit.as_deref()?;
    (u.len() == 3 && u.bytes().all(|b| b.is_ascii_uppercase())).then_some(u)
}

/// The index of the quantity a money fact was read from.
fn quantity_of(a: &ArticleAnalysis, f: &Fact, unit: &str, value: f64) -> Option<usize> {
    let candidates = a
        .quantities
        .iter()
        .enumerate()
        .filter(|(_, q)| q.unit.as_deref() == Some(unit) && same(q.value, value));
    let mut fallback = None;
    for (i, q) in candidates {
        if f.end > f.start && q.start >= f.start && q.end <= f.end {
            return Some(i);
        }
        if fallback.is_none() && q.sentence == f.sentence {
            fallback = Some(i);
        }
    }
    fallback
}

/// The amount in `want` (a currency) the article gives for the same money as
/// the fact (a `same_as` link between its quantities).
fn linked_amount(a: &ArticleAnalysis, f: &Fact, unit: &str, value: f64, want: &str) -> Option<f64> {
    let qi = quantity_of(a, f, unit, value)?;
    let q = a.quantities.get(qi)?;
    let other = q
        .same_as
        .and_then(|j| a.quantities.get(j))
        .or_else(|| a.quantities.iter().find(|o| o.same_as == Some(qi)))?;
    (other.unit.as_deref() == Some(want)).then_some(other.value)
}

fn money(corpus: &CorpusAnalysis, names: &Names, subject: Option<&str>) -> ChartSpec {
    let mut claims: Vec<Claim> = Vec::new();
    for (ai, a) in corpus.articles.iter().enumerate() {
        let money_facts: Vec<(usize, &Fact, &str, f64)> = a
            .facts
            .iter()
            .enumerate()
            .filter_map(|(fi, f)| Some((fi, f, money_unit(f)?, f.value.as_number()?)))
            .collect();
        let mut used: BTreeSet<usize> = BTreeSet::new();
        // Pair every rupee fact with its dollar figure first.
        let mut pairs: Vec<(usize, Option<usize>, Option<f64>)> = Vec::new();
        for &(fi, f, unit, v) in &money_facts {
            if unit != "INR" {
                continue;
            }
            let linked = linked_amount(a, f, unit, v, "USD");
            let usd_fact = money_facts.iter().find(|(gi, g, u, gv)| {
                *u == "USD"
                    && !used.contains(gi)
                    && g.sentence == f.sentence
                    && (linked.is_some_and(|l| same(l, *gv))
                        || (linked.is_none()
                            && names.canonical(&g.subject) == names.canonical(&f.subject)))
            });
            let usd = linked.or(usd_fact.map(|t| t.3));
            let usd_index = usd_fact.map(|t| t.0);
            if let Some(gi) = usd_index {
                used.insert(gi);
            }
            used.insert(fi);
            pairs.push((fi, usd_index, usd));
        }
        for (fi, usd_index, usd) in pairs {
            let Some(f) = a.facts.get(fi) else { continue };
            if !subject_matches(names, f, subject) {
                continue;
            }
            let Some(v) = f.value.as_number() else {
                continue;
            };
            let mut evidence = vec![fact_ref(ai, fi, a, f)];
            if let Some(g) = usd_index.and_then(|gi| a.facts.get(gi).map(|g| (gi, g))) {
                evidence.push(fact_ref(ai, g.0, a, g.1));
            }
            let label = match usd {
                Some(u) => format!("{} ({})", format_inr(v), format_usd(u)),
                None => format_inr(v),
            };
            add_money_claim(&mut claims, names, f, Some(v), label, evidence);
        }
        // Amounts in other currencies: drawn in rupees when the article gives
        // the rupee figure, listed as a label otherwise.
        for &(fi, f, unit, v) in &money_facts {
            if used.contains(&fi) || !subject_matches(names, f, subject) {
                continue;
            }
            let inr = linked_amount(a, f, unit, v, "INR");
            let label = match inr {
                Some(r) => format!("{} ({})", format_inr(r), format_money(v, unit)),
                None => format!("{} (no ₹ amount given)", format_money(v, unit)),
            };
            add_money_claim(
                &mut claims,
                names,
                f,
                inr,
                label,
                vec![fact_ref(ai, fi, a, f)],
            );
        }
    }
    claims.sort_by(|a, b| {
        b.sort
            .total_cmp(&a.sort)
            .then_with(|| a.category.cmp(&b.category))
    });
    let (categories, series) = claims_to_series(claims);
    ChartSpec {
        kind: ChartKind::Money,
        subject: subject.map(str::to_string),
        title: titled("Money", subject),
        subtitle: "Amounts in rupees (log scale), with the dollar figure the article gives"
            .to_string(),
        source: String::new(),
        x_label: "Subject — measure".to_string(),
        y_label: "Amount (₹, log scale)".to_string(),
        categories,
        series,
        log_scale: true,
        stacked: true,
    }
}

fn add_money_claim(
    claims: &mut Vec<Claim>,
    names: &Names,
    f: &Fact,
    inr: Option<f64>,
    label: String,
    evidence: Vec<FactRef>,
) {
    let category = format!("{} — {}", names.canonical(&f.subject), f.metric.trim());
    let new = Claim {
        category: category.clone(),
        series: "Amount in ₹".to_string(),
        unit: Some("INR".to_string()),
        value: inr,
        label: label.clone(),
        evidence,
        sort: inr.unwrap_or(f64::NEG_INFINITY),
    };
    push_claim(
        claims,
        |c| {
            c.category == category
                && match (c.value, inr) {
                    (Some(x), Some(y)) => same(x, y),
                    (None, None) => c.label == label,
                    _ => false,
                }
        },
        new,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(subject: &str, metric: &str, value: FactValue, unit: Option<&str>) -> Fact {
        Fact {
            subject: subject.into(),
            metric: metric.into(),
            value,
            unit: unit.map(Into::into),
            per: None,
            sentence: String::new(),
            derived: false,
            derivation: None,
            start: 0,
            end: 0,
        }
    }

    #[test]
    fn workforce_roles() {
        use FactValue::Number as N;
        let cases: &[(&str, Option<&str>, Option<Role>)] = &[
            ("women employees", None, Some(Role::Count(Gender::Women))),
            ("men employees", None, Some(Role::Count(Gender::Men))),
            (
                "female workers",
                Some("workers"),
                Some(Role::Count(Gender::Women)),
            ),
            ("employees", Some("women"), Some(Role::Count(Gender::Women))),
            (
                "women share of employees",
                Some("percent"),
                Some(Role::Share(Gender::Women)),
            ),
            (
                "share of women in workforce",
                None,
                Some(Role::Share(Gender::Women)),
            ),
            ("employees", Some("employees"), Some(Role::Total)),
            ("workforce", None, Some(Role::Total)),
            ("men's shoes output", Some("pairs"), None),
            ("exports last year", Some("pairs"), None),
            ("export value last year", Some("INR"), None),
            ("employees", Some("INR"), None),
            ("founded", Some("year"), None),
        ];
        for (metric, unit, want) in cases {
            let f = fact("X", metric, N(1.0), *unit);
            assert_eq!(workforce_role(&f), *want, "{metric} {unit:?}");
        }
        let text = fact("X", "women employees", FactValue::Text("many".into()), None);
        assert_eq!(workforce_role(&text), None);
    }

    #[test]
    fn volumes() {
        use FactValue::Number as N;
        let mut per_month = fact("Cluster", "projected output", N(640000.0), Some("bags"));
        per_month.per = Some("month".into());
        let cases: &[(Fact, bool)] = &[
            (per_month, true),
            (
                fact("C", "exports last year", N(1.5e6), Some("pairs")),
                true,
            ),
            (
                fact("C", "production capacity", N(5000.0), Some("tonne")),
                true,
            ),
            (fact("C", "employees", N(300.0), Some("employees")), false),
            (fact("C", "export value", N(1e9), Some("INR")), false),
            (
                fact("C", "women share of employees", N(70.0), Some("percent")),
                false,
            ),
            (fact("C", "founded", N(2018.0), Some("year")), false),
            (fact("C", "road length", N(12.0), Some("km")), false),
            (fact("C", "units", N(12.0), None), false),
        ];
        for (f, want) in cases {
            assert_eq!(is_volume(f), *want, "{}", f.metric);
        }
    }

    #[test]
    fn destinations() {
        let t = |m: &str| fact("C", m, FactValue::Text("Russia".into()), None);
        let cases: &[(&str, Option<bool>)] = &[
            ("export destination", Some(false)),
            ("export destinations", Some(false)),
            ("exports to", Some(false)),
            ("export market", Some(false)),
            ("export destination in talks", Some(true)),
            ("planned export destination", Some(true)),
            ("headquarters", None),
            ("located in", None),
        ];
        for (metric, want) in cases {
            assert_eq!(destination_kind(&t(metric)), *want, "{metric}");
        }
        let number = fact("C", "export destination", FactValue::Number(3.0), None);
        assert_eq!(destination_kind(&number), None);
    }

    #[test]
    fn kinds_parse_and_print() {
        for k in ChartKind::ALL {
            assert_eq!(k.as_str().parse::<ChartKind>().ok(), Some(k));
            assert_eq!(k.to_string(), k.as_str());
        }
        assert_eq!("Money".parse::<ChartKind>().ok(), Some(ChartKind::Money));
        assert!("pie".parse::<ChartKind>().is_err());
        assert_eq!(
            serde_json::to_string(&ChartKind::Exports).ok().as_deref(),
            Some("\"exports\"")
        );
    }
}
