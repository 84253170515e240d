"""Common names of the field for body fluids and processes, as data: the words papers use ("plasma",
"sera", "proliferation", "communication between cells") and the name the lexicon gives the term. The
name is grounded through the lexicon, so no identifier is written here."""

from __future__ import annotations

#: (type, the words as papers write them, the term's name in the lexicon)
COMMON_NAMES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("anatomy", ("plasma", "plasmas"), "blood plasma"),
    ("anatomy", ("sera", "serum"), "blood serum"),
    ("anatomy", ("bloodstream", "peripheral blood", "circulating blood", "circulation", "whole blood"), "blood"),
    ("anatomy", ("salivary", "salivas"), "saliva"),
    ("anatomy", ("biofluid", "biofluids", "biological fluid", "biological fluids", "body fluid", "body fluids",
                 "bodily fluids"), "bodily fluid"),
    ("anatomy", ("urinary",), "urine"),
    ("process", ("proliferation", "proliferative capacity", "cell proliferation"), "cell population proliferation"),
    ("process", ("migration", "migratory capacity"), "cell migration"),
    ("process", ("invasion", "invasiveness", "invasive capacity"), "tumor cell invasion"),
    ("process", ("communication between cells", "intercellular communication", "cell-cell communication",
                 "cell-to-cell communication", "intercellular crosstalk"), "cell-cell signaling"),
    ("process", ("progression", "tumor progression", "tumour progression", "cancer progression",
                 "disease progression", "malignant progression"), "tumor progression"),
    ("process", ("metastatic process", "metastatic spread", "metastases"), "metastasis"),
    ("process", ("resistance to drugs", "chemoresistance", "chemo-resistance", "drug-resistant",
                 "chemotherapy resistance", "multidrug resistance"), "drug resistance"),
    ("process", ("angiopoiesis", "neovascularization", "neovascularisation", "neoangiogenesis"), "angiogenesis"),
    ("process", ("immune tolerance",), "tolerance induction"),
    ("process", ("immune escape", "escape from immunity", "immune evasion", "evasion of immunity"),
     "immune evasion"),
    ("process", ("metabolic remodeling", "metabolic remodelling", "metabolic rewiring"), "metabolic reprogramming"),
)
_TABLE = {(word, type_): name for type_, words, name in COMMON_NAMES for word in words}


def common_name(text: str, type_: str | None) -> tuple[str, str] | None:
    """(type, lexicon name) for a common name written in lower case (or capitalised at a sentence
    start); None otherwise. Upper-case forms are left alone ("SERA" is a gene symbol)."""
    if not text or text.isupper() or not (text.islower() or (text[0].isupper() and text[1:].islower())):
        return None
    word = text.lower()
    for candidate_type in ((type_,) if type_ else ("anatomy", "process")):
        name = _TABLE.get((word, candidate_type))
        if name:
            return candidate_type, name
    return None
