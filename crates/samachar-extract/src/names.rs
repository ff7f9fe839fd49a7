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
    "partners",
    "works",
    "castings",
    "forgings",
    "handicrafts",
    "crafts",
    "plastics",
    "polymers",
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
    // Names of bodies in Indian languages: union, committee, council,
    // corporation, institution, organisation; then
    "sangh",
    "samiti",
    "parishad",
    "nigam",
    "sansthan",
    "sangathan",
    // board, great board, association, federation, assembly.
    "mandal",
    "mahamandal",
    "sangam",
    "samakhya",
    "sabha",
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
    "sarpanch",
    "mukhiya",
    "advocate",
    "counsel",
    "lawyer",
];

/// What a person is, in an appositive with an article after the name
/// ("Dijendra Sharma, a senior resident and journalist, told ..."): taken
/// as the role only there.
pub const APPOSITIVE_HEADS: &[&str] = &[
    "journalist",
    "resident",
    "weaver",
    "artisan",
    "farmer",
    "trader",
    "worker",
    "labourer",
    "exporter",
    "importer",
    "manufacturer",
    "activist",
    "official",
    "counsel",
    "lawyer",
    "advocate",
    "researcher",
    "businessman",
    "businesswoman",
    "industrialist",
    "shopkeeper",
    "craftsman",
    "craftswoman",
    "supplier",
    "dealer",
    "contractor",
    "employee",
];

/// True for the name of a news outlet or agency (as the text writes it,
/// without a leading "The"): such a name is an organisation, also where it
/// looks like a person's ("told Al Jazeera"). Names that are also common
/// words ("Mint", "Scroll", "Tribune") are left out.
pub fn is_outlet(name: &str) -> bool {
    matches!(
        name,
        "PTI"
            | "IANS"
            | "ANI"
            | "UNI"
            | "Al Jazeera"
            | "Business Standard"
            | "Hindustan Times"
            | "Times of India"
            | "Indian Express"
            | "New Indian Express"
            | "Financial Express"
            | "Economic Times"
            | "Hindu BusinessLine"
            | "Business Line"
            | "Deccan Herald"
            | "Deccan Chronicle"
            | "Press Trust of India"
            | "Indo-Asian News Service"
            | "Asian News International"
            | "United News of India"
            | "Reuters"
            | "Bloomberg"
            | "Associated Press"
            | "Agence France-Presse"
            | "BBC"
            | "CNN"
            | "NDTV"
            | "Moneycontrol"
            | "Livemint"
            | "Financial Times"
            | "Wall Street Journal"
            | "New York Times"
            | "Washington Post"
            | "Lokmat Times"
            | "Free Press Journal"
            | "Dainik Bhaskar"
            | "Dainik Jagran"
            | "Amar Ujala"
            | "Prabhat Khabar"
            | "India Today"
            | "Business Today"
            | "Devdiscourse"
            | "Fibre2Fashion"
            | "Down To Earth"
            | "Down to Earth"
    )
}

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
    "justice",
    "judge",
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
    if s.is_ascii() {
        let mut out: Vec<u8> = Vec::with_capacity(s.len());
        let mut gap = false;
        for &b in s.as_bytes() {
            // ASCII white space as `char::is_whitespace` sees it.
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                gap = true;
                continue;
            }
            if gap && !out.is_empty() {
                out.push(b' ');
            }
            gap = false;
            out.push(if b == b'`' {
                b'\''
            } else {
                b.to_ascii_lowercase()
            });
        }
        return String::from_utf8(out).unwrap_or_default();
    }
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

pub use samachar_model::text::slug;

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
    if name.is_ascii() {
        return company_core_ascii(name.as_bytes());
    }
    // The lower-case words joined by single spaces, with where each starts.
    let mut out = String::with_capacity(name.len());
    let mut starts: Vec<usize> = Vec::with_capacity(8);
    for w in name
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        starts.push(out.len());
        if w.is_ascii() {
            out.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            out.push_str(&w.to_lowercase());
        }
    }
    let word = |i: usize| -> &str {
        let end = starts.get(i + 1).map_or(out.len(), |&s| s - 1);
        &out[starts[i]..end]
    };
    for suffix in COMPANY_SUFFIXES {
        let n = suffix.len();
        let k = starts.len();
        if k > n && (0..n).all(|j| word(k - n + j) == suffix[j]) {
            let cut = starts[k - n] - 1;
            out.truncate(cut);
            return (out, true);
        }
    }
    (out, false)
}

/// [`company_core`] of an ASCII name, in one pass without intermediate
/// allocations.
fn company_core_ascii(name: &[u8]) -> (String, bool) {
    let mut out: Vec<u8> = Vec::with_capacity(name.len());
    // Where the last two words start in `out`, and how many words.
    let mut last = [0usize; 2];
    let mut count = 0usize;
    let mut in_word = false;
    for &b in name {
        if b.is_ascii_alphanumeric() || b == b'&' {
            if !in_word {
                if !out.is_empty() {
                    out.push(b' ');
                }
                last = [last[1], out.len()];
                count += 1;
                in_word = true;
            }
            out.push(b.to_ascii_lowercase());
        } else {
            in_word = false;
        }
    }
    // Every suffix ends in a word starting with one of these letters.
    let may_end = count >= 2 && matches!(out.get(last[1]), Some(b'l' | b'i' | b'c' | b'p' | b'g'));
    if may_end {
        let w1 = &out[last[1]..];
        let w0 = &out[last[0]..last[1] - 1];
        for suffix in COMPANY_SUFFIXES {
            let hit = match suffix {
                [a] => w1 == a.as_bytes(),
                [a, b] => count > 2 && w0 == a.as_bytes() && w1 == b.as_bytes(),
                _ => false,
            };
            if hit {
                out.truncate(last[2 - suffix.len()] - 1);
                return (String::from_utf8(out).unwrap_or_default(), true);
            }
        }
    }
    (String::from_utf8(out).unwrap_or_default(), false)
}

/// True when the name ends in a company suffix ("Pvt Ltd", "Limited" ...)
/// after at least one other word: `company_core(name).1` without building
/// the core.
pub fn has_company_suffix(name: &str) -> bool {
    if name.is_ascii() {
        // The last three words, from the end.
        let bytes = name.as_bytes();
        let is_w = |b: u8| b.is_ascii_alphanumeric() || b == b'&';
        let mut last: [&[u8]; 3] = [b""; 3];
        let mut count = 0;
        let mut end = bytes.len();
        while count < 3 {
            while end > 0 && !is_w(bytes[end - 1]) {
                end -= 1;
            }
            if end == 0 {
                break;
            }
            let mut start = end;
            while start > 0 && is_w(bytes[start - 1]) {
                start -= 1;
            }
            last[count] = &bytes[start..end];
            // Every suffix ends in a word starting with one of these
            // letters, one of the last words of [`COMPANY_SUFFIXES`]: most
            // names are turned away on their last word.
            if count == 0
                && !(matches!(
                    last[0][0].to_ascii_lowercase(),
                    b'l' | b'i' | b'c' | b'p' | b'g'
                ) && SUFFIX_LAST_WORDS
                    .iter()
                    .any(|w| last[0].eq_ignore_ascii_case(w.as_bytes())))
            {
                return false;
            }
            count += 1;
            end = start;
        }
        return count > 0 && ends_in_suffix(&last, count);
    }
    let mut rev = name
        .split(|c: char| !(c.is_alphanumeric() || c == '&'))
        .filter(|w| !w.is_empty())
        .rev();
    let mut last: [&[u8]; 3] = [b""; 3];
    let mut count = 0;
    for w in rev.by_ref().take(3) {
        last[count] = w.as_bytes();
        count += 1;
    }
    ends_in_suffix(&last, count)
}

/// The last word of each of [`COMPANY_SUFFIXES`].
const SUFFIX_LAST_WORDS: [&str; 10] = [
    "limited",
    "ltd",
    "inc",
    "corp",
    "corporation",
    "llp",
    "plc",
    "co",
    "company",
    "gmbh",
];

/// True when the `count` last words of a name (`last[0]` the last one) end
/// in a company suffix with at least one word before it.
fn ends_in_suffix(last: &[&[u8]; 3], count: usize) -> bool {
    COMPANY_SUFFIXES.iter().any(|suffix| {
        count > suffix.len()
            && suffix
                .iter()
                .rev()
                .zip(last.iter())
                .all(|(s, w)| w.eq_ignore_ascii_case(s.as_bytes()))
    })
}

/// True when `word` (any case) is in `list` (lower case).
pub fn in_list(list: &[&str], word: &str) -> bool {
    if word.is_ascii() {
        return list.iter().any(|w| w.eq_ignore_ascii_case(word));
    }
    let lower = word.to_lowercase();
    list.contains(&lower.as_str())
}

/// A fast hasher for short keys (the Fx hash of rustc).
#[derive(Clone, Copy, Default)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl std::hash::Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// Builds [`FxHasher`]s.
pub(crate) type FxBuild = std::hash::BuildHasherDefault<FxHasher>;
/// A hash map with the Fx hash.
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, FxBuild>;
/// A hash set with the Fx hash.
pub(crate) type FxSet<K> = std::collections::HashSet<K, FxBuild>;

/// One of the word lists as a set, for case-insensitive membership tests
/// without allocation.
pub(crate) struct WordSet {
    set: FxSet<&'static [u8]>,
    /// For each length up to 31, a bit per first letter `a`..`z` (bit 26
    /// for anything else) that some word of that length starts with: most
    /// words are rejected by this alone.
    quick: [u32; 32],
    /// The words by length (under 32) and first letter (see
    /// [`bucket_of`]): an ASCII word is compared with the few of its bucket
    /// instead of hashed, each as its bytes padded with zeros to 32 (see
    /// [`packed`]).
    buckets: Vec<Vec<[u64; 4]>>,
    /// For each bucket, a bit per second byte (see [`letter_bit`]) that some
    /// word of the bucket has: a second quick test before the bucket.
    second: Vec<u32>,
}

/// The first 32 bytes of `buf` as four numbers, for comparing words of up
/// to 31 bytes padded with zeros in four steps.
#[inline]
fn packed(buf: &[u8; 32]) -> [u64; 4] {
    let mut out = [0u64; 4];
    for (o, chunk) in out.iter_mut().zip(buf.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *o = u64::from_le_bytes(b);
    }
    out
}

/// The bucket of [`WordSet::buckets`] for a lower-case word of `len` bytes
/// (under 32) starting with `first`.
#[inline]
fn bucket_of(len: usize, first: u8) -> usize {
    let letter = if first.is_ascii_lowercase() {
        usize::from(first - b'a')
    } else {
        26
    };
    len * 27 + letter
}

impl WordSet {
    fn new(list: &'static [&'static str]) -> Self {
        let mut quick = [0u32; 32];
        let mut buckets = vec![Vec::new(); 32 * 27];
        let mut second = vec![0u32; 32 * 27];
        for w in list {
            if let Some(&b) = w.as_bytes().first()
                && w.len() < 32
            {
                quick[w.len()] |= letter_bit(b);
                second[bucket_of(w.len(), b)] |=
                    letter_bit(w.as_bytes().get(1).copied().unwrap_or(0));
                let mut buf = [0u8; 32];
                buf[..w.len()].copy_from_slice(w.as_bytes());
                buckets[bucket_of(w.len(), b)].push(packed(&buf));
            }
        }
        WordSet {
            set: list.iter().map(|w| w.as_bytes()).collect(),
            quick,
            buckets,
            second,
        }
    }

    /// True when `word`, lower-cased, is in the list.
    ///
    /// Most words are turned away on their length and first letter here,
    /// at the call; the rest go on to [`WordSet::contains_full`].
    #[inline(always)]
    pub(crate) fn contains(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        match bytes.first() {
            None => false,
            Some(&first) if first.is_ascii() => {
                bytes.len() < 32
                    && self.quick[bytes.len()] & LETTER_BIT[usize::from(first)] != 0
                    && self.contains_full(word)
            }
            Some(_) => self.contains_full(word),
        }
    }

    /// [`WordSet::contains`] in full.
    #[inline(never)]
    fn contains_full(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        let Some(&first) = bytes.first() else {
            return false;
        };
        if first.is_ascii() {
            if bytes.len() >= 32 || self.quick[bytes.len()] & letter_bit(first) == 0 {
                // Lower-casing a non-ASCII letter later in the word can
                // change its length, but no word of the lists has one.
                return false;
            }
            let bucket = bucket_of(bytes.len(), first.to_ascii_lowercase());
            let second = bytes.get(1).copied().unwrap_or(0);
            if self
                .second
                .get(bucket)
                .is_none_or(|&bits| bits & LETTER_BIT[usize::from(second)] == 0)
            {
                // (A word with a non-ASCII character goes on to the set.)
                if word.is_ascii() {
                    return false;
                }
            } else {
                // The word in four numbers, padded with zeros; lower-cased
                // eight bytes at a time when it is all ASCII.
                let mut buf = [0u8; 32];
                buf[..bytes.len()].copy_from_slice(bytes);
                let mut word8 = packed(&buf);
                if word8.iter().fold(0, |acc, x| acc | x) & 0x8080_8080_8080_8080 == 0 {
                    for x in &mut word8 {
                        *x = ascii_lower8(*x);
                    }
                    // Every word of a bucket has the same length, padded
                    // with zeros as this one: all four numbers decide.
                    return self.buckets.get(bucket).is_some_and(|b| b.contains(&word8));
                }
            }
        }
        self.set.contains(word.to_lowercase().as_bytes())
    }
}

/// Eight ASCII bytes (in a number) with `A`..`Z` made lower case.
#[inline]
fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // High bit of each byte: at least `A`, and at least `[` (no carries
    // between bytes below 0x80).
    let ge_a = x + ONES * (0x80 - u64::from(b'A'));
    let ge_z1 = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = ge_a & !ge_z1 & (ONES * 0x80);
    x | (upper >> 2)
}

/// [`letter_bit`] of each byte.
static LETTER_BIT: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = letter_bit(i as u8);
        i += 1;
    }
    t
};

/// The bit of [`WordSet::quick`] for a first byte.
#[inline]
const fn letter_bit(b: u8) -> u32 {
    let l = b.to_ascii_lowercase();
    if l.is_ascii_lowercase() {
        1 << (l - b'a')
    } else {
        1 << 26
    }
}

macro_rules! word_set {
    ($name:ident, $list:ident) => {
        #[doc = concat!("[`", stringify!($list), "`] as a set.")]
        pub(crate) static $name: std::sync::LazyLock<WordSet> =
            std::sync::LazyLock::new(|| WordSet::new($list));
    };
}

word_set!(STOP_SET, STOP_WORDS);
word_set!(ORG_HEADS_SET, ORG_HEADS);
word_set!(ORG_FIRST_SET, ORG_FIRST);
word_set!(PROGRAMME_SET, PROGRAMME_HEADS);
word_set!(ROLE_HEADS_SET, ROLE_HEADS);
word_set!(ROLE_MODIFIERS_SET, ROLE_MODIFIERS);
word_set!(PUBLIC_ROLES_SET, PUBLIC_ROLES);
word_set!(SPEECH_SET, SPEECH_VERBS);
word_set!(APPOSITIVE_HEADS_SET, APPOSITIVE_HEADS);

/// True when the word begins with an upper-case letter.
#[inline]
pub fn is_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
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

/// A spelling key for names transliterated from Indian languages: lower
/// case, `y` read as `i` and `w` as `v`, `h` dropped after the first letter
/// (aspiration and final `h` are spelt or not at will), doubled letters made
/// single ("Pallumiah" -> "palumia", "Pallumaiya" -> "palumaia").
pub fn spelling_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for (i, c) in name.chars().flat_map(char::to_lowercase).enumerate() {
        let c = match c {
            'y' => 'i',
            'w' => 'v',
            c => c,
        };
        if (c == 'h' && i > 0) || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}

/// Levenshtein distance between the [`spelling_key`]s of two names.
pub fn spelling_distance(a: &str, b: &str) -> usize {
    strsim::levenshtein(&spelling_key(a), &spelling_key(b))
}

/// Levenshtein distance, for spelling variants.
pub fn edit_distance(a: &str, b: &str) -> usize {
    if a.is_ascii() && b.is_ascii() {
        let a = a.to_ascii_lowercase();
        let b = b.to_ascii_lowercase();
        return strsim::levenshtein(&a, &b);
    }
    strsim::levenshtein(&a.to_lowercase(), &b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_suffix_ends_in_a_word_the_quick_test_lets_through() {
        for suffix in COMPANY_SUFFIXES {
            let name = format!("Acme {}", suffix.join(" ").to_uppercase());
            assert!(company_core(&name).1, "{name}");
            assert!(has_company_suffix(&name), "{name}");
        }
    }

    #[test]
    fn suffix_last_words_are_those_of_the_suffixes() {
        let mut lasts: Vec<&str> = COMPANY_SUFFIXES
            .iter()
            .filter_map(|s| s.last().copied())
            .collect();
        lasts.sort_unstable();
        lasts.dedup();
        let mut listed = SUFFIX_LAST_WORDS.to_vec();
        listed.sort_unstable();
        assert_eq!(lasts, listed);
    }

    #[test]
    fn suffix_test_agrees_with_the_core() {
        for name in [
            "Acme Pvt. Ltd.",
            "Acme Private Limited",
            "Pvt Ltd",
            "Ltd",
            "Acme (India) Ltd",
            "Acme Co",
            "Acme Coal",
            "Acme & Co.",
            "  Acme  Ltd  ",
            "Acme Gmbh!",
            "Pvt",
            "",
            "Ácme Ltd",
            "Acme LTD.",
        ] {
            assert_eq!(has_company_suffix(name), company_core(name).1, "{name}");
        }
    }

    #[test]
    fn eight_bytes_are_lower_cased_as_one_by_one() {
        for start in (0u8..128).step_by(8) {
            let bytes: [u8; 8] = std::array::from_fn(|i| start + i as u8);
            let lower = ascii_lower8(u64::from_le_bytes(bytes)).to_le_bytes();
            assert_eq!(lower, bytes.map(|b| b.to_ascii_lowercase()), "{bytes:?}");
        }
    }

    #[test]
    fn word_sets_turn_away_near_misses() {
        for (set, word, expected) in [
            (&*ORG_HEADS_SET, "Bank", true),
            (&*ORG_HEADS_SET, "BANKS", false),
            (&*ORG_HEADS_SET, "Bänk", false),
            (&*ORG_HEADS_SET, "ban\u{212A}", true),
            (&*ROLE_HEADS_SET, "Co-Founder", true),
            (&*ROLE_HEADS_SET, "Vice-President", true),
            (&*ROLE_HEADS_SET, "Vice_President", false),
            (&*STOP_SET, "The", true),
            (&*STOP_SET, "Th", false),
            (&*STOP_SET, "T", false),
        ] {
            assert_eq!(set.contains(word), expected, "{word}");
        }
    }

    #[test]
    fn word_sets_hold_their_words_in_any_case_and_nothing_else() {
        let lists: [(&WordSet, &[&str]); 4] = [
            (&STOP_SET, STOP_WORDS),
            (&ORG_HEADS_SET, ORG_HEADS),
            (&ROLE_HEADS_SET, ROLE_HEADS),
            (&SPEECH_SET, SPEECH_VERBS),
        ];
        for (set, list) in lists {
            for w in list {
                assert!(set.contains(w), "{w}");
                assert!(set.contains(&w.to_uppercase()), "{w}");
                assert!(!set.contains(&format!("{w}x")), "{w}x");
            }
        }
        assert!(!STOP_SET.contains("zzzz"));
        assert!(!STOP_SET.contains(""));
    }

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

    #[test]
    fn spelling_keys_bring_transliterations_together() {
        for (a, b, at_most) in [
            ("Pallumiah", "Pallumaiya", 1),
            ("Bhattacharya", "Bhattacharjee", 3),
            ("Chowdhury", "Choudhury", 1),
            ("Sharma", "Sharma", 0),
        ] {
            assert!(spelling_distance(a, b) <= at_most, "{a} / {b}");
        }
        assert!(spelling_distance("Sharma", "Verma") > 1);
        assert_eq!(spelling_key("Pallumiah"), "palumia");
    }
}
