"""Recognise entity mentions in a document's sentences: miRNA names, then the longest token n-gram known.

Decisions, each for a reason:
* Abbreviations defined in the document (`abbreviations`) are known from their definition on;
  the short form inside the defining parentheses is not a second mention. A short form whose
  long form does not ground is left to the lexicon, which may then name it only by a label or a
  curated name ("magnetic resonance imaging (MRI)": MRI is not the gene alias MRI; "ATP-binding
  cassette (ABC)": ABC is not the exact synonym of aneurysmal bone cyst).
* miRNA names are found by the grammar; then the longest token n-gram (up to 8 tokens) the
  grounder knows.
* Longest match wins, but a disease inside a cell-type match is also reported (it is context
  for extraction: "tumor-associated macrophages" also yields "tumor"), and "<disease> cells"
  adds a cell mention for the disease's cells when the lexicon has "<head> cells" ("breast
  cancer cells" -> "cancer cell"), or "cancer cell" for a cancer; "breast cancer" stays a
  disease mention. Diseases inside effect names ("tumor growth") are not reported.
* False positives are guarded by general rules (`mention_guards`).
* A single token shaped like a name derived from a gene ("circHIPK3", "CD44v6") that no lexicon
  lists is grounded through the grounder's typed gene rewrites (host gene, splice variant); so
  is a short cell phrase (no function word) whose rewrites name a more specific cell type than
  its last word ("antigen-presenting cells", "human fetal lung fibroblasts").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from exo_ontology.grounding.abbreviations import Abbreviation, find_abbreviations, lookup_abbreviation
from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.mention_guards import FUNCTION_WORDS, guard, in_context
from exo_ontology.grounding.mirna import find_mirnas
from exo_ontology.grounding.normalize import normalize
from exo_ontology.model import Mention, Sentence

MAX_TOKENS = 8
_TOKEN = re.compile(r"[\w$+]+")
_CELL_WORD = re.compile(r"(?:cells?|cytes?|phages?|blasts?|phils?|MSCs?)$")
_ANY_CELL = "CL:0000000"
#: a circular RNA named after its host gene, or a splice variant of a gene (grounded through the
#: grounder's typed gene rewrites, since no lexicon lists them)
_GENE_DERIVED = re.compile(r"circ-?[A-Z][A-Z0-9-]+|[A-Z][A-Za-z0-9-]*[0-9]v\d+")
_JOINER = re.compile(r"[ \-\u2010\u2011\u2013'’]{0,2}")      # what may sit between n-gram tokens


def recognize(sentences: Sequence[Sentence], grounder: Grounder) -> dict[int, list[Mention]]:
    """Mentions per sentence index, each with ranked candidates; abbreviations are per document."""
    out: dict[int, list[Mention]] = {}
    by_doc: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        by_doc.setdefault(sentence.doc_id, []).append(sentence)
    for doc_sentences in by_doc.values():
        doc_sentences.sort(key=lambda s: s.index)
        known: dict[str, Abbreviation] = {}
        for sentence in doc_sentences:
            defined = find_abbreviations(sentence, grounder)
            out[sentence.index] = recognize_text(sentence.text, grounder, known, defined)
            known.update((a.short, a) for a in defined)
    return out


def recognize_text(text: str, grounder: Grounder, known: dict[str, Abbreviation] | None = None,
                   defined: Sequence[Abbreviation] = ()) -> list[Mention]:
    """Mentions of one sentence (cleaned text offsets), given the abbreviations known so far."""
    known = {**(known or {}), **{a.short: a for a in defined}}
    skip = {a.start for a in defined if a.candidates}
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for start, end, names in find_mirnas(text):
        for name in names:
            mentions.append(Mention(text[start:end], start, end, "mirna",
                                    tuple(grounder.mirna.resolve(name))))
        taken.append((start, end))
    tokens = [t for t in _TOKEN.finditer(text)
              if not any(a <= t.start() < b for a, b in taken)]
    reach = _join_reach(text, tokens)
    i = 0
    while i < len(tokens):
        if tokens[i].start() in skip:
            i += 1
            continue
        found = _longest(text, tokens, reach, i, grounder, known)
        if found is None:
            i += 1
            continue
        n, mention = found
        mentions.append(mention)
        mentions += _inner_and_cells(text, tokens, reach, i, n, mention, grounder, known)
        i += n
    return sorted(mentions, key=lambda m: (m.start, -m.end, m.type))


def _longest(text: str, tokens: list[re.Match[str]], reach: list[int], i: int, grounder: Grounder,
             known: dict[str, Abbreviation]) -> tuple[int, Mention] | None:
    # a multi-word name neither starts nor ends with a function word, nor runs past a gap
    longest = 1 if tokens[i].group(0).lower() in FUNCTION_WORDS else min(MAX_TOKENS, reach[i])
    for n in range(longest, 0, -1):
        if n > 1 and tokens[i + n - 1].group(0).lower() in FUNCTION_WORDS:
            continue
        start, end = tokens[i].start(), tokens[i + n - 1].end()
        span = text[start:end]
        abbr = lookup_abbreviation(known, span)
        if abbr is not None and abbr.candidates:
            return n, Mention(span, start, end, abbr.candidates[0].type, abbr.candidates)
        if not grounder.knows(span):
            derived = _derived_mention(span, n, text, tokens[i:i + n], grounder)
            if derived is not None:
                return n, replace(derived, start=start, end=end)
            continue
        cands = in_context(text, start, end, guard(span, n, grounder.ground(span, context=text), grounder),
                           grounder)
        if abbr is not None:         # defined here by a long form the lexicon lacks ("MRI")
            cands = [c for c in cands if c.status in ("label", "curated")]
        if cands:
            return n, Mention(span, start, end, cands[0].type, tuple(cands))
    return None


def _derived_mention(span: str, n: int, text: str, tokens: Sequence[re.Match[str]],
                     grounder: Grounder) -> Mention | None:
    """A name no lexicon lists but the grounder's typed rewrites read: a gene-derived token
    ("circHIPK3", "CD44v6"), or a cell phrase that composes a more specific cell type than its
    last word ("antigen-presenting cells", "human fetal lung fibroblasts")."""
    if n == 1 and _GENE_DERIVED.fullmatch(span):
        cands = [c for c in grounder.ground(span, type="gene", limit=3) if c.status != "flagged"]
        return Mention(span, 0, 0, "gene", tuple(cands)) if cands else None
    if not (2 <= n <= 5 and _CELL_WORD.search(span)):
        return None
    if {t.group(0).lower() for t in tokens} & FUNCTION_WORDS:
        return None
    cands = [c for c in grounder.ground(span, type="cell", limit=3)
             if c.status in ("label", "exact", "curated") and "head of the name" not in c.note]
    if not cands or cands[0].curie == _ANY_CELL:
        return None
    head = grounder.ground(tokens[-1].group(0), type="cell", limit=1)
    if head and cands[0].curie == head[0].curie:
        return None                  # nothing more specific than the last word says
    return Mention(span, 0, 0, "cell", tuple(cands))


def _join_reach(text: str, tokens: list[re.Match[str]]) -> list[int]:
    """For each token, how many tokens from it on are separated only by spaces, hyphens or an
    apostrophe (itself included): tokens i..i+n-1 form one n-gram exactly when n <= reach[i].
    Each gap is read once per sentence instead of once per n-gram tried."""
    reach = [1] * len(tokens)
    for k in range(len(tokens) - 2, -1, -1):
        if _JOINER.fullmatch(text[tokens[k].end():tokens[k + 1].start()]):
            reach[k] = reach[k + 1] + 1
    return reach


def _inner_and_cells(text: str, tokens: list[re.Match[str]], reach: list[int], i: int, n: int, outer: Mention,
                     grounder: Grounder, known: dict[str, Abbreviation] | None = None) -> list[Mention]:
    """A disease named inside a cell-type match (as the document defines it, if it does), and the
    cells of a disease."""
    extra: list[Mention] = []
    if outer.type == "cell" and n > 1:
        for k in range(i, i + n):
            for m in range(i + n - k, 0, -1):
                if (k, m) == (i, n) or m > reach[k]:
                    continue
                span = text[tokens[k].start():tokens[k + m - 1].end()]
                defined = lookup_abbreviation(known or {}, span)
                # a disease word, not a reading of it, nor a loose synonym of one word ("lung")
                cands = ([c for c in defined.candidates if c.type == "disease"] if defined is not None else
                         [c for c in grounder.ground(span, type="disease", context=text)
                          if c.score >= 0.7 and "rewritten" not in c.note and not (m == 1 and c.status == "related")])
                if cands:
                    extra.append(Mention(span, tokens[k].start(), tokens[k + m - 1].end(),
                                         "disease", tuple(cands)))
                    break
            if extra:
                break
    if outer.type == "disease" and i + n < len(tokens) and n + 1 <= reach[i]:
        after = tokens[i + n].group(0)
        if normalize(after) == "cell":
            head = tokens[i + n - 1].group(0)
            cells = grounder.ground(f"{head} {after}", type="cell", context=text)
            best = grounder.term(outer.candidates[0].curie)
            if not cells and best is not None and best.cancer_branch == "cancer":
                cells = grounder.ground("cancer cell", type="cell")
            if cells:
                end = tokens[i + n].end()
                extra.append(Mention(text[outer.start:end], outer.start, end, "cell",
                                     tuple(cells)))
    return extra
