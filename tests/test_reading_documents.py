"""The reading stage on the five real source documents."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from exo_ontology.model import Sentence, SourceDoc
from exo_ontology.reading import read_document, read_manifest, read_raw

ROOT = Path(__file__).resolve().parents[1]


@cache
def documents() -> dict[str, tuple[SourceDoc, str, list[Sentence]]]:
    docs, _problems = read_manifest(ROOT / "sources" / "manifest.tsv")
    out = {}
    for doc in docs:
        raw = read_raw(doc)
        out[doc.doc_id[:3]] = (doc, raw, read_document(doc, raw))
    return out


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_every_sentence_quotes_the_raw_file_verbatim(key: str) -> None:
    doc, raw, sentences = documents()[key]
    assert sentences, f"{doc.doc_id}: no sentences"
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert s.doc_id == doc.doc_id
        quote = raw[s.raw_start:s.raw_end]
        assert quote and quote[0] == s.text[0] and quote[-1] == s.text[-1]
        assert len(s.offsets) == len(s.text)
        assert all(s.raw_start <= o < s.raw_end for o in s.offsets)
        a, b = s.raw_span(0, len(s.text))
        assert (a, b) == (s.raw_start, s.raw_end)


@pytest.mark.parametrize(("key", "boilerplate"), [
    ("000", ["Next Article in Journal", "Epicardial Abnormalities", "Font Type", "Aa Aa Aa",
             "Arial Georgia", "Line Spacing", "early access version", "Laboratory of Molecular",
             "Author to whom correspondence", "Submission received", "Share and Cite", "ACS Style",
             "AMA Style", "Turabian", "APA Style", "https://doi.org", "first issue of 2016",
             "Article Metrics", "Back to Top", "Kashanchi"]),
    ("003", ["Skip to main", "U.S. flag", "official website", ".gov", "The site is secure",
             "https://", "Access keys", "Epub", "Affiliations", "Wadhonkar", "PubMed Disclaimer",
             "Conflict of interest", "competing interest", "Similar articles", "Cited by",
             "LinkOut"]),
    ("001", ["Authors:", "Ying Yu", "NCBI Gene", "MESH:", "MONDO:", "Linked entities",
             "tomesphere", "omitted", "94 references", "Source:"]),
])
def test_no_boilerplate_survives(key: str, boilerplate: list[str]) -> None:
    _doc, _raw, sentences = documents()[key]
    text = "\n".join(s.text for s in sentences)
    for piece in boilerplate:
        assert piece not in text, piece


def test_titles_abstracts_and_keywords_of_the_web_pages() -> None:
    for key in ("000", "001", "002", "003"):
        _doc, _raw, sentences = documents()[key]
        assert sentences[0].kind == "title"
        assert [s.kind for s in sentences].count("title") == 1
    for key in ("000", "001", "003"):
        kinds = {s.kind for s in documents()[key][2]}
        assert "abstract" in kinds
    keywords = [s for s in documents()["003"][2] if s.kind == "keywords"]
    assert [k.text for k in keywords] == [
        ("Keywords: Cancer; Cell signaling; Exosomal proteins; Macrophage polarization; "
         "Tumor microenvironment (TME).")]


def test_citing_articles_of_002_are_not_sentences() -> None:
    _doc, _raw, sentences = documents()["002"]
    text = "\n".join(s.text for s in sentences)
    for cited in ("Exosomal lncRNAs as diagnostic and therapeutic targets in multiple myeloma",
                  "Mesenchymal stem cells derived exosomes: a new era in cardiac regeneration",
                  "Exosomes as promising frontier approaches in future cancer therapy",
                  "PMID", "Front Oncol", "Kharrat", "Biomedicines"):
        assert cited not in text, cited
    assert any(s.text.startswith("Exosomes are formed via the endosomal sorting complex")
               for s in sentences)


def test_sections_of_004() -> None:
    _doc, _raw, sentences = documents()["004"]
    sections = list(dict.fromkeys(s.section for s in sentences if s.section))
    assert sections == [
        "1. Introduction",
        "2. Exosomes and drug delivery system in cancer",
        "3. Studies of exosomes as drug delivery system for cancer therapy",
        "4. Exosomal miRNAs and cancer",
        "5. Exosomes and cancer diagnosis",
        "6. Exosomes and tumor microenvironment",
        "7. Exosomes and cancer drug resistance",
        "8. Exosomes and tissue renewal/regeneration",
        "9. Conclusion and prospects",
    ]
    assert sentences[0].kind == "abstract" and sentences[0].text.startswith("Most eukaryotic")


def test_pdf_damage_in_004_is_repaired() -> None:
    _doc, raw, sentences = documents()["004"]
    text = "\n".join(s.text for s in sentences)
    for repaired in ("TGF-β1 [172]", "β-catenin/mTOR/STAT3", "NF-κB pathway", "α-SMA",
                     "α-smooth muscle actin", "HIF-1α protein", "TNF-α.", "IL-1β", "(ERα)",
                     "lncRNA UCA1", "remains largely unclear [164]", "milk [2–4]",
                     "α-D-mannose", "the proliferation of myeloid-derived"):
        assert repaired in text, repaired
    for damage in ("exo- somes", "TGF-$1", "NF-xB", "IncRNA", "[ 164]", "M. Safaei", "©",
                   "Elsevier", "In ovarian cancer\ncells", "(BRea1)"):
        assert damage not in text, damage
    captions = [s for s in sentences if s.kind == "caption"]
    assert [c.text[:6] for c in captions if c.text.startswith("Fig.")] == [
        "Fig. 1", "Fig. 2", "Fig. 3", "Fig. 4"]
    # a paragraph cut by a figure, its caption and figure labels is joined again
    joined = next(s for s in sentences if "the response to treatment of malignant tumors" in s.text)
    start = joined.text.index("treatment of malignant")
    a, b = joined.raw_span(start, start + len("treatment"))
    assert raw[a:b] == "treatment"
