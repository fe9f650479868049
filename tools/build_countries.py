"""Generate `models/countries.toml` from pycountry (ISO 3166-1) and CLDR (through Babel).

What the libraries give, per country of the scope (the codes of `models/countries_extra.toml`):
- `alpha2`, `numeric`: ISO 3166-1 codes (pycountry; `alpha2` from the hand-kept file where ISO
  has none, as for Kosovo);
- `name_en`, `name_fr`: CLDR's short common name in each language;
- `en`, `fr`: surface forms: the CLDR name, ISO's name, official name and common name (French
  from the ISO names' French translations shipped with pycountry), cleaned for news text
  (inverted "Korea, Republic of" forms dropped, "Myanmar (Burma)" split, a leading article
  dropped), with the variants news write: capitals without accents ("Etats-Unis"), straight and
  typographic apostrophes.

A form that the libraries give for two countries is left out of both, so that no form denotes two
countries. What the libraries do not hold (adjectives, capitals, short forms such as "US",
display names news prefer, forms to exclude) is kept by hand in `models/countries_extra.toml`;
`pipeline/lexicons.py` merges the two files.

In: `models/countries_extra.toml` (scope); out: `--output` (default `models/countries.toml`).
Needs Babel (the `dev` extra); the pipeline itself reads only the generated file.
"""

from __future__ import annotations

import argparse
import gettext
import json
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from importlib.metadata import version
from pathlib import Path

import pycountry
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
EXTRA = ROOT / "models" / "countries_extra.toml"
OUTPUT = ROOT / "models" / "countries.toml"
LANGS = ("en", "fr")
# A leading article is not part of the name in running text ("the State of Palestine").
ARTICLE = re.compile(r"^(?:the |The |L'|L’|l'|l’)")


def unaccented_capitals(form: str) -> str:
    """The form with accents dropped from its capital letters only ("États-Unis" → "Etats-Unis")."""
    return "".join(
        "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c)) if ch.isupper() else ch for ch in form
    )


def clean_forms(raw: list[str]) -> list[str]:
    """Library names → forms as news write them, in first-seen order, with their variants."""
    out: list[str] = []
    for name in raw:
        if not name or "," in name:  # "Korea, Republic of": a catalogue form, never in text
            continue
        name = name.replace(" - ", "-")  # CLDR "Congo - Kinshasa"
        found = re.fullmatch(r"(.+?) \((.+)\)", name)
        parts = [found.group(1), found.group(2)] if found else [name]
        for part in parts:
            part = ARTICLE.sub("", part.strip())
            if not part[:1].isupper():
                continue  # "état de la cité du Vatican": a description, not a name
            for variant in (part, unaccented_capitals(part)):
                for form in (variant, variant.replace("’", "'"), variant.replace("'", "’")):
                    if form not in out:
                        out.append(form)
    return out


def build(extra: dict[str, dict]) -> dict[str, dict]:
    """Scope (hand-kept file) → generated entries per ISO3 code, sorted by code."""
    locales = {lang: Locale(lang) for lang in LANGS}
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    entries: dict[str, dict] = {}
    for code in sorted(extra):
        iso = pycountry.countries.get(alpha_3=code)
        alpha2 = extra[code].get("alpha2") or (iso.alpha_2 if iso else None)
        if alpha2 is None:
            raise SystemExit(f"{code}: not in ISO 3166-1 and no alpha2 in {EXTRA.name}")
        cldr = {lang: locales[lang].territories.get(alpha2) for lang in LANGS}
        iso_names = [getattr(iso, key, None) for key in ("name", "official_name", "common_name")] if iso else []
        raw = {
            "en": [cldr["en"], *iso_names],
            # an untranslated ISO name comes back unchanged: it is English, not French
            "fr": [cldr["fr"], *(french.gettext(n) for n in iso_names if n and french.gettext(n) != n)],
        }
        entry: dict = {"alpha2": alpha2}
        if iso:
            entry["numeric"] = iso.numeric
        for lang in LANGS:
            entry[f"name_{lang}"] = cldr[lang] or (iso_names[0] if iso_names else code)
        for lang in LANGS:
            entry[lang] = clean_forms(raw[lang])
        entries[code] = entry
    # No form may denote two countries: one the libraries give twice is left to the hand-kept file.
    owners: dict[str, set[str]] = defaultdict(set)
    for code, entry in entries.items():
        for lang in LANGS:
            for form in entry[lang]:
                owners[form].add(code)
    for entry in entries.values():
        for lang in LANGS:
            entry[lang] = [f for f in entry[lang] if len(owners[f]) == 1]
    return entries


def render(entries: dict[str, dict]) -> str:
    """Generated entries → TOML text with a header naming its sources."""
    lines = [
        "# GENERATED by tools/build_countries.py -- do not edit: hand-kept forms, adjectives, capitals",
        "# and display names go to models/countries_extra.toml.",
        f"# Sources: pycountry {version('pycountry')} (ISO 3166-1 codes, names and their French translations),",
        f"# CLDR through Babel {version('babel')} (short common names in English and French).",
        "# Fields: alpha2, numeric (ISO 3166-1); name_en, name_fr (CLDR); en, fr (surface forms).",
        "",
    ]
    for code, entry in entries.items():
        lines.append(f"[{code}]")
        for key, value in entry.items():
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write the generated country lexicon; `--check` only tells whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="exit 1 if the output differs from what would be generated")
    args = parser.parse_args(argv)
    with EXTRA.open("rb") as fh:
        text = render(build(tomllib.load(fh)))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is out of date: run python -m tools.build_countries", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"{args.output}: {len(text.splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
