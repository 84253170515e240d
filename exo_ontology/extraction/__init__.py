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
from exo_ontology.extraction.context import DiseaseContext, inherited_disease, table_mentions
from exo_ontology.extraction.effects import effects_by_direction, examples_of_processes, phrase_effects
from exo_ontology.extraction.evidence import evidence_of
from exo_ontology.extraction.ids import finding_id
from exo_ontology.extraction.qualifiers import (
    applications_of,
    made_vesicles,
    pathway_of,
    study_types_of,
    vesicle_word_types,
)
from exo_ontology.extraction.roles import (
    CARGO_KIND_NAME,
    CARRY_VERB,
    DELIVER_VERB,
    SAME_ROLE_GAP,
    THERAPEUTIC_KIND,
    coordinated_cells,
    molecule_roles,
    tumour_releases,
)
from exo_ontology.extraction.scope import (
    ANAPHORA,
    HEDGED,
    META_DISCOURSE,
    NOT_AN_APPLICATION_CLAIM,
    NOT_THE_VESICLES,
    PARTITIVE,
    SKIPPED_KINDS,
    THEY,
    vesicle_clauses,
)
from exo_ontology.extraction.slots import (
    VESICLE_GO,
    Kinds,
    cargo_types,
    cell_role,
    ids,
    is_cargo,
    kind_of,
    most_specific,
    target_direction,
    unnamed_cargo_types,
    vesicle_cargo_types,
)
from exo_ontology.grounding.protocol import Grounds, KnowsTerms
from exo_ontology.model import Evidence, Finding, Mention, Sentence, SourceDoc
from exo_ontology.namespaces import compress

CHEBI_ROLE = "CHEBI:50906"


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
    roles = {t.curie for t in lexicon.terms()
             if t.curie.startswith("CHEBI:") and CHEBI_ROLE in lexicon.ancestors(t.curie)}
    return Kinds(frozenset(effects), frozenset(vesicles), frozenset(roles),
                 ancestors=lexicon.ancestors)


def extract_findings(doc: SourceDoc, raw: str, sentences: Sequence[Sentence],
                     mentions: dict[int, list[Mention]], grounder: Grounds, kinds: Kinds) -> list[Finding]:
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
        same_section, previous_section = sentence.section == previous_section, sentence.section
        findings = read_sentence(doc, raw, sentence, mentions.get(sentence.index, []), grounder, kinds, carried,
                                 context.diseases(sentence))
        if same_section and ANAPHORA.match(sentence.text):   # "These exosomes/results ..." elaborate
            findings = [f for f in findings if not _restates_use(f, previous)]
        if carried and findings:
            findings = _absorb_uses(found, carried, findings)
        for finding in findings:
            found.setdefault(finding.finding_id, finding)
        previous = findings or _subject(doc, sentence, mentions.get(sentence.index, []), kinds)
    return list(found.values())


def read_sentence(doc: SourceDoc, raw: str, sentence: Sentence, mentions: list[Mention],
                  grounder: Grounds, kinds: Kinds, carried: Sequence[Finding] = (),
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
        subject = carried if start == 0 else (out[-1:] if PARTITIVE.match(clause) else ())
        out += _read_clause(doc, raw, sentence, clause, inside, grounder, kinds, subject, offset=start,
                            context_diseases=context_diseases)
    # a clause naming only a use ("these exosomes should be inhibited") qualifies the claim beside it
    said = [f for f in out if not _application_only(f)]
    return said or out


def _read_clause(doc: SourceDoc, raw: str, sentence: Sentence, text: str, mentions: list[Mention],
                 grounder: Grounds, kinds: Kinds, carried: Sequence[Finding], offset: int = 0,
                 context_diseases: tuple[str, ...] = ()) -> list[Finding]:
    """The findings of one clause (`text`, at `offset` in the sentence) or of a whole table row;
    with no disease of its own it takes the row's, else the section's (`context_diseases`)."""
    is_row = sentence.kind == "table_row"
    if is_row:
        mentions = [*mentions, *_shift(table_mentions(sentence, grounder), len(text) + 1)]
        text = f"{text} {sentence.context_value('origin')}"
    mentions = [*mentions, *coordinated_cells(text, mentions, grounder, kinds)]
    by_kind: dict[str, list[Mention]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        by_kind.setdefault(kind_of(mention, kinds), []).append(mention)
    vesicle_word = bool(by_kind.get("vesicle")) or bool(cues.VESICLE_WORDS.search(text)) or bool(carried)
    if not (vesicle_word or is_row):
        return []
    roles = molecule_roles(text, by_kind, vesicle_word)
    effects = [*by_kind.get("effect", []), *phrase_effects(text, mentions, grounder, kinds)]
    # "processes, including X, Y and Z" lists what the vesicles take part in, not what they do to it
    examples = examples_of_processes(text)
    effects = [m for m in effects if not any(s <= m.start < e for s, e in examples)]
    cargo = roles["cargo"]
    # a cargo named only by its kind ("exosomal miRNAs") makes a finding when something is said of it
    carried_kinds = [m for m in by_kind.get("chemical", []) if CARGO_KIND_NAME.match(m.text)
                     and (is_cargo(text, m, vesicle_word) or CARRY_VERB.search(text))]
    has_drug = any(kind == "chemical" for _, kind in cargo)
    # vesicles carrying drugs, or made to deliver a cargo, are a delivery vehicle; vesicles carrying
    # their own DNA, RNA or proteins are biology
    delivered = bool(carried_kinds) and (any(THERAPEUTIC_KIND.match(m.text) for m in carried_kinds)
                                         or bool(DELIVER_VERB.search(text)))
    applications = applications_of(text, has_drug or delivered, has_drug)
    named_kinds = () if cargo or effects else (vesicle_cargo_types(text, carried_kinds)
                                               or unnamed_cargo_types(text))
    said = cargo or effects or (named_kinds and (applications or roles["targets"]))
    # vesicles put to a use ("exosomes may serve as biomarkers") are a claim even with no cargo or effect
    own_vesicles = (bool(by_kind.get("vesicle")) or bool(cues.VESICLE_WORDS.search(text))
                    or (bool(carried) and bool(THEY.match(text))))     # "Moreover, they can serve as ..."
    use_claim = bool(applications) and own_vesicles and not NOT_AN_APPLICATION_CLAIM.search(text)
    if not said and not use_claim:
        return []
    first = min((m.start for ms in by_kind.values() for m in ms if m.best), default=-1)
    sources: list[Mention] = []
    recipients: list[Mention] = []
    previous: tuple[Mention, str | None] | None = None
    for mention in by_kind.get("cell", []):
        # a sentence continuing the previous subject ("These exosomes ...") has its source already
        role = cell_role(text, mention, mention.start == first and not carried, vesicle_word)
        if role is None and previous is not None and SAME_ROLE_GAP.match(text[previous[0].end:mention.start]):
            role = previous[1]     # "from antigen-presenting cells, such as dendritic cells"; "X and Y cells"
        (sources if role == "source" else recipients if role == "recipient" else []).append(mention)
        previous = (mention, role)
    if not sources and carried:
        sources_ids = tuple(sorted({c for f in carried for c in f.source_cell}))
    else:
        sources_ids = ids(sources)
    cell_spans = [(m.start, m.end) for m in by_kind.get("cell", [])]
    if any(tumour_releases(text, m, kinds) for m in by_kind.get("disease", [])
           if not any(s <= m.start and m.end <= e for s, e in cell_spans)):   # "cancer stem cells" is a cell
        sources_ids = tuple(sorted({*sources_ids, V.CL_NEOPLASTIC_CELL}))
    cargo_ids = ids([m for m, _ in cargo])
    # "Ki-67-positive hepatocytes": the gene marks the cells; nothing acts on it
    roles["targets"] = [m for m in roles["targets"] if m.best is not None and m.best.curie not in cargo_ids
                        and not cues.CELL_MARKER_AFTER.match(text[m.end:])]
    target_dirs = {d for m in roles["targets"] if (d := target_direction(text, m))}
    diseases = most_specific(ids(by_kind.get("disease", [])), kinds)
    inherited = False
    if not diseases and is_row:
        diseases, inherited = inherited_disease(sentence, grounder), True
    elif not diseases and context_diseases:
        diseases, inherited = context_diseases, True
    pathway, pathway_text = pathway_of(text, grounder)
    vesicles = ids(by_kind.get("vesicle", [])) or ((V.GO_EXOSOME,) if is_row else vesicle_word_types(text))
    kinds_of_cargo = cargo_types(text, cargo) or named_kinds or unnamed_cargo_types(text)
    vesicles = made_vesicles(text, vesicles, applications, bool(cargo or kinds_of_cargo))
    base = Finding(
        doc_id=doc.doc_id,
        evidence=evidence_of(doc, raw, sentence, "table-row" if is_row else "sentence-cue", _shift(mentions, offset)),
        vesicle_type=vesicles or tuple(sorted({v for f in carried for v in f.vesicle_type})),
        source_cell=sources_ids, cargo=cargo_ids,
        cargo_type=kinds_of_cargo, target=ids(roles["targets"]), direction=tuple(sorted(target_dirs)),
        pathway=pathway, pathway_text=pathway_text, disease=diseases,
        disease_inherited=inherited and bool(diseases), recipient_cell=ids(recipients),
        study_type=study_types_of(sentence),
        application=applications,
    )
    out = []
    for direction, group in effects_by_direction(text, effects):
        finding = replace(base, effect=ids(group), effect_direction=(direction,) if direction else ())
        if direction and not finding.cargo_type:   # "exosomal proteins polarize macrophages": a directed claim
            finding = replace(finding, cargo_type=vesicle_cargo_types(text, carried_kinds))
        if not _vague(finding):
            out.append(replace(finding, finding_id=finding_id(finding)))
    if not out and use_claim:   # effects too vague to state ("despite their role in X, ...") leave the use
        out.append(replace(base, finding_id=finding_id(base)))
    return out


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
