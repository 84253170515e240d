"""Rewrite steps for process names: a noun in "-osis" as GO's adjective, the prefix "neo", a "-like"
qualifier, the progression of a named disease, and a resistance that joins chemo- and radio-."""

from __future__ import annotations

import re


def osis_process(text: str) -> list[str]:
    """A process named by its noun, as GO names it by the adjective: "apoptosis" ->
    "apoptotic process"."""
    return [f"{text[:-4]}otic process"] if text.endswith("osis") and len(text) > 6 else []


def drop_neo(text: str) -> list[str]:
    """"neoangiogenesis" is angiogenesis: the prefix adds only that it is new."""
    match = re.fullmatch(r"(?i)neo-?(.{5,})", text)
    return [match[1]] if match else []


def drop_like(text: str) -> list[str]:
    """ "M2-like macrophage polarization" is M2 macrophage polarization: "-like" hedges the name."""
    return [re.sub(r"-like\b", "", text)] if re.search(r"\w-like\b", text) else []


def disease_progression(text: str) -> list[str]:
    """ "glioma progression", "progression of glioma": the progression of a tumour."""
    named = re.fullmatch(r"(?i)(?:[\w-]+\s+){1,3}progression|progression of (?:the\s+)?(?:[\w-]+\s*){1,3}", text)
    return ["tumor progression"] if named else []


def joined_resistance(text: str) -> list[str]:
    """ "chemoradioresistance" is drug resistance (and radioresistance): the first is read."""
    return ["drug resistance"] if re.fullmatch(r"(?i)chemo-?radio-?resistan(?:ce|t)", text) else []
