"""Records of every output table, declared once: a pydantic model and its explicit Arrow schema.

The pydantic models validate records inside the pipeline; the Arrow schemas fix the Parquet
layout so that an empty table and a full one have the same columns and types (an inferred schema
would silently drop or mistype them). `tests/test_schema.py` checks that the two agree.
"""

from __future__ import annotations

from typing import Literal

import pyarrow as pa
from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "3"

Label = str  # PERSON, COUNTRY, ORG, LOC (MISC and others allowed)
EntityKind = Literal["person", "country", "organisation", "location"]
Stance = Literal["support", "oppose", "concern", "call", "neutral"]
QuoteType = Literal["direct", "indirect", "mixed"]
SpeakerKind = Literal["person", "organisation", "country", "group", "document"]


class Record(BaseModel):
    """Base of all table records: strict field names, no extras."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class RemovedSpan(Record):
    """A piece of the input left out of the clean text (caption, teaser block, source line...)."""

    kind: str
    text: str
    at: int = Field(description="offset in the clean text where the span was cut out")


class Document(Record):
    """One accepted input document (documents.parquet)."""

    doc_id: str
    source: str
    lang: str
    text: str
    title: str | None = None
    dateline: str | None = None
    agency: str | None = None
    published_text: str | None = Field(default=None, description="the date as the article states it (\"21 décembre\", \"Feb 12, 2025\")")
    published: str | None = Field(default=None, description="that date as ISO YYYY-MM-DD; null when the article gives no year")
    dateline_start: int | None = Field(default=None, description="offset of the dateline prefix in text")
    dateline_end: int | None = Field(default=None, description="offset where the text after the dateline prefix starts")
    raw_sha256: str
    encoding: str
    n_chars: int
    removed: list[RemovedSpan] = Field(default_factory=list)


class Reject(Record):
    """One input that was not processed, with a reason a person understands (rejects.parquet)."""

    source: str
    reason: str
    raw_sha256: str | None = None
    n_bytes: int


class Mention(Record):
    """One entity mention; `text == documents.text[start:end]` (mentions.parquet)."""

    doc_id: str
    start: int
    end: int
    text: str
    label: Label
    entity_id: str | None = None
    origin: str = Field(default="model", description="model, lexicon, adjective, title or rule")
    norm: str | None = Field(default=None, description="lexicon key: ISO3, organisation id, agency, city, region")
    country: str | None = Field(default=None, description="ISO3 the mention itself states (a country, a title's nationality)")
    roles: list[str] = Field(default_factory=list, description="titles attached to a PERSON or TITLE mention, as written")
    role_keys: list[str] = Field(default_factory=list, description="role families of those titles (models/titles.toml)")
    gender: str | None = None
    affiliated_org: bool = Field(default=False, description="the title names an organisation (a UN or ICRC official)")


class Entity(Record):
    """One real-world entity across documents and languages (entities.parquet)."""

    entity_id: str
    kind: EntityKind
    name: str = Field(description="display name, in English where the lexicons know one")
    name_en: str | None = Field(default=None, description="English name from the lexicons (countries, organisations, capitals, regions)")
    name_fr: str | None = Field(default=None, description="French name from the lexicons")
    named: bool = Field(default=True, description="false for an unnamed official known only by a description (\"président russe\")")
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    roles: list[str] = Field(default_factory=list)
    n_documents: int = 0
    n_mentions: int = 0


class Claim(Record):
    """One attributed statement, a policy position (claims.parquet)."""

    claim_id: str
    doc_id: str
    speaker: str
    speaker_entity_id: str | None = None
    speaker_country: str | None = None
    speaker_kind: SpeakerKind = Field(default="person", description="person, organisation, country, group or document")
    cue: str
    text: str
    sentence: str
    start: int
    end: int
    stance: Stance
    topics: list[str] = Field(default_factory=list)
    quote_type: QuoteType
    attribution: str = Field(default="subject", description="how the speaker was found: subject, inverted, according_to, cataphora, continuation, quote")


class Run(BaseModel):
    """Which run wrote a table, kept in the table's file metadata (not a table of its own).

    `id` hashes everything the table depends on (inputs, params, producer versions), so the same
    inputs and params give the same id, and the same bytes. `documents` is the id of the documents
    table the table descends from (its own id for the clean stage's tables): tables read together
    must agree on it. `inputs` gives the run id of each table the stage read, by table name.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    documents: str
    inputs: dict[str, str] = Field(default_factory=dict)


class Observation(Record):
    """What one document says about one entity: the resolve stage's per-document result that
    entities are merged from (kept in the resolve stage's shards, not an output table)."""

    doc_id: str
    entity_id: str
    kind: EntityKind
    names: list[str]
    aliases: list[str]
    countries: list[str]
    roles: list[str]
    mentions: int
    name_en: str | None = None
    name_fr: str | None = None
    named: bool = True


def _f(name: str, type_: pa.DataType, nullable: bool = False) -> pa.Field:
    return pa.field(name, type_, nullable=nullable)


REMOVED_SPAN_TYPE = pa.struct([_f("kind", pa.string()), _f("text", pa.string()), _f("at", pa.int64())])

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            _f("doc_id", pa.string()),
            _f("source", pa.string()),
            _f("lang", pa.string()),
            _f("text", pa.string()),
            _f("title", pa.string(), True),
            _f("dateline", pa.string(), True),
            _f("agency", pa.string(), True),
            _f("published_text", pa.string(), True),
            _f("published", pa.string(), True),
            _f("dateline_start", pa.int64(), True),
            _f("dateline_end", pa.int64(), True),
            _f("raw_sha256", pa.string()),
            _f("encoding", pa.string()),
            _f("n_chars", pa.int64()),
            _f("removed", pa.list_(pa.field("item", REMOVED_SPAN_TYPE, nullable=False))),
        ]
    ),
    "rejects": pa.schema(
        [
            _f("source", pa.string()),
            _f("reason", pa.string()),
            _f("raw_sha256", pa.string(), True),
            _f("n_bytes", pa.int64()),
        ]
    ),
    "mentions": pa.schema(
        [
            _f("doc_id", pa.string()),
            _f("start", pa.int64()),
            _f("end", pa.int64()),
            _f("text", pa.string()),
            _f("label", pa.string()),
            _f("entity_id", pa.string(), True),
            _f("origin", pa.string()),
            _f("norm", pa.string(), True),
            _f("country", pa.string(), True),
            _f("roles", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("role_keys", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("gender", pa.string(), True),
            _f("affiliated_org", pa.bool_()),
        ]
    ),
    "entities": pa.schema(
        [
            _f("entity_id", pa.string()),
            _f("kind", pa.string()),
            _f("name", pa.string()),
            _f("name_en", pa.string(), True),
            _f("name_fr", pa.string(), True),
            _f("named", pa.bool_()),
            _f("aliases", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("country", pa.string(), True),
            _f("roles", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("n_documents", pa.int64()),
            _f("n_mentions", pa.int64()),
        ]
    ),
    "claims": pa.schema(
        [
            _f("claim_id", pa.string()),
            _f("doc_id", pa.string()),
            _f("speaker", pa.string()),
            _f("speaker_entity_id", pa.string(), True),
            _f("speaker_country", pa.string(), True),
            _f("speaker_kind", pa.string()),
            _f("cue", pa.string()),
            _f("text", pa.string()),
            _f("sentence", pa.string()),
            _f("start", pa.int64()),
            _f("end", pa.int64()),
            _f("stance", pa.string()),
            _f("topics", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("quote_type", pa.string()),
            _f("attribution", pa.string()),
        ]
    ),
    "observations": pa.schema(
        [
            _f("doc_id", pa.string()),
            _f("entity_id", pa.string()),
            _f("kind", pa.string()),
            _f("names", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("aliases", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("countries", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("roles", pa.list_(pa.field("item", pa.string(), nullable=False))),
            _f("mentions", pa.int64()),
            _f("name_en", pa.string(), True),
            _f("name_fr", pa.string(), True),
            _f("named", pa.bool_()),
        ]
    ),
}

RECORDS: dict[str, type[Record]] = {
    "documents": Document,
    "rejects": Reject,
    "mentions": Mention,
    "entities": Entity,
    "claims": Claim,
    "observations": Observation,
}
