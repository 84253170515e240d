"""Finding extraction: one n-ary Finding per sentence or table row that states an EV claim.

A sentence yields a finding when it is about extracellular vesicles (a vesicle mention, a
vesicle word, or a row of a table about them) and names a cargo (a molecule, or a kind of cargo
with an application or a target), an effect, or a use of its own vesicles. Slots are filled
from the sentence's grounded mentions and the cue phrases of `cues`; the disease is inherited
from the table row or section when the sentence names none (and marked so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rdflib import RDF, RDFS, Graph
from rdflib.namespace import OWL

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.context import DiseaseContext
from exo_ontology.extraction.ids import finding_id
from exo_ontology.extraction.merge import read_clause
from exo_ontology.extraction.scope import (
    ANAPHORA,
    HEDGED,
    META_DISCOURSE,
    NOT_THE_VESICLES,
    PARTITIVE,
    SKIPPED_KINDS,
    vesicle_clauses,
)
from exo_ontology.extraction.shorthands import Shorthand, shorthands_in, vesicle_shorthands
from exo_ontology.extraction.slots import VESICLE_GO, Kinds, cell_role, ids, kind_of
from exo_ontology.grounding.protocol import Grounds, KnowsTerms
from exo_ontology.model import Evidence, Finding, Mention, Sentence, SourceDoc
from exo_ontology.namespaces import compress

CHEBI_ROLE = "CHEBI:50906"
#: HGNC locus types -> the cargo type a gene of that type is when vesicles carry it
#: how many sentences on a molecule the vesicles were said to carry is still their cargo when named alone
CARGO_MEMORY = 3
LOCUS_CARGO = {"gene with protein product": "protein", "RNA, long non-coding": "lncrna", "RNA, micro": "mirna"}


def load_kinds(edit_file: Path, lexicon: KnowsTerms) -> Kinds:
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
            term = lexicon.term(curie)
            if term is not None and term.type == "process":
                effects.add(curie)
    children: dict[str, list[str]] = {}
    gene_cargo: dict[str, str] = {}
    for t in lexicon.terms():       # one pass over the lexicon: the parent links and genes' cargo kinds
        for parent in t.parents:
            children.setdefault(parent, []).append(t.curie)
        if kind := LOCUS_CARGO.get(t.locus_type):
            gene_cargo[t.curie] = kind
    # ChEBI roles are the descendants of "role": one walk down, not an ancestor walk per ChEBI term
    roles = {curie for curie in _descendants(CHEBI_ROLE, children) if curie.startswith("CHEBI:")}
    return Kinds(frozenset(effects), frozenset(vesicles), frozenset(roles),
                 ancestors=lexicon.ancestors, gene_cargo=gene_cargo)


def _descendants(root: str, children: dict[str, list[str]]) -> set[str]:
    """Every term below `root` through the parent links (the root excluded)."""
    found: set[str] = set()
    frontier = [root]
    while frontier:
        following = [child for current in frontier for child in children.get(current, ()) if child not in found]
        found.update(following)
        frontier = following
    return found


def extract_findings(doc: SourceDoc, raw: str, sentences: Sequence[Sentence],
                     mentions: dict[int, list[Mention]], grounder: Grounds, kinds: Kinds) -> list[Finding]:
    """Every finding of a document, in reading order, without duplicates."""
    found: dict[str, Finding] = {}
    previous: list[Finding] = []
    previous_section = None
    shorthands = vesicle_shorthands(sentences, mentions, kinds)
    cargo_seen: dict[str, Finding] = {}     # molecule -> the finding that made it the vesicles' cargo
    seen_at: dict[str, tuple[str, int]] = {}     # molecule -> (section, sentence index) where last said so
    context = DiseaseContext(doc, grounder, kinds, mentions.get(sentences[0].index, []) if sentences else None)
    for sentence in sentences:
        if sentence.kind in SKIPPED_KINDS:
            previous = []
            continue
        if META_DISCOURSE.search(sentence.text) or HEDGED.search(sentence.text):
            # an aim, a method or an open question states nothing, but its vesicles stay the subject
            # ("Exosomes of M2 macrophages were isolated by ... They promoted ...")
            previous = _subject(doc, sentence, mentions.get(sentence.index, []), kinds)
            previous_section = sentence.section
            context.observe(sentence, mentions.get(sentence.index, []))
            continue
        continues = (sentence.section == previous_section and ANAPHORA.match(sentence.text)
                     and not NOT_THE_VESICLES.match(sentence.text))
        carried: list[Finding] = previous if continues else []
        here = mentions.get(sentence.index, [])
        recent = {m: f for m, f in cargo_seen.items()
                  if seen_at[m][0] == sentence.section and sentence.index - seen_at[m][1] <= CARGO_MEMORY}
        if not carried:     # "IL-6 and miR-155-3p induced ..." after "H-GDEs contained IL-6 and miR-155-3p"
            carried = _cargo_again(sentence, here, recent, shorthands)
        same_section, previous_section = sentence.section == previous_section, sentence.section
        findings = read_sentence(doc, raw, sentence, here, grounder, kinds, carried,
                                 context.diseases(sentence), shorthands, frozenset(recent))
        if same_section and ANAPHORA.match(sentence.text):   # "These exosomes/results ..." elaborate
            findings = [f for f in findings if not _restates_use(f, previous)]
        if carried and findings:
            findings = _absorb_uses(found, carried, findings)
        for finding in findings:
            found.setdefault(finding.finding_id, finding)
            for molecule in finding.cargo:
                cargo_seen.setdefault(molecule, finding)
                seen_at[molecule] = (sentence.section, sentence.index)
        previous = findings or _subject(doc, sentence, mentions.get(sentence.index, []), kinds)
        context.observe(sentence, mentions.get(sentence.index, []))
    return list(found.values())


def read_sentence(doc: SourceDoc, raw: str, sentence: Sentence, mentions: list[Mention],
                  grounder: Grounds, kinds: Kinds, carried: Sequence[Finding] = (),
                  context_diseases: tuple[str, ...] = (),
                  shorthands: dict[str, Shorthand] | None = None,
                  known_cargo: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings one sentence (or table row) states: one per direction of effect, per clause
    when several clauses each say something of their own vesicles.

    `carried` are the findings of the previous sentence when this one continues its subject
    ("These exosomes ..."): it is then about vesicles too, and inherits their source cell.
    """
    clauses = [(0, len(sentence.text))] if sentence.kind == "table_row" else vesicle_clauses(sentence.text)
    if len(clauses) == 1:
        return read_clause(doc, raw, sentence, sentence.text, mentions, grounder, kinds, carried,
                            context_diseases=context_diseases, shorthands=shorthands,
                            known_cargo=known_cargo)
    out: list[Finding] = []
    for start, end in clauses:
        inside = [_shift([m], -start)[0] for m in mentions if start <= m.start and m.end <= end]
        clause = sentence.text[start:end]
        # a partitive clause ("while a few ...") speaks of the vesicles of the clause before it
        subject = carried if start == 0 else (out[-1:] if PARTITIVE.match(clause) else ())
        out += read_clause(doc, raw, sentence, clause, inside, grounder, kinds, subject, offset=start,
                            context_diseases=context_diseases, shorthands=shorthands,
                            known_cargo=known_cargo)
    # a clause naming only a use ("these exosomes are a target of treatment") qualifies the claim beside it
    said = [f for f in out if not _application_only(f)]
    return said or out


def _application_only(finding: Finding) -> bool:
    return not (finding.cargo or finding.cargo_type or finding.effect)


def _absorb_uses(found: dict[str, Finding], carried: Sequence[Finding],
                 findings: list[Finding]) -> list[Finding]:
    """A use stated alone ("exosomes have been used to treat X.") and then elaborated by the next
    sentence ("These nanoparticles carry Y that ...") is one claim: the elaboration carries the use,
    as it carries the source cells, and the bare use is withdrawn."""
    uses = [f for f in carried if _application_only(f) and f.finding_id in found]
    if not uses or all(_application_only(f) for f in findings):
        return findings
    for use in uses:
        del found[use.finding_id]
    applications = {a for use in uses for a in use.application}
    out = []
    for finding in findings:
        merged = replace(finding, application=tuple(sorted({*finding.application, *applications})), finding_id="")
        out.append(replace(merged, finding_id=finding_id(merged)))
    return out


def _cargo_again(sentence: Sentence, mentions: list[Mention], cargo_seen: dict[str, Finding],
                 shorthands: dict[str, Shorthand]) -> list[Finding]:
    """A sentence that names no vesicles but a molecule the text already gave them as cargo speaks of
    that cargo, carried by the same vesicles: the finding that established it stands in as the subject."""
    if cues.VESICLE_WORDS.search(sentence.text) or shorthands_in(sentence.text, shorthands):
        return []
    return list({id(f): f for m in mentions if m.best is not None and (f := cargo_seen.get(m.best.curie))}.values())


def _restates_use(finding: Finding, previous: Sequence[Finding]) -> bool:
    """A use of the vesicles that the sentence before already stated, of the same cells, is that
    claim's elaboration ("... can be used for drug delivery. These exosomes deliver the drug ...")."""
    return _application_only(finding) and any(
        set(finding.application) <= set(p.application) and set(finding.source_cell) <= set(p.source_cell)
        for p in previous)


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


def _shift(mentions: list[Mention], offset: int) -> list[Mention]:
    return [replace(m, start=m.start + offset, end=m.end + offset) for m in mentions]
