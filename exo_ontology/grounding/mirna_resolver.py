"""Resolve parsed miRNA names against the lexicon's human miRBase 22 tables to ranked candidates.

A name that parses but names no human miRNA ("miR-2993p": no hsa-miR-2993 exists) becomes a
flagged candidate ("possible typo, might be hsa-miR-299-3p"). A wrong identifier is worse than
a missing one, so flagged candidates score below `FLAG_SCORE` and say why in their note.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from exo_ontology.grounding.mirna import MirnaName, parse
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.lexicon.records import MiRNA, Term
from exo_ontology.model import Candidate

#: (name, accession, type, current_name, is_current): a row of the lexicon's miRNA name history
HistoryRow = tuple[str, str, str, str, bool]

#: candidates scoring below this are suggestions for a curator, never to be used unreviewed
FLAG_SCORE = 0.5


class MirnaResolver:
    """Indexes the lexicon's human miRBase tables once, then resolves parsed names to candidates."""

    def __init__(self, mirnas: Iterable[MiRNA], history: Iterable[HistoryRow],
                 term: Callable[[str], Term | None]) -> None:
        self.term = term                                # CURIE -> lexicon term (labels, xrefs)
        self.by_name: dict[str, MiRNA] = {}
        self.by_stem: dict[str, list[MiRNA]] = {}       # "hsa-miR-24" -> 24-3p, 24-1-5p, 24-2-5p
        self.precursors: dict[str, dict[str, tuple[str, ...]]] = {}  # stem -> {precursor: genes}
        self.letters: dict[str, set[str]] = {}          # "miR-200" -> {"a", "b", "c"}
        for row in mirnas:
            self.by_name[row.name] = row
            parsed = parse(row.name)
            if not parsed:
                continue
            stem = parsed[0].stem
            self.by_stem.setdefault(stem, []).append(row)
            self.letters.setdefault(f"{parsed[0].kind}-{parsed[0].number}", set()).add(
                parsed[0].letter)
            for acc, precursor in zip(row.precursor_accs, row.precursor_names, strict=False):
                self.precursors.setdefault(stem, {})[precursor] = self._genes_of(acc, row)
        self.history: dict[str, str] = {}               # any human mature name v6-v22 -> v22 name
        for name, _accession, type_, current, _is_current in history:
            if type_ == "mature":
                self.history.setdefault(name, current)

    def __getstate__(self) -> dict[str, object]:
        """Pickled without `term` (a lookup into the caller's tables); `rebind` gives it one."""
        return {k: v for k, v in self.__dict__.items() if k != "term"}

    def rebind(self, term: Callable[[str], Term | None]) -> MirnaResolver:
        """This (unpickled) resolver, looking terms up with `term`."""
        self.term = term
        return self

    @classmethod
    def from_lexicon(cls, lexicon: Lexicon) -> MirnaResolver:
        """A resolver over the lexicon's miRNA tables."""
        return cls(lexicon.mirnas(), lexicon.mirna_history(), lexicon.term)

    def _genes_of(self, precursor_acc: str, row: MiRNA) -> tuple[str, ...]:
        """NCBI genes of a precursor (its lexicon term's xrefs); a single-precursor row's genes
        when the precursor term is missing."""
        term = self.term(f"mirbase:{precursor_acc}")
        if term is not None:
            return tuple(x for x in term.xrefs if x.startswith("NCBIGene:"))
        return row.gene_curies if len(row.precursor_accs) == 1 else ()

    # ---- candidates --------------------------------------------------------------------
    def _mature(self, row: MiRNA, score: float, status: str, matched: str, note: str = "") -> Candidate:
        return Candidate(f"mirbase.mature:{row.mature_acc}", row.name, "mirna", score, matched,
                         status, note)

    def _gene(self, curie: str, score: float, matched: str, note: str = "") -> Candidate:
        term = self.term(curie)
        return Candidate(curie, term.label if term else curie, "gene", score, matched,
                         "grammar", note)

    def _with_genes(self, row: MiRNA, score: float, status: str, matched: str,
                    note: str = "") -> list[Candidate]:
        out = [self._mature(row, score, status, matched, note)]
        out += [self._gene(g, round(score - 0.1, 3), row.name, f"MIR gene of {row.name}")
                for g in row.gene_curies]
        return out

    def resolve(self, name: MirnaName) -> list[Candidate]:
        """Ranked candidates for one parsed name (best first); see the module docstring."""
        if name.species and name.species != "hsa":
            return []                                   # the lexicon holds human miRNAs only
        if name.cluster:
            return []                                   # "miR-17-92": a cluster, not one miRNA
        found = self._resolve(name)
        if not found and name.letter == "i" and not name.inhibitor:
            base = replace(name, letter="", inhibitor=True)
            found = self._resolve(base)
            name = base
        if not found:
            return self._suggest(name)
        if name.inhibitor:
            what = f"inhibitor of {name.canonical()}: the candidates name the inhibited miRNA"
            found = [replace(c, note=f"{what}; {c.note}".rstrip("; ")) for c in found]
        return sorted(found, key=lambda c: (-c.score, c.curie))

    def _resolve(self, name: MirnaName) -> list[Candidate]:
        if name.symbol:
            return self._resolve_gene(name)
        full = name.canonical()
        if name.arm and name.arm != "*" and full in self.by_name:
            return self._with_genes(self.by_name[full], 1.0, "label", full)
        if not name.arm and full in self.by_name:       # arm-less in miRBase 22: miR-107, miR-1246
            return self._with_genes(self.by_name[full], 1.0, "label", full)
        if not name.arm and self._precursors(name):      # "miR-21": the gene, then both arms
            return self._armless(name)
        current = self.history.get(full)                # old names: "hsa-miR-21*", "hsa-miR-213"
        if current in self.by_name:
            found = self._with_genes(self.by_name[current], 0.9, "former", full,
                                     f"former miRBase name of {current}")
            if not name.arm and not name.star_like:      # arm-less like "miR-21": genes first
                found = [replace(c, score=round(c.score + 0.15, 3)) if c.type == "gene" else c
                         for c in found]
            return found
        if not name.arm:
            return self._family(name)
        rows = [r for r in self.by_stem.get(name.stem, ())
                if r.name.endswith(f"-{name.copy}-{name.arm}" if name.copy else f"-{name.arm}")]
        if rows:
            note = f"{full} is not a miRBase 22 name; the {name.arm} arm is named per precursor copy"
            return [c for r in rows for c in self._with_genes(r, 0.85, "grammar", r.name, note)]
        arm_less = self.by_name.get(name.stem)
        if arm_less is not None:
            note = f"miRBase 22 names a single mature {name.stem}; the arm {name.arm} was ignored"
            return self._with_genes(arm_less, 0.8, "grammar", name.stem, note)
        return []

    def _precursors(self, name: MirnaName) -> dict[str, tuple[str, ...]]:
        """Precursors of the name's stem ({"hsa-mir-24-1": genes, ...}), only the written copy."""
        found = self.precursors.get(name.stem, {})
        return {p: genes for p, genes in found.items()
                if not name.copy or p.endswith(f"-{name.copy}")}

    def _armless(self, name: MirnaName) -> list[Candidate]:
        """"miR-21": the MIR gene(s) first, then the mature arms (the one history called
        'hsa-miR-21' ranked above the other)."""
        precursors = self._precursors(name)
        if not precursors:
            return self._family(name)
        old = self.history.get(name.stem, "")
        out = [self._gene(g, 0.95, p, f"MIR gene; precursor {p}")
               for p, genes in precursors.items() for g in genes]
        for row in self.by_stem.get(name.stem, ()):
            if not name.copy or set(row.precursor_names) & set(precursors):
                score = 0.87 if row.name == old else 0.85
                out.append(self._mature(row, score, "grammar", name.stem,
                                        f"mature arm of {name.stem}"))
        return _unique(out)

    def _family(self, name: MirnaName) -> list[Candidate]:
        """"miR-200": no such miRNA, but 200a/b/c exist; every member's gene, tied and flagged."""
        if name.letter:
            return []
        letters = sorted(self.letters.get(f"{name.kind}-{name.number}", set()) - {""})
        out: list[Candidate] = []
        for letter in letters:
            member = replace(name, letter=letter)
            for p, genes in self._precursors(member).items():
                out += [self._gene(g, 0.6, p, f"family {name.stem}: member {member.stem}")
                        for g in genes]
        return _unique(out)

    def _resolve_gene(self, name: MirnaName) -> list[Candidate]:
        precursors = self._precursors(name)
        out = [self._gene(g, 1.0, p, f"MIR gene; precursor {p}")
               for p, genes in precursors.items() for g in genes]
        out += [self._mature(r, 0.85, "grammar", name.stem, f"mature product of {name.text}")
                for r in self.by_stem.get(name.stem, ()) if set(r.precursor_names) & set(precursors)]
        return _unique(out)

    def _suggest(self, name: MirnaName) -> list[Candidate]:
        """No such human miRNA: flag it and list the names it might be a typo of."""
        guesses: list[MirnaName] = []
        if name.letter == "p" and name.number[-1:] in "35" and len(name.number) > 1:
            guesses.append(replace(name, number=name.number[:-1], letter="",
                                   arm=f"{name.number[-1]}p"))     # "2993p" -> "299-3p"
        if name.letter:
            guesses.append(replace(name, letter=""))
        out: list[Candidate] = []
        for guess in guesses:
            for c in self._resolve(guess):
                if c.curie not in {o.curie for o in out}:
                    note = (f"flagged: possible typo: {name.text!r} ({name.canonical()}) is not a "
                            f"human miRNA in miRBase 22; it might be {c.label}")
                    out.append(replace(c, score=round(min(c.score, 1.0) * 0.3, 3),
                                       status="flagged", note=note))
        return sorted(out, key=lambda c: (-c.score, c.curie))


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    """The first candidate of each CURIE, order kept."""
    first: dict[str, Candidate] = {}
    for c in candidates:
        first.setdefault(c.curie, c)
    return list(first.values())
