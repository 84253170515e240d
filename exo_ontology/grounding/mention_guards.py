"""Reject false-positive mentions by general rules, never by lists of this corpus's words.

A gene candidate needs a case-exact name, three characters or a digit, a leading letter, and a
token that is not a common English word, roman numeral or single letter; a single common word is
never a mention unless it is an upper-case acronym of a non-gene term ("ALL"); a short token
(four characters or less) needs a case-exact name ("nm" is not NM), and one of three characters
or less a label, exact or curated name; a lower-case word that is only a related synonym of two
tied terms is dropped ("antibody"); a multi-word name never starts or ends with a function word
(`FUNCTION_WORDS`, applied by `recognize`); single-word names of the edit file's individuals
(directions, applications, study types) and single-word related synonyms of its core classes are
cue words, left to extraction. The words around a span may also rule a reading out (`in_context`).
"""

from __future__ import annotations

import re

from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.normalize import normalize
from exo_ontology.model import Candidate

_ROMAN = re.compile(r"(?i)x{0,3}(?:ix|iv|v?i{0,3})")      # I..XXXIX, as in "type II"
_COMMON = """
a about above across act acts after again against age ago aim aims all almost alone along also
although always am among an and another any are area areas arm around as at away back bad base
based be because been before being below best better between both but by call called can cannot
case cases cause caused causes cell cells certain change changes clear close cold could data day
days did different do does done down due during each early effect effects end either else enough
even ever every fact far fast fat few field fig figure find first for form found four free from
full further gap gave get give given go good great group groups had has have he help her here
high him his how however i if impact important in including increase increased into is it its
just key kind known large last late lead least left less level levels like line little long low
made main major make many map mass may me mean means might mode model more most much must my near
need new next no non not now number of off often old on once one only open or order other our
out over own part per place play plays point poor present protein proteins put rate rather real
role roles same see set several she should show shown side sign since single six small so some
still study such take ten than that the their them then there these they this those three
through thus time times to too top total two type types under up upon us use used using very
via was way we well were what when where whether which while who whole why will with within
without work would yet you gene genes tissue tissues disease diseases body organism molecule
molecules compound compounds process processes system systems factor factors region regions
result results method methods patient patients treatment response activity function expression
development structure signal signals control target targets report reports review hand life
family application applications condition conditions finding findings acquired chronic acute
rare severe primary secondary extracellular intracellular superfamily subfamily genus species
"""
#: common English words (function words and the everyday vocabulary of papers)
COMMON_WORDS = frozenset(_COMMON.split())
_FUNCTION = """
a about after against along also among an and any are as at be been between both but by can
could did do does during each either for from had has have how if in into is it its may might
more most not of on or other our over per since so such than that the their them then there
these they this those through thus to under upon via was we were what when where whether which
while who whose why will with within without would
"""
#: words that never start or end a multi-word name
FUNCTION_WORDS = frozenset(_FUNCTION.split())
_STRONG = {"label", "exact", "curated"}
_CORE_CLASS = re.compile(r"EXOC:000\d{4}")      # EXOC core classes (0000001-0000999)


#: the note of a candidate read from the table of oncology abbreviations (grounding.oncology)
ONCOLOGY_NOTE = "oncology abbreviation"


def guard(span: str, n: int, cands: list[Candidate], grounder: Grounder) -> list[Candidate]:
    """Drop the candidates a general false-positive rule rejects (see the module docstring)."""
    single = n == 1
    if single and (len(span) == 1 or _ROMAN.fullmatch(span) or span.isdigit()):
        return []
    common = single and (span.casefold() in COMMON_WORDS or normalize(span) in COMMON_WORDS)
    acronym = single and len(span.removesuffix("s")) <= 4
    exact = grounder.case_exact(span) if any(c.type == "gene" for c in cands) else set()
    shaped = grounder.case_exact(span, strict=False) if acronym else set()
    tied = len({c.curie for c in cands if c.score == cands[0].score}) > 1 if cands else False
    kept: list[Candidate] = []
    for c in cands:
        if c.type == "gene":
            short = len(span) < 3 and not any(ch.isdigit() for ch in span)
            if c.curie not in exact or short or common or not span[0].isalpha():
                continue
        elif common and not (span.isupper() and len(span) > 1):
            continue
        elif acronym and ONCOLOGY_NOTE not in c.note and (
                c.curie not in shaped or (len(span) <= 3 and c.status not in _STRONG)):
            continue                                # "nm" is not NM; "BM" only a related name
        elif single and span.islower() and c.status == "related" and tied:
            continue                                # "antibody": a loose synonym of two terms
        if c.type == "taxon" and not c.curie.rpartition(":")[2].isdigit():
            continue                                # rank nodes ("NCBITaxon:family")
        if single and c.type == "exoc" and (grounder.is_individual(c.curie)
                                            or _CORE_CLASS.fullmatch(c.curie)):
            continue                                # cue words ("inhibit", "clinical", "finding")
        kept.append(c)
    return kept


_NAME_TAIL = re.compile(r"^-(?:related|associated|like|linked)\s+(?:protein|gene|factor|kinase|receptor)",
                        re.IGNORECASE)
_NEGATED = re.compile(r"(?:\bnon-?|\bwithout\s+|\bno\s+)$", re.IGNORECASE)


#: words that describe a disease rather than name one: a participle or a clinical adjective
CLINICAL_ADJECTIVES = frozenset({"advanced", "aggressive", "invasive", "malignant", "benign", "metastatic",
                                 "refractory", "recurrent", "resistant", "primary", "secondary", "chronic",
                                 "acute", "severe", "early", "late", "localized", "localised", "poor"})
#: a grade or stage of a tumour ("low grade", "grade 3/4") qualifies a disease; it is not one
_GRADE = re.compile(r"^(?:tumou?r\s+)?(?:grade|stage)\b", re.IGNORECASE)
#: a cell line written before "/<drug>" (A549/DDP, MCF-7/ADR): the drug names the resistant subline
_LINE_BEFORE = re.compile(r"\b[A-Za-z]{1,6}-?\d{1,4}[A-Za-z]?/$")
#: what follows a name written as a cell line ("HT1080 cells", "HT1080-cell")
_CELLS_AFTER = re.compile(r"[\s-]+cells?\b")


def _describes(span: str) -> bool:
    """A single lower-case adjective or participle ("disseminated", "advanced") describes, not names."""
    return span.islower() and " " not in span and (span in CLINICAL_ADJECTIVES or span.endswith("ed"))


def _written_as_cells(text: str, span: str) -> bool:
    """True when `text` writes `span` followed by "cell(s)" anywhere; the same answer as searching
    for the escaped span + `_CELLS_AFTER`, without compiling a pattern per span (a new pattern for
    each span overflows the `re` module's cache, so each was compiled again and again)."""
    at = text.find(span)
    while at >= 0:
        if _CELLS_AFTER.match(text, at + len(span)):
            return True
        at = text.find(span, at + 1)
    return False


def in_context(text: str, start: int, end: int, cands: list[Candidate], grounder: Grounder) -> list[Candidate]:
    """Drop disease readings the words around the span rule out: the tail of a hyphenated compound
    ("acute-on-chronic liver failure" is not chronic liver failure), a negated disease ("non-
    pancreatitis patients"), a word of a protein's name ("fat mass and obesity-related protein"),
    an acronym written in lower case ("niches" is not NICH), and an undefined short acronym of a
    disease outside cancer ("SMA" in "α-SMA", "DOC" in "MCF-7/DOC"): in a text about cancer such
    letters far more often abbreviate something else. Likewise a former gene symbol at the tail of
    a compound ("α-SMA") is not that gene, nor is a name the sentence also writes as "<name> cells"
    (a cell line: "HT1080 cells")."""
    span = text[start:end]
    compound_tail = start > 0 and text[start - 1] == "-"
    negated = bool(_NEGATED.search(text[max(0, start - 10):start]))
    name_tail = bool(_NAME_TAIL.match(text[end:end + 30]))
    cell_line = _written_as_cells(text, span)
    kept = []
    for c in cands:
        if c.type == "disease":
            if compound_tail or negated or name_tail or _describes(span) or _GRADE.match(c.label):
                continue
            if span.islower() and " " not in span and c.curie in grounder.case_exact(span.upper(), strict=False):
                continue             # "rich" is RICH written in lower case: an English word here
            if c.matched.isupper() and not span.isupper():
                continue
            term = grounder.term(c.curie)
            short = span.isupper() and len(span.rstrip("s")) <= 4 and c.status != "label"
            if short and (term is None or not term.cancer_branch):
                continue
        elif c.type != "gene" and c.matched.isupper() and len(c.matched) > 1 and not span.isupper():
            continue
        elif c.type == "gene" and compound_tail and c.status == "former":
            continue                 # "α-SMA" is not SMN1, whose former symbol SMA was
        elif c.type in ("chemical", "gene") and _LINE_BEFORE.search(text[:start]):
            continue                 # "A549/DDP", "MCF-7/ADR": the drug names a resistant line, not a cargo
        elif c.type == "gene" and cell_line:
            continue                 # "HT1080 exosomes ... HT1080 cells": a cell line, not a gene
        kept.append(c)
    return kept
