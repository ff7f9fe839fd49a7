use super::*;
use std::path::PathBuf;

/// (text, value, unit, per): `extract(text)` must contain a quantity with
/// this value (relative 1e-9), unit and rate period.
const CASES: &[(&str, f64, Option<&str>, Option<&str>)] = &[
    // Indian and western digit grouping, decimals, spaces.
    (
        "around 6,40,000 bags per month",
        640000.0,
        Some("bags"),
        Some("month"),
    ),
    ("a grant of 1,00,000", 100000.0, None, None),
    ("The result is 12,34,567.89", 1234567.89, None, None),
    ("There are 1,234,567 of them", 1234567.0, None, None),
    ("the value .23456000 here", 0.23456, None, None),
    ("4.800", 4.8, None, None),
    (
        "1\u{202f}234\u{202f}567.89 is valid",
        1234567.89,
        None,
        None,
    ),
    ("worth 10 000 dollars", 10000.0, Some("USD"), None),
    // Scales in figures.
    ("Rs 100 crore", 1e9, Some("INR"), None),
    ("5.5 lakh", 550000.0, None, None),
    ("1 lac", 100000.0, None, None),
    ("Rs 250 cr", 2.5e9, Some("INR"), None),
    ("1 crore 25 lakh", 12500000.0, None, None),
    ("100k", 100000.0, None, None),
    ("I can give you 10M.", 1e7, None, None),
    ("10 bn", 1e10, None, None),
    ("1 trillion", 1e12, None, None),
    ("$13,009 million", 13009e6, Some("USD"), None),
    ("₹5.2 lakh", 520000.0, Some("INR"), None),
    ("Rs 10L", 1e6, Some("INR"), None),
    // Acronyms: a plural one is the count noun, a bare one a modifier.
    ("The cluster has 450 MSMEs.", 450.0, Some("MSMEs"), None),
    (
        "There are 200 MSME units in the area.",
        200.0,
        Some("units"),
        None,
    ),
    ("1,200 SHGs were formed", 1200.0, Some("SHGs"), None),
    // A bare figure under a field heading takes the heading's unit.
    (
        "Number of MSMEs\n\n450\n\nMain fuels",
        450.0,
        Some("MSMEs"),
        None,
    ),
    (
        "Total energy consumption (toe)\n\n1093900",
        1093900.0,
        Some("toe"),
        None,
    ),
    ("Turnover (Rs crore)\n1,200\n", 1.2e10, Some("INR"), None),
    (
        "Production (tonnes/year)\n\n5280",
        5280.0,
        Some("tonne"),
        Some("year"),
    ),
    ("Share of exports (%)\n45", 45.0, Some("percent"), None),
    ("Installed capacity (MW)\n\n1,320", 1320.0, Some("MW"), None),
    // ... but not a count heading, a sentence above, or words beside it.
    ("Employment (Nos)\n\n68000", 68000.0, None, None),
    ("Phone (Office)\n\n26012345", 26012345.0, None, None),
    ("The cluster employs many people.\n\n450", 450.0, None, None),
    ("Number of MSMEs\n\n450 in 2010", 450.0, None, None),
    // Numbers in words.
    ("three hundred", 300.0, None, None),
    (
        "twelve lakh thirty four thousand five hundred",
        1234500.0,
        None,
        None,
    ),
    ("two lakh", 200000.0, None, None),
    ("I count 6 crore and two hundred", 60000200.0, None, None),
    ("The answer is minus five", -5.0, None, None),
    ("one hundred and sixty-one", 161.0, None, None),
    ("one lakh crore", 1e12, None, None),
    ("3 million and a half", 3500000.0, None, None),
    ("half million eggs", 500000.0, Some("eggs"), None),
    ("The total was 1 234 567.", 1234567.0, None, None),
    ("45 000", 45000.0, None, None),
    (
        "On May 15 200 workers struck.",
        200.0,
        Some("workers"),
        None,
    ),
    ("nearly half a million looms", 500000.0, Some("looms"), None),
    ("two and a half thousand", 2500.0, None, None),
    ("five and a half lakh bags", 550000.0, Some("bags"), None),
    ("half a dozen units", 6.0, Some("units"), None),
    ("two and a half dozen", 30.0, None, None),
    ("two hundred point zero three", 200.03, None, None),
    ("a hundred and two of those", 102.0, None, None),
    // Currencies.
    ("Rs. 15,000", 15000.0, Some("INR"), None),
    ("INR 500", 500.0, Some("INR"), None),
    ("35 lakh rupees", 3500000.0, Some("INR"), None),
    ("a 5,000 TCD sugar mill", 5000.0, Some("tonne"), Some("day")),
    ("arrivals of 80 qtls", 8000.0, Some("kg"), None),
    // A scale joined to the figure by a hyphen.
    ("a Rs 3.4-crore centre", 3.4e7, Some("INR"), None),
    ("the Rs 900-crore cement plant", 9e9, Some("INR"), None),
    ("a 120-lakh grant", 1.2e7, Some("INR"), None),
    // "more", "other" and capitalised modifiers before the noun.
    ("about 60 more units", 60.0, Some("units"), None),
    ("five other mills shut", 5.0, Some("mills"), None),
    ("It has 60 Jacquard looms.", 60.0, Some("looms"), None),
    (
        "Exports by 300 Indian firms rose.",
        300.0,
        Some("firms"),
        None,
    ),
    (
        "a subsidy of 75 paise per unit",
        0.75,
        Some("INR"),
        Some("unit"),
    ),
    ("the 75-paise subsidy", 0.75, Some("INR"), None),
    ("between 40 and 50 paise a metre", 0.4, Some("INR"), None),
    ("US$ 2 million", 2e6, Some("USD"), None),
    ("$ 75 million of bonds", 75e6, Some("USD"), None),
    ("USD 22.5 million", 22.5e6, Some("USD"), None),
    ("5 dollars", 5.0, Some("USD"), None),
    ("€10M in savings", 1e7, Some("EUR"), None),
    ("323 million euros", 323e6, Some("EUR"), None),
    ("£ 8.10 million", 8.1e6, Some("GBP"), None),
    ("20 million pounds", 2e7, Some("GBP"), None),
    ("GBP 350", 350.0, Some("GBP"), None),
    ("30 MUSD", 3e7, Some("USD"), None),
    ("lent 12 meur to the mill", 1.2e7, Some("EUR"), None),
    ("c $ 1.34 a share", 1.34, Some("CAD"), None),
    ("hk $ 10.05 billion", 10.05e9, Some("HKD"), None),
    ("143.80 yen", 143.8, Some("JPY"), None),
    ("100 chinese yuan", 100.0, Some("CNY"), None),
    ("10,000 swiss francs", 10000.0, Some("CHF"), None),
    ("10 turkish lira", 10.0, Some("TRY"), None),
    ("Rs 30 per kg", 30.0, Some("INR"), Some("kg")),
    // Percent.
    ("70 percent", 70.0, Some("percent"), None),
    ("70%", 70.0, Some("percent"), None),
    ("70 per cent", 70.0, Some("percent"), None),
    ("rose 70 pc", 70.0, Some("percent"), None),
    ("twenty percent", 20.0, Some("percent"), None),
    ("minus five percent", -5.0, Some("percent"), None),
    ("grew 15 % per annum", 15.0, Some("percent"), Some("year")),
    // Counts.
    ("the 300 employees are", 300.0, Some("employees"), None),
    (
        "exported 1.5 million pairs of shoes",
        1.5e6,
        Some("pairs"),
        None,
    ),
    (
        "There are 459 operational units",
        459.0,
        Some("units"),
        None,
    ),
    ("over 23,000 people", 23000.0, Some("people"), None),
    ("will create 5,130 jobs", 5130.0, Some("jobs"), None),
    ("1 crore boxes", 1e7, Some("boxes"), None),
    // Rates.
    ("Rs 5 lakh a month", 500000.0, Some("INR"), Some("month")),
    ("20 tonnes a year", 20.0, Some("tonne"), Some("year")),
    ("Rs 2 crore annually", 2e7, Some("INR"), Some("year")),
    ("500 litres/day", 500.0, Some("litre"), Some("day")),
    ("Rs 12 per SCM", 12.0, Some("INR"), Some("scm")),
    ("100 bags monthly", 100.0, Some("bags"), Some("month")),
    ("40 trucks every year", 40.0, Some("trucks"), Some("year")),
    // Temperatures.
    ("as low as -40 degrees Celsius", -40.0, Some("degC"), None),
    ("\u{2212}40°C", -40.0, Some("degC"), None),
    ("temperature of minus 40 degrees", -40.0, Some("degC"), None),
    ("40 deg celsius", 40.0, Some("degC"), None),
    ("its 90 fahrenheit in texas", 90.0, Some("degF"), None),
    ("100 degrees f", 100.0, Some("degF"), None),
    ("300 kelvin", 300.0, Some("K"), None),
    ("convert - 20 degrees fahrenheit", -20.0, Some("degF"), None),
    // Physical units.
    ("16,000 metric tons", 16000.0, Some("tonne"), None),
    ("a 4 MMT crude oil storage", 4e6, Some("tonne"), None),
    ("a 5 MTPA plant", 5e6, Some("tonne"), Some("year")),
    (
        "5.28 million tonnes per year",
        5.28e6,
        Some("tonne"),
        Some("year"),
    ),
    ("20 kg", 20.0, Some("kg"), None),
    ("You weight 200lbs.", 200.0, Some("lb"), None),
    ("about 250 km from", 250.0, Some("km"), None),
    ("1.8m tall", 1.8, Some("m"), None),
    ("a 45-acre plot", 45.0, Some("acre"), None),
    ("its 3-inch thickness", 3.0, Some("inch"), None),
    ("10 hectares", 10.0, Some("hectare"), None),
    ("50,000 sq ft", 50000.0, Some("sqft"), None),
    ("2,000 square feet", 2000.0, Some("sqft"), None),
    ("190 km2", 190.0, Some("sqkm"), None),
    ("660 square meters", 660.0, Some("sqm"), None),
    ("a 100 MW solar plant", 100.0, Some("MW"), None),
    ("5 GW", 5.0, Some("GW"), None),
    ("200 litres", 200.0, Some("litre"), None),
    ("2 quintals", 200.0, Some("kg"), None),
    ("7.62mm barrel", 7.62, Some("mm"), None),
    ("The door is 2 1/2 in thick", 2.5, Some("inch"), None),
    ("the six-mile trip", 6.0, Some("mile"), None),
    // Ranges and qualifiers.
    ("2-3 lakh", 200000.0, None, None),
    ("2 to 3 lakh", 200000.0, None, None),
    ("between 10 and 20 acres", 10.0, Some("acre"), None),
    // Years, ages, durations.
    ("Established in 2018, the firm", 2018.0, Some("year"), None),
    ("I'm only 29 years old!", 29.0, Some("year"), None),
    ("battery failed after three days", 3.0, Some("day"), None),
    ("for 6 months", 6.0, Some("month"), None),
    ("a two-year maintenance period", 2.0, Some("year"), None),
    ("the 87 yo man", 87.0, Some("year"), None),
    ("Data pertains to 2010-11", 2010.0, Some("year"), None),
    ("she is 5 and a half years old", 5.5, Some("year"), None),
    ("it was 20 degrees below zero", -20.0, Some("degC"), None),
    ("drop 25 pounds", 25.0, Some("lb"), None),
    ("he was fined 500 pounds", 500.0, Some("GBP"), None),
    (
        "Rs 2.50 per standard cubic meter",
        2.5,
        Some("INR"),
        Some("scm"),
    ),
];

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn table_of_quantities() {
    let mut failed = Vec::new();
    for &(text, value, unit, per) in CASES {
        let got = extract(text);
        let hit = got
            .iter()
            .any(|q| close(q.value, value) && q.unit.as_deref() == unit && q.per.as_deref() == per);
        if !hit {
            let seen: Vec<_> = got
                .iter()
                .map(|q| {
                    (
                        q.text.as_str(),
                        q.value,
                        q.unit.as_deref(),
                        q.per.as_deref(),
                    )
                })
                .collect();
            failed.push(format!(
                "{text:?}: want {value} {unit:?} {per:?}, got {seen:?}"
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "{} failures:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// Texts in which nothing (or nothing listed) may be found as an amount.
const NOT_AMOUNTS: &[(&str, &[f64])] = &[
    ("Hajipur Becomes 2nd Fastest Developing City", &[2.0]),
    ("on 8th September the plant opened", &[8.0]),
    (
        "Tel: +91 11 2468 2100, 2468 2111 | Email",
        &[91.0, 11.0, 2468.0, 2100.0, 2111.0],
    ),
    (
        "Lodhi Road, New Delhi 110 003, India",
        &[110.0, 3.0, 110003.0],
    ),
    ("New Delhi, July 18 Bihar's firm", &[18.0]),
    ("Bhubaneswar, Jan 7 (PTI) The state", &[7.0]),
    ("Published Feb 22, 2023 by", &[22.0, 2023.0]),
    ("before Utkarsh Odisha 2025 is", &[2025.0]),
    (
        "see https://example.org/a/2019/report_45.pdf now",
        &[2019.0, 45.0],
    ),
    ("write to info2@example.com", &[2.0]),
    ("version 2.3.1 released", &[2.0, 3.0, 1.0]),
    ("Senior Specialist - Finance Operations D2C", &[2.0]),
    ("Some G20 nations", &[20.0]),
    ("one of the computers", &[1.0]),
    ("at 10:30 am on", &[10.0, 30.0]),
    ("call 1800-180-1551 now", &[1800.0, 180.0, 1551.0]),
    ("Section 144 was imposed under Phase 2", &[144.0, 2.0]),
    ("Copyright © 2023 Fibre2Fashion", &[2023.0, 2.0]),
];

#[test]
fn non_quantities_are_skipped() {
    let mut failed = Vec::new();
    for &(text, banned) in NOT_AMOUNTS {
        for q in extract(text) {
            if banned.iter().any(|b| close(*b, q.value)) {
                failed.push(format!("{text:?}: found {:?} = {}", q.text, q.value));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn qualifiers_ranges_and_spans() {
    let q = extract("employment for over 23,000 people");
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].qualifier.as_deref(), Some("over"));
    assert_eq!(q[0].text, "over 23,000 people");

    let q = extract("about 1.5 million pairs");
    assert_eq!(q[0].qualifier.as_deref(), Some("about"));

    let q = extract("a fee of 2-3 lakh");
    assert_eq!(q[0].value, 200000.0);
    assert_eq!(q[0].value_max, Some(300000.0));

    let q = extract("up to Rs 5 crore");
    assert_eq!(q[0].qualifier.as_deref(), Some("up to"));
    assert_eq!(q[0].unit.as_deref(), Some("INR"));

    let text = "It makes 6,40,000 bags per month. Next one.";
    let q = extract(text);
    assert_eq!(q[0].text, "6,40,000 bags per month");
    assert_eq!(&text[q[0].start..q[0].end], q[0].text);
    assert_eq!(q[0].sentence, "It makes 6,40,000 bags per month.");
}

/// Asserts the value and unit of the first quantity of each case:
/// (text, value, unit).
fn assert_first(cases: &[(&str, f64, Option<&str>)]) {
    let mut failed = Vec::new();
    for &(text, value, unit) in cases {
        let q = extract(text);
        let got = q.first().map(|x| (x.value, x.unit.as_deref()));
        if got != Some((value, unit)) {
            failed.push(format!("{text:?}: got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn bare_lakh_and_crore_are_rupees_where_money_is_spoken_of() {
    // (text, value, unit)
    let cases: &[(&str, f64, Option<&str>)] = &[
        (
            "An investment of 156 crores is proposed in these.",
            1.56e9,
            Some("INR"),
        ),
        (
            "More than 10.86 crore is to be invested in the unit.",
            1.086e8,
            Some("INR"),
        ),
        ("The unit has a turnover of 45 lakh.", 4.5e6, Some("INR")),
        // A noun after it: a count.
        (
            "The scheme will invest in 2 crore households.",
            2e7,
            Some("households"),
        ),
        // No money in the sentence: a plain number.
        (
            "The district has a population of 1.2 crore. Its budget is small.",
            1.2e7,
            None,
        ),
        ("twelve lakh thirty four thousand", 1_234_000.0, None),
    ];
    assert_first(cases);
}

#[test]
fn a_number_joined_to_its_noun_counts_it() {
    // (text, value, unit)
    let cases: &[(&str, f64, Option<&str>)] = &[
        ("a 65-bed hospital will be built", 65.0, Some("beds")),
        ("a 500-seat meeting hall", 500.0, Some("seats")),
        ("a 2-facility network", 2.0, Some("facilities")),
        ("a 45-acre site", 45.0, Some("acre")),
        ("a 3-day strike", 3.0, Some("day")),
        ("the cluster's 12,000-odd units", 12000.0, Some("units")),
        ("500-plus workers joined", 500.0, Some("workers")),
        (
            "it will create 5,000 direct and 12,000 indirect jobs",
            5000.0,
            Some("jobs"),
        ),
        ("a 220 kV line", 220.0, Some("kV")),
        ("TDS of 9,800 mg per litre", 9800.0, Some("mg")),
        ("250 mg/l of COD", 250.0, Some("mg")),
        ("ships of 1.5 lakh DWT", 150000.0, Some("DWT")),
        ("it handled 2.1 lakh TEUs", 210000.0, Some("TEU")),
        ("he is a 10-year-old boy", 10.0, Some("year")),
    ];
    assert_first(cases);
}

#[test]
fn ranges_low_and_high_end() {
    // (text, value, value_max, unit)
    let cases: &[(&str, f64, Option<f64>, Option<&str>)] = &[
        ("2 to 3 lakh people", 2e5, Some(3e5), Some("people")),
        (
            "between 80,000 and one lakh workers",
            8e4,
            Some(1e5),
            Some("workers"),
        ),
        (
            "between 90,000 and 1.2 lakh looms",
            9e4,
            Some(1.2e5),
            Some("looms"),
        ),
        ("between 5 and 6 lakh", 5e5, Some(6e5), None),
        (
            "between Rs 5 crore and Rs 10 crore",
            5e7,
            Some(1e8),
            Some("INR"),
        ),
        (
            "between $2 million and $3 million",
            2e6,
            Some(3e6),
            Some("USD"),
        ),
        // A change, not a range.
        ("output rose from 200 to 300 units", 200.0, None, None),
        (
            "it cut the price by Rs 2.50 to Rs 25.57",
            2.5,
            None,
            Some("INR"),
        ),
        // Two amounts in different currencies are no range.
        ("between Rs 5 crore and $3 million", 5e7, None, Some("INR")),
    ];
    let mut failed = Vec::new();
    for &(text, value, value_max, unit) in cases {
        let q = extract(text);
        let got = q.first().map(|x| (x.value, x.value_max, x.unit.as_deref()));
        if got != Some((value, value_max, unit)) {
            failed.push(format!("{text:?}: got {got:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn two_currencies_point_at_each_other() {
    let q = extract("a production value of Rs 15 crore ($1.9 million).");
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].unit.as_deref(), Some("INR"));
    assert_eq!(q[0].value, 150_000_000.0);
    assert_eq!(q[1].unit.as_deref(), Some("USD"));
    assert_eq!(q[1].value, 1_900_000.0);
    assert_eq!(q[0].same_as, Some(1));
    assert_eq!(q[1].same_as, Some(0));
    let q = extract("Rs 15 crore and $1.9 million");
    assert!(q.iter().all(|x| x.same_as.is_none()));
}

#[test]
fn elliptical_counts_take_the_noun_before() {
    let q = extract(
        "There are 459 operational units in the cluster, of which 178 produce wall tiles; 52 produce floor tiles.",
    );
    let units: Vec<_> = q.iter().map(|x| (x.value, x.unit.as_deref())).collect();
    assert_eq!(
        units,
        vec![
            (459.0, Some("units")),
            (178.0, Some("units")),
            (52.0, Some("units"))
        ]
    );
}

#[test]
fn bare_figures_take_the_noun_their_sentence_names() {
    // (text, figure, expected unit)
    let cases: &[(&str, &str, Option<&str>)] = &[
        // A partitive opening names what the second figure counts.
        (
            "Of the district's 848 factories, 150 are up for sale.",
            "150",
            Some("factories"),
        ),
        ("Out of 300 workers, 210 are women.", "210", Some("workers")),
        ("Among the 60 mills, 12 have shut.", "12", Some("mills")),
        // Not after a plain comma.
        (
            "In 2019 it had 848 factories, 150 of them small.",
            "150",
            None,
        ),
        // "The number of X" names the unit of the bare figures after it.
        (
            "Headline\nThe number of people employed would go up to 45,000 from the present 31,600.",
            "31,600",
            Some("people"),
        ),
        (
            "Headline\nThe number of units rose from 450 to 520 this year.",
            "520",
            Some("units"),
        ),
        // Employment with no noun counts people.
        (
            "Headline\nThe association estimates employment has declined to 200,000.",
            "200,000",
            Some("people"),
        ),
        (
            "Headline\nThe new plant will employ about 2,100 when it opens.",
            "2,100",
            Some("people"),
        ),
        // ...but not a figure far from the word.
        (
            "Headline\nEmployment was steady, the report on the sector said, with 12 in the list.",
            "12",
            None,
        ),
        // Compound modifiers may hold function words.
        (
            "about 24 raw-to-wet blue processing units",
            "about 24 raw-to-wet blue processing units",
            Some("units"),
        ),
        (
            "12 ready-to-eat food plants",
            "12 ready-to-eat food plants",
            Some("plants"),
        ),
        (
            "a dozen of companies have shut",
            "a dozen of companies",
            Some("companies"),
        ),
        // A nominalisation before the noun stays with it; other modifiers go.
        (
            "3,475 employment opportunities",
            "3,475 employment opportunities",
            Some("employment opportunities"),
        ),
        (
            "459 operational units",
            "459 operational units",
            Some("units"),
        ),
        ("120 tile units", "120 tile units", Some("units")),
        // A year that names an event.
        (
            "Headline\nIt closed during the 2019 Kumbh Mela at Prayagraj.",
            "2019",
            Some("year"),
        ),
    ];
    for &(text, figure, unit) in cases {
        let q = extract(text);
        let hit = q
            .iter()
            .find(|x| x.text.ends_with(figure) || x.text == figure);
        assert!(hit.is_some(), "{text:?}: no quantity {figure:?} in {q:?}");
        if let Some(hit) = hit {
            assert_eq!(hit.unit.as_deref(), unit, "{text:?}");
        }
    }
}

#[test]
fn table_cells_take_their_column_heading() {
    let text = "Census\n\nDistrict | Units | Jobs | Turnover (Rs crore)\n---|---|---|---\nGomati | 13,905 | 48,650 | 1,200\nDhalai | 6,560 | 22,800 | 310\n\nThe census found 212 medium units.";
    let q = extract(text);
    let got: Vec<(f64, Option<&str>)> = q.iter().map(|x| (x.value, x.unit.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            (13905.0, Some("units")),
            (48650.0, Some("jobs")),
            (1.2e10, Some("INR")),
            (6560.0, Some("units")),
            (22800.0, Some("jobs")),
            (3.1e9, Some("INR")),
            (212.0, Some("units")),
        ]
    );
    // A row with no heading row above keeps its figures bare.
    let q = extract("Notes\n\nGomati | 13,905 | 48,650\n");
    assert!(q.iter().all(|x| x.unit.is_none()), "{q:?}");
}

#[test]
fn offsets_are_byte_offsets_on_unicode_text() {
    let text = "“Exports” rose to ₹ 5 crore — about 70 % of ‘all’ sales.";
    for q in extract(text) {
        assert_eq!(&text[q.start..q.end], q.text);
    }
}

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn peer_files_score_at_least_ninety_percent() {
    let dir = shared().join("peer");
    if !dir.exists() {
        eprintln!("no peer directory at {}", dir.display());
        return;
    }
    let scores = peer::score_dir(&dir);
    assert!(!scores.is_empty());
    println!("{:<32} {:>7} {:>7}", "file", "passed", "rate");
    let mut low = Vec::new();
    for (name, s) in &scores {
        println!(
            "{name:<32} {:>3}/{:<3} {:>6.1}%",
            s.passed,
            s.total,
            100.0 * s.rate()
        );
        for f in &s.failures {
            println!(
                "   FAIL {} {:?}",
                f.id,
                f.text.chars().take(100).collect::<String>()
            );
            println!("        expected {:?}", f.expected);
            println!("        got      {:?}", f.predicted);
        }
        if s.rate() < 0.9 {
            low.push(name.clone());
        }
    }
    assert!(low.is_empty(), "below 90%: {low:?}");
}

#[derive(serde::Deserialize)]
struct GoldFile {
    articles: Vec<GoldArticle>,
}

#[derive(serde::Deserialize)]
struct GoldArticle {
    file: String,
    #[serde(default)]
    quantities: Vec<GoldQuantity>,
}

#[derive(serde::Deserialize)]
struct GoldQuantity {
    text: String,
    value: f64,
    unit: Option<String>,
    #[serde(default)]
    per: Option<String>,
}

/// Gold units name a count's noun phrase ("employment opportunities") or
/// the plural of a unit ("tonnes"); ours is the head noun and the code.
fn gold_unit_matches(gold: Option<&str>, got: Option<&str>) -> bool {
    let norm = |u: &str| match u {
        "tonnes" | "tonne" => "tonne".to_string(),
        other => other.rsplit(' ').next().unwrap_or(other).to_string(),
    };
    match (gold, got) {
        (Some(g), Some(o)) => norm(g) == norm(o),
        (None, None) => true,
        _ => false,
    }
}

#[test]
fn gold_quantities_recall() {
    let root = shared();
    let sets = [
        (root.join("gold/seeds.json"), root.join("seeds")),
        (root.join("corpus/gold.json"), root.join("corpus")),
    ];
    let (mut found, mut total) = (0usize, 0usize);
    let mut missed = Vec::new();
    for (gold_path, dir) in sets {
        let Ok(body) = std::fs::read_to_string(&gold_path) else {
            eprintln!("no gold at {}", gold_path.display());
            continue;
        };
        let gold: GoldFile = serde_json::from_str(&body).unwrap_or(GoldFile { articles: vec![] });
        for art in gold.articles {
            let Ok(raw) = std::fs::read_to_string(dir.join(&art.file)) else {
                continue;
            };
            let text = raw.replace("\r\n", "\n");
            let got = extract(&text);
            for g in &art.quantities {
                total += 1;
                let hit = got.iter().any(|q| {
                    close(q.value, g.value)
                        && gold_unit_matches(g.unit.as_deref(), q.unit.as_deref())
                        && (g.per.is_none() || g.per == q.per)
                });
                if hit {
                    found += 1;
                } else {
                    missed.push(format!(
                        "{}: {:?} {} {:?}",
                        art.file, g.text, g.value, g.unit
                    ));
                }
            }
        }
    }
    if total == 0 {
        return;
    }
    let recall = found as f64 / total as f64;
    println!("gold recall {found}/{total} = {:.1}%", 100.0 * recall);
    for m in &missed {
        println!("   missed {m}");
    }
    assert!(recall >= 0.85, "gold recall {recall:.3}");
}

#[test]
fn the_quick_test_gives_the_qualifiers_a_window_may_end_with() {
    // The qualifiers whose last word is `last`, in their order.
    let ending = |last: &str| -> Vec<&str> {
        lexicon::QUALIFIERS
            .iter()
            .copied()
            .filter(|q| q.rsplit(' ').next() == Some(last))
            .collect()
    };
    for q in lexicon::QUALIFIERS {
        let last = q.rsplit(' ').next().unwrap_or("");
        for window in [q.to_string(), format!("It was {}", q.to_uppercase())] {
            let got = lexicon::qualifiers_ending(&window);
            assert!(got.contains(q), "{window:?}");
            assert_eq!(got, ending(last).as_slice(), "{window:?}");
        }
    }
    for window in ["It was", "the", "Rs", "approx.x", "shown.", "leftover5"] {
        assert!(lexicon::qualifiers_ending(window).is_empty(), "{window:?}");
    }
}

#[test]
fn quantities_carry_their_sentence() {
    let text = "Mr. Rao said 5 units closed.\nThe cluster employs 300 workers! Sales rose 4%.";
    let found = extract(text);
    let sentences: Vec<&str> = found.iter().map(|q| q.sentence.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "Mr. Rao said 5 units closed.",
            "The cluster employs 300 workers!",
            "Sales rose 4%."
        ]
    );
}
