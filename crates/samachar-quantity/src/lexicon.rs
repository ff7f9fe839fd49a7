//! Word tables: number words, scale words, units, currencies, qualifiers.
//!
//! Every lookup takes a word already lower-cased (ASCII); case-sensitive
//! forms (`MW`, `M` for million, `L` for litre) are decided by the caller.

/// What a word means inside a number written in words.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumWord {
    /// zero .. nine.
    Unit(f64),
    /// ten .. nineteen.
    Teen(f64),
    /// twenty .. ninety.
    Tens(f64),
    /// "hundred": multiplies what precedes it.
    Hundred,
    /// "dozen": multiplies what precedes it by 12.
    Dozen,
    /// thousand, lakh, crore, million, ...: a place-value scale.
    Scale(f64),
}

/// Classifies a lower-cased word as part of a number.
pub(crate) fn num_word(w: &str) -> Option<NumWord> {
    use NumWord::*;
    Some(match w {
        "zero" | "nil" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Teen(10.0),
        "eleven" => Teen(11.0),
        "twelve" => Teen(12.0),
        "thirteen" => Teen(13.0),
        "fourteen" => Teen(14.0),
        "fifteen" => Teen(15.0),
        "sixteen" => Teen(16.0),
        "seventeen" => Teen(17.0),
        "eighteen" => Teen(18.0),
        "nineteen" => Teen(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "dozen" => Dozen,
        _ => return scale_word(w).map(Scale),
    })
}

/// Scale words and their unambiguous abbreviations (lower case). The
/// ambiguous one-letter forms (`m`, `b`, `l`) are decided by the caller.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "lakh" | "lakhs" | "lac" | "lacs" | "lakhs'" => 1e5,
        "million" | "millions" | "mn" | "mln" | "mio" => 1e6,
        "crore" | "crores" | "cr" | "crs" => 1e7,
        "billion" | "billions" | "bn" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "tln" => 1e12,
        _ => return None,
    })
}

/// What kind of thing a unit measures; decides precedence and scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Currency,
    Percent,
    Temperature,
    Physical,
    Time,
    Count,
}

/// A unit read from a single word: its code, the factor that converts the
/// written number into that code, and an implied rate period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct UnitDef {
    pub code: &'static str,
    pub factor: f64,
    pub per: Option<&'static str>,
    pub kind: UnitKind,
    /// A length that can be squared ("km2", "square feet").
    pub squarable: Option<&'static str>,
}

const fn phys(code: &'static str, factor: f64) -> UnitDef {
    UnitDef {
        code,
        factor,
        per: None,
        kind: UnitKind::Physical,
        squarable: None,
    }
}

const fn length(code: &'static str, square: &'static str) -> UnitDef {
    UnitDef {
        code,
        factor: 1.0,
        per: None,
        kind: UnitKind::Physical,
        squarable: Some(square),
    }
}

const fn rate(code: &'static str, factor: f64, per: &'static str) -> UnitDef {
    UnitDef {
        code,
        factor,
        per: Some(per),
        kind: UnitKind::Physical,
        squarable: None,
    }
}

const fn time(code: &'static str) -> UnitDef {
    UnitDef {
        code,
        factor: 1.0,
        per: None,
        kind: UnitKind::Time,
        squarable: None,
    }
}

/// Physical and time units written as one word. `raw` is the word as
/// written (for the case-sensitive abbreviations), `w` its lower case.
pub(crate) fn unit_word(raw: &str, w: &str) -> Option<UnitDef> {
    // Case-sensitive short forms first.
    match raw {
        "L" => return Some(phys("litre", 1.0)),
        "G" | "M" | "B" | "K" | "C" | "F" => return None,
        _ => {}
    }
    Some(match w {
        "m" | "metre" | "metres" | "meter" | "meters" | "mtr" | "mtrs" => length("m", "sqm"),
        "km" | "kms" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => {
            length("km", "sqkm")
        }
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => length("cm", "sqcm"),
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => length("mm", "sqmm"),
        "mi" | "mile" | "miles" => length("mile", "sqmi"),
        "ft" | "feet" | "foot" => length("ft", "sqft"),
        "inch" | "inches" => length("inch", "sqin"),
        "kg" | "kgs" | "kilogram" | "kilograms" | "kilogramme" | "kilogrammes" | "kilo"
        | "kilos" => phys("kg", 1.0),
        "g" | "gm" | "gms" | "gram" | "grams" | "gramme" | "grammes" => phys("g", 1.0),
        "mg" | "milligram" | "milligrams" => phys("mg", 1.0),
        "quintal" | "quintals" | "qtl" | "qtls" => phys("kg", 100.0),
        "tonne" | "tonnes" | "ton" | "tons" | "t" | "mt" | "mts" => phys("tonne", 1.0),
        "kt" | "kilotonne" | "kilotonnes" => phys("tonne", 1e3),
        "mmt" | "mmts" => phys("tonne", 1e6),
        "lmt" => phys("tonne", 1e5),
        "mtpa" | "mmtpa" => rate("tonne", 1e6, "year"),
        "lmtpa" => rate("tonne", 1e5, "year"),
        "tpa" => rate("tonne", 1.0, "year"),
        "tpd" => rate("tonne", 1.0, "day"),
        // Tonnes of cane crushed a day: a sugar mill's capacity.
        "tcd" => rate("tonne", 1.0, "day"),
        "tph" => rate("tonne", 1.0, "hour"),
        "lb" | "lbs" => phys("lb", 1.0),
        "acre" | "acres" => phys("acre", 1.0),
        "hectare" | "hectares" | "ha" => phys("hectare", 1.0),
        "sqft" => phys("sqft", 1.0),
        "sqm" | "sqmt" => phys("sqm", 1.0),
        "sqkm" => phys("sqkm", 1.0),
        "mw" | "mwp" | "megawatt" | "megawatts" => phys("MW", 1.0),
        "kw" | "kwp" | "kilowatt" | "kilowatts" => phys("kW", 1.0),
        "gw" | "gwp" | "gigawatt" | "gigawatts" => phys("GW", 1.0),
        "kwh" => phys("kWh", 1.0),
        "mwh" => phys("MWh", 1.0),
        "gwh" => phys("GWh", 1.0),
        "kv" | "kilovolt" | "kilovolts" => phys("kV", 1.0),
        "kva" => phys("kVA", 1.0),
        "mva" => phys("MVA", 1.0),
        "dwt" => phys("DWT", 1.0),
        "teu" | "teus" => phys("TEU", 1.0),
        "litre" | "litres" | "liter" | "liters" | "ltr" | "ltrs" => phys("litre", 1.0),
        "kl" | "kilolitre" | "kilolitres" | "kiloliter" | "kiloliters" => phys("litre", 1e3),
        "ml" | "millilitre" | "millilitres" | "milliliter" | "milliliters" => phys("litre", 1e-3),
        "scm" => phys("scm", 1.0),
        "mmscmd" => rate("scm", 1e6, "day"),
        "year" | "years" | "yr" | "yrs" | "yo" => time("year"),
        "month" | "months" => time("month"),
        "week" | "weeks" => time("week"),
        "day" | "days" => time("day"),
        "hour" | "hours" | "hr" | "hrs" => time("hour"),
        "minute" | "minutes" | "mins" => time("minute"),
        "second" | "seconds" | "secs" => time("second"),
        "decade" | "decades" => time("decade"),
        _ => return None,
    })
}

/// ISO 4217 codes recognised as written codes ("USD 5", "5 usd").
pub(crate) fn iso_code(raw: &str, w: &str) -> Option<&'static str> {
    let code = match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "inr" => "INR",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "cad" => "CAD",
        "aud" => "AUD",
        "hkd" => "HKD",
        "chf" => "CHF",
        "nzd" => "NZD",
        "mxn" => "MXN",
        "sgd" => "SGD",
        "aed" => "AED",
        "bdt" => "BDT",
        "lkr" => "LKR",
        "npr" => "NPR",
        "pkr" => "PKR",
        "zar" => "ZAR",
        "rub" => "RUB",
        "krw" => "KRW",
        "brl" => "BRL",
        // "try" is an English word: only the upper-case code counts.
        "try" if raw == "TRY" => "TRY",
        _ => return None,
    };
    Some(code)
}

/// A code with a leading `M` for million, all in upper or all in lower case
/// ("30 MUSD", "MAUD 60", "25 musd").
pub(crate) fn million_code(raw: &str) -> Option<&'static str> {
    let rest = match raw.strip_prefix('M') {
        Some(r) if r.bytes().all(|b| b.is_ascii_uppercase()) => r,
        _ => raw
            .strip_prefix('m')
            .filter(|r| r.bytes().all(|b| b.is_ascii_lowercase()))?,
    };
    if rest.len() != 3 {
        return None;
    }
    iso_code(rest, &rest.to_ascii_lowercase())
}

/// Currency names written as one word after the amount.
pub(crate) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "rupee" | "rupees" => "INR",
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "lira" | "liras" => "TRY",
        _ => return None,
    })
}

/// Country adjectives that pick a dollar, franc, peso or yuan.
pub(crate) fn currency_adjective(w: &str, noun: &str) -> Option<&'static str> {
    let dollar = matches!(noun, "dollar" | "dollars");
    Some(match w {
        "us" | "american" if dollar => "USD",
        "canadian" if dollar => "CAD",
        "australian" if dollar => "AUD",
        "singapore" if dollar => "SGD",
        "nz" if dollar => "NZD",
        "swiss" if matches!(noun, "franc" | "francs") => "CHF",
        "mexican" if matches!(noun, "peso" | "pesos") => "MXN",
        "chinese" if matches!(noun, "yuan" | "renminbi") => "CNY",
        "turkish" if matches!(noun, "lira" | "liras") => "TRY",
        "british" if matches!(noun, "pound" | "pounds") => "GBP",
        "indian" if matches!(noun, "rupee" | "rupees") => "INR",
        "japanese" if noun == "yen" => "JPY",
        _ => return None,
    })
}

/// What may stand right before a `$` sign, and the currency it makes.
/// `spaced` says whether a space separates it from the sign.
pub(crate) fn dollar_prefix(w: &str, spaced: bool) -> Option<&'static str> {
    Some(match w {
        "us" | "u.s" | "u.s." | "usd" => "USD",
        "c" | "can" | "cad" => "CAD",
        "hk" | "hkd" => "HKD",
        "nz" | "nzd" => "NZD",
        "mex" | "mx" | "mxn" => "MXN",
        "a" | "au" | "aud" if !spaced || w == "aud" => "AUD",
        "ca" if !spaced => "CAD",
        "s" | "sg" | "sgd" if !spaced || w == "sgd" => "SGD",
        _ => return None,
    })
}

/// Qualifiers kept from the text, longest first so that "just over" wins
/// over "over" ([`qualifiers_ending`] gives them by their last word).
#[cfg(test)]
pub(crate) const QUALIFIERS: &[&str] = &[
    "in excess of",
    "a little over",
    "a maximum of",
    "a minimum of",
    "as many as",
    "as much as",
    "as high as",
    "as low as",
    "upwards of",
    "more than",
    "less than",
    "fewer than",
    "greater than",
    "higher than",
    "lower than",
    "just over",
    "just under",
    "well over",
    "an estimated",
    "approximately",
    "estimated",
    "close to",
    "at least",
    "at most",
    "nearly",
    "almost",
    "roughly",
    "around",
    "about",
    "approx.",
    "approx",
    "up to",
    "upto",
    "over",
    "under",
    "above",
    "below",
    "beyond",
    "exceeding",
    "some",
    "between",
];

/// The [`QUALIFIERS`] that `window` (the text before a number) may end
/// with, in their order: those whose last word is the window's last word
/// (ASCII letters, any case; "approx." with its full stop). A quick test
/// before trying each.
pub(crate) fn qualifiers_ending(window: &str) -> &'static [&'static str] {
    let (body, dot) = match window.strip_suffix('.') {
        Some(b) => (b, true),
        None => (window, false),
    };
    let b = body.as_bytes();
    let mut s = b.len();
    while s > 0 && b[s - 1].is_ascii_alphabetic() {
        s -= 1;
    }
    let w = &b[s..];
    if w.len() > 13 {
        return &[];
    }
    let mut buf = [0u8; 13];
    for (d, c) in buf.iter_mut().zip(w) {
        *d = c.to_ascii_lowercase();
    }
    let w = &buf[..w.len()];
    if dot {
        return if w == b"approx" { &["approx."] } else { &[] };
    }
    match w {
        b"of" => &["in excess of", "a maximum of", "a minimum of", "upwards of"],
        b"over" => &["a little over", "just over", "well over", "over"],
        b"as" => &["as many as", "as much as", "as high as", "as low as"],
        b"than" => &[
            "more than",
            "less than",
            "fewer than",
            "greater than",
            "higher than",
            "lower than",
        ],
        b"under" => &["just under", "under"],
        b"estimated" => &["an estimated", "estimated"],
        b"approximately" => &["approximately"],
        b"to" => &["close to", "up to"],
        b"least" => &["at least"],
        b"most" => &["at most"],
        b"nearly" => &["nearly"],
        b"almost" => &["almost"],
        b"roughly" => &["roughly"],
        b"around" => &["around"],
        b"about" => &["about"],
        b"approx" => &["approx"],
        b"upto" => &["upto"],
        b"above" => &["above"],
        b"below" => &["below"],
        b"beyond" => &["beyond"],
        b"exceeding" => &["exceeding"],
        b"some" => &["some"],
        b"between" => &["between"],
        _ => &[],
    }
}

/// Month names (lower case). "may" is only a month when capitalised, which
/// the caller checks.
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Words after which a bare four-digit number is a calendar year.
pub(crate) fn is_year_context(w: &str) -> bool {
    matches!(
        w,
        "in" | "since"
            | "from"
            | "by"
            | "until"
            | "till"
            | "during"
            | "before"
            | "after"
            | "of"
            | "year"
            | "fiscal"
            | "fy"
            | "circa"
            | "through"
            | "to"
            | "established"
            | "founded"
            | "incorporated"
            | "early"
            | "late"
            | "mid"
    )
}

/// Plural nouns that do not end in -s.
pub(crate) fn is_irregular_plural(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "men"
            | "women"
            | "children"
            | "staff"
            | "personnel"
            | "cattle"
            | "livestock"
            | "sheep"
            | "fish"
            | "youth"
            | "folk"
            | "police"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "poultry"
    )
}

/// Words that end in -s but are not plural nouns.
pub(crate) fn is_false_plural(w: &str) -> bool {
    matches!(
        w,
        "was"
            | "has"
            | "does"
            | "goes"
            | "its"
            | "this"
            | "his"
            | "hers"
            | "theirs"
            | "ours"
            | "yours"
            | "always"
            | "perhaps"
            | "besides"
            | "towards"
            | "afterwards"
            | "across"
            | "unless"
            | "thus"
            | "plus"
            | "minus"
            | "whereas"
            | "sometimes"
            | "nevertheless"
            | "as"
            | "is"
            | "us"
            | "yes"
            | "less"
            | "news"
            | "series"
            | "species"
            | "means"
            | "lakhs"
            | "crores"
            | "millions"
            | "billions"
            | "percents"
            | "makes"
            | "produces"
            | "comes"
            | "becomes"
            | "remains"
            | "seems"
            | "includes"
            | "employs"
            | "says"
            | "rises"
            | "falls"
            | "grows"
            | "stands"
            | "works"
            | "lies"
            | "runs"
    )
}

/// Function words: a count noun is never found past one of these.
pub(crate) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "into"
            | "onto"
            | "than"
            | "per"
            | "as"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "will"
            | "would"
            | "shall"
            | "should"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "this"
            | "these"
            | "those"
            | "it"
            | "its"
            | "they"
            | "their"
            | "them"
            | "he"
            | "she"
            | "we"
            | "you"
            | "i"
            | "our"
            | "his"
            | "her"
            | "or"
            | "but"
            | "if"
            | "so"
            | "not"
            | "no"
            | "more"
            | "less"
            | "most"
            | "least"
            | "each"
            | "every"
            | "all"
            | "both"
            | "only"
            | "also"
            | "just"
            | "over"
            | "under"
            | "about"
            | "out"
            | "up"
            | "down"
            | "off"
            | "there"
            | "here"
            | "when"
            | "where"
            | "while"
            | "said"
            | "says"
            | "percent"
            | "cent"
            | "times"
            | "ago"
            | "earlier"
            | "later"
            | "old"
    )
}
