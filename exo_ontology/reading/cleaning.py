"""Pure text repair with an offset map: raw text -> CleanText (cleaned index -> raw index).

Every step is a small named function CleanText -> CleanText built on `substitute`, which
rewrites regex matches and keeps, for each output character, the raw index it came from. Steps
only delete characters or replace a few of them, so a quote can always be mapped back to the
raw file, which is never altered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from exo_ontology.reading.repairs import (
    CITATION_RULES,
    GREEK_RULES,
    KEEP_HYPHEN_PREFIXES,
    KEEP_HYPHEN_SUFFIXES,
    OCR_RULES,
    Rule,
)

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class CleanText:
    """Cleaned text and, for each of its characters, the index of the raw character it came from."""

    text: str
    offsets: list[int] = field(repr=False)

    def __post_init__(self) -> None:
        if len(self.text) != len(self.offsets):
            raise ValueError(f"offset map has {len(self.offsets)} entries for {len(self.text)} chars")

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) of the cleaned [start, end); empty spans map to a point."""
        if start >= end:
            point = self.offsets[min(start, len(self.offsets) - 1)] if self.offsets else 0
            return point, point
        return self.offsets[start], self.offsets[end - 1] + 1

    def slice(self, start: int, end: int) -> CleanText:
        """A piece of the cleaned text with its offsets."""
        return CleanText(self.text[start:end], self.offsets[start:end])


@dataclass(frozen=True)
class Vocabulary:
    """Words of the whole document, to decide whether a line-break hyphen is a real hyphen."""

    hyphenated: frozenset[str] = frozenset()   # lower-case "tumor-associated" seen on one line
    words: frozenset[str] = frozenset()        # lower-case plain words seen on one line


def vocabulary(raw: str) -> Vocabulary:
    """Collect the document's in-line words: "drug-\\nloading" keeps its hyphen when the text
    also writes "drug-loading" elsewhere, and "exo-\\nsomes" is joined because "exosomes" occurs."""
    hyphenated = {m.group(0).lower() for m in re.finditer(r"[A-Za-z]+(?:-[A-Za-z]+)+", raw)}
    words = {m.group(0).lower() for m in re.finditer(r"(?<![-\w])[A-Za-z]+(?![-\w])", raw)}
    return Vocabulary(frozenset(hyphenated), frozenset(words))


def from_raw(raw: str) -> CleanText:
    """The identity map: nothing cleaned yet."""
    return CleanText(raw, list(range(len(raw))))


def from_spans(raw: str, spans: Iterable[tuple[int, int]], separator: str = "\n") -> CleanText:
    """Concatenate raw pieces (lines of a paragraph that may skip over a figure or table).

    The separator between two pieces is mapped to the raw character just after the first piece
    (the line's own line break), so offsets never point outside the raw file.
    """
    text: list[str] = []
    offsets: list[int] = []
    for number, (start, end) in enumerate(spans):
        if number and offsets:
            anchor = min(offsets[-1] + 1, len(raw) - 1)
            text.append(separator)
            offsets.extend([anchor] * len(separator))
        text.append(raw[start:end])
        offsets.extend(range(start, end))
    return CleanText("".join(text), offsets)


def _remap(old: Sequence[int], old_text: str, new_text: str, anchor: int) -> list[int]:
    """Offsets for a replacement: shared prefix and suffix keep theirs, changed chars take the
    offset of the first changed raw character."""
    if len(old_text) == len(new_text):
        return list(old)
    limit = min(len(old_text), len(new_text))
    prefix = 0
    while prefix < limit and old_text[prefix] == new_text[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old_text[-1 - suffix] == new_text[-1 - suffix]:
        suffix += 1
    middle_anchor = old[prefix] if prefix < len(old) else anchor
    middle = [middle_anchor] * (len(new_text) - prefix - suffix)
    return [*old[:prefix], *middle, *old[len(old) - suffix:]]


def substitute(ct: CleanText, pattern: re.Pattern[str] | str, replacement: Replacement,
               group: int | str = 0) -> CleanText:
    """Replace `group` of every match of `pattern` (default: the whole match), keeping offsets.

    Context around the replaced group (look-behind of variable width, for instance) goes in the
    rest of the match; only the group's characters change.
    """
    regex = re.compile(pattern) if isinstance(pattern, str) else pattern
    pieces: list[str] = []
    offsets: list[int] = []
    cursor = 0
    for match in regex.finditer(ct.text):
        start, end = match.span(group)
        if start < cursor or start < 0:
            continue
        new = replacement(match) if callable(replacement) else replacement
        old = ct.text[start:end]
        if new == old:
            continue
        pieces.append(ct.text[cursor:start])
        offsets.extend(ct.offsets[cursor:start])
        if start < len(ct.offsets):
            anchor = ct.offsets[start]
        else:
            anchor = ct.offsets[-1] if ct.offsets else 0
        pieces.append(new)
        offsets.extend(_remap(ct.offsets[start:end], old, new, anchor))
        cursor = end
    if cursor == 0 and not pieces:
        return ct
    pieces.append(ct.text[cursor:])
    offsets.extend(ct.offsets[cursor:])
    return CleanText("".join(pieces), offsets)


def apply_rules(ct: CleanText, rules: Iterable[Rule]) -> CleanText:
    """Apply (name, pattern, replacement) rules in order; each replaces its group "x"."""
    for _name, pattern, replacement in rules:
        ct = substitute(ct, pattern, replacement, group="x")
    return ct


# --- the steps ------------------------------------------------------------------------------

def strip_markup(ct: CleanText) -> CleanText:
    """Markdown emphasis markers and soft hyphens are not text."""
    return substitute(ct, r"\*\*|__|\u00ad", "")


_BREAK_HYPHEN = re.compile(
    r"(?P<a>[A-Za-z0-9]+)(?P<x>[-\u2010\u2011][ \t]*\r?\n[ \t]*)(?=(?P<b>[A-Za-z0-9]+))")


def keeps_hyphen(before: str, after: str, vocab: Vocabulary | None = None) -> bool:
    """Is "before-\\nafter" a real hyphen (PD-L1, tumor-associated) or a word split by the PDF?"""
    if not after[:1].islower() or before[-1:].isdigit():
        return True
    a, b = before.lower(), after.lower()
    if vocab is not None:
        if f"{a}-{b}" in vocab.hyphenated:
            return True
        if a + b in vocab.words:
            return False
    return a in KEEP_HYPHEN_PREFIXES or b in KEEP_HYPHEN_SUFFIXES


def dehyphenate(ct: CleanText, vocab: Vocabulary | None = None) -> CleanText:
    """ "exo-\\nsomes" -> "exosomes"; "PD-\\nL1" -> "PD-L1"; "tumor-\\nassociated" keeps its hyphen."""
    def repl(match: re.Match[str]) -> str:
        keep = keeps_hyphen(match.group("a"), match.group("b"), vocab)
        return match.group("x")[0] if keep else ""
    return substitute(ct, _BREAK_HYPHEN, repl, group="x")


def join_lines(ct: CleanText) -> CleanText:
    """Line breaks inside a paragraph become spaces, none after a slash ("PI3K/\\nAKT" ->
    "PI3K/AKT"); blank lines stay paragraph breaks ("\\n\\n")."""
    def repl(match: re.Match[str]) -> str:
        if match.group(0).count("\n") >= 2:
            return "\n\n"
        slash = match.start() > 1 and ct.text[match.start() - 1] == "/" \
            and ct.text[match.start() - 2].isalnum() and ct.text[match.end():][:1].isalnum()
        return "" if slash else " "
    return substitute(ct, r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0]*)+", repl)


def fix_greek(ct: CleanText) -> CleanText:
    """Greek letters mangled by PDF extraction: TGF-$1, B-catenin, NF-xB, a-SMA, HIF-1a, IL-1B."""
    return apply_rules(ct, GREEK_RULES)


def fix_ocr(ct: CleanText) -> CleanText:
    """I/l and I/1, O/0 confusions inside gene-like tokens: IncRNA -> lncRNA, SI00A9 -> S100A9."""
    return apply_rules(ct, OCR_RULES)


def fix_citations(ct: CleanText) -> CleanText:
    """Citation brackets: "[ 164]" -> "[164]", "[2—4]" -> "[2–4]"."""
    return apply_rules(ct, CITATION_RULES)


def collapse_spaces(ct: CleanText) -> CleanText:
    """Runs of spaces, tabs and no-break spaces become one space."""
    return substitute(ct, r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+", " ")


def strip(ct: CleanText) -> CleanText:
    """No white space at either end."""
    text = ct.text
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    return ct.slice(start, max(start, end))


def repair(ct: CleanText, vocab: Vocabulary | None = None) -> CleanText:
    """All text repairs, in order (line joins before Greek letters: patterns may span a break)."""
    ct = strip_markup(ct)
    ct = dehyphenate(ct, vocab)
    ct = join_lines(ct)
    ct = fix_greek(ct)
    ct = fix_ocr(ct)
    ct = fix_citations(ct)
    ct = collapse_spaces(ct)
    return strip(ct)


def clean(raw: str) -> CleanText:
    """Clean a whole raw document: boilerplate lines removed, then every text repair.

    Paragraphs are separated by a blank line ("\\n\\n"). For sentences, sections and tables use
    `exo_ontology.reading.read_document`, which also drops fragments and rebuilds tables.
    """
    from exo_ontology.reading.layout import content_blocks

    vocab = vocabulary(raw)
    return concat([repair(from_spans(raw, spans), vocab) for spans in content_blocks(raw)])


def concat(parts: Sequence[CleanText], separator: str = "\n\n") -> CleanText:
    """Join cleaned pieces; a separator maps to the raw offset just after the piece before it."""
    text: list[str] = []
    offsets: list[int] = []
    for part in parts:
        if not part.text:
            continue
        if offsets:
            text.append(separator)
            offsets.extend([offsets[-1] + 1] * len(separator))
        text.append(part.text)
        offsets.extend(part.offsets)
    return CleanText("".join(text), offsets)
