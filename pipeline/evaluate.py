"""Evaluate stage: outputs against gold annotations → a DVC metrics file and a detail report.

Inputs: documents, mentions, entities and claims tables; a gold folder (`seeds/gold/`, format in its
README). Outputs, for DVC (`dvc metrics show`, `dvc plots show`):
- `metrics` (JSON): the headline figures (`headline`): claim precision / recall / F1, speaker,
  speaker-country and stance accuracy; F1 per entity kind; role and affiliation accuracy of
  officials; entities that leaked from removed boilerplate;
- `breakdown` (JSON): every figure (`main`'s result): counts, per set, style and language, per
  kind of speaker, and the stance confusion counts;
- `plots` (folder of CSV files): precision / recall / F1 per entity kind and per claim style, and
  one `actual,predicted` row per matched claim (the stance confusion matrix);
- `details` (JSON): what was missed and what was extra, per document.

Matching is per document and one-to-one: a gold entity matches a system entity of the same kind
when (countries) the ISO3 codes agree, (unnamed officials) country and a role agree, (others)
the folded name or one of the gold aliases equals the system name or one of its aliases.
A role is right when one of the two wordings contains the other, case and accents aside.

Params (`evaluate` in params.yaml): see `EvaluateParams`.
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from pipeline import lexicons
from pipeline.config import MODELS_DIR, StageParams, load_lexicon
from pipeline.lexicons import fold
from pipeline.store import check_same_run, read_table

KINDS = ("person", "country", "organisation", "location")


class EvaluateParams(StageParams):
    """Parameters of the evaluate stage (section `evaluate` of params.yaml)."""

    digits: int = 4
    """Rounding of the metrics (keeps the file stable across platforms)."""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def scores(self, digits: int) -> dict[str, float | int]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, digits), "recall": round(recall, digits), "f1": round(f1, digits), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class SystemEntity:
    entity_id: str
    kind: str
    name: str
    aliases: set[str]
    country: str | None
    roles: list[str]
    surfaces: set[str] = field(default_factory=set)  # folded texts of its mentions in this document


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """Every `*.yaml` gold file under `gold_dir` (sub-folders too), sorted by path."""
    files = sorted(Path(gold_dir).rglob("*.yaml"))
    if not files:
        raise FileNotFoundError(f"no gold annotations (*.yaml) in {gold_dir}")
    out = []
    for path in files:
        with path.open(encoding="utf-8") as fh:  # a YAML error then names the file
            gold = yaml.safe_load(fh)
        # the set a file belongs to: "seeds" for the top folder, else its sub-folder ("dev")
        gold["set"] = path.parent.relative_to(gold_dir).parts[0] if path.parent != Path(gold_dir) else "seeds"
        out.append(gold)
    return out


def role_matches(gold: str, system: str) -> bool:
    """One wording of a title contains the other ("ambassadeur" ~ "l'ambassadeur")."""
    g, s = fold(gold), fold(system)
    return g in s or s in g


def _matches(gold: dict[str, Any], system: SystemEntity) -> bool:
    if gold["kind"] != system.kind:
        return False
    if gold["kind"] == "country":
        return gold.get("country") == system.country
    if gold.get("unnamed"):
        return gold.get("country") == system.country and any(role_matches(g, s) for g in gold.get("roles", []) for s in system.roles)
    names = {fold(gold["name"])} | {fold(a) for a in gold.get("aliases", [])}
    return bool(names & ({fold(system.name)} | {fold(a) for a in system.aliases} | system.surfaces))


def evaluate_entities(gold_docs: list[dict[str, Any]], documents: dict[str, str], mentions: list[dict[str, Any]], entities: dict[str, dict[str, Any]], digits: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """Gold documents vs system mentions/entities → (metrics, details)."""
    by_doc: dict[str, dict[str, SystemEntity]] = defaultdict(dict)
    texts_by_doc: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        texts_by_doc[m["doc_id"]].add(fold(m["text"]))
        if not m["entity_id"] or m["entity_id"] not in entities:
            continue
        e = entities[m["entity_id"]]
        system = by_doc[m["doc_id"]].setdefault(
            e["entity_id"], SystemEntity(e["entity_id"], e["kind"], e["name"], set(e["aliases"]), e["country"], list(e["roles"]))
        )
        system.surfaces.add(fold(m["text"]))

    counts = {kind: Counts() for kind in KINDS}
    officials = roles_ok = affiliations_ok = leaked = 0
    details: dict[str, Any] = {}
    for gold in gold_docs:
        doc_id = documents.get(gold["source"])
        detail: dict[str, list[str]] = {"missed": [], "extra": [], "wrong_roles": [], "wrong_country": [], "leaked": []}
        system = dict(by_doc.get(doc_id, {})) if doc_id else {}
        for g in gold.get("entities", []):
            match = next((s for s in system.values() if _matches(g, s)), None)
            if match is None:
                counts[g["kind"]].fn += 1
                detail["missed"].append(f"{g['kind']}: {g['name']}")
                continue
            counts[g["kind"]].tp += 1
            del system[match.entity_id]
            if g["kind"] == "person" and g.get("official"):
                officials += 1
                if all(any(role_matches(r, s) for s in match.roles) for r in g.get("roles", [])):
                    roles_ok += 1
                else:
                    detail["wrong_roles"].append(f"{g['name']}: gold {g.get('roles')} system {match.roles}")
                if g.get("country") == match.country:
                    affiliations_ok += 1
                else:
                    detail["wrong_country"].append(f"{g['name']}: gold {g.get('country')} system {match.country}")
        for s in system.values():
            if s.kind in counts:
                counts[s.kind].fp += 1
                detail["extra"].append(f"{s.kind}: {s.name} ({s.entity_id})")
        for name in gold.get("absent", []):
            if fold(name) in texts_by_doc.get(doc_id or "", set()):
                leaked += 1
                detail["leaked"].append(name)
        details[gold["source"]] = {k: v for k, v in detail.items() if v}
    metrics = {
        "entities": {kind: counts[kind].scores(digits) for kind in KINDS},
        "officials": {
            "n": officials,
            "role_accuracy": round(roles_ok / officials, digits) if officials else 1.0,
            "affiliation_accuracy": round(affiliations_ok / officials, digits) if officials else 1.0,
        },
        "boilerplate_entities": leaked,
        "documents": len(gold_docs),
    }
    return metrics, details


_DETERMINERS = ("the ", "le ", "la ", "les ", "l'", "des ", "a ", "an ")


def _speaker_form(name: str) -> str:
    folded = fold(name)
    for det in _DETERMINERS:
        if folded.startswith(det):
            return folded[len(det) :].strip()
    return folded


@lru_cache(maxsize=None)
def _country_forms(code: str) -> tuple[str, ...]:
    """Folded names and adjectives of a country in every language, longest first."""
    entry = lexicons.load_countries().get(code, {})
    return tuple(sorted({fold(f) for key, values in entry.items() if key in lexicons.LANGUAGES or key.endswith("_adj") for f in values}, key=len, reverse=True))


def _without_country(name: str, code: str) -> str:
    """A folded name without the forms of country `code` and the words joining them ("'s", "of", "de")."""
    for form in _country_forms(code):
        name = re.sub(rf"(?<![\w-]){re.escape(form)}(?:'s?)?(?![\w-])", " ", name)
    return " ".join(w for w in re.sub(r"(?<![\w-])(?:of the|of|de la|de l'|du|des|de|d')(?![\w-])", " ", name).split())


_COMPLEMENT = re.compile(r" (?:de la |de l'|du |des |de |d'|of the |of )")


def _complements(name: str) -> dict[str, str]:
    """Each way to read a name as a head and its complement: head → complement."""
    return {name[: m.start()]: name[m.end() :] for m in _COMPLEMENT.finditer(name)}


def names_by_entity(gold_doc: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Folded name or alias of each gold entity → all the folded names of that entity."""
    out: dict[str, frozenset[str]] = {}
    for e in gold_doc.get("entities", []):
        names = frozenset(_speaker_form(n) for n in [e["name"], *(e.get("aliases") or [])])
        out.update((n, names) for n in names)
    return out


_GOVERNMENTS = frozenset(["gouvernement", "government", "autorites", "authorities"])
_GROUP_LEAD = frozenset("a an the number majority minority several some many most few other of plusieurs certains certaines nombre plupart majorite minorite un une les la le de des d' du".split())
_GROUP_END = frozenset("from of in at on with who which representing de du des d' en a au aux qui dont pour".split())


def _group_core(name: str) -> list[str]:
    """The words of a group's noun and its adjectives: no count before it, no complement after it."""
    words = name.replace("'", "' ").split()
    while len(words) > 1 and words[0] in _GROUP_LEAD:
        words = words[1:]
    core: list[str] = []
    for w in words:
        if core and w in _GROUP_END:
            break
        core.append(w)
    return core


def speaker_matches(gold: dict[str, Any], claim: dict[str, Any], entities: dict[str, dict[str, Any]], gold_names: dict[str, frozenset[str]] | None = None) -> bool:
    """The gold speaker names the system's: its name, an alias of its entity, or (groups) the same head noun.
    `gold_names` (from the gold file's entities) tells two names of one body apart from two bodies."""
    wanted = _speaker_form(gold["speaker"])
    names = {_speaker_form(claim["speaker"])}
    entity = entities.get(claim.get("speaker_entity_id") or "")
    if entity:
        names |= {_speaker_form(entity["name"])} | {_speaker_form(a) for a in entity["aliases"]}
    if wanted in names:
        return True
    # a name the system gives in full or in short: "China's Ministry of Commerce" / "Ministry of
    # Commerce", "Holloway" / "Rebecca Holloway" (whole words at the end of the name)
    if any(n and (n.endswith(" " + wanted) or wanted.endswith(" " + n)) for n in names):
        return True
    # a group or an institution named with or without its complement: "les familles" / "les
    # familles des deux détenus", "ambassade de Russie" / "ambassade de Russie à Dublin"
    if gold.get("speaker_kind") in ("group", "organisation", "document") and any(n and (n.startswith(wanted + " ") or wanted.startswith(n + " ")) for n in names):
        return True
    country = gold.get("speaker_country")
    if gold.get("speaker_kind") == "country" and country and claim.get("speaker_kind") == "country" and claim.get("speaker_country") == country:
        return True  # a country is its code, whichever name or capital stands for it ("Washington" / "United States")
    if country and claim.get("speaker_country") == country and {gold.get("speaker_kind"), claim.get("speaker_kind")} & {"country"}:
        # a country and its government are one speaker: "Centrafrique" / "gouvernement centrafricain"
        other = _speaker_form(claim["speaker"]) if gold.get("speaker_kind") == "country" else wanted
        if _without_country(other, country) in _GOVERNMENTS:
            return True
    if gold.get("speaker_kind") in ("organisation", "person") and country and claim.get("speaker_country") == country:
        # a state body or an unnamed delegate named by its country in another way: "Russia's Ministry of
        # Foreign Affairs" / "Russian Ministry of Foreign Affairs", "délégué russe" / "délégué de la Fédération de Russie"
        if _without_country(wanted, country) == _without_country(_speaker_form(claim["speaker"]), country) != "":
            return True
    if gold.get("speaker_kind") == "group" and claim.get("speaker_kind") == "group":
        # the same group noun, whatever counts or places it: "A number of delegations from the Caribbean" / "delegations"
        ours, theirs = _group_core(_speaker_form(claim["speaker"])), _group_core(wanted)
        return bool(ours and theirs) and (ours[0] == theirs[0] or ours[-1] == theirs[-1])
    if gold.get("speaker_kind") == "organisation" and gold_names:
        # a part of a body, the body named in full or by its acronym: "mission d'observation de la CEEAC" /
        # "… de la Communauté économique des États de l'Afrique centrale"
        ours = _complements(_speaker_form(claim["speaker"]))
        return any(head in ours and ours[head] in gold_names.get(body, frozenset()) for head, body in _complements(wanted).items())
    return False


@dataclass
class ClaimCounts:
    gold: int = 0
    system: int = 0
    matched: int = 0
    speakers_ok: int = 0
    stances_ok: int = 0
    countries: int = 0
    countries_ok: int = 0

    def scores(self, digits: int) -> dict[str, float | int]:
        p = self.matched / self.system if self.system else 1.0
        r = self.matched / self.gold if self.gold else 1.0
        out: dict[str, float | int] = {
            "precision": round(p, digits),
            "recall": round(r, digits),
            "f1": round(2 * p * r / (p + r), digits) if p + r else 0.0,
            "speaker_accuracy": round(self.speakers_ok / self.matched, digits) if self.matched else 1.0,
            "stance_accuracy": round(self.stances_ok / self.matched, digits) if self.matched else 1.0,
            "gold": self.gold,
            "system": self.system,
            "matched": self.matched,
        }
        if self.countries:
            out["speaker_country_accuracy"] = round(self.countries_ok / self.countries, digits)
        return out


@lru_cache(maxsize=None)
def _complementisers(lang: str) -> tuple[str, ...]:
    """The words that open a claim's content after its cue (models/claims.toml), folded."""
    conf = load_lexicon("claims", MODELS_DIR).get(lang, {})
    return tuple(fold(w) for w in conf.get("complementisers", []) if w[:1].isalpha())


def _without_complementiser(key: str, lang: str) -> str:
    """A folded key phrase without the complementiser it opens with ("que l'assemblee …" → "l'assemblee …")."""
    for word in _complementisers(lang):
        if key.startswith(word) and (word.endswith("'") or key[len(word) : len(word) + 1] == " "):
            return key[len(word) :].lstrip()
    return key


def evaluate_claims(gold_docs: list[dict[str, Any]], documents: dict[str, str], claims: list[dict[str, Any]], digits: int, entities: dict[str, dict[str, Any]] | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    """Gold claims vs system claims → (metrics, details).

    One-to-one, per document, in text order: a gold claim matches the first unmatched system claim
    whose cue and content contain its key phrase (case and accents aside; the cue counts because
    "ont exprimé leur soutien à …" puts part of the position in the cue; a key that opens with the
    complementiser of the content, "que …", "that …", is looked for without it, as the content
    starts after it). Speaker, speaker country
    and stance accuracy are over the matched pairs; a speaker is right when the gold name is the
    system speaker's name or an alias of its entity, determiners aside. Figures are given overall,
    per set (`seeds`: the top gold folder; `dev`: its sub-folder), per style and per language of the
    gold files (`style`, default `agency`), and speaker accuracy
    per kind of speaker (`speaker_kind`, default `person`).
    """
    entities = entities or {}
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in sorted(claims, key=lambda c: (c["doc_id"], c["start"])):
        by_doc[c["doc_id"]].append(c)
    total = ClaimCounts()
    groups: dict[str, dict[str, ClaimCounts]] = {"by_set": defaultdict(ClaimCounts), "by_style": defaultdict(ClaimCounts), "by_lang": defaultdict(ClaimCounts)}
    kinds: dict[str, Counts] = defaultdict(Counts)
    stances: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    details: dict[str, Any] = {}
    for gold in gold_docs:
        system = list(by_doc.get(documents.get(gold["source"], ""), []))
        buckets = [total, groups["by_set"][gold.get("set", "seeds")], groups["by_style"][gold.get("style", "agency")], groups["by_lang"][gold.get("lang", "?")]]
        for b in buckets:
            b.system += len(system)
        detail: dict[str, list[str]] = {"missed": [], "extra": [], "wrong_speaker": [], "wrong_stance": [], "wrong_country": []}
        used: set[int] = set()
        gold_names = names_by_entity(gold)
        for g in gold.get("claims", []):
            for b in buckets:
                b.gold += 1
            key = _without_complementiser(fold(g["key"]), gold.get("lang", ""))
            hit = next((i for i, c in enumerate(system) if i not in used and key in fold(c["cue"] + " " + c["text"])), None)
            if hit is None:
                detail["missed"].append(f"{g['speaker']}: {g['key']}")
                continue
            used.add(hit)
            c = system[hit]
            speaker_ok = speaker_matches(g, c, entities, gold_names)
            kind = kinds[g.get("speaker_kind", "person")]
            kind.tp += speaker_ok
            kind.fn += not speaker_ok
            country_known = "speaker_country" in g
            stances[g["stance"]][c["stance"]] += 1
            for b in buckets:
                b.matched += 1
                b.speakers_ok += speaker_ok
                b.stances_ok += c["stance"] == g["stance"]
                if country_known:
                    b.countries += 1
                    b.countries_ok += c.get("speaker_country") == g["speaker_country"]
            if not speaker_ok:
                detail["wrong_speaker"].append(f"{g['key']}: gold {g['speaker']} system {c['speaker']}")
            if c["stance"] != g["stance"]:
                detail["wrong_stance"].append(f"{g['key']}: gold {g['stance']} system {c['stance']}")
            if country_known and c.get("speaker_country") != g["speaker_country"]:
                detail["wrong_country"].append(f"{g['key']}: gold {g['speaker_country']} system {c.get('speaker_country')}")
        detail["extra"] = [f"{c['speaker']}: {c['text'][:80]}" for i, c in enumerate(system) if i not in used]
        details[gold["source"]] = {k: v for k, v in detail.items() if v}
    metrics: dict[str, Any] = total.scores(digits)
    for name, by in groups.items():
        metrics[name] = {k: by[k].scores(digits) for k in sorted(by)}
    metrics["speaker_accuracy_by_kind"] = {k: {"n": v.tp + v.fn, "accuracy": round(v.tp / (v.tp + v.fn), digits)} for k, v in sorted(kinds.items())}
    # gold stance → system stance → matched claims
    metrics["stance_confusion"] = {actual: dict(sorted(row.items())) for actual, row in sorted(stances.items())}
    return metrics, details


def headline(metrics: dict[str, Any]) -> dict[str, Any]:
    """The full metrics (`main`'s result) → the few figures that say how good the run is."""
    claims = metrics["claims"]
    return {
        "claims": {
            key: claims[key]
            for key in ("precision", "recall", "f1", "speaker_accuracy", "speaker_country_accuracy", "stance_accuracy")
            if key in claims
        },
        "entity_f1": {kind: scores["f1"] for kind, scores in metrics["entities"].items()},
        "officials": {key: metrics["officials"][key] for key in ("role_accuracy", "affiliation_accuracy")},
        "boilerplate_entities": metrics["boilerplate_entities"],
    }


def plot_tables(metrics: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The full metrics → the rows of each plot file (name → rows): precision, recall and F1 per
    entity kind and per claim style; one `actual,predicted` row per matched claim."""
    scores = ("precision", "recall", "f1")
    return {
        "entity_kinds": [{"kind": kind, **{s: m[s] for s in scores}} for kind, m in metrics["entities"].items()],
        "claims_by_style": [{"style": style, **{s: m[s] for s in scores}} for style, m in metrics["claims"]["by_style"].items()],
        "stance_confusion": [
            {"actual": actual, "predicted": predicted}
            for actual, row in metrics["claims"]["stance_confusion"].items()
            for predicted, n in row.items()
            for _ in range(n)
        ],
    }


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def _write_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def main(
    outputs_dir: Path, gold_dir: Path, metrics_path: Path, details_path: Path, params: EvaluateParams,
    breakdown_path: Path | None = None, plots_dir: Path | None = None,
) -> dict[str, Any]:
    """Read the output tables and the gold folder; write the headline metrics, the details and (if
    given) the breakdown and the plot files; return every figure (the breakdown)."""
    check_same_run([outputs_dir / f"{table}.parquet" for table in ("documents", "mentions", "entities", "claims")])
    documents = {row["source"]: row["doc_id"] for row in read_table(outputs_dir / "documents.parquet", "documents").select(["source", "doc_id"]).to_pylist()}
    mentions = read_table(outputs_dir / "mentions.parquet", "mentions").select(["doc_id", "text", "entity_id"]).to_pylist()
    entities = {row["entity_id"]: row for row in read_table(outputs_dir / "entities.parquet", "entities").to_pylist()}
    gold = load_gold(gold_dir)
    metrics, details = evaluate_entities(gold, documents, mentions, entities, params.digits)
    claims = read_table(outputs_dir / "claims.parquet", "claims").select(["doc_id", "start", "speaker", "speaker_entity_id", "speaker_country", "speaker_kind", "cue", "text", "stance"]).to_pylist()
    metrics["claims"], claim_details = evaluate_claims(gold, documents, claims, params.digits, entities)
    _write_json(metrics_path, headline(metrics))
    if breakdown_path is not None:
        _write_json(breakdown_path, metrics)
    if plots_dir is not None:
        for name, rows in plot_tables(metrics).items():
            _write_csv(Path(plots_dir) / f"{name}.csv", rows)
    _write_json(details_path, {"entities": details, "claims": claim_details})
    return metrics
