"""Read one clause (or table row): slot fillers, each returning its values and the cues that fired.

`read_clause` builds a `Clause` (its text, its mentions by kind, whether it names vesicles), runs the
slot fillers in order, and merges what they return into findings, one per direction of effect.
Every filler runs inside `cues.recording()`, so `Filled.cues` names the rows of the cue table that
matched while it worked; the finding's `Evidence.rule` lists them all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Generic, TypeVar

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.extraction.context import inherited_disease, table_mentions
from exo_ontology.extraction.effects import examples_of_processes, phrase_effects
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
from exo_ontology.extraction.scope import NOT_AN_APPLICATION_CLAIM, THEY
from exo_ontology.extraction.shorthands import Shorthand, shorthands_in
from exo_ontology.extraction.slots import (
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
from exo_ontology.grounding.protocol import Grounds
from exo_ontology.model import Finding, Mention, Sentence

#: identifiers of one slot
Ids = tuple[str, ...]
ANY_CELL = "CL:0000000"


T = TypeVar("T")


@dataclass(frozen=True)
class Filled(Generic[T]):
    """What one slot filler found: its values and the names of the cues that fired."""

    values: T
    cues: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clause:
    """One clause of a sentence with its mentions, as the slot fillers read it."""

    text: str
    sentence: Sentence
    mentions: tuple[Mention, ...]
    by_kind: dict[str, list[Mention]] = field(hash=False)
    vesicle_word: bool
    own_vesicles: bool
    carried: tuple[Finding, ...]
    context_diseases: tuple[str, ...]
    shorthands: tuple[Shorthand, ...] = ()    # the vesicle shorthands the clause names ("H-GDEs")
    known_cargo: frozenset[str] = frozenset()   # molecules earlier sentences gave the vesicles as cargo

    @property
    def is_row(self) -> bool:
        return self.sentence.kind == "table_row"

    def of(self, kind: str) -> list[Mention]:
        return self.by_kind.get(kind, [])


def filled(work: Callable[[], T]) -> Filled[T]:
    """Run a filler's work, recording the cues that fire in it."""
    with cues.recording() as fired:
        values = work()
    return Filled(values, tuple(fired))


def clause_of(text: str, sentence: Sentence, mentions: list[Mention], grounder: Grounds, kinds: Kinds,
              carried: Sequence[Finding], context_diseases: tuple[str, ...],
              shorthands: dict[str, Shorthand], known_cargo: frozenset[str] = frozenset()) -> Filled[Clause]:
    """The clause with its mentions by kind (a table row gains its origin cell's mentions)."""
    def work() -> Clause:
        nonlocal text, mentions
        if sentence.kind == "table_row":
            extra = [replace(m, start=m.start + len(text) + 1, end=m.end + len(text) + 1)
                     for m in table_mentions(sentence, grounder)]
            mentions = [*mentions, *extra]
            text = f"{text} {sentence.context_value('origin')}"
        mentions = [*mentions, *coordinated_cells(text, mentions, grounder, kinds)]
        by_kind: dict[str, list[Mention]] = {}
        for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
            by_kind.setdefault(kind_of(mention, kinds), []).append(mention)
        named_here = shorthands_in(text, shorthands)
        named = bool(by_kind.get("vesicle")) or bool(cues.VESICLE_WORDS.search(text)) or bool(named_here)
        return Clause(text, sentence, tuple(mentions), by_kind, named or bool(carried),
                      named or (bool(carried) and bool(THEY.match(text))),   # "Moreover, they can serve as ..."
                      tuple(carried), context_diseases, tuple(named_here), known_cargo)
    return filled(work)


def fill_molecules(clause: Clause) -> Filled[tuple[dict[str, list], list[Mention]]]:
    """Cargo and targets among the genes, miRNAs and chemicals; kinds of cargo said to be carried."""
    def work() -> tuple[dict[str, list], list[Mention]]:
        roles = molecule_roles(clause.text, clause.by_kind, clause.vesicle_word, clause.known_cargo)
        kinds_carried = [m for m in clause.of("chemical") if CARGO_KIND_NAME.match(m.text)
                         and (is_cargo(clause.text, m, clause.vesicle_word) or CARRY_VERB.search(clause.text))]
        return roles, kinds_carried
    return filled(work)


def fill_effects(clause: Clause, grounder: Grounds, kinds: Kinds) -> Filled[list[Mention]]:
    """Effect mentions: recognised terms and effect phrases, less examples of processes."""
    def work() -> list[Mention]:
        effects = [*clause.of("effect"), *phrase_effects(clause.text, list(clause.mentions), grounder, kinds)]
        # "processes, including X, Y and Z" lists what the vesicles take part in, not what they do to it
        examples = examples_of_processes(clause.text)
        return [m for m in effects if not any(s <= m.start < e for s, e in examples)]
    return filled(work)


def fill_applications(clause: Clause, cargo: list[tuple[Mention, str]],
                      carried_kinds: list[Mention]) -> Filled[Ids]:
    """Uses of the vesicles; carrying drugs, or being made to deliver a cargo, makes them a vehicle."""
    def work() -> tuple[str, ...]:
        has_drug = any(kind == "chemical" for _, kind in cargo)
        delivered = ((bool(carried_kinds) and (any(THERAPEUTIC_KIND.match(m.text) for m in carried_kinds)
                                              or bool(DELIVER_VERB.search(clause.text))))
                     # "exosomes deliver KRAS siRNA": a payload that is itself a treatment
                     or bool(DELIVER_VERB.search(clause.text) and cues.THERAPEUTIC_PAYLOAD.search(clause.text)))
        return applications_of(clause.text, has_drug or delivered, has_drug)
    return filled(work)


def fill_cells(clause: Clause, kinds: Kinds) -> Filled[tuple[Ids, Ids]]:
    """Source cells (tumour-released vesicles add the neoplastic cell) and recipient cells."""
    def work() -> tuple[tuple[str, ...], tuple[str, ...]]:
        text = clause.text
        first = min((m.start for ms in clause.by_kind.values() for m in ms if m.best), default=-1)
        sources: list[Mention] = []
        recipients: list[Mention] = []
        previous: tuple[Mention, str | None] | None = None
        for mention in clause.of("cell"):
            # a sentence continuing the previous subject ("These exosomes ...") has its source already
            role = cell_role(text, mention, mention.start == first and not clause.carried, clause.vesicle_word)
            if role is None and previous is not None and SAME_ROLE_GAP.match(text[previous[0].end:mention.start]):
                role = previous[1]     # "from antigen-presenting cells, such as dendritic cells"; "X and Y cells"
            (sources if role == "source" else recipients if role == "recipient" else []).append(mention)
            previous = (mention, role)
        source_ids = (tuple(sorted({c for f in clause.carried for c in f.source_cell}))
                      if not sources and clause.carried else ids(sources))
        if not source_ids and clause.shorthands:    # "H-GDEs contained IL-6": the shorthand's source cells
            source_ids = tuple(sorted({c for s in clause.shorthands for c in s.source_cell}))
        cell_spans = [(m.start, m.end) for m in clause.of("cell")]
        if any(tumour_releases(text, m, kinds) for m in clause.of("disease")
               if not any(s <= m.start and m.end <= e for s, e in cell_spans)):   # "cancer stem cells" is a cell
            source_ids = tuple(sorted({*source_ids, V.CL_NEOPLASTIC_CELL}))
        # "cell" itself (a bare "cells", "HPV-positive cells") says nothing of which cells
        return (tuple(c for c in source_ids if c != ANY_CELL),
                tuple(c for c in ids(recipients) if c != ANY_CELL))
    return filled(work)


def fill_targets(clause: Clause, roles: dict[str, list], cargo_ids: Ids) -> Filled[tuple[Ids, Ids]]:
    """Targets and the direction of the action on them."""
    def work() -> tuple[tuple[str, ...], tuple[str, ...]]:
        # "Ki-67-positive hepatocytes": the gene marks the cells; nothing acts on it
        targets = [m for m in roles["targets"] if m.best is not None and m.best.curie not in cargo_ids
                   and not cues.CELL_MARKER_AFTER.match(clause.text[m.end:])]
        directions = {d for m in targets if (d := target_direction(clause.text, m))}
        return ids(targets), tuple(sorted(directions))
    return filled(work)


def fill_disease(clause: Clause, grounder: Grounds, kinds: Kinds) -> Filled[tuple[Ids, bool]]:
    """The clause's own disease, else the table row's or the document context's (inherited)."""
    def work() -> tuple[tuple[str, ...], bool]:
        diseases = most_specific(ids(clause.of("disease")), kinds)
        if diseases:
            return diseases, False
        if clause.is_row:
            inherited = inherited_disease(clause.sentence, grounder)
            return inherited, bool(inherited)
        return clause.context_diseases, bool(clause.context_diseases)
    return filled(work)


def fill_vesicles(clause: Clause, applications: tuple[str, ...], has_cargo: bool) -> Filled[Ids]:
    """Vesicle classes: grounded mentions or vesicle words, engineered and drug-loaded refinements."""
    def work() -> tuple[str, ...]:
        vesicles = (ids(clause.of("vesicle")) or ((V.GO_EXOSOME,) if clause.is_row else vesicle_word_types(clause.text))
                    or tuple(sorted({v for s in clause.shorthands for v in s.vesicle_type})))
        vesicles = made_vesicles(clause.text, vesicles, applications, has_cargo)
        return vesicles or tuple(sorted({v for f in clause.carried for v in f.vesicle_type}))
    return filled(work)


def fill_cargo_types(clause: Clause, cargo: list[tuple[Mention, str]], named: Ids, kinds: Kinds) -> Filled[Ids]:
    def work() -> tuple[str, ...]:
        return cargo_types(clause.text, cargo, kinds.gene_cargo) or named or unnamed_cargo_types(clause.text)
    return filled(work)


def fill_pathway(clause: Clause, grounder: Grounds) -> Filled[tuple[Ids, str]]:
    return filled(lambda: pathway_of(clause.text, grounder))


def fill_study_types(clause: Clause) -> Filled[Ids]:
    return filled(lambda: study_types_of(clause.sentence))


def fill_named_kinds(clause: Clause, carried_kinds: list[Mention]) -> Filled[Ids]:
    return filled(lambda: vesicle_cargo_types(clause.text, carried_kinds) or unnamed_cargo_types(clause.text))


def use_is_claimed(clause: Clause, applications: tuple[str, ...]) -> Filled[bool]:
    """Vesicles put to a use ("exosomes may serve as biomarkers") are a claim even with no cargo or effect,
    unless the clause is a study's set-up, a limitation or a comparison."""
    return filled(lambda: bool(applications) and clause.own_vesicles
                  and not NOT_AN_APPLICATION_CLAIM.search(clause.text))
