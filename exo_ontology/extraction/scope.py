"""Which sentences and clauses speak of the vesicles: skipped kinds, meta-discourse, hedges,
the anaphora that continues a subject, and clauses with vesicles of their own."""

from __future__ import annotations

import re
from itertools import pairwise

from exo_ontology.extraction import cues

SKIPPED_KINDS = {"title", "keywords", "caption", "heading", "reference"}
#: a review describing itself ("In this review, ...", "we summarize") states no finding
META_DISCOURSE = re.compile(
    r"\b(?:(?:this|the present|our) (?:reviews?|articles?|papers?)|we (?:review|summari[sz]e|"
    r"discuss|synthesi[sz]e|describe)|will be (?:mentioned|discussed|reviewed))\b|^Fig(?:ure|\.)?\s*\d|"
    # a study's design or a question, not its result ("to determine which had more effect")
    r"\b(?:designed|conducted|performed|carried out|contrasted|compared)\b[^.;]{0,80}\bto (?:determine|investigate|"
    r"assess|evaluate|examine|explore|test) (?:whether|which|if|how)\b|"
    r"\b(?:assessed|evaluated|investigated|examined|explored)\b[^.;]{0,60}\b(?:ability|whether|which|if|how)\b|"
    r"\bcan be (?:analy[sz]ed|viewed|examined|classified|divided|considered) (?:from|in|into)\b|"
    # the merits of a method, or a typology ("three mechanisms have been defined"), not a finding
    r"\b(?:advantages|disadvantages|limitations|drawbacks|benefits) of\b|"
    # work done on the vesicles as the subject ("Identifying these exosomes seems essential for ...")
    r"^(?:Identifying|Studying|Understanding|Isolating|Characteri[sz]ing|Analy[sz]ing|Investigating|Examining|"
    r"Exploring|Clarifying) (?:the |these |such )?(?:\w+ )?(?:exosomes|EVs|extracellular vesicles)\b|"
    r"\b(?:mechanisms|types|categories|classes|strategies) (?:have|has) been (?:defined|described|proposed|"
    r"identified|classified)\b",
    re.IGNORECASE)
#: the connective or short lead-in a continuing sentence may open with ("Moreover, ", "In glioma, ")
_CONNECTIVE = r"(?:In addition|Moreover|Furthermore|Also|Additionally|However),?\s+"
_LEAD = rf"(?:{_CONNECTIVE}|[A-Z][^,.;]{{0,40}},\s+)?"
#: a sentence continuing the previous one's subject ("They ...", "These exosomes ...")
ANAPHORA = re.compile(rf"^(?:{_LEAD}(?:they|their|these|such\b(?! as)|those|"
                      r"this\b(?! (?:review|study|article)))|(?:Also,?\s+)?by \w+ing)\b", re.IGNORECASE)
#: a sentence whose subject is the previous sentence's, by pronoun ("Moreover, they can serve as ...")
THEY = re.compile(rf"^(?:{_CONNECTIVE}|(?:Thus|Therefore),?\s+)?(?:they|their)\b", re.IGNORECASE)
#: an anaphor whose head noun is not the vesicles ("These components ...", "This activation ...")
NOT_THE_VESICLES = re.compile(rf"^{_LEAD}"
                              r"(?:these|this|such|those)\s+(?:\w+\s+)?(?:components?|activation|effects?|results?|"
                              r"findings?|molecules?|factors?|genes?|changes|data|observations?|mechanisms?|"
                              r"pathways?|traits?|studies|study|authors?|researchers?|process(?:es)?|"
                              r"interactions?|properties|features|characteristics|functions?|roles?)\b",
                              re.IGNORECASE)
#: a statement that the text itself calls unknown states no finding
HEDGED = re.compile(r"\b(?:remains?|is still|are still)\s+(?:\w+\s+)?(?:unclear|unknown|elusive|controversial|"
                    r"to be (?:determined|elucidated|established))\b", re.IGNORECASE)
#: what an application alone ("exosomes may serve as biomarkers") cannot be drawn from: a study's
#: set-up ("X et al. used exosomes to treat ..."), a limitation or an open question, talk about studying
#: the vesicles' role, or a comparison with another carrier
NOT_AN_APPLICATION_CLAIM = re.compile(
    r"\bet al\.?,? (?:used|conducted|looked at|designed|examined|investigated|studied|developed)\b|"
    r"\b(?:early stage|(?:just|only) beginning|in (?:its|their) infancy|challenges?|"
    r"further (?:investigat|stud|research|explor)\w*|depends? on|"
    r"(?:examining|clarifying|understanding|exploring|investigating) the roles?|comparison|compared)\b",
    re.IGNORECASE)
#: a clause whose subject is part of the previous clause's ("..., while a few have the opposite effect")
PARTITIVE = re.compile(r"^(?:a few|few|some|others|many|most|several|the (?:rest|others|remainder))\b", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+|"
                          # a second vesicle of another source, with a cargo of its own ("X containing A
                          # and macrophage-derived exosomes that carry B")
                          r"\s+and\s+(?=(?:[\w-]+\s+)?[\w-]+-derived\s+(?:exosomes|EVs|extracellular vesicles)\s+"
                          r"(?:that|which|containing|carrying|loaded|with)\b)")


def vesicle_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses that each have vesicles of their own as subject ("exosomes of X promote A;
    exosomes of Y inhibit B"); one span for a sentence that is a single claim."""
    spans = list(pairwise([0, *(m.end() for m in CLAUSE_BREAK.finditer(text)), len(text)]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not (cues.VESICLE_WORDS.search(text[start:end]) or PARTITIVE.match(text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if merged and not cues.VESICLE_WORDS.search(text[merged[0][0]:merged[0][1]]) and len(merged) > 1:
        merged[:2] = [(merged[0][0], merged[1][1])]
    return merged
