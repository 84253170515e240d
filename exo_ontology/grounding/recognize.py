"""Recognise entity mentions in a document's sentences: abbreviations defined in the document,
miRNA names by the grammar, then the longest token n-gram (up to 8 tokens) the grounder knows.

Decisions, each for a reason:
* Abbreviations (Schwartz-Hearst): "cancer-associated fibroblasts (CAFs)" defines CAF(s) for
  every later sentence of the same document; the short form then grounds like its long form
  (status `abbreviation`, the note names the long form). A long form that grounds only through
  the grounder's typed rewrites ("Adipose-derived mesenchymal stem cells") is grounded so, but
  never by a rewrite that keeps only part of it ("tumor microenvironment" is not a tumour).
  The short form inside the defining
  parentheses is not a second mention. A short form whose long form does not ground is left
  to the lexicon, which may then name it only by a label or a curated name ("magnetic
  resonance imaging (MRI)": MRI is not the gene alias MRI; "ATP-binding cassette (ABC)": ABC
  is not the exact synonym of aneurysmal bone cyst).
* Longest match wins, but a disease inside a cell-type match is also reported (it is context
  for extraction: "tumor-associated macrophages" also yields "tumor"), and "<disease> cells"
  adds a cell mention for the disease's cells when the lexicon has "<head> cells" ("breast
  cancer cells" -> "cancer cell"), or "cancer cell" for a cancer; "breast cancer" stays a
  disease mention. Diseases inside effect names ("tumor growth") are not reported.
* False positives are guarded by general rules, never lists of this corpus's words: a gene
  candidate needs a case-exact name, three characters or a digit, a leading letter, and a
  token that is not a common English word, roman numeral or single letter; a single common word
  is never a mention unless it is an upper-case acronym of a non-gene term ("ALL"); a short
  token (four characters or less) needs a case-exact name ("nm" is not NM), and one of three
  characters or less a label, exact or curated name; a lower-case word that is only a related
  synonym of two tied terms is dropped ("antibody"); a multi-word name
  never starts or ends with a function word; single-word names of the edit file's individuals
  (directions, applications, study types) and single-word related synonyms of its core classes
  are cue words, left to extraction.
* A single token shaped like a name derived from a gene ("circHIPK3", "CD44v6") that no lexicon
  lists is grounded through the grounder's typed gene rewrites (host gene, splice variant); so
  is a short cell phrase (no function word) whose rewrites name a more specific cell type than
  its last word ("antigen-presenting cells", "human fetal lung fibroblasts").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.mirna import find_mirnas
from exo_ontology.grounding.normalize import normalize
from exo_ontology.model import Candidate, Mention, Sentence

MAX_TOKENS = 8
_TOKEN = re.compile(r"[\w$+]+")
#: a circular RNA named after its host gene, or a splice variant of a gene (grounded through the
#: grounder's typed gene rewrites, since no lexicon lists them)
_CELL_WORD = re.compile(r"(?:cells?|cytes?|phages?|blasts?|phils?|MSCs?)$")
_ANY_CELL = "CL:0000000"
_GENE_DERIVED = re.compile(r"circ-?[A-Z][A-Z0-9-]+|[A-Z][A-Za-z0-9-]*[0-9]v\d+")
_JOINER = re.compile(r"[ \-\u2010\u2011\u2013'’]{0,2}")      # what may sit between n-gram tokens
_ROMAN = re.compile(r"(?i)x{0,3}(?:ix|iv|v?i{0,3})")      # I..XXXIX, as in "type II"
_COMMON = """
a about above across act acts after again against age ago aim aims all almost alone along also
although always am among an and another any are area areas arm around as at away back bad base
based be because been before being below best better between both but by call called can cannot
case cases cause caused causes cell cells certain change changes clear close cold could data day
days did different do does done down due during each early effect effects end either else enough
even ever every fact far fast fat few field fig figure find first for form found four free from
full further gap gave get give given go good great group groups had has have he help her here
high him his how however i if impact important in including increase increased into is it its
just key kind known large last late lead least left less level levels like line little long low
made main major make many map mass may me mean means might mode model more most much must my near
need new next no non not now number of off often old on once one only open or order other our
out over own part per place play plays point poor present protein proteins put rate rather real
role roles same see set several she should show shown side sign since single six small so some
still study such take ten than that the their them then there these they this those three
through thus time times to too top total two type types under up upon us use used using very
via was way we well were what when where whether which while who whole why will with within
without work would yet you gene genes tissue tissues disease diseases body organism molecule
molecules compound compounds process processes system systems factor factors region regions
result results method methods patient patients treatment response activity function expression
development structure signal signals control target targets report reports review hand life
family application applications condition conditions finding findings acquired chronic acute
rare severe primary secondary extracellular intracellular superfamily subfamily genus species
"""
#: common English words (function words and the everyday vocabulary of papers)
COMMON_WORDS = frozenset(_COMMON.split())
_FUNCTION = """
a about after against along also among an and any are as at be been between both but by can
could did do does during each either for from had has have how if in into is it its may might
more most not of on or other our over per since so such than that the their them then there
these they this those through thus to under upon via was we were what when where whether which
while who whose why will with within without would
"""
#: words that never start or end a multi-word name
FUNCTION_WORDS = frozenset(_FUNCTION.split())
_STRONG = {"label", "exact", "curated"}
_CORE_CLASS = re.compile(r"EXOC:000\d{4}")      # EXOC core classes (0000001-0000999)


@dataclass(frozen=True)
class Abbreviation:
    """A short form defined in a document: where, its long form, and the long form's candidates."""

    short: str
    long: str
    sentence: int
    start: int                  # of the short form inside the parentheses (skipped as a mention)
    candidates: tuple[Candidate, ...]


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


def document_abbreviations(sentences: Sequence[Sentence],
                           grounder: Grounder) -> dict[str, dict[str, Abbreviation]]:
    """doc_id -> short form -> its definition, for every document of `sentences` (a short form
    defined twice keeps the first definition whose long form grounds). The evaluation uses it
    to ground a gold mention as recognition would, with its document's abbreviations."""
    out: dict[str, dict[str, Abbreviation]] = {}
    for sentence in sorted(sentences, key=lambda s: (s.doc_id, s.index)):
        known = out.setdefault(sentence.doc_id, {})
        for abbr in find_abbreviations(sentence, grounder):
            if abbr.short not in known or (abbr.candidates and not known[abbr.short].candidates):
                known[abbr.short] = abbr
    return out


def lookup_abbreviation(known: Mapping[str, Abbreviation], span: str) -> Abbreviation | None:
    """The definition of `span` as written, or of its plural or singular ("DC" / "DCs")."""
    return (known.get(span) or known.get(f"{span}s")
            or (known.get(span[:-1]) if _plural(span) else None))


def find_abbreviations(sentence: Sentence, grounder: Grounder) -> list[Abbreviation]:
    """Schwartz-Hearst "long form (SF)" definitions of one sentence."""
    found: list[Abbreviation] = []
    for m in re.finditer(r"\(([^()]{1,12})\)", sentence.text):
        short = re.split(r"[;,]", m.group(1))[0].strip()
        if not _valid_short(short):
            continue
        words = sentence.text[: m.start()].split()
        window = words[-min(len(short) + 5, len(short) * 2):]
        long_form = _long_form(short.removesuffix("s") if _plural(short) else short,
                               " ".join(window))
        if long_form:
            cands = tuple(replace(c, status="abbreviation", note=_abbr_note(long_form, c))
                          for c in _ground_long_form(long_form, grounder, sentence.text))
            found.append(Abbreviation(short, long_form, sentence.index, m.start(1), cands))
    return found


#: types whose grounder rewrites a long form may need ("Adipose-derived mesenchymal stem cells")
_REWRITTEN_LONG_FORMS = ("cell", "disease", "gene")


def _ground_long_form(long_form: str, grounder: Grounder, context: str) -> list[Candidate]:
    """The long form's candidates as written; when none, the first type whose rewrites ground
    the whole long form (never only part of it: "tumor microenvironment" is not a tumour)."""
    found = grounder.ground(long_form, context=context)
    for type_ in _REWRITTEN_LONG_FORMS:
        if found:
            break
        found = grounder.ground(long_form, type=type_, context=context, whole=True)
    return found


def _valid_short(short: str) -> bool:
    return (2 <= len(short) <= 10 and short[0].isalnum() and any(c.isupper() for c in short)
            and len(short.split()) <= 2)


def _plural(short: str) -> bool:
    return len(short) > 2 and short.endswith("s") and short[-2].isupper()


def _long_form(short: str, text: str) -> str:
    """The Schwartz-Hearst match: the short form's letters found right to left in `text`, the
    first one at a word start; "" when they cannot all be found."""
    s_i, l_i = len(short) - 1, len(text) - 1
    while s_i >= 0:
        c = short[s_i].lower()
        if not c.isalnum():
            s_i -= 1
            continue
        while l_i >= 0 and (text[l_i].lower() != c or
                            (s_i == 0 and l_i > 0 and text[l_i - 1].isalnum())):
            l_i -= 1
        if l_i < 0:
            return ""
        s_i, l_i = s_i - 1, l_i - 1
    start = text.rfind(" ", 0, l_i + 1) + 1
    long_form = text[start:].strip(" ,;:")
    return long_form if len(long_form) > len(short) else ""


def _abbr_note(long_form: str, cand: Candidate) -> str:
    return f"abbreviation of {long_form!r}" + (f"; {cand.note}" if cand.note else "")


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
    i = 0
    while i < len(tokens):
        if tokens[i].start() in skip:
            i += 1
            continue
        found = _longest(text, tokens, i, grounder, known)
        if found is None:
            i += 1
            continue
        n, mention = found
        mentions.append(mention)
        mentions += _inner_and_cells(text, tokens, i, n, mention, grounder)
        i += n
    return sorted(mentions, key=lambda m: (m.start, -m.end, m.type))


def _longest(text: str, tokens: list[re.Match[str]], i: int, grounder: Grounder,
             known: dict[str, Abbreviation]) -> tuple[int, Mention] | None:
    for n in range(min(MAX_TOKENS, len(tokens) - i), 0, -1):
        if not _joined(text, tokens, i, n):
            continue
        first, last = tokens[i].group(0), tokens[i + n - 1].group(0)
        if n > 1 and (first.lower() in FUNCTION_WORDS or last.lower() in FUNCTION_WORDS):
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
        cands = _in_context(text, start, end, _guard(span, n, grounder.ground(span, context=text), grounder),
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
    words = [t.group(0).lower() for t in tokens]
    if not (2 <= n <= 5 and _CELL_WORD.search(span) and not set(words) & FUNCTION_WORDS):
        return None
    cands = [c for c in grounder.ground(span, type="cell", limit=3)
             if c.status in ("label", "exact", "curated") and "head of the name" not in c.note]
    if not cands or cands[0].curie == _ANY_CELL:
        return None
    head = grounder.ground(tokens[-1].group(0), type="cell", limit=1)
    if head and cands[0].curie == head[0].curie:
        return None                  # nothing more specific than the last word says
    return Mention(span, 0, 0, "cell", tuple(cands))


def _joined(text: str, tokens: list[re.Match[str]], i: int, n: int) -> bool:
    """True when the tokens i..i+n-1 are separated only by spaces, hyphens or an apostrophe."""
    return all(_JOINER.fullmatch(text[tokens[k].end():tokens[k + 1].start()])
               for k in range(i, i + n - 1))


def _guard(span: str, n: int, cands: list[Candidate], grounder: Grounder) -> list[Candidate]:
    """Drop the candidates a general false-positive rule rejects (see the module docstring)."""
    single = n == 1
    if single and (len(span) == 1 or _ROMAN.fullmatch(span) or span.isdigit()):
        return []
    common = single and (span.casefold() in COMMON_WORDS or normalize(span) in COMMON_WORDS)
    acronym = single and len(span.removesuffix("s")) <= 4
    exact = grounder.case_exact(span) if any(c.type == "gene" for c in cands) else set()
    shaped = grounder.case_exact(span, strict=False) if acronym else set()
    tied = len({c.curie for c in cands if c.score == cands[0].score}) > 1 if cands else False
    kept: list[Candidate] = []
    for c in cands:
        if c.type == "gene":
            short = len(span) < 3 and not any(ch.isdigit() for ch in span)
            if c.curie not in exact or short or common or not span[0].isalpha():
                continue
        elif common and not (span.isupper() and len(span) > 1):
            continue
        elif acronym and (c.curie not in shaped or (len(span) <= 3 and c.status not in _STRONG)):
            continue                                # "nm" is not NM; "BM" only a related name
        elif single and span.islower() and c.status == "related" and tied:
            continue                                # "antibody": a loose synonym of two terms
        if c.type == "taxon" and not c.curie.rpartition(":")[2].isdigit():
            continue                                # rank nodes ("NCBITaxon:family")
        if single and c.type == "exoc" and (grounder.is_individual(c.curie)
                                            or _CORE_CLASS.fullmatch(c.curie)):
            continue                                # cue words ("inhibit", "clinical", "finding")
        kept.append(c)
    return kept


_NAME_TAIL = re.compile(r"^-(?:related|associated|like|linked)\s+(?:protein|gene|factor|kinase|receptor)",
                        re.IGNORECASE)
_NEGATED = re.compile(r"(?:\bnon-?|\bwithout\s+|\bno\s+)$", re.IGNORECASE)


def _in_context(text: str, start: int, end: int, cands: list[Candidate], grounder: Grounder) -> list[Candidate]:
    """Drop disease readings the words around the span rule out: the tail of a hyphenated compound
    ("acute-on-chronic liver failure" is not chronic liver failure), a negated disease ("non-
    pancreatitis patients"), a word of a protein's name ("fat mass and obesity-related protein"),
    an acronym written in lower case ("niches" is not NICH), and an undefined short acronym of a
    disease outside cancer ("SMA" in "α-SMA", "DOC" in "MCF-7/DOC"): in a text about cancer such
    letters far more often abbreviate something else. Likewise a former gene symbol at the tail of
    a compound ("α-SMA") is not that gene, nor is a name the sentence also writes as "<name> cells"
    (a cell line: "HT1080 cells")."""
    span = text[start:end]
    compound_tail = start > 0 and text[start - 1] == "-"
    negated = bool(_NEGATED.search(text[max(0, start - 10):start]))
    name_tail = bool(_NAME_TAIL.match(text[end:end + 30]))
    cell_line = bool(re.search(re.escape(span) + r"[\s-]+cells?\b", text))
    kept = []
    for c in cands:
        if c.type == "disease":
            if compound_tail or negated or name_tail:
                continue
            if c.matched.isupper() and not span.isupper():
                continue
            term = grounder.term(c.curie)
            short = span.isupper() and len(span.rstrip("s")) <= 4 and c.status != "label"
            if short and (term is None or not term.cancer_branch):
                continue
        elif c.type != "gene" and c.matched.isupper() and len(c.matched) > 1 and not span.isupper():
            continue
        elif c.type == "gene" and compound_tail and c.status == "former":
            continue                 # "α-SMA" is not SMN1, whose former symbol SMA was
        elif c.type == "gene" and cell_line:
            continue                 # "HT1080 exosomes ... HT1080 cells": a cell line, not a gene
        kept.append(c)
    return kept


def _inner_and_cells(text: str, tokens: list[re.Match[str]], i: int, n: int, outer: Mention,
                     grounder: Grounder) -> list[Mention]:
    """A disease named inside a cell-type match, and the cells of a disease."""
    extra: list[Mention] = []
    if outer.type == "cell" and n > 1:
        for k in range(i, i + n):
            for m in range(i + n - k, 0, -1):
                if (k, m) == (i, n) or not _joined(text, tokens, k, m):
                    continue
                span = text[tokens[k].start():tokens[k + m - 1].end()]
                # a disease word, not a reading of it, nor a loose synonym of one word ("lung")
                cands = [c for c in grounder.ground(span, type="disease", context=text)
                         if c.score >= 0.7 and "rewritten" not in c.note and not (m == 1 and c.status == "related")]
                if cands:
                    extra.append(Mention(span, tokens[k].start(), tokens[k + m - 1].end(),
                                         "disease", tuple(cands)))
                    break
            if extra:
                break
    if outer.type == "disease" and i + n < len(tokens) and _joined(text, tokens, i, n + 1):
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
