"""Clean stage: decoding, normalisation, language, boilerplate, metadata, and the bad-input folder."""

from __future__ import annotations

import codecs
import os
import unicodedata
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import clean
from pipeline.clean import CleanParams, Rejected, decode, extract_metadata, normalise, strip_boilerplate
from pipeline.store import read_table

PARAMS = CleanParams()


@pytest.fixture(scope="module")
def models() -> clean.CleanModels:
    return clean.load_models()


# --- decoding -----------------------------------------------------------------------------------


def test_utf8_with_and_without_bom() -> None:
    assert decode("Hanoï – été".encode(), PARAMS) == ("Hanoï – été", "utf-8")
    assert decode(b"\xef\xbb\xbf" + "Hanoï".encode(), PARAMS) == ("Hanoï", "utf-8+bom")


def test_cp1252_is_decoded_without_mojibake() -> None:
    text, encoding = decode("Le ministre a déclaré à l’ONU : « sécurité » – 5 €".encode("cp1252"), PARAMS)
    assert text == "Le ministre a déclaré à l’ONU : « sécurité » – 5 €"
    assert encoding == "cp1252"


def test_a_cp1252_line_inside_utf8_text() -> None:
    raw = "Hanoï a présenté.\n".encode() + "Il a souligné l'intérêt.".encode("cp1252")
    text, encoding = decode(raw, PARAMS)
    assert text == "Hanoï a présenté.\nIl a souligné l'intérêt."
    assert encoding == "utf-8+cp1252"


def test_double_encoded_utf8_is_repaired() -> None:
    raw = "La délégation à Hanoï".encode().decode("cp1252").encode()
    text, encoding = decode(raw, PARAMS)
    assert text == "La délégation à Hanoï"
    assert encoding.endswith("+mojibake-fixed")


def test_utf16_with_bom() -> None:
    assert decode("Sécurité".encode("utf-16"), PARAMS) == ("Sécurité", "utf-16+bom")


@pytest.mark.parametrize("raw", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(0, 32)) * 10])
def test_binary_is_rejected(raw: bytes) -> None:
    with pytest.raises(Rejected, match="binary content"):
        decode(raw, PARAMS)


def test_bytes_no_allowed_encoding_can_read_are_rejected() -> None:
    params = CleanParams(legacy_encodings=["cp1252"])
    with pytest.raises(Rejected, match="undecodable text"):
        decode(b"caf\x81 \x8d\x8f\x90\x9d", params)


# --- normalisation ------------------------------------------------------------------------------


def test_normalise_spaces_lines_ordinals_apostrophes() -> None:
    raw = "Le 14ᵉ Congrès\u00a0:\r\nl’ONU et\u202fl’UE ,  1ᵉʳ juin\rqu’« aucune »\u200b"
    assert normalise(raw) == "Le 14e Congrès :\nl'ONU et l'UE , 1er juin\nqu'« aucune »"


def test_normalise_composes_to_nfc() -> None:
    decomposed = "Bu\u0300i Va\u0306n Nam"
    assert normalise(decomposed) == "Bùi Văn Nam"


def test_closing_quote_is_not_an_apostrophe() -> None:
    assert normalise("the ‘Hanoi Convention’ was signed") == "the ‘Hanoi Convention’ was signed"


# --- language -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre des Affaires étrangères a affirmé que la cybersécurité revêt une importance clé.", "fr"),
        ("The Foreign Minister said that cyber security is crucial for peace and development.", "en"),
    ],
)
def test_french_and_english_are_identified(text: str, expected: str, models: clean.CleanModels) -> None:
    assert clean.identify_language(text, models.identifier, PARAMS) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Bộ trưởng Ngoại giao khẳng định an ninh mạng có ý nghĩa then chốt đối với hòa bình.", "unsupported language: vi"),
        ("Die Außenministerin sagte, die internationale Zusammenarbeit sei notwendig.", "unsupported language: de"),
        ("Photo : VNA", "too little text"),
    ],
)
def test_other_languages_are_rejected(text: str, reason: str, models: clean.CleanModels) -> None:
    with pytest.raises(Rejected, match=reason):
        clean.identify_language(text, models.identifier, PARAMS)


# --- boilerplate --------------------------------------------------------------------------------

FR_SCRAPE = """Le Japon plaide pour un cyberespace sûr

Le ministre japonais Taro Kono au forum. (Photo : Kyodo)

Tokyo (Kyodo) - Le ministre a appelé à la retenue.

Il a aussi plaidé pour le dialogue régional.
Une délégation visite le port ảnh 2Le port de Yokohama.
Le ministre lors du forum
PHOTO : KENJI SATO
Lire aussi : Le Japon et l'ASEAN renforcent leur coopération
La réunion se tiendra en mai.- AFP

Articles liés

Le Japon et la Corée signent un accord
Une autre dépêche. Photo: AFP

Commentaires (12)
"""


def test_french_scrape_keeps_the_article_and_records_what_it_cut(models: clean.CleanModels) -> None:
    text, removed = strip_boilerplate(normalise(FR_SCRAPE), models.rules["fr"], PARAMS)
    assert text == (
        "Le Japon plaide pour un cyberespace sûr\n\n"
        "Tokyo (Kyodo) - Le ministre a appelé à la retenue.\n\n"
        "Il a aussi plaidé pour le dialogue régional.\n"
        "La réunion se tiendra en mai."
    )
    kinds = [(r.kind, r.text.split("\n")[0]) for r in removed]
    assert kinds == [
        ("caption", "Le ministre japonais Taro Kono au forum. (Photo : Kyodo)"),
        ("caption", "Une délégation visite le port ảnh 2Le port de Yokohama."),
        ("caption", "Le ministre lors du forum"),
        ("caption", "PHOTO : KENJI SATO"),
        ("teaser", "Lire aussi : Le Japon et l'ASEAN renforcent leur coopération"),
        ("trailer", "- AFP"),
        ("teaser", "Articles liés"),
    ]
    assert "Commentaires (12)" in removed[-1].text
    for span in removed:
        assert 0 <= span.at <= len(text)


EN_SCRAPE = """WASHINGTON (Reuters) - The Secretary of State urged restraint on Monday.
"We need dialogue," she said.
The secretary at the podium. Photo by John Smith
Read more
Allies meet in Brussels
She will travel to Jakarta next week./.
Source: https://example.org/story-123
3 comments
Related news
Another story
"""


def test_english_scrape(models: clean.CleanModels) -> None:
    text, removed = strip_boilerplate(normalise(EN_SCRAPE), models.rules["en"], PARAMS)
    assert text == (
        "WASHINGTON (Reuters) - The Secretary of State urged restraint on Monday.\n"
        '"We need dialogue," she said.\n'
        "She will travel to Jakarta next week."
    )
    assert [r.kind for r in removed] == ["caption", "teaser", "teaser", "source", "comment_counter", "trailer", "teaser"]


def test_article_prose_is_not_boilerplate(models: clean.CleanModels) -> None:
    prose = (
        "Le ministre a vu la photo de famille du sommet et a dit : nous devons agir.\n"
        "Il a rappelé les sources du conflit - et a appelé au calme.\n"
        "Le texte sera voté, a-t-il affirmé"
    )
    text, removed = strip_boilerplate(prose, models.rules["fr"], PARAMS)
    assert text == prose
    assert removed == []


# --- metadata -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title", "dateline", "agency", "published"),
    [
        ("Un titre de dépêche\n\nNew York, 21 décembre (VNA) - Le texte.", "Un titre de dépêche", "New York", "VNA", "21 décembre"),
        ("Hanoï (VNA) - Le texte commence ici.\nSuite.", None, "Hanoï", "VNA", None),
        ("Un titre\n\nNhân Dân en ligne - Une délégation est arrivée.", "Un titre", None, "Nhân Dân", None),
        ("HANOI, Nov. 5 (Reuters) - The minister spoke.\nMore.", None, "HANOI", "Reuters", "Nov. 5"),
        ("PARIS, 5 juin - Le ministre a parlé.\nSuite.", None, "PARIS", None, "5 juin"),
        ("S'exprimant lors de la séance, le ministre a parlé.\nSuite.", None, None, None, None),
        # a government press release's header line: date, place (with its region), issuer
        ("Un titre\n\nLe 9 avril 2025 – Wellington (Nouvelle-Zélande) – Ministère des Affaires étrangères\n\nLe texte.", "Un titre", "Wellington", "Ministère des Affaires étrangères", "9 avril 2025"),
        ("A title\n\nApril 9, 2025 - Canberra, ACT - Department of Defence\n\nThe text.", "A title", "Canberra", "Department of Defence", "April 9, 2025"),
    ],
)
def test_metadata(text: str, title: str | None, dateline: str | None, agency: str | None, published: str | None, models: clean.CleanModels) -> None:
    meta = extract_metadata(text, models.rules["fr"], models.agencies, PARAMS)
    assert (meta.title, meta.dateline, meta.agency, meta.published_text) == (title, dateline, agency, published)


@pytest.mark.parametrize(
    ("lang", "stated", "text", "iso"),
    [
        ("fr", "21 décembre 2024", "", "2024-12-21"),
        ("fr", "1er mars 2025", "", "2025-03-01"),
        ("en", "Feb 12, 2025", "", "2025-02-12"),
        ("en", "Nov. 5 2023", "", "2023-11-05"),
        ("en", "12 February 2025", "", "2025-02-12"),
        # no year stated: the year of the same day written in full in the article
        ("fr", "21 décembre", "La réunion du 21 décembre 2024 a clos l'année.", "2024-12-21"),
        ("en", "Sept 9", "The board met on September 9, 2025 in Vienna.", "2025-09-09"),
        # no year anywhere, or two candidate years: unknown, never guessed
        ("fr", "21 décembre", "Le texte ne donne aucune année.", None),
        ("en", "June 5", "It met on June 5, 2023 and again on June 5, 2024.", None),
        ("fr", "31 février 2024", "", None),
        ("en", None, "", None),
    ],
)
def test_published_as_iso_date(lang: str, stated: str | None, text: str, iso: str | None, models: clean.CleanModels) -> None:
    assert clean.iso_date(stated, text, models.months[lang]) == iso


# --- the stage on a folder of bad inputs ----------------------------------------------------------

EXPECTED_REJECTS = {
    "binary.txt": "binary content",
    "empty.txt": "empty file",
    "german.txt": "unsupported language: de",
    "vietnamese.txt": "unsupported language: vi",
    "whitespace.txt": "empty file (whitespace only)",
    "sub/huge.txt": "file too large: 2750000 bytes (limit 2000000)",
    "sub/copy_of_cp1252.txt": "duplicate of cp1252_fr.txt",
    "notes.md": "not a .txt file (.md)",
}
EXPECTED_DOCUMENTS = {
    # source: (lang, encoding, start of the clean text)
    "bom_crlf_en.txt": ("en", "utf-8+bom", "Geneva (Reuters) - The Foreign Minister said on Tuesday"),
    "cp1252_fr.txt": ("fr", "cp1252", "Paris (AFP) - Le ministre français des Affaires étrangères a déclaré"),
    "mixed_utf8_cp1252_fr.txt": ("fr", "utf-8+cp1252", "Hanoï (VNA) - Le vice-ministre a présenté la stratégie"),
    "mojibake_fr.txt": ("fr", "utf-8+mojibake-fixed", "Hanoï (VNA) - La délégation vietnamienne a participé"),
}


def test_every_bad_input_ends_in_exactly_one_table(bad_inputs_dir: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    (inputs / "sub").mkdir(parents=True)
    for path in bad_inputs_dir.iterdir():
        (inputs / path.name).write_bytes(path.read_bytes())
    (inputs / "sub" / "huge.txt").write_bytes(b"Le ministre a parl\xc3\xa9. " * 125_000)
    (inputs / "sub" / "copy_of_cp1252.txt").write_bytes((bad_inputs_dir / "cp1252_fr.txt").read_bytes())
    (inputs / "notes.md").write_text("not an input")

    summary = clean.main(inputs, tmp_path / "out", PARAMS)

    documents = read_table(tmp_path / "out" / "documents.parquet", "documents").to_pandas()
    rejects = read_table(tmp_path / "out" / "rejects.parquet", "rejects").to_pandas()
    assert dict(zip(rejects.source, rejects.reason)) == EXPECTED_REJECTS
    assert set(documents.source) == set(EXPECTED_DOCUMENTS)
    for row in documents.itertuples():
        lang, encoding, start = EXPECTED_DOCUMENTS[row.source]
        assert (row.lang, row.encoding) == (lang, encoding)
        assert row.text.startswith(start)
        assert "Ã" not in row.text and "\ufffd" not in row.text and "\r" not in row.text
    assert (summary.documents, summary.rejects) == (len(EXPECTED_DOCUMENTS), len(EXPECTED_REJECTS))
    assert documents.doc_id.is_unique


def test_missing_input_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="input folder not found"):
        clean.main(tmp_path / "nope", tmp_path / "out", PARAMS)


def test_an_internal_error_costs_one_file(models: clean.CleanModels, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(text: str, rules: clean.Rules, params: CleanParams) -> tuple[str, list]:
        if "boom" in text:
            raise ValueError("unexpected")
        return text, []

    monkeypatch.setattr(clean, "strip_boilerplate", explode)
    good = "Le ministre des Affaires étrangères a affirmé que la coopération est nécessaire."
    inputs = [
        clean.RawInput("a.txt", (good + " boom").encode(), 10),
        clean.RawInput("b.txt", good.encode(), 10),
    ]
    records = list(clean.run(inputs, models, PARAMS))
    assert records[0].reason == "internal error: ValueError: unexpected"
    assert records[1].source == "b.txt" and isinstance(records[1], clean.Document)


def test_documents_frame_is_what_pandas_users_get(bad_inputs_dir: Path, tmp_path: Path) -> None:
    clean.main(bad_inputs_dir, tmp_path, PARAMS)
    frame = pd.read_parquet(tmp_path / "documents.parquet")
    assert {"doc_id", "source", "lang", "text", "title", "dateline", "agency", "published", "raw_sha256"} <= set(frame.columns)


def test_lowercase_credit_words_in_prose_stay(models: clean.CleanModels) -> None:
    prose = "Le pays a obtenu de nouveaux crédits : 5 milliards.\nIl a montré l'image : un pays uni."
    assert strip_boilerplate(prose, models.rules["fr"], PARAMS) == (prose, [])


def test_titles_run_together_with_names_are_split() -> None:
    raw = (
        "Hanoï (VNA) - L'AmbassadeurDang Dinh Quy a affirmé que le Vietnam soutenait le dialogue. "
        "Le Vietnam défend le droit international et la coopération régionale dans le cyberespace."
    ).encode()
    models = clean.load_models()
    document = clean.clean_document(clean.RawInput("a.txt", raw, len(raw)), models, clean.CleanParams())
    assert "L'Ambassadeur Dang Dinh Quy a affirmé" in document.text  # type: ignore[union-attr]



# --- hardening: what real folders hold ------------------------------------------------------------

ARTICLE_FR = "Hanoï (VNA) - Le ministre des Affaires étrangères a affirmé que la coopération régionale est nécessaire."
ARTICLE_EN = "Geneva (Reuters) - The Foreign Minister said on Tuesday that regional cooperation is necessary for peace."

def test_bidi_and_format_characters_are_removed() -> None:
    raw = "Bui Thanh\u200e Son\u200f a dit \u202aONU\u202c, \u202b\u202d\u202e \u2066Hanoï\u2069 \u2067x\u2068 \u061cfin\ufeff"
    assert normalise(raw) == "Bui Thanh Son a dit ONU, Hanoï x fin"


def test_next_line_is_a_line_break_not_an_ellipsis() -> None:
    text, encoding = decode("Le ministre\u0085a parlé.".encode(), PARAMS)
    assert normalise(text) == "Le ministre\na parlé."
    assert encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_bom_are_decoded(encoding: str) -> None:
    assert decode(ARTICLE_FR.encode(encoding), PARAMS) == (ARTICLE_FR, encoding)


def test_a_long_paragraph_mentioning_an_image_number_stays(models: clean.CleanModels) -> None:
    paragraph = (
        "Le ministre a présenté l'exposition de photographies, dont la vue ảnh 1 montre la signature de l'accord "
        "de 1995 ; il a rappelé que la coopération régionale reste la priorité de la diplomatie vietnamienne, "
        "que le dialogue doit se poursuivre avec tous les partenaires de l'ASEAN et que la sécurité maritime "
        "en mer Orientale exige le respect du droit international et de la Convention des Nations unies."
    )
    assert len(paragraph) > PARAMS.caption_max_chars
    assert strip_boilerplate(paragraph, models.rules["fr"], PARAMS) == (paragraph, [])
MARKUP = {
    "HTML": "<!DOCTYPE html>\n<html><head><title>Diplomatie</title></head>\n<body><div class='a'><p>" + ARTICLE_FR + "</p></div></body></html>",
    "HTML fragment": "<div>\n<p>" + ARTICLE_FR + "</p>\n<p>" + ARTICLE_FR + "</p>\n</div>",
    "JSON": '{"title": "Diplomatie", "text": "' + ARTICLE_FR + '"}',
    "JSON array": '[{"text": "' + ARTICLE_FR + '"}, {"text": "' + ARTICLE_EN + '"}]',
    "Markdown": "# Diplomatie\n\n## Hanoï\n\n" + ARTICLE_FR + " Voir [le communiqué](https://example.org/c) et **la déclaration**.",
}


@pytest.mark.parametrize("name", list(MARKUP))
def test_markup_is_rejected(name: str, models: clean.CleanModels) -> None:
    raw = MARKUP[name].encode()
    record = clean.clean_document(clean.RawInput("a.txt", raw, len(raw)), models, PARAMS)
    assert isinstance(record, clean.Reject)
    assert record.reason == f"markup, not plain text ({name.split()[0]})"


@pytest.mark.parametrize(
    "text",
    [
        ARTICLE_FR + " Le taux est passé de 3 < 5 % et le mot-clé #ASEAN2024 a circulé.",
        "# " + ARTICLE_EN + "\nThe ministers met in [Hanoi] (Vietnam) and agreed.",
        "[" + ARTICLE_EN + "]",
        "{" + ARTICLE_FR + "}",
    ],
)
def test_prose_with_a_bracket_or_a_hashtag_is_not_markup(text: str, models: clean.CleanModels) -> None:
    raw = text.encode()
    assert isinstance(clean.clean_document(clean.RawInput("a.txt", raw, len(raw)), models, PARAMS), clean.Document)




def _tables(input_dir: Path, out: Path, params: CleanParams = PARAMS) -> tuple[dict[str, str], dict[str, str]]:
    """Run the stage; (source → text of documents, source → reason of rejects), sorted by source."""
    clean.main(input_dir, out, params)
    documents = read_table(out / "documents.parquet", "documents").to_pandas().sort_values("source")
    rejects = read_table(out / "rejects.parquet", "rejects").to_pandas()
    return dict(zip(documents.source, documents.text)), dict(zip(rejects.source, rejects.reason))


def test_a_file_name_that_is_not_utf8_is_read_under_an_escaped_name(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    with open(os.path.join(os.fsencode(inputs), b"caf\xe9.txt"), "wb") as fh:
        fh.write(ARTICLE_FR.encode())
    with open(os.path.join(os.fsencode(inputs), b"caf\xe9.md"), "wb") as fh:
        fh.write(b"notes")
    documents, rejects = _tables(inputs, tmp_path / "out")
    assert list(documents) == ["caf\\xe9.txt"]
    assert rejects == {"caf\\xe9.md": "not a .txt file (.md)"}


def test_a_symbolic_link_out_of_the_input_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(ARTICLE_EN)
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "a.txt").write_text(ARTICLE_FR)
    (inputs / "leak.txt").symlink_to(outside / "secret.txt")
    (inputs / "leakdir").symlink_to(outside)
    (inputs / "sub" / "inner.txt").symlink_to(inputs / "a.txt")
    (inputs / "sub" / "parent").symlink_to(inputs)
    documents, rejects = _tables(inputs, tmp_path / "out")
    assert list(documents) == ["a.txt"]
    assert rejects == {
        "leak.txt": "symbolic link to a file outside the input folder",
        "leakdir": "symbolic link to a folder outside the input folder",
        "sub/inner.txt": "duplicate of a.txt",  # a link inside the folder is read like the file it names
        "sub/parent": "symbolic link to a folder (not followed)",
    }


def test_every_entry_of_the_folder_is_accounted_for(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "sub").mkdir(parents=True)
    (inputs / ".git" / "objects").mkdir(parents=True)
    (inputs / ".git" / "objects" / "ab.txt").write_text("git internals")
    (inputs / "UPPER.TXT").write_text(ARTICLE_FR)
    (inputs / "README").write_text("no extension")
    (inputs / "notes.md").write_text("# notes")
    (inputs / ".DS_Store").write_bytes(b"\x00\x01")
    (inputs / "sub" / ".hidden.txt").write_text(ARTICLE_EN)
    (inputs / "sub" / "article.txt").write_text(ARTICLE_EN)
    os.mkfifo(inputs / "sub" / "pipe.txt")
    (inputs / "dangling.txt").symlink_to(inputs / "missing.txt")
    (inputs / "loop.txt").symlink_to(inputs / "loop.txt")
    documents, rejects = _tables(inputs, tmp_path / "out")
    assert list(documents) == ["UPPER.TXT", "sub/article.txt"]
    assert rejects == {
        ".DS_Store": "hidden file",
        "README": "not a .txt file (no extension)",
        "dangling.txt": "broken symbolic link",
        "loop.txt": "symbolic link loop",
        "notes.md": "not a .txt file (.md)",
        "sub/.hidden.txt": "hidden file",
        "sub/pipe.txt": "not a regular file (named pipe)",
    }


def test_the_walk_is_sorted_by_path(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "a").mkdir(parents=True)
    for name in ("b.txt", "a/z.txt", "a.txt", "A.txt"):
        (inputs / name).write_text(name)
    assert [item.source for item in clean.iter_inputs(inputs, PARAMS)] == ["A.txt", "a.txt", "a/z.txt", "b.txt"]


def test_excluded_paths_are_not_inputs(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    (inputs / "gold" / "dev").mkdir(parents=True)
    (inputs / "gold" / "dev" / "a.yaml").write_text("gold: []")
    (inputs / "gold" / "README.md").write_text("# gold")
    (inputs / "a.txt").write_text(ARTICLE_FR)
    params = CleanParams(exclude=["gold"])
    assert [item.source for item in clean.iter_inputs(inputs, params)] == ["a.txt"]


def test_extensions_are_a_parameter(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.text").write_text(ARTICLE_FR)
    (inputs / "b.md").write_text(ARTICLE_FR)
    items = list(clean.iter_inputs(inputs, CleanParams(extensions=[".txt", ".text"])))
    assert [(item.source, item.error) for item in items] == [("a.text", None), ("b.md", "not a .txt or .text file (.md)")]




# --- fuzzing the pure core ------------------------------------------------------------------------

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "cp1252": b"",
    "latin-1": b"",
}
# Any character, often one of those that broke the stage: bidi and format characters, line and
# paragraph separators, C0 and C1 controls, combining accents, ellipsis and curly quotes.
TRICKY = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\u200b\u200d\ufeff\u00ad\u2028\u2029\x85\x00\x1b\x7f\x96\r\u0301…’«"
CHARACTERS = st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(TRICKY))
_WORDS = ARTICLE_FR.split(" ")
_SEPARATORS = [" "] + [" " + ch for ch in TRICKY] + [ch + " " for ch in TRICKY]
# Random text; random text around and inside an article; an article with tricky characters
# between its words (so that many inputs are accepted and their text can be checked).
TEXTS = st.one_of(
    st.text(CHARACTERS, max_size=300),
    st.lists(st.sampled_from(_SEPARATORS), min_size=len(_WORDS) - 1, max_size=len(_WORDS) - 1).map(
        lambda separators: "".join(word + separator for word, separator in zip(_WORDS, separators + [""]))
    ),
    st.builds(
        lambda a, b, c: a + ARTICLE_FR[:40] + b + ARTICLE_FR[40:] + c,
        st.text(CHARACTERS, max_size=30), st.text(CHARACTERS, max_size=3), st.text(CHARACTERS, max_size=30),
    ),
)


def _assert_one_clean_record(raw: bytes, models: clean.CleanModels) -> None:
    record = clean.clean_document(clean.RawInput("fuzz.txt", raw, len(raw)), models, PARAMS)
    assert isinstance(record, (clean.Document, clean.Reject))
    assert [type(r) for r in clean.run([clean.RawInput("fuzz.txt", raw, len(raw))], models, PARAMS)] == [type(record)]
    if isinstance(record, clean.Reject):
        assert record.reason and not record.reason.startswith("internal error")
        return
    record.text.encode("utf-8")  # no lone surrogate: Parquet can store it
    assert not [ch for ch in record.text if ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf", "Cs")]
    assert not any(ch in record.text for ch in "\u2028\u2029")


@FUZZ
@given(raw=st.binary(max_size=2000))
def test_fuzz_random_bytes(raw: bytes, models: clean.CleanModels) -> None:
    _assert_one_clean_record(raw, models)


@FUZZ
@given(text=TEXTS, encoding=st.sampled_from(sorted(BOMS)), bom=st.booleans())
def test_fuzz_random_text_in_any_encoding(text: str, encoding: str, bom: bool, models: clean.CleanModels) -> None:
    raw = (BOMS[encoding] if bom else b"") + text.encode(encoding, errors="ignore")
    _assert_one_clean_record(raw, models)


def test_a_stray_nul_does_not_hide_utf16(models: clean.CleanModels) -> None:
    assert decode(("\x00" + ARTICLE_FR).encode("utf-16-le"), PARAMS) == ("\x00" + ARTICLE_FR, "utf-16-le")
    with pytest.raises(Rejected, match="binary content"):
        decode(bytes(400), PARAMS)


@pytest.mark.parametrize(
    ("text", "prefix"),
    [
        ("Un titre\n\nGENERAL ASSEMBLY, 112th Meeting (PM). Delegates argued over the budget.", "GENERAL ASSEMBLY, 112th Meeting (PM). "),
        ("Un titre\n\nASSEMBLÉE GÉNÉRALE – 57e SÉANCE, APRÈS-MIDI\n\nLes délégations ont débattu.", "ASSEMBLÉE GÉNÉRALE – 57e SÉANCE, APRÈS-MIDI"),
    ],
)
def test_a_un_meeting_header_is_a_dateline_with_no_place(text: str, prefix: str, models: clean.CleanModels) -> None:
    meta = extract_metadata(text, models.rules["fr"], models.agencies, PARAMS)
    assert meta.dateline is None and text[meta.dateline_start : meta.dateline_end] == prefix
