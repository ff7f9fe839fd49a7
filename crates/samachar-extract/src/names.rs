//! Name normalisation: slugs for ids, company-suffix stripping, comparison
//! keys, and the word lists the rules share.

/// Company suffixes, longest first (as lower-case token sequences).
pub const COMPANY_SUFFIXES: &[&[&str]] = &[
    &["private", "limited"],
    &["pvt", "ltd"],
    &["pvt", "limited"],
    &["private", "ltd"],
    &["limited"],
    &["ltd"],
    &["inc"],
    &["corp"],
    &["corporation"],
    &["llp"],
    &["plc"],
    &["co"],
    &["company"],
    &["gmbh"],
];

/// Last words that make a capitalised run an organisation.
pub const ORG_HEADS: &[&str] = &[
    "ltd",
    "limited",
    "inc",
    "corp",
    "corporation",
    "llp",
    "plc",
    "co",
    "company",
    "gmbh",
    "society",
    "authority",
    "department",
    "ministry",
    "board",
    "council",
    "commission",
    "bank",
    "association",
    "federation",
    "chamber",
    "institute",
    "institution",
    "university",
    "agency",
    "bureau",
    "committee",
    "directorate",
    "cooperative",
    "union",
    "trust",
    "foundation",
    "exports",
    "exporters",
    "industries",
    "enterprises",
    "textiles",
    "solutions",
    "technologies",
    "systems",
    "services",
    "traders",
    "mills",
    "motors",
    "foods",
    "pharma",
    "pharmaceuticals",
    "steel",
    "cements",
    "group",
    "holdings",
    "ventures",
    "labs",
    "laboratories",
    "international",
    "organisation",
    "organization",
    "forum",
    "army",
    "navy",
    "police",
    "court",
    "parliament",
    "assembly",
    "cabinet",
    "secretariat",
    "college",
    "school",
    "hospital",
    "airlines",
    "railways",
    "fibres",
    "fabrics",
    "garments",
    "footwear",
    "chemicals",
    "petroleum",
    "energy",
    "power",
    "infra",
    "infrastructure",
    "reserves",
    "cleantech",
    "electronics",
    "automobiles",
];

/// First words that make a capitalised run an organisation ("Department of
/// Industries", "Ministry of Textiles").
pub const ORG_FIRST: &[&str] = &[
    "department",
    "ministry",
    "directorate",
    "government",
    "bank",
    "university",
    "institute",
    "federation",
    "association",
    "confederation",
    "council",
    "board",
    "chamber",
    "society",
];

/// Last words that make a run a programme, scheme or event.
pub const PROGRAMME_HEADS: &[&str] = &[
    "scheme",
    "yojana",
    "yojna",
    "mission",
    "programme",
    "program",
    "abhiyan",
    "policy",
    "initiative",
    "summit",
    "conclave",
    "expo",
    "fair",
    "festival",
    "week",
    "campaign",
    "award",
    "awards",
    "challenge",
    "project",
];

/// Role words (lower case) that head a role phrase.
pub const ROLE_HEADS: &[&str] = &[
    "manager",
    "head",
    "director",
    "officer",
    "chairman",
    "chairperson",
    "chairwoman",
    "president",
    "secretary",
    "minister",
    "founder",
    "co-founder",
    "cofounder",
    "owner",
    "proprietor",
    "partner",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "cmd",
    "md",
    "chief",
    "spokesperson",
    "spokesman",
    "executive",
    "engineer",
    "consultant",
    "analyst",
    "economist",
    "professor",
    "member",
    "advisor",
    "adviser",
    "collector",
    "commissioner",
    "magistrate",
    "governor",
    "mla",
    "mp",
    "leader",
    "coordinator",
    "superintendent",
    "inspector",
    "principal",
    "dean",
    "trustee",
    "convenor",
    "convener",
    "promoter",
    "entrepreneur",
    "scientist",
    "expert",
    "representative",
    "vice-president",
    "vice-chairman",
    "in-charge",
    "lead",
    "deputy",
    "justice",
];

/// Role words of public office: a person holding one has no company.
pub const PUBLIC_ROLES: &[&str] = &[
    "minister",
    "governor",
    "collector",
    "commissioner",
    "magistrate",
    "mla",
    "mp",
    "president",
    "secretary",
    "superintendent",
    "inspector",
];

/// Words that qualify a role title ("General Manager", "Chief Minister").
pub const ROLE_MODIFIERS: &[&str] = &[
    "general",
    "managing",
    "chief",
    "deputy",
    "assistant",
    "senior",
    "junior",
    "executive",
    "joint",
    "additional",
    "principal",
    "vice",
    "prime",
    "union",
    "state",
    "district",
    "regional",
    "national",
    "area",
    "sales",
    "marketing",
    "technical",
    "finance",
    "financial",
    "operating",
    "production",
    "plant",
    "project",
    "country",
    "zonal",
    "divisional",
    "associate",
    "co",
    "acting",
    "former",
    "then",
    "honorary",
    "founding",
];

/// Speech verbs: next to a capitalised name they mark a person.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "noted",
    "notes",
    "told",
    "tells",
    "highlighted",
    "expressed",
    "stated",
    "states",
    "explained",
    "asserted",
    "informed",
    "announced",
    "mentioned",
    "remarked",
    "observed",
    "emphasised",
    "emphasized",
    "underlined",
    "pointed",
    "stressed",
    "claimed",
    "recalled",
    "admitted",
    "insisted",
    "confirmed",
    "revealed",
    "maintained",
    "agreed",
    "urged",
    "hoped",
    "believes",
    "believed",
    "envisions",
    "opined",
];

/// Capitalised words that never start or make up a name on their own.
pub const STOP_WORDS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "a",
    "an",
    "currently",
    "apart",
    "despite",
    "although",
    "though",
    "however",
    "in",
    "on",
    "at",
    "for",
    "from",
    "with",
    "our",
    "we",
    "it",
    "he",
    "she",
    "they",
    "his",
    "her",
    "their",
    "its",
    "last",
    "now",
    "why",
    "what",
    "how",
    "when",
    "where",
    "also",
    "but",
    "and",
    "as",
    "if",
    "after",
    "before",
    "since",
    "while",
    "meanwhile",
    "moreover",
    "further",
    "furthermore",
    "besides",
    "according",
    "there",
    "here",
    "then",
    "thus",
    "so",
    "yet",
    "still",
    "even",
    "only",
    "such",
    "some",
    "many",
    "most",
    "all",
    "each",
    "every",
    "both",
    "other",
    "another",
    "new",
    "today",
    "yesterday",
    "tomorrow",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mr",
    "mrs",
    "ms",
    "dr",
    "shri",
    "smt",
    "sh",
    "i",
    "you",
    "my",
    "your",
    "us",
    "them",
    "him",
    "one",
    "two",
    "three",
    "first",
    "second",
    "third",
    "no",
    "not",
    "yes",
    "by",
    "to",
    "of",
    "or",
    "is",
    "are",
    "was",
    "were",
    "be",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "said",
    "read",
    "source",
    "photo",
    "image",
    "file",
    "click",
    "share",
    "download",
    "print",
    "also",
    "introduction",
    "products",
    "main",
    "number",
    "total",
    "leading",
    "cluster",
    "data",
    "company",
    "firm",
    "centre",
    "center",
    "officials",
    "official",
    "statement",
    "project",
    "projects",
    "please",
    "note",
    "editor",
    "dear",
    "welcome",
    "thanks",
    "thank",
    "hello",
    "well",
    "like",
    "just",
    "very",
    "more",
    "less",
    "empowering",
    "appreciating",
    "established",
    "founded",
    "based",
    "located",
    "last",
    "next",
    "year",
    "years",
    "month",
    "months",
    "week",
    "day",
    "days",
    "time",
    "made",
    "make",
];

/// Lower-case `s` with runs of white space collapsed and curly quotes made
/// straight.
pub fn norm_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | '‘' | '`' => out.push('\''),
                '“' | '”' => out.push('"'),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// A slug for ids: lower-case ASCII letters and digits joined by hyphens.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// Lower-case words of `s` without punctuation ("Pvt. Ltd." -> ["pvt", "ltd"]).
pub fn words_lower(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The name without its company suffix, as lower-case words
/// ("Competence Exports Pvt Ltd" -> "competence exports"), and whether a
/// suffix was removed.
pub fn company_core(name: &str) -> (String, bool) {
    let words = words_lower(name);
    for suffix in COMPANY_SUFFIXES {
        if words.len() > suffix.len()
            && words.ends_with(&suffix.iter().map(|s| s.to_string()).collect::<Vec<_>>())
        {
            return (words[..words.len() - suffix.len()].join(" "), true);
        }
    }
    (words.join(" "), false)
}

/// True when `word` (any case) is in `list` (lower case).
pub fn in_list(list: &[&str], word: &str) -> bool {
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// True when the word begins with an upper-case letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Initials of a name's words, splitting at hyphens ("High-Level Clearance
/// Authority" -> "HLCA"); connectors (of, and, for, the) are skipped.
pub fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .filter(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "of" | "and" | "for" | "the" | "&" | "in"
            )
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Levenshtein distance, for spelling variants.
pub fn edit_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cores_strip_company_suffixes() {
        for (name, core, had) in [
            ("Competence Exports Pvt Ltd", "competence exports", true),
            (
                "Competence Exports Private Limited",
                "competence exports",
                true,
            ),
            ("Competence Exports Pvt. Ltd.", "competence exports", true),
            ("Tata Steel Ltd", "tata steel", true),
            ("Competence Exports", "competence exports", false),
            ("Ltd", "ltd", false),
        ] {
            assert_eq!(company_core(name), (core.to_string(), had), "{name}");
        }
    }

    #[test]
    fn slugs_and_initials() {
        assert_eq!(slug("Competence Exports"), "competence-exports");
        assert_eq!(slug("BEE-SME program"), "bee-sme-program");
        assert_eq!(initials("High-Level Clearance Authority"), "HLCA");
        assert_eq!(initials("Department of Industries"), "DI");
        assert_eq!(norm_key("  Bihar’s   Govt "), "bihar's govt");
    }
}
