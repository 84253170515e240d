"""Raw document -> sections -> Sentence records whose offsets point into the raw file.

Lines are labelled (`layout`), flattened tables rebuilt (`tables`), paragraphs split by a
figure, a table or a page break are re-joined, fragments that are not prose (figure labels,
menu items) are left out, and every remaining block is repaired (`cleaning`) and split into
sentences (`sentences`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from exo_ontology.model import Sentence
from exo_ontology.reading.cleaning import CleanText, Vocabulary, from_spans, repair, vocabulary
from exo_ontology.reading.layout import (
    Block,
    Line,
    build_blocks,
    classify,
    heading_name,
    split_lines,
)
from exo_ontology.reading.row_tables import find_row_tables
from exo_ontology.reading.sentences import ends_sentence, split_sentences
from exo_ontology.reading.tables import Table, find_tables, table_sentences

#: How many blocks a paragraph interrupted by figures, tables or running heads may skip.
_JOIN_REACH = 40
_ABSTRACT_SECTIONS = re.compile(r"^(?:\d+\.?\s*)?(abstract|summary)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s")
_WORD = re.compile(r"[A-Za-zα-ωΑ-Ω][A-Za-zα-ωΑ-Ω'’-]*")


@dataclass
class Reading:
    """The sentences of a document and the text that was left out (with the reason)."""

    sentences: list[Sentence] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)   # (reason, raw text)
    tables: list[Table] = field(default_factory=list)


def _text(block: Block, lines: list[Line]) -> str:
    return " ".join(lines[i].stripped for i in block.lines)


def _title_like(words: list[str]) -> bool:
    long_words = [w for w in words if len(w) > 3]
    capital = sum(1 for w in long_words if w[0].isupper())
    return len(long_words) >= 3 and capital >= 0.6 * len(long_words)


def prose_like(text: str) -> bool:
    """A sentence-bearing paragraph rather than a menu item, a figure label or a title."""
    words = [word for word in _WORD.findall(text) if len(word) > 1]
    if ends_sentence(text):
        return len(words) >= 2
    return len(words) >= 10 and not _title_like(words)


def _join_dangling(blocks: list[Block], lines: list[Line]) -> list[Block]:
    """Re-join a paragraph cut mid-sentence with its lower-case continuation further on."""
    consumed: set[int] = set()
    for index, block in enumerate(blocks):
        if index in consumed or block.kind != "text":
            continue
        while True:
            text = _text(block, lines)
            if ends_sentence(text) or len(text.split()) < 6:
                break
            target = _continuation(blocks, lines, index, consumed, text.endswith("-"))
            if target is None:
                break
            block.lines.extend(blocks[target].lines)
            block.spans.extend(blocks[target].spans)
            consumed.add(target)
    return [block for index, block in enumerate(blocks) if index not in consumed]


def _continuation(blocks: list[Block], lines: list[Line], index: int, consumed: set[int],
                  hyphen: bool) -> int | None:
    for k in range(index + 1, min(len(blocks), index + _JOIN_REACH)):
        other = blocks[k]
        if k in consumed or other.kind in ("drop", "caption", "table", "annotation"):
            continue
        if other.kind != "text":
            return None
        text = _text(other, lines)
        if not prose_like(text):
            continue
        return k if hyphen or text[:1].islower() else None
    return None


def _sentences(doc_id: str, ct: CleanText, section: str, kind: str, split: bool) -> list[Sentence]:
    spans = split_sentences(ct.text) if split else [(0, len(ct.text))]
    out = []
    for start, end in spans:
        piece = ct.slice(start, end)
        if piece.text:
            out.append(Sentence(doc_id, 0, piece.text, piece.offsets[0], piece.offsets[-1] + 1,
                                section, kind, (), tuple(piece.offsets)))
    return out


def segment(doc_id: str, raw: str, title: str = "") -> Reading:
    """Read a raw document into sentences (title, text, captions, keywords, table rows)."""
    lines = split_lines(raw)
    labels = classify(lines, title)
    tables = find_tables(lines, labels)
    for table in tables:
        for i in table.lines:
            labels[i].kind = "table"
    rows = find_row_tables(lines, labels, len(tables))
    for table in rows:
        for i in table.lines:
            labels[i].kind = "table"
    tables = sorted(tables + rows, key=lambda t: min(t.lines))
    blocks = _join_dangling(build_blocks(lines, labels), lines)
    vocab = vocabulary(raw)
    numbered = any(b.kind == "heading" and _NUMBERED.match(_text(b, lines)) for b in blocks)
    reading = Reading(tables=tables)
    section, seen_heading = "", False
    emitted: set[int] = set()
    for block in blocks:
        text = _text(block, lines)
        if block.kind == "heading":
            section = heading_name(repair(from_spans(raw, block.spans), vocab).text)
            seen_heading = True
        elif block.kind == "table":
            for number, table in enumerate(tables):
                if number not in emitted and table.lines & set(block.lines):
                    emitted.add(number)
                    reading.sentences += table_sentences(doc_id, raw, table, section, vocab)
        elif block.kind == "drop":
            reading.left_out.append((block.reason, text))
        elif block.kind == "annotation":
            reading.left_out.append(("entity annotations", text[:80]))
        elif block.kind == "text" and not prose_like(text):
            reading.left_out.append(("fragment", text))
        else:
            kind = _kind(block.kind, section, seen_heading, numbered)
            ct = _clean_block(raw, block, vocab)
            split = block.kind not in ("title", "keywords")
            reading.sentences += _sentences(doc_id, ct, "" if kind == "title" else section, kind,
                                            split)
    ordered = sorted(reading.sentences, key=lambda s: (s.raw_start, s.raw_end))
    reading.sentences = [replace(s, index=i) for i, s in enumerate(ordered)]
    return reading


def raw_pieces(sentence: Sentence, max_gap: int = 6) -> list[tuple[int, int]]:
    """The contiguous raw spans a sentence was read from: one piece, or several when it was
    re-joined across a figure, a table or a page break (a jump of more than `max_gap` raw
    characters between two visible characters)."""
    visible = [off for ch, off in zip(sentence.text, sentence.offsets, strict=False)
               if not ch.isspace()]
    if not visible:
        return [(sentence.raw_start, sentence.raw_end)]
    pieces: list[tuple[int, int]] = []
    start = previous = visible[0]
    for offset in visible[1:]:
        if offset - previous > max_gap:
            pieces.append((start, previous + 1))
            start = offset
        previous = max(previous, offset)
    pieces.append((start, previous + 1))
    return pieces


def _clean_block(raw: str, block: Block, vocab: Vocabulary) -> CleanText:
    return repair(from_spans(raw, block.spans), vocab)


def _kind(block_kind: str, section: str, seen_heading: bool, numbered: bool) -> str:
    """Sentence kind: title, keywords, caption, abstract (Abstract section, or the unheaded
    prose before the first heading of a paper with numbered sections) or text."""
    if block_kind in ("title", "keywords", "caption"):
        return block_kind
    if _ABSTRACT_SECTIONS.match(section) or (not seen_heading and numbered):
        return "abstract"
    return "text"
