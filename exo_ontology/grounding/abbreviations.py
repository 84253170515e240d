"""Abbreviations a document defines (Schwartz-Hearst "long form (SF)"), grounded through their long form.

"cancer-associated fibroblasts (CAFs)" defines CAF(s) for every later sentence of the same
document; the short form then grounds like its long form (status `abbreviation`, the note names
the long form). A long form that grounds only through the grounder's typed rewrites
("Adipose-derived mesenchymal stem cells") is grounded so, but never by a rewrite that keeps only
part of it ("tumor microenvironment" is not a tumour).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from exo_ontology.grounding.grounder import Grounder
from exo_ontology.model import Candidate, Sentence


@dataclass(frozen=True)
class Abbreviation:
    """A short form defined in a document: where, its long form, and the long form's candidates."""

    short: str
    long: str
    sentence: int
    start: int                  # of the short form inside the parentheses (skipped as a mention)
    candidates: tuple[Candidate, ...]


def document_abbreviations(sentences: Sequence[Sentence],
                           grounder: Grounder) -> dict[str, dict[str, Abbreviation]]:
    """doc_id -> short form -> its definition, for every document of `sentences` (a short form
    defined twice keeps the first definition whose long form grounds). The evaluation uses it
    to ground a gold mention as recognition would, with its document's abbreviations."""
    out: dict[str, dict[str, Abbreviation]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.doc_id, s.index)):
        known = out.setdefault(sentence.doc_id, {})
        for abbr in find_abbreviations(sentence, grounder):
            if abbr.short not in known or (abbr.candidates and not known[abbr.short].candidates):
                known[abbr.short] = abbr
    return out


def lookup_abbreviation(known: Mapping[str, Abbreviation], span: str) -> Abbreviation | None:
    """The definition of `span` as written, or of its plural or singular ("DC" / "DCs")."""
    return (known.get(span) or known.get(f"{span}s")
            or (known.get(span[:-1]) if _plural(span) else None))


def find_abbreviations(sentence: Sentence, grounder: Grounder) -> list[Abbreviation]:
    """Schwartz-Hearst "long form (SF)" definitions of one sentence."""
    found: list[Abbreviation] = []
    for m in re.finditer(r"\(([^()]{1,12})\)", sentence.text):
        short = re.split(r"[;,]", m.group(1))[0].strip()
        if not _valid_short(short):
            continue
        words = sentence.text[: m.start()].split()
        window = words[-min(len(short) + 5, len(short) * 2):]
        long_form = _long_form(short.removesuffix("s") if _plural(short) else short,
                               " ".join(window))
        if long_form:
            cands = tuple(replace(c, status="abbreviation", note=_abbr_note(long_form, c))
                          for c in _ground_long_form(long_form, grounder, sentence.text))
            found.append(Abbreviation(short, long_form, sentence.index, m.start(1), cands))
    return found


#: types whose grounder rewrites a long form may need ("Adipose-derived mesenchymal stem cells")
_REWRITTEN_LONG_FORMS = ("cell", "disease", "gene")


def _ground_long_form(long_form: str, grounder: Grounder, context: str) -> list[Candidate]:
    """The long form's candidates as written; when none, the first type whose rewrites ground
    the whole long form (never only part of it: "tumor microenvironment" is not a tumour)."""
    found = grounder.ground(long_form, context=context)
    for type_ in _REWRITTEN_LONG_FORMS:
        if found:
            break
        found = grounder.ground(long_form, type=type_, context=context, whole=True)
    return found


def _valid_short(short: str) -> bool:
    return (2 <= len(short) <= 10 and short[0].isalnum() and any(c.isupper() for c in short)
            and len(short.split()) <= 2)


def _plural(short: str) -> bool:
    return len(short) > 2 and short.endswith("s") and short[-2].isupper()


def _long_form(short: str, text: str) -> str:
    """The Schwartz-Hearst match: the short form's letters found right to left in `text`, the
    first one at a word start; "" when they cannot all be found."""
    s_i, l_i = len(short) - 1, len(text) - 1
    while s_i >= 0:
        c = short[s_i].lower()
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (text[l_i].lower() != c or
                            (s_i == 0 and l_i > 0 and text[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return ""
        s_i, l_i = s_i - 1, l_i - 1
    start = text.rfind(" ", 0, l_i + 1) + 1
    long_form = text[start:].strip(" ,;:")
    return long_form if len(long_form) > len(short) else ""


def _abbr_note(long_form: str, cand: Candidate) -> str:
    return f"abbreviation of {long_form!r}" + (f"; {cand.note}" if cand.note else "")
