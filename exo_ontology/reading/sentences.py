"""Sentence boundaries in cleaned text: not at et al., e.g., Fig., initials, decimals or in brackets."""

from __future__ import annotations

import re

#: Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset((
    "e.g.", "i.e.", "fig.", "figs.", "vs.", "approx.", "ca.", "cf.", "viz.", "resp.", "ref.",
    "refs.", "eq.", "eqs.", "no.", "nos.", "vol.", "pp.", "dr.", "prof.", "mr.", "mrs.", "ms.",
    "st.", "sp.", "spp.", "var.", "subsp.", "inc.", "ltd.", "co.", "corp.", "dept.", "univ.", "jr.",
    "sr.", "min.", "max.", "incl.", "e.g.:", "i.e.:", "al.:", "tab.", "suppl.", "mol.", "conc.",
    "temp.", "wt.",
))

_BOUNDARY = re.compile(r"[.!?]+[\"'’”)]*(?=\s+\S)")
_INITIALS = re.compile(r"(?:^|[\s(])(?:[A-Z]\.)+$")
_LABEL = re.compile(r"^(?:Fig\.?|Figs\.?|Figure|Table|Scheme|Step)\s*\d+[A-Za-z]?[.:]$")
_LEAD_NUMBER = re.compile(r"^\(?\d{1,3}[.)]$")
_GENE_LIKE = re.compile(r"[a-z]+(?:[A-Z0-9]|-[A-Za-z]*\d)")
_TERMINAL = re.compile(r"[.!?][\"'’”)\]]*$")


def ends_sentence(text: str) -> bool:
    """Does the text end with a full stop (not an abbreviation), question or exclamation mark?"""
    text = text.rstrip()
    if not _TERMINAL.search(text):
        return False
    last = text.split()[-1].lower() if text.split() else ""
    return last not in ABBREVIATIONS and last != "al."


def _bracket_spans(text: str, longest: int = 400) -> list[tuple[int, int]]:
    """Spans of balanced (...) and [...] pairs; unmatched or overlong pairs are ignored."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    pairs = {")": "(", "]": "["}
    for i, ch in enumerate(text):
        if ch in "([":
            stack.append((ch, i))
        elif ch in pairs:
            while stack and stack[-1][0] != pairs[ch]:
                stack.pop()
            if stack:
                opened = stack.pop()[1]
                if i - opened <= longest:
                    spans.append((opened, i))
    return spans


_SPACE = re.compile(r"\s*")


def _is_boundary(text: str, start: int, stop: int, sentence_start: int) -> bool:
    """Is the punctuation text[start:stop] followed by white space a sentence end?"""
    nxt_at = _SPACE.match(text, stop).end()   # type: ignore[union-attr]
    rest = text[nxt_at:nxt_at + 40]
    nxt = rest[:1]
    before = text[max(sentence_start, start - 60):start + 1]
    words = before.split()
    token = words[-1].lower() if words else ""
    if token == "al.":
        return re.match(r"[A-Z][a-z]", rest) is not None   # "... by Zhou et al. They delivered"
    if token in ABBREVIATIONS or _INITIALS.search(before):
        return False
    head = text[sentence_start:start + 1] if start - sentence_start < 16 else ""
    if _LEAD_NUMBER.match(head.strip()) or _LABEL.match(head.strip()):
        return False        # "1." of a list, "Fig. 1." of a caption
    if nxt.islower():
        return _GENE_LIKE.match(rest) is not None        # "... [98]. miR-21 inhibits"
    return nxt.isupper() or nxt.isdigit() or nxt in "[(\"'“‘" or not nxt.isalpha()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of a cleaned paragraph (white space excluded)."""
    inside = _bracket_spans(text)
    spans: list[tuple[int, int]] = []
    start = _SPACE.match(text).end()   # type: ignore[union-attr]
    for match in _BOUNDARY.finditer(text):
        punct = match.start()
        if any(a < punct < b for a, b in inside):
            continue
        if not _is_boundary(text, punct, match.end(), start):
            continue
        spans.append((start, match.end()))
        start = _SPACE.match(text, match.end()).end()   # type: ignore[union-attr]
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]
