"""The evidence of a finding: the verbatim raw span it is quoted from, and its citation markers."""

from __future__ import annotations

import re

from exo_ontology.model import Evidence, Mention, MentionSpan, Sentence, SourceDoc
from exo_ontology.reading.segmenting import raw_pieces

#: a citation marker in a quote ("[12]", "[3–5, 8]"): a format of references, not an extraction cue
CITATION = re.compile(r"\[\s*\d+(?:\s*[,–—-]\s*\d+)*\s*\]")
#: raw characters a quoted sentence may span beyond its own text (a caption, a running head)
MAX_INSERT = 600


def evidence_span(sentence: Sentence, mentions: list[Mention]) -> tuple[int, int]:
    """The raw span to quote. A sentence re-joined across a page break or a figure caption spans
    that too, and the quote keeps it (the claim stays whole and verbatim); across a longer insert
    such as a table, quote the contiguous piece holding most of the sentence's mentions instead."""
    start, end = sentence.raw_start, sentence.raw_end
    if end - start <= len(sentence.text) + MAX_INSERT:
        return start, end
    pieces = raw_pieces(sentence)
    points = [sentence.raw_span(m.start, m.end)[0] for m in mentions if 0 <= m.start < len(sentence.text)]
    return max(pieces, key=lambda p: (sum(p[0] <= x < p[1] for x in points), p[1] - p[0]))


def mention_spans(sentence: Sentence, mentions: list[Mention], start: int, end: int) -> tuple[MentionSpan, ...]:
    """The grounded mentions that fall inside the quoted raw span [start, end), in text order."""
    spans = set()
    for m in mentions:
        if m.best is None or not 0 <= m.start < m.end <= len(sentence.text):
            continue
        raw_start, raw_end = sentence.raw_span(m.start, m.end)
        if start <= raw_start < raw_end <= end:
            spans.add(MentionSpan(raw_start, raw_end, m.best.curie))
    return tuple(sorted(spans, key=lambda s: (s.start, s.end, s.curie)))


def evidence_of(doc: SourceDoc, raw: str, sentence: Sentence, rule: str, mentions: list[Mention]) -> Evidence:
    start, end = evidence_span(sentence, mentions)
    quote = raw[start:end]
    return Evidence(doc_id=doc.doc_id, quote=quote, char_start=start, char_end=end,
                    section=sentence.section, citations=tuple(dict.fromkeys(
                        re.sub(r"\s+", "", m.group(0)) for m in CITATION.finditer(quote))), rule=rule,
                    mentions=mention_spans(sentence, mentions, start, end))
