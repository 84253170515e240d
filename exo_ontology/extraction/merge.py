"""A clause's findings: the merge of its slot fillers, one finding per direction of effect.

The finding's `Evidence.rule` is the reading unit ("sentence" or "table-row") followed by the names of
the cue-table rows that fired while its slots were filled, in the order they fired.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.clause import (
    Clause,
    Filled,
    T,
    clause_of,
    fill_applications,
    fill_cargo_types,
    fill_cells,
    fill_disease,
    fill_effects,
    fill_molecules,
    fill_named_kinds,
    fill_pathway,
    fill_study_types,
    fill_targets,
    fill_vesicles,
    use_is_claimed,
)
from exo_ontology.extraction.effects import effects_by_direction
from exo_ontology.extraction.evidence import evidence_of
from exo_ontology.extraction.ids import finding_id
from exo_ontology.extraction.shorthands import Shorthand
from exo_ontology.extraction.slots import Kinds, ids, vesicle_cargo_types
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Finding, Mention, Sentence, SourceDoc


def read_clause(doc: SourceDoc, raw: str, sentence: Sentence, text: str, mentions: list[Mention],
                grounder: Grounds, kinds: Kinds, carried: Sequence[Finding], offset: int = 0,
                context_diseases: tuple[str, ...] = (),
                shorthands: dict[str, Shorthand] | None = None,
                known_cargo: frozenset[str] = frozenset()) -> list[Finding]:
    """The findings of one clause (`text`, at `offset` in the sentence) or of a whole table row."""
    built = clause_of(text, sentence, mentions, grounder, kinds, carried, context_diseases, shorthands or {},
                      known_cargo)
    clause: Clause = built.values
    if not (clause.vesicle_word or clause.is_row):
        return []
    fired: list[str] = list(built.cues)

    def take(result: Filled[T]) -> T:
        fired.extend(name for name in result.cues if name not in fired)
        return result.values

    roles, carried_kinds = take(fill_molecules(clause))
    effects = take(fill_effects(clause, grounder, kinds))
    cargo = roles["cargo"]
    applications = take(fill_applications(clause, cargo, carried_kinds))
    named = () if cargo or effects else take(fill_named_kinds(clause, carried_kinds))
    # a kind of cargo is a claim when something is said of it, or when the vesicles are said to hold it
    said = cargo or effects or (named and (applications or roles["targets"] or cues.CARRIES_KIND.search(clause.text)))
    use_claim = take(use_is_claimed(clause, applications))
    if not said and not use_claim:
        return []
    sources, recipients = take(fill_cells(clause, kinds))
    cargo_ids = ids([m for m, _ in cargo])
    targets, target_dirs = take(fill_targets(clause, roles, cargo_ids))
    diseases, inherited = take(fill_disease(clause, grounder, kinds))
    pathway, pathway_text = take(fill_pathway(clause, grounder))
    kinds_of_cargo = take(fill_cargo_types(clause, cargo, named, kinds))
    vesicles = take(fill_vesicles(clause, applications, bool(cargo or kinds_of_cargo)))
    study_types = take(fill_study_types(clause))
    with cues.recording() as said_how:      # the direction verbs of the effects
        by_direction = effects_by_direction(clause.text, effects)
    fired.extend(name for name in said_how if name not in fired)
    unit = "table-row" if clause.is_row else "sentence"
    shifted = [replace(m, start=m.start + offset, end=m.end + offset) for m in clause.mentions]
    base = Finding(
        doc_id=doc.doc_id,
        evidence=evidence_of(doc, raw, sentence, " ".join([unit, *fired]), shifted),
        vesicle_type=vesicles, source_cell=sources, cargo=cargo_ids,
        cargo_type=kinds_of_cargo, target=targets, direction=target_dirs,
        pathway=pathway, pathway_text=pathway_text, disease=diseases,
        disease_inherited=inherited and bool(diseases), recipient_cell=recipients,
        study_type=study_types, application=applications,
    )
    out = []
    for direction, group in by_direction:
        finding = replace(base, effect=ids(group), effect_direction=(direction,) if direction else ())
        if direction and not finding.cargo_type:   # "exosomal proteins polarize macrophages": a directed claim
            finding = replace(finding, cargo_type=vesicle_cargo_types(clause.text, carried_kinds))
        if not vague(finding):
            out.append(replace(finding, finding_id=finding_id(finding)))
    if not out and use_claim:   # effects too vague to state ("despite their role in X, ...") leave the use
        out.append(replace(base, finding_id=finding_id(base)))
    return out


def vague(finding: Finding) -> bool:
    """An effect named with no direction, no cargo, no source, no target and no disease at all says
    nothing checkable ("exosomes influence the activity of immune cells"); with the paper's disease
    ("exosomes take part in communication between cells" in a glioma abstract) it is a claim of it."""
    own_disease = bool(finding.disease) and not finding.disease_inherited
    if set(finding.effect) <= {V.GO_EXOSOMAL_SECRETION} and finding.effect:
        # the vesicles' own release, said with no cell, cargo or drug acting on it ("X is crucial for
        # the secretion of exosomes" where X is not recognised) is a statement of biology, not a finding
        return not (finding.cargo or finding.cargo_type or finding.source_cell or finding.target or own_disease)
    return not (finding.cargo or finding.cargo_type or finding.source_cell or finding.target
                or finding.effect_direction or finding.disease)
