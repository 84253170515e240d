"""Rewrite steps for process names: a noun in "-osis" as GO's adjective, the prefix "neo"."""

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
