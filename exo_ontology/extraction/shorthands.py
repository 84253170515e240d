"""Vesicle shorthands a text defines ("hypoxic glioma-derived exosomes (H-GDEs)", "ginseng-derived
exosome-like nanoparticles (GENs)") and those of the field (TEXs, DEX): later sentences that name the
vesicles only by the shorthand still speak of them, and of their source cells."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from exo_ontology import vocabulary as V
from exo_ontology.extraction.slots import Kinds, ids, kind_of
from exo_ontology.model import Mention, Sentence

#: the vesicle nouns a definition's long form ends with
_VESICLE_NOUN = (r"(?:exosom(?:e|es)|extracellular vesicles?|EVs?|vesicles|nano-?vesicles|nanoparticles|"
                 r"exos?)\b")
#: "<long form ending in a vesicle noun> (<short form>)"
_DEFINITION = re.compile(
    rf"(?P<long>(?:[\w+/-]+\s+){{0,6}}?[\w+/-]*{_VESICLE_NOUN})\s*\((?P<short>[A-Za-z][\w+./-]{{1,15}})\)")
#: what every definition holds (a vesicle noun before a parenthesis): a sentence without it is not
#: scanned by `_DEFINITION`, whose word run would be tried at every position of the sentence
_DEFINITION_HINT = re.compile(rf"{_VESICLE_NOUN}\s*\(")
_DERIVED = re.compile(r"-?derived|-?secreted|-?released|\bfrom\b|\bof\b", re.IGNORECASE)

#: shorthands of the field that texts use without defining: (pattern, source cell, vesicle type)
FIELD_SHORTHANDS: tuple[tuple[str, str, str], ...] = (
    ("TEX", V.CL_NEOPLASTIC_CELL, V.GO_EXOSOME),     # tumour-derived exosomes
    ("TDE", V.CL_NEOPLASTIC_CELL, V.GO_EXOSOME),     # tumour-derived exosomes
    ("TEV", V.CL_NEOPLASTIC_CELL, V.GO_EXTRACELLULAR_VESICLE),
    ("DEX", "CL:0000451", V.GO_EXOSOME),            # dendritic cell-derived exosomes
)


@dataclass(frozen=True)
class Shorthand:
    """What a shorthand stands for: the vesicles' types and source cells."""

    short: str
    vesicle_type: tuple[str, ...]
    source_cell: tuple[str, ...]


def _forms(short: str) -> list[str]:
    stem = short[:-1] if short.endswith("s") and len(short) > 3 else short
    return [stem, f"{stem}s"]


def field_shorthands() -> dict[str, Shorthand]:
    out: dict[str, Shorthand] = {}
    for short, cell, vesicle in FIELD_SHORTHANDS:
        for form in _forms(short):
            out[form] = Shorthand(form, (vesicle,), (cell,))
    return out


def vesicle_shorthands(sentences: Sequence[Sentence], mentions: dict[int, list[Mention]],
                       kinds: Kinds) -> dict[str, Shorthand]:
    """Short form -> what it stands for, for every shorthand the document defines (and the field's)."""
    found = field_shorthands()
    for sentence in sentences:
        if not _DEFINITION_HINT.search(sentence.text):
            continue
        for match in _DEFINITION.finditer(sentence.text):
            short, (start, end) = match.group("short"), match.span("long")
            if not any(c.isupper() for c in short):
                continue
            inside = [m for m in mentions.get(sentence.index, []) if start <= m.start and m.end <= end]
            cells = ids([m for m in inside if kind_of(m, kinds) == "cell"])
            tumour = any(kind_of(m, kinds) == "disease" for m in inside) and _DERIVED.search(match.group("long"))
            vesicles = ids([m for m in inside if kind_of(m, kinds) == "vesicle"])
            if not vesicles:
                vesicles = (V.GO_EXOSOME,) if re.search(r"exosom|exos?\b", match.group("long"), re.IGNORECASE) \
                    else (V.GO_EXTRACELLULAR_VESICLE,)
            sources = tuple(sorted({*cells, *((V.CL_NEOPLASTIC_CELL,) if tumour else ())}))
            for form in _forms(short):
                found[form] = Shorthand(form, vesicles, sources)
    return found


def shorthands_in(text: str, shorthands: dict[str, Shorthand]) -> list[Shorthand]:
    """The shorthands a clause names, as whole words."""
    return [s for form, s in shorthands.items()
            if form in text and re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
