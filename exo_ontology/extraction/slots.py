"""Fill the slots of a finding from the mentions of one sentence, with the cue phrases of cues.py."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from exo_ontology import vocabulary as V
from exo_ontology.extraction import cues
from exo_ontology.model import Mention
from exo_ontology.namespaces import compress

VESICLE_GO = {V.GO_EXTRACELLULAR_VESICLE, V.GO_EXOSOME, V.GO_MICROVESICLE, V.GO_APOPTOTIC_BODY}
EXOC_PREFIX = "EXOC:"

@dataclass(frozen=True)
class Kinds:
    """Which CURIEs count as effects and vesicle types (read from the ontology, not hard-coded)."""

    effects: frozenset[str]
    vesicles: frozenset[str]
    roles: frozenset[str] = frozenset()   # ChEBI roles ("drug", "biomarker"): not chemical entities
    ancestors: Callable[[str], Sequence[str]] | None = None   # the lexicon's is_a closure
    #: gene -> the cargo-type key its locus type gives (protein, lncrna, mirna); absent: no kind known
    gene_cargo: Mapping[str, str] = field(default_factory=dict)


def most_specific(curies: tuple[str, ...], kinds: Kinds) -> tuple[str, ...]:
    """Drop a term another term of the slot already implies ("cancer" beside "colorectal cancer"):
    the generic word is the same claim said less precisely."""
    if kinds.ancestors is None or len(curies) < 2:
        return curies
    implied = {a for c in curies for a in kinds.ancestors(c)}
    return tuple(c for c in curies if c not in implied)


def kind_of(mention: Mention, kinds: Kinds) -> str:
    """The slot family of a mention: vesicle, effect, cell, disease, gene, mirna, chemical or other."""
    best = mention.best
    if best is None or best.status == "flagged":   # suggestions (typos, gene families) are not used
        return "other"
    curie = best.curie
    if curie in kinds.vesicles:
        return "vesicle"
    if curie in kinds.effects:
        return "effect"
    prefix = curie.split(":", 1)[0]
    if curie in kinds.roles:
        return "other"
    if mention.type == "mirna" or prefix.startswith("mirbase"):
        return "mirna"
    return {"CL": "cell", "MONDO": "disease", "NCBIGene": "gene", "CHEBI": "chemical"}.get(prefix, "other")


def ids(mentions: list[Mention]) -> tuple[str, ...]:
    """Sorted distinct best CURIEs of the mentions."""
    return tuple(sorted({m.best.curie for m in mentions if m.best is not None}))


def _before(text: str, mention: Mention, width: int = 45) -> str:
    return text[max(0, mention.start - width):mention.start]


def _after(text: str, mention: Mention, width: int = 30) -> str:
    return text[mention.end:mention.end + width]


def is_cargo(text: str, mention: Mention, near_vesicle: bool) -> bool:
    """A gene or chemical is cargo when a cue ties it to the vesicle ("exosomal X", "loaded with X")."""
    if cues.CARGO_BEFORE.search(_before(text, mention)) or cues.CARGO_AFTER.search(_after(text, mention)):
        return True
    if cues.CARGO_PASSIVE.match(_after(text, mention, 110)):
        return True
    return near_vesicle and bool(cues.VESICLE_RIGHT_AFTER.match(_after(text, mention)))


def in_vesicles(text: str, mention: Mention) -> bool:
    """The sentence places the molecule in the vesicles ("levels of HER2 in exosomes", "X is carried
    by EVs"): it is their cargo, even after a regulation cue."""
    return bool(cues.CARGO_AFTER.search(_after(text, mention)) or cues.CARGO_PASSIVE.match(_after(text, mention, 110))
                or cues.CARGO_AMOUNT_BEFORE.search(_before(text, mention, 60))
                or cues.LIST_IN_VESICLES.match(_after(text, mention, 140)))


def sorts_cargo(text: str, mention: Mention) -> bool:
    """The protein sorts or packages cargo into the vesicles ("hnRNPA1 packages miR-522 into exosomes",
    "sorted into EVs by YBX1"): machinery of the vesicles, neither their cargo nor a target."""
    return bool(cues.SORTER_AFTER.match(_after(text, mention)) or cues.SORTER_BEFORE.search(_before(text, mention, 60)))


def silenced(text: str, mention: Mention) -> bool:
    """The gene names a silencing cargo ("KRAS siRNA"): it is that cargo's target."""
    return bool(cues.SILENCED_AFTER.match(_after(text, mention)))


def is_target(text: str, mention: Mention) -> bool:
    """A gene is a target when a regulation cue precedes it, 'expression' follows it, or it names
    what a silencing cargo acts on ("anti-MET siRNA"; not "anti-PD-1 therapy", a drug)."""
    after = _after(text, mention)
    silencer = re.search(r"anti-\s*$", _before(text, mention, 6)) and cues.SILENCER_AFTER.match(after)
    return (bool(cues.TARGET_BEFORE.search(_before(text, mention, 40))) or bool(silencer)
            or silenced(text, mention) or bool(cues.TARGET_AFTER.match(after)))


def target_direction(text: str, mention: Mention) -> str | None:
    """EXOC direction of the action on a target, from the verb just before it."""
    if silenced(text, mention):
        return compress(str(V.DOWNREGULATES))
    window = _before(text, mention, 60)
    last_up = max((m.end() for m in cues.UPREGULATE.finditer(window)), default=-1)
    last_down = max((m.end() for m in cues.DOWNREGULATE.finditer(window)), default=-1)
    if last_up < 0 and last_down < 0:
        after = _after(text, mention, 40)
        if cues.TARGET_UP_AFTER.match(after):
            return compress(str(V.UPREGULATES))
        return None
    return compress(str(V.UPREGULATES if last_up > last_down else V.DOWNREGULATES))


#: what effect_direction says of an effect governed by a neutral verb ("regulators of X"): no
#: direction, and not one to borrow from a neighbour either
NEUTRAL = "neutral"


def effect_direction(text: str, mention: Mention, clause_start: int) -> str | None:
    """promotes / inhibits, from the nearest direction verb before the effect within its clause;
    NEUTRAL when a neutral verb is nearer; None when there is no verb at all."""
    window = text[clause_start:mention.start]
    if cues.INHIBITING_PREFIX.search(window):
        return compress(str(V.INHIBITS))
    if cues.COMPARATIVE_UP.search(mention.text):     # "more exosomes", "exosomes at higher rates"
        return compress(str(V.PROMOTES))
    last_promote = max((m.end() for m in cues.PROMOTE.finditer(window)), default=-1)
    last_inhibit = max((m.end() for m in cues.INHIBIT.finditer(window)), default=-1)
    # "genes associated with <effect>": the words name the genes, right before the effect
    modifiers = {x.start("n") for x in cues.NEUTRAL_MODIFIER.finditer(window) if not window[x.end():].strip()}
    last_neutral = max((m.end() for m in cues.NEUTRAL.finditer(window) if m.start() not in modifiers), default=-1)
    if last_neutral > max(last_promote, last_inhibit):
        return NEUTRAL
    loss = max((m.end() for m in cues.LOSS_OF_FUNCTION.finditer(window)), default=-1)
    if max(last_promote, last_inhibit) < 0:
        after = cues.POSTPOSED.matching(text[mention.end:mention.end + 60])    # "invasion ... decreased"
        if after is None:
            return None
        return compress(str(V.INHIBITS if (after.value == "inhibits") != (loss >= 0) else V.PROMOTES))
    inhibits = last_inhibit > last_promote
    # "knockdown of X reduced invasion", "blocking it prevented metastasis": X promotes what its loss stops
    if 0 <= loss < max(last_promote, last_inhibit) and loss not in (last_promote, last_inhibit):
        inhibits = not inhibits
    return compress(str(V.INHIBITS if inhibits else V.PROMOTES))


def clause_start(text: str, position: int) -> int:
    """Start of the clause holding `position` (after the last ';' or ', whereas/while/but')."""
    cut = max((m.end() for m in re.finditer(r";|,\s+(?:whereas|while|but)\b|\bwhile\b", text[:position])),
              default=0)
    return cut


def cell_role(text: str, mention: Mention, first_entity: bool, has_vesicle_word: bool) -> str | None:
    """'source' or 'recipient' for a cell mention, from the words around it."""
    before, after = _before(text, mention, 60), _after(text, mention, 40)
    if cues.SOURCE_BEFORE.match(after) and has_vesicle_word:
        return "source"
    if cues.SOURCE_AFTER.search(before):
        return "source"
    if cues.RECIPIENT_BEFORE.search(before) or cues.RECIPIENT_PASSIVE.match(_after(text, mention, 110)) or \
            cues.RECIPIENT_PROCESS.match(after):
        return "recipient"
    if first_entity and has_vesicle_word:
        return "source"
    return None


def cargo_types(text: str, cargo_mentions: list[tuple[Mention, str]],
                gene_cargo: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """EXOC cargo-type classes from the kinds of cargo and the words naming them ("KRAS DNA", "HOTAIR
    lncRNA"), else from what the molecule is (a miRNA, a drug, a gene's locus type)."""
    gene_cargo = gene_cargo or {}
    found: set[str] = set()
    for mention, kind in cargo_mentions:
        window = text[max(0, mention.start - 20):mention.end + 12]
        typed = [row.value for row in cues.SPECIFIC_CARGO_TYPE_WORDS.every(window) if row.value]
        if typed:
            found.add(typed[0])
        elif kind == "mirna":
            found.add("mirna")
        elif kind == "chemical":
            found.add("drug")
        elif kind == "gene" and mention.best is not None and mention.best.curie in gene_cargo:
            found.add(gene_cargo[mention.best.curie])     # from HGNC's locus type, never a default
    return tuple(sorted(compress(str(V.CARGO_TYPES[k])) for k in found))


def kinds_named(phrase: str) -> set[str]:
    """Cargo-type keys of the kind words in a phrase ("exosomal proteins and miRNAs" -> protein, mirna)."""
    return _kind_words(phrase) | ({"drug"} if cues.DRUG_WORD.search(phrase) else set())


def _kind_words(text: str) -> set[str]:
    """Cargo-type keys of every kind word in the text."""
    return {row.value for row in cues.CARGO_TYPE_WORDS.every(text) if row.value}


def vesicle_cargo_types(text: str, delivered: Sequence[Mention] = ()) -> tuple[str, ...]:
    """Cargo kinds the sentence says the vesicles carry, without naming a molecule
    ("exosomal miRNAs can serve as biomarkers"): such a kind is the cargo of the finding.
    `delivered` are kind words ("mRNA") already found to be carried by the vesicles."""
    found: set[str] = set()
    for match in cues.VESICLE_KIND.finditer(text):
        found |= kinds_named(next(g for g in match.group("a", "b", "c") if g))
    for mention in delivered:     # kind words the sentence says are carried ("delivered mRNA ... via exosomes")
        found |= kinds_named(mention.text)
    return tuple(sorted(compress(str(V.CARGO_TYPES[k])) for k in found))


def unnamed_cargo_types(text: str) -> tuple[str, ...]:
    """Cargo types named only generically ("carry proteins, nucleic acids and lipids")."""
    if not cues.CARGO_VERB.search(text):
        return ()
    return tuple(sorted(compress(str(V.CARGO_TYPES[k])) for k in _kind_words(text)))
