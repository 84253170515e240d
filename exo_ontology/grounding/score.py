"""How the grounder scores and orders candidates: deterministic, explainable adjustments.

Score = the band of the match's tier (label 0.96, edit-file name 0.90, exact 0.84, curated
0.78, related 0.72, former 0.66, alias 0.60, xref 0.54, mesh 0.48) plus adjustments kept under
half a band (case -0.02 for genes and miRNAs, else -0.005; broader/nearest/related/NCBI-only
and replaced-obsolete -0.01; taxon -0.01, a taxon that is not a species binomial another
-0.005; cancer context +0.01), so a lower-tier synonym never beats a higher-tier hit for another
term ("Synonym tiers" in ../shared/reference/README.md).

Gene names are case-sensitive and not unique, so genes get rules of their own (`gene_rules`):
the case the text chose, a family name that names no single gene, the symbol a shared alias
was made from, and a shared alias that names no gene.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

from exo_ontology.grounding.gene_names import shared_series
from exo_ontology.grounding.index import PROJECT, band
from exo_ontology.grounding.mirna_resolver import FLAG_SCORE
from exo_ontology.grounding.normalize import normalize
from exo_ontology.grounding.rewrites import REWRITE_PENALTY
from exo_ontology.lexicon.records import STATUSES, Term
from exo_ontology.model import Candidate

#: match status -> rank, higher is better (label > exact > curated > ... > mesh)
STATUS_RANK: dict[str, int] = {s: len(STATUSES) - i for i, s in enumerate(STATUSES)}
CASE_PENALTY = {"gene": 0.02, "mirna": 0.02}     # symbols are case-sensitive; others 0.005
TYPE_PENALTY = {"taxon": 0.01}                    # genus names collide with words ("Cancer")
NOT_SPECIES = 0.005     # "human" names the genus Homo and Homo sapiens: the species is meant
TIE_BREAK = 0.005       # below any other adjustment: decides ties only
#: statuses that name one gene for sure (HGNC symbols and names, the project's curated names)
SURE = ("label", "exact", "curated")
FLAGGED = round(FLAG_SCORE - 0.05, 4)
_BINOMIAL = re.compile(r"[A-Z][a-z]+ [a-z]+(?: [a-z]+)?")

TermLookup = Callable[[str], "Term | None"]


def case_key(text: str) -> str:
    """The normalised key with case kept, except a capital first letter ("Cancer" = "cancer")."""
    key = normalize(text, casefold=False)
    return key.lower() if key[1:] == key[1:].lower() else key


@lru_cache(maxsize=200_000)
def name_case_key(name: str) -> str:
    return case_key(name)


def score_row(row: tuple[str, str, str, str, str], text: str, cancer: bool,
              term_of: TermLookup) -> Candidate | None:
    """Score one matching name; obsolete terms are replaced (noted) or dropped."""
    name, curie, tier, type_, relation = row
    term, note, adjust = term_of(curie), "", 0.0
    if term is not None and term.obsolete:
        replacement = term_of(term.replaced_by) if term.replaced_by else None
        if replacement is None or replacement.obsolete:
            return None
        note, adjust, term = f"replaces obsolete {curie}", -0.01, replacement
    if term is not None:
        curie, type_ = term.curie, term.type
    label = term.label if term is not None else curie
    if case_key(text) != name_case_key(name):
        adjust -= CASE_PENALTY.get(type_, 0.005)
    adjust -= TYPE_PENALTY.get(type_, 0.0)
    if type_ == "taxon" and not _BINOMIAL.fullmatch(label):
        adjust -= NOT_SPECIES
    if relation == "ncbi":                       # an NCBI name HGNC does not list
        adjust -= 0.01
    elif relation in ("broader", "nearest", "related"):
        adjust -= 0.01
        note = f"{note}; " * bool(note) + f"{relation}: {label} is the {relation} term"
    if cancer and term is not None and term.cancer_branch:
        adjust += 0.01 if term.cancer_branch == "cancer" else 0.005
    score = round(band(tier) + max(-0.029, min(0.029, adjust)), 4)
    status = "curated" if tier == PROJECT else tier
    return Candidate(curie, label, type_, score, name, status, note)


def order(c: Candidate) -> tuple[float, int, str]:
    """Sort key: best score, then best status, then CURIE (deterministic)."""
    return (-c.score, -STATUS_RANK.get(c.status, 0), c.curie)


def join(note: str, more: str) -> str:
    return f"{note}; {more}" if note else more


def lowered(cands: list[Candidate], steps: int, how: str) -> list[Candidate]:
    """Candidates found through `steps` rewrites: REWRITE_PENALTY lower per step, noted."""
    return [replace(c, score=round(c.score - REWRITE_PENALTY * steps, 4),
                    note=join(c.note, f"rewritten ({how})")) for c in cands]


def flagged(cands: Iterable[Candidate], note: str) -> list[Candidate]:
    """The same candidates as suggestions only: below FLAG_SCORE, status `flagged`, noted."""
    return [replace(c, score=round(min(c.score, FLAGGED), 4), status="flagged",
                    note=join(c.note, note)) for c in cands]


def mixed_case(text: str) -> bool:
    """Both cases, and not just a capitalised word: "P-gp", "NF-kB", not "met" or "Met"."""
    return (any(c.isupper() for c in text) and any(c.islower() for c in text)
            and not re.fullmatch(r"[A-Z][a-z]+", text))


def gene_rules(text: str, ranked: list[Candidate], exact_case: set[str],
               members: frozenset[str]) -> list[Candidate]:
    """The gene rules, in order (`members`: approved symbols that are the text plus one digit
    or capital, e.g. AKT1/2/3 for "AKT"):

    1. Case: when the text mixes cases on purpose ("P-gp", not "met" or "Met"), a gene whose
       name matches that case (ABCB1's alias "P-gp") ranks above one matching only
       case-insensitively (the symbol PGP).
    2. A label, HGNC name or curated name is the answer.
    3. Family: no gene has the name as its symbol and approved symbols are it plus one digit
       or capital (AKT -> AKT1/2/3), or the top genes form such a series (PI3K -> PIK3CA/CB):
       it names no single gene, so its candidates are flagged below FLAG_SCORE. A previous
       symbol is no exception: "TGFB" was TGFB1's symbol, yet "TGF-beta" names TGFB1/2/3.
    4. Shared alias: among genes tied at the top, the one whose symbol begins with the name
       ("HIF1" -> HIF1A, not SETD2 whose alias HIF-1 means another protein) is preferred;
       when none or several do, the name names no gene for sure and the tied genes are flagged
       (a wrong identifier is worse than none).
    """
    genes = [c for c in ranked if c.type == "gene"]
    exact = [c for c in genes if c.curie in exact_case]
    if exact and genes[0].curie not in exact_case and mixed_case(text):
        floor = exact[0].score - 0.005
        ranked = sorted((replace(c, score=round(min(c.score, floor), 4),
                                 note=join(c.note, f"case differs from {text!r}"))
                         if c.type == "gene" and c.curie not in exact_case else c
                         for c in ranked), key=order)
        genes = [c for c in ranked if c.type == "gene"]
    if genes[0].status in SURE:
        return ranked
    top = [c for c in genes if c.status == genes[0].status]
    if len(members) >= 2 or shared_series(top[0].label, (c.label for c in top[1:])):
        names = ", ".join(sorted(members or {c.label for c in genes}))
        note = f"family name: several genes ({names}); no single gene"
        return sorted([*flagged(genes, note), *(c for c in ranked if c.type != "gene")],
                      key=order)
    return _shared_alias(text, ranked, genes)


def _shared_alias(text: str, ranked: list[Candidate], genes: list[Candidate]) -> list[Candidate]:
    """Rule 4 of `gene_rules`: a tie among genes is broken by the symbol the name was made
    from, else by the spelling as written ("PD-1", an alias of PDCD1, over "PD1" of SNCA);
    when neither decides, every gene candidate is flagged."""
    tied = [c for c in genes if c.score == genes[0].score]
    if len(tied) < 2:
        return ranked
    key = normalize(text)
    for reason, chosen in (("symbol {label} begins with {text!r}",
                            [c for c in tied if normalize(c.label).startswith(key)]),
                           ("spelt {text!r} as written",
                            [c for c in tied if c.matched.casefold() == text.casefold()])):
        if len(chosen) == 1:
            best = replace(chosen[0], score=round(chosen[0].score + TIE_BREAK, 4),
                           note=join(chosen[0].note, reason.format(label=chosen[0].label,
                                                                   text=text)))
            return sorted([best, *(c for c in ranked if c is not chosen[0])], key=order)
    labels = ", ".join(sorted(c.label for c in tied))
    note = f"ambiguous: {len(tied)} genes share the name ({labels}); no single gene"
    return sorted([*flagged(genes, note), *(c for c in ranked if c.type != "gene")], key=order)
