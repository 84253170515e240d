"""Rewrite steps for gene names: splice variants, circular RNAs of a host gene, glued abbreviations."""

from __future__ import annotations

import re


def splice_variant(text: str) -> list[str]:
    """A splice-variant or isoform suffix on a symbol names the gene: "CD44v6" -> "CD44"."""
    match = re.fullmatch(r"([A-Z][A-Za-z0-9-]*[0-9])v\d+", text)
    return [match[1]] if match else []


def host_gene(text: str) -> list[str]:
    """A circular RNA named after its host gene: "circHIPK3" -> "HIPK3"."""
    match = re.fullmatch(r"circ-?([A-Z][A-Z0-9-]+)", text)
    return [match[1]] if match else []


def glue_abbreviation(text: str) -> list[str]:
    """A symbol written as its long form, the abbreviation in parentheses and a suffix:
    "carnitine palmitoyl transferase (CPT)1A" -> "CPT1A"."""
    match = re.fullmatch(r"(?P<long>.+?)\s*\((?P<abbr>[A-Za-z0-9-]{2,})\)(?P<suffix>[A-Za-z0-9-]+)",
                         text)
    return [f"{match['abbr']}{match['suffix']}"] if match else []
