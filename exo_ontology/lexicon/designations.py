"""NCBI Gene `Other_designations` as extra gene names: the full protein names papers use.

HGNC gives one approved name per gene ("estrogen receptor 1"), while papers write the protein
name NCBI keeps among its designations ("estrogen receptor alpha", "alanine aminotransferase",
"gal-9"). Designations are noisy, so only the safe ones become names (status `related`,
relation `ncbi`, like the NCBI synonyms HGNC does not list):

* of a gene the lexicon has (an approved HGNC gene with an NCBI Gene ID);
* not placeholder text ("uncharacterized protein", "putative ...") and not a phenotype the
  gene was once named after ("doxorubicin resistance", "colchicin sensitivity");
* unique: no other gene has a designation with the same normalised key, and no lexicon name
  of any term has it (a designation never competes with a symbol, alias, disease or drug
  name, and one already listed for the gene adds nothing);
* not a family name: a designation is dropped when the names of two or more genes are it plus
  a series index ("alanine aminotransferase" 1 and 2, "estrogen receptor" alpha and beta,
  "protein kinase B" alpha/beta/gamma, "cytochrome P-450" 2C9 ...), as for symbols, unless
  those genes are the owner's paralogs ("gal-9B", "gal-9C" of LGALS9B/C after LGALS9);
* a designation inverted around one comma ("actin, aortic smooth muscle") is also given in
  natural order ("aortic smooth muscle actin"), as MeSH permuted terms are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from exo_ontology.grounding.normalize import normalize
from exo_ontology.lexicon.tables import Part, Row, read_table

GENE_INFO = "Homo_sapiens.gene_info.2022-11-10.gz"
_PLACEHOLDER = re.compile(r"(?i)\b(?:uncharacterized|hypothetical|putative|unnamed|predicted|"
                          r"low quality|open reading frame|pseudogene|readthrough|novel|"
                          r"transcript variant|cdna|clone|fragment)\b")
#: what a series appends to a family's name: a number (with letters: "2C9"), a letter, a Greek letter
_SERIES_INDEX = re.compile(r"(?:[0-9]{1,2}[a-z]{0,2}[0-9]{0,2}|[a-z]|alpha|beta|gamma|delta|"
                           r"epsilon|zeta|eta|theta|iota|kappa|lambda)")
#: last words that make a designation a phenotype or a place, not a gene product
PHENOTYPE_WORDS = frozenset(("resistance", "sensitivity", "susceptibility", "deficiency",
                             "syndrome", "disease", "disorder", "phenotype", "locus", "region"))


def usable(designation: str) -> bool:
    """True for a designation that names a gene product (see the module docstring)."""
    words = designation.split()
    return (len(designation) >= 3 and not _PLACEHOLDER.search(designation)
            and words[-1].casefold() not in PHENOTYPE_WORDS)


def natural_order(designation: str) -> str:
    """"actin, aortic smooth muscle" -> "aortic smooth muscle actin"; "" when not inverted once."""
    if designation.count(", ") != 1 or "(" in designation:
        return ""
    head, tail = designation.split(", ")
    return f"{tail} {head}" if head and tail else ""


def read_designations(ref: Path, genes: set[str]) -> dict[str, list[str]]:
    """Gene CURIE -> its usable designations (and their natural-order forms), for `genes`."""
    out: dict[str, list[str]] = {}
    for r in read_table(ref / GENE_INFO):
        curie = f"NCBIGene:{r['GeneID']}"
        if curie not in genes or r["Other_designations"] in ("", "-"):
            continue
        found: list[str] = []
        for value in r["Other_designations"].split("|"):
            value = value.strip()
            if usable(value):
                found += [value, *filter(None, [natural_order(value)])]
        out[curie] = found
    return out


def names_from_designations(ref: Path, terms: dict[str, Row],
                            names: Iterable[tuple[str, str]]) -> Part:
    """The designations that are safe as names (`names`: every other (name, curie) pair)."""
    genes = {curie for curie, row in terms.items() if row[2] == "gene" and row[3] != "1"}
    keyed = [(normalize(name), curie) for name, curie in names]
    taken = {key for key, _curie in keyed}
    owners: dict[str, set[str]] = {}
    spelled: dict[tuple[str, str], str] = {}
    designations = read_designations(ref, genes)
    for curie, values in designations.items():
        for value in values:
            key = normalize(value)
            keyed.append((key, curie))
            if key and key not in taken:
                owners.setdefault(key, set()).add(curie)
                spelled.setdefault((key, curie), value)
    families = series_stems((key, curie) for key, curie in keyed if curie in genes)
    part = Part("ncbi_designations")
    for (key, curie), value in sorted(spelled.items()):
        if len(owners[key]) == 1 and not _family(curie, families.get(key, set()), terms):
            part.names.append((value, curie, "related", "ncbi"))
    return part


def _family(owner: str, series: set[str], terms: dict[str, Row]) -> bool:
    """True when two or more other genes extend the name, unless they are the owner's own
    paralogs (symbols LGALS9B, LGALS9C after LGALS9: "gal-9" still names LGALS9)."""
    others = series - {owner}
    if len(series) < 2:
        return False
    symbol = terms[owner][1]
    return not all(terms[c][1].startswith(symbol) and len(terms[c][1]) - len(symbol) <= 2
                   for c in others)


def series_stems(keyed: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Normalised stem -> the genes with a name that is the stem plus a series index
    ("alanineaminotransferase" -> the genes of "alanine aminotransferase 1" and "... 2")."""
    stems: dict[str, set[str]] = {}
    for key, curie in keyed:
        for cut in range(1, min(7, len(key) - 2)):
            if _SERIES_INDEX.fullmatch(key[-cut:]):
                stems.setdefault(key[:-cut], set()).add(curie)
    return stems
