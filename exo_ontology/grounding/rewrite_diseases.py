"""Rewrite steps for disease names: receptor status, metastasis, causes, organ systems, lineages, context."""

from __future__ import annotations

import re

from exo_ontology.grounding.normalize import singular_last_word

_STATUS_SIGN = re.compile(r"(?<=[A-Za-z0-9])\+(?=\s|$)")
_STATUS_WORD = re.compile(r"(?<=[A-Za-z0-9])[- ]positive\b", re.IGNORECASE)
_METASTASIS = re.compile(r"(?i)^(?P<place>.+?)\s+metasta(?:sis|ses|tic disease)$")
_CAUSE = re.compile(r"(?i)^(?P<what>.+?)\s+(?:caused by|due to|induced by|secondary to|"
                    r"resulting from)\s+(?P<cause>.+)$")
_PARTICIPLE = re.compile(r"(?i)^(?P<head>.+?)-(?:derived|excreted|secreted|released|produced|"
                         r"bearing|induced|driven|specific)$")
#: nouns a disease word may qualify without the phrase naming a disease: "tumor
#: microenvironment", "cancer patients", "tumor tissue"
CONTEXT_NOUNS = frozenset((
    "microenvironment", "microenvironments", "patient", "patients", "tissue", "tissues",
    "sample", "samples", "specimen", "specimens", "stroma", "biology", "cell", "cells", "site",
    "sites", "model", "models", "burden", "research", "therapy", "therapies", "treatment",
    "progression", "growth", "development", "immunity", "immunology", "biomarker", "biomarkers",
))
_SYSTEM_ADJECTIVE = ("al", "ic", "ary", "ory", "ous", "ive")
_LINEAGE = re.compile(r"\b(?P<letter>[BT])[- ]lympho(?P<rest>cytic|blastic|cyte|cytes)\b")


def marker_status(text: str) -> list[str]:
    """Receptor status spelled both ways: "HER2+" <-> "HER2 positive" ("ER-positive" -> "ER+")."""
    out = []
    if _STATUS_SIGN.search(text):
        out.append(_STATUS_SIGN.sub(" positive", text))
    if _STATUS_WORD.search(text):
        out.append(_STATUS_WORD.sub("+", text))
    return out


def place_metastasis(text: str) -> list[str]:
    """Where a cancer spread, in MONDO's word order: "lymph node metastasis" -> "metastasis
    to lymph node"."""
    match = _METASTASIS.match(text)
    if not match:
        return []
    place = singular_last_word(match["place"])
    return [f"metastasis to {place}", f"metastasis to the {place}"]


def insert_system(text: str) -> list[str]:
    """An organ system named by its adjective alone: "gastrointestinal cancer" ->
    "gastrointestinal system cancer", "gastrointestinal tract cancer"."""
    words = text.split()
    if len(words) != 2 or not words[0].casefold().endswith(_SYSTEM_ADJECTIVE):
        return []
    return [f"{words[0]} system {words[1]}", f"{words[0]} tract {words[1]}"]


def _adjective(noun: str) -> str:
    """ischemia -> ischemic, fibrosis -> fibrotic; other words unchanged."""
    if noun.endswith("ia"):
        return noun[:-2] + "ic"
    if noun.endswith("osis"):
        return noun[:-4] + "otic"
    return noun


def cause_clause(text: str) -> list[str]:
    """A disease with its cause in a clause, as MONDO names it: "heart disease caused by
    ischemia" -> "ischemic heart disease", "heart disease due to ischemia"."""
    match = _CAUSE.match(text)
    if not match:
        return []
    what, cause = match["what"], match["cause"]
    return [f"{_adjective(cause)} {what}", f"{what} due to {cause}"]


def drop_participle(text: str) -> list[str]:
    """A participle glued to a disease name: "cancer-derived" -> "cancer"; it also trims a
    long form read one word too far ("... carcinoma-excreted (CSCC)")."""
    match = _PARTICIPLE.match(text)
    return [match["head"]] if match else []


def disease_of_context(text: str) -> list[str]:
    """The disease word qualifying a context noun: "tumor microenvironment" -> "tumor". It
    names only part of the phrase, so it is skipped when the whole must be grounded (the long
    form of an abbreviation: "TME" is not a disease)."""
    head, _, last = text.rpartition(" ")
    return [head] if head and last.casefold() in CONTEXT_NOUNS else []


def lymphocyte_lineage(text: str) -> list[str]:
    """A B or T lymphocyte named by its lineage letter: "B-lymphocytic leukemia" -> "B-cell
    lymphocytic leukemia"."""
    if not _LINEAGE.search(text):
        return []
    return [_LINEAGE.sub(lambda m: f"{m['letter']}-cell lympho{m['rest']}", text)]
