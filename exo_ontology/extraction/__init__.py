"""Finding extraction: one n-ary Finding per sentence or table row that states an EV claim.

A sentence yields a finding when it is about extracellular vesicles (a vesicle mention, a
vesicle word, or a row of a table about them) and names a cargo (a molecule, or a kind of cargo
with an application or a target) or an effect. Slots are filled
from the sentence's grounded mentions and the cue phrases of `cues`; the disease is inherited
from the table row or section when the sentence names none (and marked so).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import OWL

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.ids import finding_id
from exo_ontology.extraction.slots import (
    NEUTRAL,
    VESICLE_GO,
    Kinds,
    cargo_types,
    cell_role,
    clause_start,
    effect_direction,
    ids,
    in_vesicles,
    is_cargo,
    is_target,
    kind_of,
    most_specific,
    target_direction,
    unnamed_cargo_types,
    vesicle_cargo_types,
)
from exo_ontology.model import Candidate, Evidence, Finding, Mention, Sentence, SourceDoc
from exo_ontology.namespaces import compress
from exo_ontology.reading.segmenting import raw_pieces

#: raw characters a quoted sentence may span beyond its own text (a caption, a running head)
MAX_INSERT = 600
SKIPPED_KINDS = {"title", "keywords", "caption", "heading", "reference"}
CHEBI_ROLE = "CHEBI:50906"
#: a review describing itself ("In this review, ...", "we summarize") states no finding
META_DISCOURSE = re.compile(
    r"\b(?:(?:this|the present|our) (?:reviews?|articles?|papers?)|we (?:review|summari[sz]e|"
    r"discuss|synthesi[sz]e|describe)|will be (?:mentioned|discussed|reviewed))\b|^Fig(?:ure|\.)?\s*\d|"
    # a study's design or a question, not its result ("to determine which had more effect")
    r"\b(?:designed|conducted|performed|carried out|contrasted|compared)\b[^.;]{0,80}\bto (?:determine|investigate|"
    r"assess|evaluate|examine|explore|test) (?:whether|which|if|how)\b|"
    r"\b(?:assessed|evaluated|investigated|examined|explored)\b[^.;]{0,60}\b(?:ability|whether|which|if|how)\b|"
    r"\bcan be (?:analy[sz]ed|viewed|examined|classified|divided|considered) (?:from|in|into)\b|"
    # the merits of a method, or a typology ("three mechanisms have been defined"), not a finding
    r"\b(?:advantages|disadvantages|limitations|drawbacks|benefits) of\b|"
    r"\b(?:mechanisms|types|categories|classes|strategies) (?:have|has) been (?:defined|described|proposed|"
    r"identified|classified)\b",
    re.IGNORECASE)
#: a sentence continuing the previous one's subject ("They ...", "These exosomes ...")
ANAPHORA = re.compile(r"^(?:(?:(?:In addition|Moreover|Furthermore|Also|Additionally|However),?\s+|"
                      r"[A-Z][^,.;]{0,40},\s+)?(?:they|these|such\b(?! as)|those|"
                      r"this\b(?! (?:review|study|article)))|(?:Also,?\s+)?by \w+ing)\b", re.IGNORECASE)
#: an anaphor whose head noun is not the vesicles ("These components ...", "This activation ...")
NOT_THE_VESICLES = re.compile(r"^(?:(?:In addition|Moreover|Furthermore|Also|Additionally|However),?\s+|"
                              r"[A-Z][^,.;]{0,40},\s+)?"
                              r"(?:these|this|such|those)\s+(?:\w+\s+)?(?:components?|activation|effects?|results?|"
                              r"findings?|molecules?|factors?|genes?|changes|data|observations?|mechanisms?|"
                              r"pathways?|traits?|studies|study|authors?|researchers?|process(?:es)?)\b",
                              re.IGNORECASE)
#: a statement that the text itself calls unknown states no finding
HEDGED = re.compile(r"\b(?:remains?|is still|are still)\s+(?:\w+\s+)?(?:unclear|unknown|elusive|controversial|"
                    r"to be (?:determined|elucidated|established))\b", re.IGNORECASE)
_COORDINATED = re.compile(r"^\s*([\w-]+)\s+(?:and|or|&)\s+([\w-]+)\s+(.+)$", re.IGNORECASE)


def load_kinds(edit_file: Path, lexicon: object) -> Kinds:
    """Effects = EXOC effect classes + GO processes the ontology declares; vesicles likewise."""
    graph = Graph()
    graph.parse(edit_file, format="turtle")
    effects, vesicles = set(), set(VESICLE_GO)
    for cls in graph.subjects(RDF.type, OWL.Class):
        curie = compress(str(cls))
        parents = {compress(str(p)) for p in graph.transitive_objects(cls, RDFS.subClassOf)}
        if curie.startswith("EXOC:0003") or compress(str(V.EFFECT)) in parents:
            effects.add(curie)
        elif curie.startswith("EXOC:0001") or parents & VESICLE_GO:
            vesicles.add(curie)
        elif curie.startswith("GO:"):
            term = lexicon.term(curie)  # type: ignore[attr-defined]
            if term is not None and term.type == "process":
                effects.add(curie)
    roles = {t.curie for t in lexicon.terms()  # type: ignore[attr-defined]
             if t.curie.startswith("CHEBI:") and CHEBI_ROLE in lexicon.ancestors(t.curie)}  # type: ignore[attr-defined]
    return Kinds(frozenset(effects), frozenset(vesicles), frozenset(roles),
                 ancestors=lexicon.ancestors)  # type: ignore[attr-defined]


def extract_findings(doc: SourceDoc, raw: str, sentences: Sequence[Sentence],
                     mentions: dict[int, list[Mention]], grounder: object, kinds: Kinds) -> list[Finding]:
    """Every finding of a document, in reading order, without duplicates."""
    found: dict[str, Finding] = {}
    previous: list[Finding] = []
    previous_section = None
    context = DiseaseContext(doc, grounder, kinds)
    for sentence in sentences:
        if sentence.kind in SKIPPED_KINDS or META_DISCOURSE.search(sentence.text) or HEDGED.search(sentence.text):
            previous = []
            continue
        continues = (sentence.section == previous_section and ANAPHORA.match(sentence.text)
                     and not NOT_THE_VESICLES.match(sentence.text))
        carried: list[Finding] = previous if continues else []
        previous_section = sentence.section
        findings = read_sentence(doc, raw, sentence, mentions.get(sentence.index, []), grounder, kinds, carried,
                                 context.diseases(sentence))
        for finding in findings:
            found.setdefault(finding.finding_id, finding)
        previous = findings or _subject(doc, sentence, mentions.get(sentence.index, []), kinds)
    return list(found.values())


class DiseaseContext:
    """The disease a sentence that names none is about: that of its section's heading ("7. Exosomes
    and cancer drug resistance"), else that of the document's title."""

    def __init__(self, doc: SourceDoc, grounder: object, kinds: Kinds) -> None:
        self._grounder, self._kinds = grounder, kinds
        self._cache: dict[str, tuple[str, ...]] = {}
        self._title = self._named(doc.title)

    def diseases(self, sentence: Sentence) -> tuple[str, ...]:
        return self._named(sentence.section) or self._title

    def _named(self, text: str) -> tuple[str, ...]:
        text = " ".join(text.split())
        if text and text not in self._cache:
            from exo_ontology.recognition import recognize

            line = Sentence(doc_id="", index=-1, text=text, raw_start=0, raw_end=len(text))
            found = recognize([line], self._grounder).get(-1, [])  # type: ignore[arg-type]
            self._cache[text] = most_specific(ids([m for m in found if kind_of(m, self._kinds) == "disease"]),
                                              self._kinds)
        return self._cache.get(text, ())


def _table_mentions(sentence: Sentence, grounder: object) -> list[Mention]:
    """Mentions in a table row's origin cell (the application cell is the sentence itself)."""
    from exo_ontology.recognition import recognize

    origin = sentence.context_value("origin")
    if not origin:
        return []
    cell = Sentence(doc_id=sentence.doc_id, index=-1, text=origin, raw_start=0, raw_end=len(origin))
    return recognize([cell], grounder).get(-1, [])  # type: ignore[arg-type]


def inherited_disease(sentence: Sentence, grounder: object) -> tuple[str, ...]:
    """Disease of the table row ("Pancreatic and Colorectal cancer" gives both)."""
    text = " ".join(sentence.context_value("disease").split())
    if not text:
        return ()
    parts = [text]
    match = _COORDINATED.match(text)
    if match:
        parts = [f"{match.group(1)} {match.group(3)}", f"{match.group(2)} {match.group(3)}"]
    out = []
    for part in parts:
        part = re.sub(r"\(.*?\)|\(.*$", "", part).strip()
        best = grounder.ground(part, type="disease", limit=1)  # type: ignore[attr-defined]
        if best and best[0].curie.startswith("MONDO:"):
            out.append(best[0].curie)
    return tuple(sorted(set(out)))


def _study_types(sentence: Sentence) -> tuple[str, ...]:
    text = sentence.text + " " + sentence.context_value("status")
    return tuple(sorted({compress(str(value)) for pattern, value in cues.STUDY_TYPES if pattern.search(text)}))


_THERAPY_WORDS = re.compile(r"\b(?:therap|treat|anti-?(?:tumou?r|cancer)|anticancer|chemotherap|cure)", re.IGNORECASE)


def _applications(text: str, has_delivered_cargo: bool) -> tuple[str, ...]:
    """Applications the sentence states. Vesicles carrying a drug to treat a disease are a delivery
    vehicle (the drug is the therapeutic agent, not the vesicles), even without a delivery word."""
    found = set()
    for pattern, value in cues.APPLICATIONS:
        if pattern.search(text):
            if value == V.DRUG_DELIVERY_VEHICLE and not (has_delivered_cargo or re.search(
                    r"drug deliver|carrier|vehicle|loaded|nanocarrier", text, re.IGNORECASE)):
                continue
            found.add(compress(str(value)))
    if has_delivered_cargo and _THERAPY_WORDS.search(text):
        found.add(compress(str(V.DRUG_DELIVERY_VEHICLE)))
    if compress(str(V.DRUG_DELIVERY_VEHICLE)) in found:
        found.discard(compress(str(V.THERAPEUTIC_AGENT)))
    return tuple(sorted(found))


def _pathway(text: str, grounder: object) -> tuple[tuple[str, ...], str]:
    """The signalling pathway a sentence names, grounded to GO through the names GO gives pathways;
    the phrase is kept as written either way ("PI3K/AKT signaling pathway")."""
    phrase = pathway_phrase(text)
    if not phrase:
        return (), ""
    for name in pathway_names(phrase):
        for cand in grounder.ground(name, type="process", limit=3):  # type: ignore[attr-defined]
            if cand.curie.startswith("GO:") and cand.status in ("label", "exact", "related") \
                    and re.search(r"signal|pathway|cascade|transduction", cand.label):
                return (cand.curie,), phrase
    return (), phrase


_NAME_TOKEN = re.compile(r"^(?=.*[A-Z0-9βκα/])[\w\-/βκα]+$")


def pathway_phrase(text: str) -> str:
    """The first pathway the text names: the name-like words (symbols, "Wnt/β-catenin") right before
    "signaling pathway", "pathway", "axis" or "cascade"; "" when no named pathway."""
    for match in cues.PATHWAY_END.finditer(text):
        words = text[:match.start()].split()
        names: list[str] = []
        while words and _NAME_TOKEN.match(words[-1]) and len(names) < 4:
            names.insert(0, words.pop())
        if names:
            return " ".join([*names, " ".join(match.group(0).split())])
    return ""


def pathway_names(phrase: str) -> list[str]:
    """Names GO may give the pathway a text writes as "A/B signaling pathway", most specific first:
    "A/B signal transduction", "A receptor signaling pathway through B" (Wnt/β-catenin), "A signaling"."""
    core = re.sub(r"\s*(?:signal(?:l)?ing\s+)?(?:pathway|axis|cascade)$", "", phrase, flags=re.IGNORECASE).strip()
    if not core:
        return []
    parts = [p for p in re.split(r"/", core) if p]
    names = [phrase, f"{core} signaling pathway", f"{core} signal transduction", f"{core} signaling"]
    if len(parts) == 2:
        first, second = parts
        names += [f"{first} receptor signaling pathway through {second}", f"{first} signaling pathway through {second}",
                  f"{first}-{second} signaling", f"{first}/{second} signal transduction"]
    return list(dict.fromkeys(names))


def _evidence_span(sentence: Sentence, mentions: list[Mention]) -> tuple[int, int]:
    """The raw span to quote. A sentence re-joined across a page break or a figure caption spans
    that too, and the quote keeps it (the claim stays whole and verbatim); across a longer insert
    such as a table, quote the contiguous piece holding most of the sentence's mentions instead."""
    start, end = sentence.raw_start, sentence.raw_end
    if end - start <= len(sentence.text) + MAX_INSERT:
        return start, end
    pieces = raw_pieces(sentence)
    points = [sentence.raw_span(m.start, m.end)[0] for m in mentions if 0 <= m.start < len(sentence.text)]
    return max(pieces, key=lambda p: (sum(p[0] <= x < p[1] for x in points), p[1] - p[0]))


def _evidence(doc: SourceDoc, raw: str, sentence: Sentence, rule: str, mentions: list[Mention]) -> Evidence:
    start, end = _evidence_span(sentence, mentions)
    quote = raw[start:end]
    return Evidence(doc_id=doc.doc_id, quote=quote, char_start=start, char_end=end,
                    section=sentence.section, citations=tuple(dict.fromkeys(
                        re.sub(r"\s+", "", m.group(0)) for m in cues.CITATION.finditer(quote))), rule=rule)


_CARGO_KIND_NAME = re.compile(r"^(?:(?:m|si|mi|micro|lnc|circ|pi|t|r|nc)?RNAs?|DNAs?|nucleotides?|nucleic acids?|"
                              r"proteins?|lipids?|macromolecules?|chemicals?|compounds?|drugs?|agents?|"
                              r"biomolecules?|metabolites?|nanoparticles?)$", re.IGNORECASE)


_LIST_GAP = re.compile(r"^\s*(?:\([^()]{1,20}\)\s*)?(?:,|and|or|, and|as well as)\s*(?:the\s+)?$", re.IGNORECASE)
_CARRY_VERB = re.compile(r"\b(?:deliver|carr|transport|transfer|load|encapsulat|packag|shuttl)\w*", re.IGNORECASE)


def _roles(text: str, by_kind: dict[str, list[Mention]], vesicle_near: bool) -> dict[str, list]:
    """Split gene, miRNA and chemical mentions into cargo and targets."""
    cargo: list[tuple[Mention, str]] = []
    targets: list[Mention] = []
    for mention in by_kind.get("mirna", []):
        if is_target(text, mention) and not is_cargo(text, mention, vesicle_near) and not re.search(
                r"exosom", text[max(0, mention.start - 12):mention.start], re.IGNORECASE):
            targets.append(mention)
        else:
            cargo.append((mention, "mirna"))
    last: tuple[Mention, str] | None = None
    for mention in by_kind.get("gene", []):
        right_after_vesicle = re.search(r"exosom\w*\s*$", text[:mention.start], re.IGNORECASE)
        if in_vesicles(text, mention) or (is_cargo(text, mention, vesicle_near) and (
                right_after_vesicle or not is_target(text, mention))):
            role = "cargo"
        elif is_target(text, mention):
            role = "target"
        elif last is not None and _LIST_GAP.match(text[last[0].end:mention.start]):
            role = last[1]     # "factors like IL-6, IL-8 and VEGF": the list shares its first item's role
        else:
            role = ""          # a gene with no cue ("CD97 and exosomes promote ...") is neither
        if role == "cargo":
            cargo.append((mention, "gene"))
        elif role == "target":
            targets.append(mention)
        last = (mention, role) if role else None
    for mention in by_kind.get("chemical", []):
        if _CARGO_KIND_NAME.match(mention.text):   # "mRNA", "nucleotides": a kind of cargo, not a molecule
            continue
        delivered = is_cargo(text, mention, vesicle_near) or re.search(r"deliver|loaded|carr", text, re.IGNORECASE)
        co_treatment = re.search(r"(?:resist\w*|sensitiv\w*|susceptib\w*)\s+(?:to|against)\s*$",
                                 text[max(0, mention.start - 30):mention.start], re.IGNORECASE)
        if delivered and not co_treatment:
            cargo.append((mention, "chemical"))
    return {"cargo": cargo, "targets": targets}


#: a clause whose subject is part of the previous clause's ("..., while a few have the opposite effect")
_PARTITIVE = re.compile(r"^(?:a few|few|some|others|many|most|several|the (?:rest|others|remainder))\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";\s+|,\s+(?:while|whereas|but)\s+")


def vesicle_clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses that each have vesicles of their own as subject ("exosomes of X promote A;
    exosomes of Y inhibit B"); one span for a sentence that is a single claim."""
    spans = list(pairwise([0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not (cues.VESICLE_WORDS.search(text[start:end]) or _PARTITIVE.match(text[start:end])):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    if merged and not cues.VESICLE_WORDS.search(text[merged[0][0]:merged[0][1]]) and len(merged) > 1:
        merged[:2] = [(merged[0][0], merged[1][1])]
    return merged


def read_sentence(doc: SourceDoc, raw: str, sentence: Sentence, mentions: list[Mention],
                  grounder: object, kinds: Kinds, carried: Sequence[Finding] = (),
                  context_diseases: tuple[str, ...] = ()) -> list[Finding]:
    """The findings one sentence (or table row) states: one per direction of effect, per clause
    when several clauses each say something of their own vesicles.

    `carried` are the findings of the previous sentence when this one continues its subject
    ("These exosomes ..."): it is then about vesicles too, and inherits their source cell.
    """
    clauses = [(0, len(sentence.text))] if sentence.kind == "table_row" else vesicle_clauses(sentence.text)
    if len(clauses) == 1:
        return _read_clause(doc, raw, sentence, sentence.text, mentions, grounder, kinds, carried,
                            context_diseases=context_diseases)
    out: list[Finding] = []
    for start, end in clauses:
        inside = [_shift([m], -start)[0] for m in mentions if start <= m.start and m.end <= end]
        clause = sentence.text[start:end]
        # a partitive clause ("while a few ...") speaks of the vesicles of the clause before it
        subject = carried if start == 0 else (out[-1:] if _PARTITIVE.match(clause) else ())
        out += _read_clause(doc, raw, sentence, clause, inside, grounder, kinds, subject, offset=start,
                            context_diseases=context_diseases)
    return out


def _read_clause(doc: SourceDoc, raw: str, sentence: Sentence, text: str, mentions: list[Mention],
                 grounder: object, kinds: Kinds, carried: Sequence[Finding], offset: int = 0,
                 context_diseases: tuple[str, ...] = ()) -> list[Finding]:
    """The findings of one clause (`text`, at `offset` in the sentence) or of a whole table row;
    with no disease of its own it takes the row's, else the section's (`context_diseases`)."""
    is_row = sentence.kind == "table_row"
    if is_row:
        mentions = [*mentions, *_shift(_table_mentions(sentence, grounder), len(text) + 1)]
        text = f"{text} {sentence.context_value('origin')}"
    mentions = [*mentions, *_coordinated_cells(text, mentions, grounder, kinds)]
    by_kind: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        by_kind.setdefault(kind_of(mention, kinds), []).append(mention)
    vesicle_word = bool(by_kind.get("vesicle")) or bool(cues.VESICLE_WORDS.search(text)) or bool(carried)
    if not (vesicle_word or is_row):
        return []
    by_kind["gene"] = [m for m in by_kind.get("gene", []) if not _named_as_cells(text, m)]
    roles = _roles(text, by_kind, vesicle_word)
    effects = [*by_kind.get("effect", []), *_phrase_effects(text, mentions, grounder, kinds)]
    cargo = roles["cargo"]
    # a cargo named only by its kind ("exosomal miRNAs") makes a finding when something is said of it
    carried_kinds = [m for m in by_kind.get("chemical", []) if _CARGO_KIND_NAME.match(m.text)
                     and (is_cargo(text, m, vesicle_word) or _CARRY_VERB.search(text))]
    applications = _applications(text, any(kind == "chemical" for _, kind in cargo) or bool(carried_kinds))
    named_kinds = () if cargo or effects else (vesicle_cargo_types(text, carried_kinds)
                                               or unnamed_cargo_types(text))
    if not cargo and not effects and not (named_kinds and (applications or roles["targets"])):
        return []
    first = min((m.start for ms in by_kind.values() for m in ms if m.best), default=-1)
    sources: list[Mention] = []
    recipients: list[Mention] = []
    previous: tuple[Mention, str | None] | None = None
    for mention in by_kind.get("cell", []):
        # a sentence continuing the previous subject ("These exosomes ...") has its source already
        role = cell_role(text, mention, mention.start == first and not carried, vesicle_word)
        if role is None and previous is not None and _SAME_ROLE_GAP.match(text[previous[0].end:mention.start]):
            role = previous[1]     # "from antigen-presenting cells, such as dendritic cells"; "X and Y cells"
        (sources if role == "source" else recipients if role == "recipient" else []).append(mention)
        previous = (mention, role)
    if not sources and carried:
        sources_ids = tuple(sorted({c for f in carried for c in f.source_cell}))
    else:
        sources_ids = ids(sources)
    cell_spans = [(m.start, m.end) for m in by_kind.get("cell", [])]
    if any(_tumour_releases(text, m, kinds) for m in by_kind.get("disease", [])
           if not any(s <= m.start and m.end <= e for s, e in cell_spans)):   # "cancer stem cells" is a cell
        sources_ids = tuple(sorted({*sources_ids, V.CL_NEOPLASTIC_CELL}))
    cargo_ids = ids([m for m, _ in cargo])
    roles["targets"] = [m for m in roles["targets"] if m.best is not None and m.best.curie not in cargo_ids]
    target_dirs = {d for m in roles["targets"] if (d := target_direction(text, m))}
    diseases = most_specific(ids(by_kind.get("disease", [])), kinds)
    inherited = False
    if not diseases and is_row:
        diseases, inherited = inherited_disease(sentence, grounder), True
    elif not diseases and context_diseases:
        diseases, inherited = context_diseases, True
    pathway, pathway_text = _pathway(text, grounder)
    vesicles = ids(by_kind.get("vesicle", [])) or ((V.GO_EXOSOME,) if is_row else _vesicle_word_types(text))
    kinds_of_cargo = cargo_types(text, cargo) or named_kinds or unnamed_cargo_types(text)
    vesicles = _made_vesicles(text, vesicles, applications, bool(cargo or kinds_of_cargo))
    base = Finding(
        doc_id=doc.doc_id,
        evidence=_evidence(doc, raw, sentence, "table-row" if is_row else "sentence-cue", _shift(mentions, offset)),
        vesicle_type=vesicles or tuple(sorted({v for f in carried for v in f.vesicle_type})),
        source_cell=sources_ids, cargo=cargo_ids,
        cargo_type=kinds_of_cargo, target=ids(roles["targets"]), direction=tuple(sorted(target_dirs)),
        pathway=pathway, pathway_text=pathway_text, disease=diseases,
        disease_inherited=inherited and bool(diseases), recipient_cell=ids(recipients),
        study_type=_study_types(sentence),
        application=applications,
    )
    out = []
    for direction, group in _effects_by_direction(text, effects):
        finding = replace(base, effect=ids(group), effect_direction=(direction,) if direction else ())
        if direction and not finding.cargo_type:   # "exosomal proteins polarize macrophages": a directed claim
            finding = replace(finding, cargo_type=vesicle_cargo_types(text, carried_kinds))
        if not _vague(finding):
            out.append(replace(finding, finding_id=finding_id(finding)))
    return out


_EXOSOME_WORD = re.compile(r"\bexosom|\bexos?\b|\w-exos?\b", re.IGNORECASE)
_EV_WORD = re.compile(r"\bextracellular vesicles?|\bs?EVs?\b|\w-EVs?\b")


def _vesicle_word_types(text: str) -> tuple[str, ...]:
    """The vesicle class a sentence names only by an adjective or short form ("exosomal", "EVs")."""
    return tuple(sorted({*((V.GO_EXOSOME,) if _EXOSOME_WORD.search(text) else ()),
                         *((V.GO_EXTRACELLULAR_VESICLE,) if _EV_WORD.search(text) else ())}))


def _canonical_drug_response(mention: Mention, direction: str) -> tuple[Mention, str]:
    """Less sensitivity to a drug is more resistance to it: recorded as drug resistance promoted, the
    field's own concept, so that one claim has one shape whichever way it is worded ("overcoming
    resistance" stays resistance inhibited)."""
    best = mention.best
    opposite = _OPPOSITE_EFFECTS.get(best.curie) if best is not None else None
    if best is None or opposite is None or direction != compress(str(V.INHIBITS)):
        return mention, direction
    flipped = replace(best, curie=opposite, status="implied",
                      note=f"{best.curie} inhibited, recorded as its opposite promoted")
    return replace(mention, candidates=(flipped,)), compress(str(V.PROMOTES))


_OPPOSITE_EFFECTS = {compress(str(V.DRUG_SENSITIZATION)): compress(str(V.DRUG_RESISTANCE))}


_MODIFIED = r"(?:modified|engineered|functionali[sz]ed|decorated|conjugated|coated|fused|linked|coupled|attached)"
_ENGINEERED = re.compile(
    r"\b(?:[\w-]+-)?(?:modified|engineered|functionali[sz]ed|decorated|conjugated|coated|designed|displaying)\s+"
    r"(?:\w+\s+)?(?:exosom|EVs?\b|extracellular vesicles)|"
    r"\b(?:exosom\w*|EVs?|extracellular vesicles)\b[^.;]{0,60}?\b(?:were|was|are|is|been|being)\s+(?:\w+ly\s+)?"
    + _MODIFIED + r"\b|\b(?:exosom\w*|EVs?|extracellular vesicles)\b[^.;]{0,60}?\b" + _MODIFIED + r"\s+(?:with|to)\b",
    re.IGNORECASE)


def _made_vesicles(text: str, vesicles: tuple[str, ...], applications: tuple[str, ...],
                   has_cargo: bool) -> tuple[str, ...]:
    """Natural vesicles the sentence says were modified are engineered ones; vesicles used to deliver
    a cargo are drug-loaded ones (EXOC classes, kept beside the natural vesicle type)."""
    if not set(vesicles) & {V.GO_EXOSOME, V.GO_EXTRACELLULAR_VESICLE}:
        return vesicles
    made = set(vesicles)
    if _ENGINEERED.search(text):
        made.add(compress(str(V.ENGINEERED_EV)))
    if has_cargo and compress(str(V.DRUG_DELIVERY_VEHICLE)) in applications:
        made.add(compress(str(V.DRUG_LOADED_EV)))
    return tuple(sorted(made))


_RELEASED_AFTER = re.compile(r"^[\s-]*(?:\([^()]{1,12}\)\s*)?(?:-?derived|-?secreted|-?released|-?excreted|-?produced|"
                             r"-?shed|exosom|EVs?\b|sEVs?\b|extracellular vesicles?|exos?\b)", re.IGNORECASE)


_HOSTS = re.compile(r"^\s*(?:patients?|subjects?|individuals?|donors?|mice|rats?|models?|tissues?|samples?)\b",
                    re.IGNORECASE)


def _tumour_releases(text: str, mention: Mention, kinds: Kinds) -> bool:
    """"glioma-derived exosomes", "tumour exosomes", "exosomes derived from tumours": vesicles a
    neoplasm releases come from its neoplastic cells."""
    best = mention.best
    if best is None or kinds.ancestors is None:
        return False
    if best.curie != V.MONDO_NEOPLASM and V.MONDO_NEOPLASM not in kinds.ancestors(best.curie):
        return False
    after = text[mention.end:mention.end + 40]
    if _HOSTS.match(after):      # "exosomes of breast cancer patients" come from their fluids
        return False
    before = text[max(0, mention.start - 60):mention.start]
    return bool(_RELEASED_AFTER.match(after) or cues.SOURCE_AFTER.search(before))


def _named_as_cells(text: str, mention: Mention) -> bool:
    """A gene-like name the sentence also writes as "<name> cells" is a cell line ("HT1080 cells"), not a gene."""
    return bool(re.search(re.escape(mention.text) + r"[\s-]+cells?\b", text))


def _vague(finding: Finding) -> bool:
    """An effect named with no direction, no cargo, no source, no target and no disease of its own
    says nothing checkable ("exosomes influence the activity of immune cells")."""
    own_disease = bool(finding.disease) and not finding.disease_inherited
    if set(finding.effect) <= {V.GO_EXOSOMAL_SECRETION} and finding.effect:
        # the vesicles' own release, said with no cell, cargo or drug acting on it ("X is crucial for
        # the secretion of exosomes" where X is not recognised) is a statement of biology, not a finding
        return not (finding.cargo or finding.cargo_type or finding.source_cell or finding.target or own_disease)
    return not (finding.cargo or finding.cargo_type or finding.source_cell or finding.target
                or finding.effect_direction or own_disease)


_NEUTRAL_NOUN = re.compile(r"\b(?:regulators?|modulators?|mediators?) of\b", re.IGNORECASE)


def _effects_by_direction(text: str, effects: list[Mention]) -> list[tuple[str, list[Mention]]]:
    """Effects grouped by their direction (promotes, inhibits, none); [("", [])] when no effect.

    An effect with no verb of its own ("promotes proliferation, migration and invasion") takes the
    direction of the closest directed effect before it (else after it) in the sentence.
    """
    ordered = sorted(effects, key=lambda m: m.start)
    directions = [effect_direction(text, m, clause_start(text, m.start)) or "" for m in ordered]
    for i, direction in enumerate(directions):
        if not direction:
            before = [d for d in directions[:i] if d and d != NEUTRAL]
            after = [d for d in directions[i + 1:] if d and d != NEUTRAL]
            directions[i] = before[-1] if before else after[0] if after else ""
    directions = ["" if d == NEUTRAL else d for d in directions]
    groups: dict[str, list[Mention]] = {}
    for mention, direction in zip(ordered, directions, strict=True):
        mention, direction = _canonical_drug_response(mention, direction)
        groups.setdefault(direction, []).append(mention)
    if len(groups) > 1 and "" in groups and not _NEUTRAL_NOUN.search(text):
        # effects a neutral verb governs beside directed ones ("impacts X and accelerates Y") add
        # nothing checkable to the directed statement; a listed role ("regulators of X") does
        del groups[""]
    return sorted(groups.items()) or [("", [])]


def _subject(doc: SourceDoc, sentence: Sentence, mentions: list[Mention], kinds: Kinds) -> list[Finding]:
    """The vesicles (and their source cells) a sentence talks about, for a next sentence that refers
    back to them ("They ..."); kept as a slot-only stand-in, never released."""
    if not cues.VESICLE_WORDS.search(sentence.text):
        return []
    vesicle_word = True
    ordered = sorted(mentions, key=lambda m: m.start)
    first = ordered[0].start if ordered else -1
    sources = [m for m in ordered if kind_of(m, kinds) == "cell"
               and cell_role(sentence.text, m, m.start == first, vesicle_word) == "source"]
    vesicles = ids([m for m in ordered if kind_of(m, kinds) == "vesicle"])
    stand_in = Evidence(doc.doc_id, "", sentence.raw_start, sentence.raw_end)
    return [Finding(doc_id=doc.doc_id, evidence=stand_in, vesicle_type=vesicles, source_cell=ids(sources))]


def _phrase_effects(text: str, mentions: list[Mention], grounder: object, kinds: Kinds) -> list[Mention]:
    """Effects written as phrases ("resistance to cisplatin"), where no term mention covers them."""
    out = _cell_process_effects(text, mentions, grounder, kinds)
    taken = [(m.start, m.end) for m in [*mentions, *out] if kind_of(m, kinds) == "effect" or m in out]
    for pattern, name in cues.EFFECT_PHRASES:
        for match in pattern.finditer(text):
            # a phrase that holds its own verb marks the effect with group "e", leaving the verb before it
            start = match.start("e") if "e" in pattern.groupindex else match.start()
            if any(s < match.end() and start < e for s, e in taken):
                continue
            cands = [c for c in grounder.ground(name, limit=3) if c.curie in kinds.effects]  # type: ignore[attr-defined]
            if cands:
                out.append(Mention(text[start:match.end()], start, match.end(), "process", (cands[0],)))
                taken.append((start, match.end()))
    return out


#: between two cells that share a role: apposition or coordination
_SAME_ROLE_GAP = re.compile(r"^\s*(?:\([^()]{1,15}\))?\s*(?:,|and|or|as well as)?\s*(?:such as|including|e\.g\.,?|"
                            r"especially|particularly|like|namely|and|or|as well as)?\s*(?:the\s+)?$", re.IGNORECASE)
_CELLS_WORD = re.compile(r"\s+cells?\b.*$", re.IGNORECASE)
_BARE_CONJUNCT = re.compile(r"\b([A-Za-z][\w+-]{0,14})\s+(?:and|or|&)\s+$")


def _coordinated_cells(text: str, mentions: list[Mention], grounder: object, kinds: Kinds) -> list[Mention]:
    """"T and NK cells": the bare first conjunct is a cell type too, when "<it> cells" is a cell name."""
    out = []
    taken = [(m.start, m.end) for m in mentions]
    for mention in mentions:
        if kind_of(mention, kinds) != "cell" or not _CELLS_WORD.search(mention.text):
            continue
        match = _BARE_CONJUNCT.search(text[max(0, mention.start - 25):mention.start])
        if not match:
            continue
        start = mention.start - (len(text[max(0, mention.start - 25):mention.start]) - match.start(1))
        end = start + len(match.group(1))
        if any(s < end and start < e for s, e in taken):
            continue
        cands = [c for c in grounder.ground(f"{match.group(1)} cells", type="cell", limit=1)  # type: ignore[attr-defined]
                 if c.status in ("label", "exact", "curated")]
        if cands:
            out.append(Mention(match.group(1), start, end, "cell", tuple(cands)))
    return out


#: "<process> of <cells>": the process of that cell type ("activity of NK cells" -> NK cell activation)
_PROCESS_WORDS = (r"(?:activity|activation|proliferation|differentiation|migration|recruitment|expansion|"
                  r"infiltration|polari[sz]ation)")
_CELL_PROCESS = re.compile(rf"\b({_PROCESS_WORDS}(?:\s+(?:and|or)\s+{_PROCESS_WORDS})?)\s+of\s+(?:the\s+)?$",
                           re.IGNORECASE)
_COORDINATION_GAP = re.compile(r"^\s*(?:,|and|or|as well as|, and)\s*(?:the\s+)?$", re.IGNORECASE)
_PROCESS_NOUN = {"activity": "activation", "polarisation": "polarization"}


def _cell_process_effects(text: str, mentions: list[Mention], grounder: object, kinds: Kinds) -> list[Mention]:
    """Effects naming a process of a cell type: GO's "<cell> <process>" term when GO has one,
    else the generic process the ontology lists as an effect ("proliferation of MDSCs")."""
    out: list[Mention] = []
    nouns: list[str] = []
    last_end, start = -1, 0
    for mention in sorted((m for m in mentions if kind_of(m, kinds) == "cell"), key=lambda m: m.start):
        window = text[max(0, mention.start - 60):mention.start]
        match = _CELL_PROCESS.search(window)
        if match:
            nouns = [_PROCESS_NOUN.get(w, w) for w in re.split(r"\s+(?:and|or)\s+", match.group(1).lower())]
            start = mention.start - (len(window) - match.start())
        elif not (nouns and last_end >= 0 and _COORDINATION_GAP.match(text[last_end:mention.start])):
            nouns, last_end = [], -1
            continue
        # a coordinated cell shares the process word, and so its span: the direction verb is before it
        last_end = mention.end
        label = mention.best.label if mention.best else ""
        for noun in nouns:
            cand = _process_of_cell(label, noun, grounder, kinds)
            if cand is not None:
                out.append(Mention(text[start:mention.end], start, mention.end, "process", (cand,)))
    return out


def _process_of_cell(label: str, noun: str, grounder: object, kinds: Kinds) -> Candidate | None:
    """GO's "<cell label> <process>" by exact label, else the ontology's generic effect for the process."""
    name = f"{label} {noun}".lower()
    exact = [c for c in grounder.ground(name, type="process", limit=3)  # type: ignore[attr-defined]
             if c.curie.startswith("GO:") and c.label.lower() == name]
    if exact:
        return exact[0]
    generic = "cell proliferation" if noun == "proliferation" else noun
    return next((c for c in grounder.ground(generic, limit=3) if c.curie in kinds.effects), None)  # type: ignore[attr-defined]


def _shift(mentions: list[Mention], offset: int) -> list[Mention]:
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in mentions]
