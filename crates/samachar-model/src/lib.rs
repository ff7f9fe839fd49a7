//! Samachar's shared data types.
//!
//! Every other crate speaks in these types: the ingest crate produces a
//! [`Document`] and its [`Furniture`], the extractors produce [`Entity`],
//! [`Quantity`] and [`Fact`] values, the core assembles them into an
//! [`ArticleAnalysis`] per article and a [`CorpusAnalysis`] for all of them,
//! and the store, the charts, the exports and the app read them back.
//!
//! Offsets (`start`, `end`) are **byte offsets into the decoded text** of an
//! article (UTF-8, with CRLF and lone CR line endings turned into LF). They
//! always fall on character boundaries.
//!
//! The serialised field names are the contract of `samachar analyze` and are
//! documented in the README; change them only with a schema note there.

pub mod rows;
pub mod text;

use serde::{Deserialize, Serialize};

/// How an imported file was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`, `.md`, or no extension).
    Text,
    /// A saved web page.
    Html,
    /// A PDF with a text layer.
    Pdf,
}

/// One imported file, decoded. The original bytes are kept unchanged.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The path the file was read from, as given by the user.
    pub path: String,
    /// The file's name (last path component).
    pub file: String,
    /// How the file was read.
    pub format: Format,
    /// The encoding detected or declared (`UTF-8`, `UTF-16LE`, `windows-1252`, ...).
    pub encoding: String,
    /// The article text: decoded, line endings normalised to `\n`. For HTML
    /// and PDF this is the extracted text. All offsets point into it.
    pub text: String,
    /// A title found by the reader of the format itself (HTML `<title>`, PDF
    /// metadata), if any. The cleaner may find a better one in the text.
    pub format_title: Option<String>,
    /// The original bytes, unchanged.
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

/// What a stretch of page furniture is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// A block of job advertisements.
    JobListing,
    /// An "Also Read: ..." link line.
    AlsoRead,
    /// Share, print, download, text-size bars and similar controls.
    ShareBar,
    /// A copyright or rights line.
    Copyright,
    /// A stray counter such as "× 300 Fashion Jobs".
    Counter,
    /// A passage that repeats an earlier one (exactly or nearly).
    Repeat,
    /// Any other furniture (bylines and publication lines above the text,
    /// "Exit mobile version", newsletter boxes, addresses, menus ...).
    Other,
}

impl FurnitureKind {
    /// All kinds, in display order.
    pub const ALL: [FurnitureKind; 7] = [
        FurnitureKind::JobListing,
        FurnitureKind::AlsoRead,
        FurnitureKind::ShareBar,
        FurnitureKind::Copyright,
        FurnitureKind::Counter,
        FurnitureKind::Repeat,
        FurnitureKind::Other,
    ];

    /// The kind's name as written in JSON (`job-listing`, `also-read`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            FurnitureKind::JobListing => "job-listing",
            FurnitureKind::AlsoRead => "also-read",
            FurnitureKind::ShareBar => "share-bar",
            FurnitureKind::Copyright => "copyright",
            FurnitureKind::Counter => "counter",
            FurnitureKind::Repeat => "repeat",
            FurnitureKind::Other => "other",
        }
    }
}

/// A stretch of page furniture, set aside but never removed from the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Furniture {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// What it is.
    pub kind: FurnitureKind,
    /// The text it covers.
    pub text: String,
}

/// Metadata a reader wants about an article, found in its text or format.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The source or byline ("Fibre2Fashion", "PTI").
    pub source: Option<String>,
    /// Publication date as ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` when that
    /// is all the text gives).
    pub published: Option<String>,
    /// The dateline place ("Hajipur", "New Delhi").
    pub dateline: Option<String>,
}

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// Companies, departments, societies, armies, governments, brands.
    Organization,
    /// People.
    Person,
    /// Countries, states, districts, cities, regions.
    Place,
    /// Government programmes and schemes, events.
    Programme,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Organization,
        EntityKind::Person,
        EntityKind::Place,
        EntityKind::Programme,
    ];

    /// The kind's name as written in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Organization => "organization",
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Programme => "programme",
        }
    }
}

/// One place in the text where an entity is named.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written.
    pub text: String,
    /// Byte offset where the mention starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
}

/// Why two names were taken for one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    /// The other name.
    pub name: String,
    /// A short reason a reader can check ("company suffix variant",
    /// "surname of Shib Kumar Roy", "acronym in parentheses", ...).
    pub reason: String,
    /// How sure the merge is, from 0 to 1.
    pub confidence: f64,
}

/// A named entity within one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id within the article, e.g. `org:competence-exports`.
    pub id: String,
    /// The canonical (fullest) name used in the article.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// A person's role ("General Manager").
    pub role: Option<String>,
    /// A person's organisation, by name.
    pub organization: Option<String>,
    /// Other names merged into this one, with reasons.
    #[serde(default)]
    pub merges: Vec<Merge>,
}

/// A figure found in the text, with its normalised value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The words as written ("6,40,000 bags per month").
    pub text: String,
    /// The normalised value (640000; `Rs 15 crore` gives 150000000).
    pub value: f64,
    /// The high end of a stated range ("2-3 lakh"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_max: Option<f64>,
    /// The unit: an ISO currency code (`INR`, `USD`), `percent`, `degC`, a
    /// physical unit (`tonne`, `km`, `MW`, ...), `year`, or a count's plural
    /// noun (`bags`, `employees`); `None` for a bare number.
    pub unit: Option<String>,
    /// The rate period (`month`, `year`, `day`, ...), if any.
    pub per: Option<String>,
    /// A qualifier kept from the text ("about", "over", "up to"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset where it ends (exclusive).
    pub end: usize,
    /// The sentence it stands in.
    pub sentence: String,
    /// For an amount given in two currencies ("Rs 15 crore ($1.9 million)"):
    /// the index, in the same article's list, of the other form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<usize>,
}

/// The value of a fact: a number or a name (an export destination, a place).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// A number, in the fact's unit.
    Number(f64),
    /// A name.
    Text(String),
}

impl FactValue {
    /// The number, if the value is one.
    pub fn as_number(&self) -> Option<f64> {
        match self {
            FactValue::Number(n) => Some(*n),
            FactValue::Text(_) => None,
        }
    }
}

impl std::fmt::Display for FactValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FactValue::Number(n) => write!(f, "{}", text::format_number(*n)),
            FactValue::Text(s) => f.write_str(s),
        }
    }
}

/// A claim that ties a value to its subject, with the sentence it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// What the fact is about ("Competence Exports Pvt Ltd").
    pub subject: String,
    /// What is measured ("employees", "export destination").
    pub metric: String,
    /// The value.
    pub value: FactValue,
    /// The unit, as for [`Quantity::unit`].
    pub unit: Option<String>,
    /// The rate period, as for [`Quantity::per`].
    pub per: Option<String>,
    /// The sentence the fact comes from (for a derived fact, the sentence of
    /// the facts it was computed from).
    pub sentence: String,
    /// True when the fact was computed from other facts, not read.
    pub derived: bool,
    /// For a derived fact, the arithmetic shown to the reader
    /// ("70% of 300 employees = 210").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derivation: Option<String>,
    /// Byte offset of the evidence in the article text.
    #[serde(default)]
    pub start: usize,
    /// End of the evidence (exclusive).
    #[serde(default)]
    pub end: usize,
}

/// Everything Samachar found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    /// The file's name.
    pub file: String,
    /// The headline.
    pub title: Option<String>,
    /// The source or byline.
    pub source: Option<String>,
    /// Publication date, ISO.
    pub published: Option<String>,
    /// The dateline place.
    #[serde(default)]
    pub dateline: Option<String>,
    /// The encoding the file was read in.
    pub encoding: String,
    /// Page furniture and repeats, in text order.
    pub furniture: Vec<Furniture>,
    /// Entities, sorted by kind then name.
    pub entities: Vec<Entity>,
    /// Quantities, in text order.
    pub quantities: Vec<Quantity>,
    /// Facts, read and derived.
    pub facts: Vec<Fact>,
}

/// An entity across the whole corpus, with the articles it appears in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CorpusEntity {
    /// Stable id across the corpus.
    pub id: String,
    /// The canonical name.
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Every other name it goes by, sorted.
    pub aliases: Vec<String>,
    /// Files it appears in, sorted.
    pub articles: Vec<String>,
    /// Why each alias was merged.
    #[serde(default)]
    pub merges: Vec<Merge>,
    /// A person's role, if any article gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// A person's organisation, if any article gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Number of mentions over all articles.
    #[serde(default)]
    pub mention_count: usize,
}

/// One side of a conflict: what one article says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConflictValue {
    /// The file.
    pub article: String,
    /// The value it gives.
    pub value: FactValue,
    /// The unit.
    pub unit: Option<String>,
    /// The sentence.
    pub sentence: String,
}

/// Two or more articles that give different values for one subject and metric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    /// The subject (corpus-level canonical name).
    pub subject: String,
    /// The metric.
    pub metric: String,
    /// What each article says.
    pub values: Vec<ConflictValue>,
}

/// A file that could not be read, with a message a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoadError {
    /// The path as given.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

/// The whole analysis: the `samachar analyze` JSON document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CorpusAnalysis {
    /// Each article's analysis, sorted by file name.
    pub articles: Vec<ArticleAnalysis>,
    /// Entities across articles, with aliases resolved.
    pub entities: Vec<CorpusEntity>,
    /// Disagreements between articles.
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    /// Files that could not be read.
    pub errors: Vec<LoadError>,
}
