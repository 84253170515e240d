"""Cell names read outside the rewrite rules: the cancer-cell convention, head back-off, acronyms."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exo_ontology.grounding.normalize import normalize

#: words for a cancer that may precede "cell(s)"; the project's convention (tests/gold/README.md,
#: "Cells") grounds such cells to CL's neoplastic cell, the class of every tumour cell, rather
#: than to "malignant cell", of which CL lists "cancer cell" only as a related synonym
_CANCER_CELL = re.compile(r"(?i)(?:cancer|cancerous|tumou?r|neoplastic|neoplasm|carcinoma)"
                          r"[- ]?cells?(?: lines?)?")
#: "<a named cancer> cells" ("glioma cells", "NPC cell lines"): the disease part, to check it is a cancer
DISEASE_CELLS = re.compile(r"(?i)(?P<disease>.+?)[- ]cells?(?: lines?)?")
NEOPLASTIC_CELL = "neoplastic cell"
_NEGATION = re.compile(r"(?i)^(?:non|not|un|anti)(?:-|\s)")


def cancer_cell(text: str) -> str:
    """"neoplastic cell" when `text` is a cancer word plus "cell(s)" ("cancer cells",
    "tumour cell", "cancerous cells"), else ""."""
    return NEOPLASTIC_CELL if _CANCER_CELL.fullmatch(text.strip()) else ""


def head_backoff(text: str) -> Iterator[tuple[str, int]]:
    """(shorter text, words dropped): the leading words or hyphenated prefixes of a cell name
    dropped one by one ("olfactory ecto-MSCs" -> "ecto-MSCs" -> "MSCs"), never past a negation
    ("non-immune cells" is not an immune cell) and never down to a bare "cell"."""
    if _NEGATION.match(text):
        return
    rest, dropped = text.strip(), 0
    while True:
        match = re.match(r"\S+?(?:\s+|(?<=[A-Za-z)])-(?=\S))", rest)
        if match is None:
            return
        rest, dropped = rest[match.end():], dropped + 1
        if _NEGATION.match(rest) or normalize(rest) in ("", "cell"):
            return
        yield rest, dropped


def initials(name: str) -> str:
    """Upper-case initials of a multi-word name: "dendritic cell" -> "DC",
    "myeloid-derived suppressor cell" -> "MDSC"; "" for one word."""
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if len(words) < 2 or not all(w[0].isalpha() for w in words):
        return ""
    return "".join(w[0] for w in words).upper()


def acronym_parts(text: str) -> Iterator[tuple[str, str]]:
    """(place acronym, cell acronym) splits of a compound acronym: "BM-MSCs" -> ("BM", "MSC");
    "hUC-MSC" -> ("UC", "MSC"); "ADMSC" -> ("AD", "MSC"), ... A leading "h" (human) is
    dropped. Unhyphenated compounds also share their middle letter, as "BMSC" contracts
    "BM-MSC" (bone marrow + mesenchymal stem cell): -> ("BM", "MSC")."""
    core = text.removesuffix("s")
    core = core[1:] if core[:1] == "h" and core[1:2].isupper() else core
    if not re.fullmatch(r"[A-Z]+(?:-[A-Z]+)?", core):
        return
    if "-" in core:
        place, cell = core.split("-", 1)
        if len(place) >= 2 and len(cell) >= 3:
            yield place, cell
        return
    for cut in range(2, len(core) - 2):              # places of 2+ letters, cells of 3+
        yield core[:cut], core[cut:]
    for cut in range(2, len(core) - 1):              # the shared letter counted twice
        yield core[:cut], core[cut - 1:]
