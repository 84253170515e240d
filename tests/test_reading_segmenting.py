"""Sections, sentences and their raw offsets (reading.segmenting, reading.sentences, layout)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exo_ontology.model import SourceDoc
from exo_ontology.reading import read_document
from exo_ontology.reading.segmenting import prose_like, segment
from exo_ontology.reading.sentences import ends_sentence, split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_no_split_at_abbreviations_initials_decimals_or_brackets() -> None:
    text = ("Zhan et al. contrasted PC exosomes (Fig. 1) with e.g. liposomes, i.e. vesicles, vs. "
            "approx. 2.5 nm pores as M. Safaei and S.S. Rajabi showed [see ref. 4. Ibid.]. "
            "Next sentence here.")
    assert sentences_of(text) == [text[:text.index(" Next")], "Next sentence here."]


def test_splits_at_sentence_ends_including_after_citations_and_et_al() -> None:
    text = ("It was described by Zhou et al. They delivered siRNA [93]. miR-21 inhibits PTEN. "
            "Fig. 1. The composition of the exosome. Done!")
    assert sentences_of(text) == [
        "It was described by Zhou et al.", "They delivered siRNA [93].", "miR-21 inhibits PTEN.",
        "Fig. 1. The composition of the exosome.", "Done!"]


def test_a_figure_reference_ends_a_sentence_but_a_caption_label_does_not() -> None:
    text = "The results are shown in Fig. 3. The cells died. Fig. 2. A caption here. See Table 1. Then."
    assert sentences_of(text) == [
        "The results are shown in Fig. 3.", "The cells died.", "Fig. 2. A caption here.",
        "See Table 1.", "Then."]


def test_no_split_before_a_lower_case_word() -> None:
    assert sentences_of("Using TNF-α. pretreated cells. Then more.") == [
        "Using TNF-α. pretreated cells.", "Then more."]


def test_ends_sentence_and_prose_like() -> None:
    assert ends_sentence("resistance [98].") and ends_sentence("(see Fig. 2).")
    assert not ends_sentence("as shown by Kim et al.") and not ends_sentence("it is possible to")
    assert prose_like("The site hosts the data.")
    assert not prose_like("Font Type:") and not prose_like("Arial Georgia Verdana")
    assert not prose_like("Epicardial Abnormalities and Mesenchymal Cell Expansion in "
                          "Plakophilin 2-Null Mouse Embryonic Hearts of the Heart")


PAPER = """\
 An unheaded abstract says exosomes carry miR-21 to fibro-
blasts in the tumour microenvironment.
© 2025 The Author(s). Published by Elsevier BV. This is an open access article under the
CC BY license (http://creativecommons.org/licenses/by/4.0/).
 1. Introduction

Exosomes from tumour cells carry cargo [1]. They can reach the liver in
 Fig. 1. Exosome biogenesis and the cargo loading steps shown with some wide caption text so long.
Copyright 2023 Publisher.

distant organs, where they prepare a niche [2].

M. Doe, A. Roe et al.

3. Studies of exosomes as drug delivery system for cancer
therapy

Exosomes were loaded with paclitaxel [3].

References

1. Doe J. Exosomes. Cells. 2020; 1:1.
"""


def test_sections_kinds_and_paragraph_joins_in_a_pdf_like_text() -> None:
    sentences = segment("paper", PAPER).sentences
    by_text = {s.text: s for s in sentences}
    abstract = ("An unheaded abstract says exosomes carry miR-21 to fibroblasts in the tumour "
                "microenvironment.")
    assert by_text[abstract].kind == "abstract" and by_text[abstract].section == ""
    joined = "They can reach the liver in distant organs, where they prepare a niche [2]."
    assert by_text[joined].section == "1. Introduction" and by_text[joined].kind == "text"
    caption = [s for s in sentences if s.kind == "caption"]
    assert caption and caption[0].text.startswith("Fig. 1. Exosome biogenesis")
    loaded = by_text["Exosomes were loaded with paclitaxel [3]."]
    assert loaded.section == "3. Studies of exosomes as drug delivery system for cancer therapy"
    texts = " ".join(s.text for s in sentences)
    for gone in ("Elsevier", "creativecommons", "M. Doe", "Doe J.", "References"):
        assert gone not in texts
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [s.raw_start for s in sentences] == sorted(s.raw_start for s in sentences)


def test_raw_span_maps_a_cleaned_sub_span_back_to_the_raw_file() -> None:
    sentences = segment("paper", PAPER).sentences
    first = sentences[0]
    start = first.text.index("fibroblasts")
    a, b = first.raw_span(start, start + len("fibroblasts"))
    assert PAPER[a:b] == "fibro-\nblasts"
    joined = next(s for s in sentences if s.text.startswith("They can reach"))
    start = joined.text.index("in distant")
    a, b = joined.raw_span(start, start + len("in distant"))
    assert PAPER[a:b].startswith("in\n") and PAPER[a:b].endswith("distant")
    assert PAPER[joined.raw_start:joined.raw_end].startswith("They can reach")
    assert joined.raw_span(3, 3)[0] == joined.raw_span(3, 4)[0]


WEB_PAGE = """\
Skip to main page content
An official website of the United States government
The site is secure.
Next Article in Journal
A Completely Different Paper About Hearts
# Exosomes in Cancer

**Authors:** A. Doe, B. Roe
Overview
Cell Biology
This abstract sentence is real. So is this one.
Another paper title cited by this one.
Smith J, Lee K Front Oncol. 2025; 14:12.
PMID: 123456 PMC: 654321. DOI: 10.1/abc.

## Highlights

- Exosomes carry miR-21.
- They promote metastasis.

Keywords: exosomes; cancer

## Full-text entities

- **Genes:** MIR21 (microRNA 21) [NCBI Gene 406991]

## References

94 references: https://example.org/full.md
Similar articles
"""


def test_a_summary_sites_paraphrase_is_not_read() -> None:
    page = ("# Exosomes in Cancer\n\n## TL;DR\n\nThis paper reviews exosomes.\n\n## Key findings\n\n"
            "- Exosomes promote metastasis.\n\n## Abstract\n\nExosomes from tumour cells promote metastasis.\n")
    sentences = segment("web", page, title="Exosomes in Cancer").sentences
    assert [(s.section, s.text) for s in sentences if s.kind != "title"] == [
        ("Abstract", "Exosomes from tumour cells promote metastasis.")]


def test_web_page_boilerplate_is_excluded() -> None:
    sentences = segment("web", WEB_PAGE, title="Exosomes in Cancer").sentences
    assert [(s.kind, s.section, s.text) for s in sentences] == [
        ("title", "", "Exosomes in Cancer"),
        ("text", "", "This abstract sentence is real."),
        ("text", "", "So is this one."),
        ("text", "Highlights", "Exosomes carry miR-21."),
        ("text", "Highlights", "They promote metastasis."),
        ("keywords", "Highlights", "Keywords: exosomes; cancer"),
    ]
    bullet = sentences[3]
    assert WEB_PAGE[bullet.raw_start:bullet.raw_end] == "Exosomes carry miR-21."


def test_read_document_uses_the_manifest_title(tmp_path: Path) -> None:
    doc = SourceDoc("x", tmp_path / "x.txt", title="Exosomes: a review")
    sentences = read_document(doc, "Exosomes: A Review\n\nAbstract\n\nExosomes matter.\n")
    assert [(s.kind, s.text) for s in sentences] == [
        ("title", "Exosomes: A Review"), ("abstract", "Exosomes matter.")]


@pytest.mark.parametrize("raw", ["", "\n\n", "Review", "   "])
def test_empty_or_fragment_only_text_gives_no_sentences(raw: str) -> None:
    assert segment("d", raw).sentences == []


_WORDS = st.sampled_from([
    "Exosomes", "carry", "miR-21", "TGF-$1", "exo-\nsomes", "et al.", "Fig. 2.", "[ 4]", "[2—4]",
    "(MSCs)", "NF-xB", "cells.", "cells,", "a-SMA", "1. Introduction", "Abstract", "Keywords:",
    "- ", "## ", "\n", "\n\n", "\r\n", " ", "B-catenin", "IncRNA", "Copyright 2020", "©", "Fig.",
    "Origin", "Status", "[12].", "tumor-\nassociated", "?", "!", "  ", "\u00a0",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=60))
def test_every_sentence_maps_back_to_the_raw_text(words: list[str]) -> None:
    raw = " ".join(words)
    for sentence in segment("h", raw).sentences:
        quote = raw[sentence.raw_start:sentence.raw_end]
        assert quote.strip()
        assert len(sentence.offsets) == len(sentence.text) > 0
        assert sentence.offsets[0] == sentence.raw_start
        assert sentence.offsets[-1] == sentence.raw_end - 1
        for ch, offset in zip(sentence.text, sentence.offsets, strict=True):
            assert sentence.raw_start <= offset < sentence.raw_end
            assert ch == raw[offset] or ch in "αβγκ–lD10 " or (ch.isspace() and raw[offset].isspace())


def test_raw_pieces_split_a_sentence_rejoined_across_a_figure() -> None:
    from exo_ontology.reading import raw_pieces

    joined = next(s for s in segment("paper", PAPER).sentences if s.text.startswith("They can reach"))
    pieces = raw_pieces(joined)
    assert [PAPER[a:b] for a, b in pieces] == [
        "They can reach the liver in", "distant organs, where they prepare a niche [2]."]
    single = segment("paper", PAPER).sentences[0]
    assert raw_pieces(single) == [(single.raw_start, single.raw_end)]


def test_windows_line_endings_read_like_unix_ones() -> None:
    unix = segment("u", PAPER).sentences
    dos_raw = PAPER.replace("\n", "\r\n")
    dos = segment("d", dos_raw).sentences
    assert [s.text for s in dos] == [s.text for s in unix]
    assert all(dos_raw[s.raw_start:s.raw_end].replace("\r", "") ==
               PAPER[u.raw_start:u.raw_end] for s, u in zip(dos, unix, strict=True))


ELSEVIER_FRONT = """\
Contents lists available at ScienceDirect
Regenerative Therapy
journal homepage: http://www.elsevier.com/locate/reth
Small extracellular vesicles in liver cancer
Ann Lee a, *, Bo Chen b
a Department of Surgery, Kyoto University, Kyoto, Japan
* Corresponding author. E-mail address: ann@example.org (A. Lee).
A R T I C L E  I N F O
Article history:
Received 3 March 2024
Received in revised form 5 May 2024
Keywords:
Exosome
Hepatocellular carcinoma
A B S T R A C T
Small extracellular vesicles from HCC cells carry miR-21 [1]. As shown in
Figure 2. The cells were treated with vesicles for 24 h.
https://doi.org/10.1016/j.reth.2024.05.001
2352-3204/© 2024 The Authors. Published by Elsevier BV. This is an open access article under
the CC BY license.
1. Introduction
HCC is a leading cause of cancer death [2].
Regenerative Therapy 27 (2024) 100-110
2
"""


def test_pdf_front_matter_letter_spaced_headings_and_keyword_lists() -> None:
    sentences = segment("e", ELSEVIER_FRONT, title="Small extracellular vesicles in liver cancer").sentences
    assert [(s.kind, s.section, s.text) for s in sentences] == [
        ("title", "", "Small extracellular vesicles in liver cancer"),
        ("keywords", "", "Keywords: Exosome Hepatocellular carcinoma"),
        ("abstract", "Abstract", "Small extracellular vesicles from HCC cells carry miR-21 [1]."),
        ("abstract", "Abstract", "As shown in Figure 2."),
        ("abstract", "Abstract", "The cells were treated with vesicles for 24 h."),
        ("text", "1. Introduction", "HCC is a leading cause of cancer death [2]."),
    ]
