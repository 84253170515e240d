"""Rules (as data) for repairing PDF/OCR damage: Greek letters, I/1 and O/0 confusions, citations.

Each rule is (name, pattern, replacement); only the named group "x" of a match is replaced, the
rest of the pattern is context. The rules are written for classes of damage (a letter standing
for a Greek letter next to a gene-like token), never for particular sentences, and they are
deliberately narrow: "B cells", "T-cells", "a new", "ERp57", "o-xylene", "let-7a" stay as they are.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

Rule = tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]]

#: Second halves of hyphenated compounds: "tumor-\nassociated" keeps its hyphen.
KEEP_HYPHEN_SUFFIXES: frozenset[str] = frozenset((
    "associated", "derived", "related", "based", "mediated", "induced", "like", "dependent",
    "independent", "specific", "positive", "negative", "expressing", "resistant", "sensitive",
    "containing", "loaded", "modified", "bearing", "free", "rich", "type", "secreted", "secreting",
    "released", "excreted", "activated", "targeted", "targeting", "coated", "producing",
    "regulated", "binding", "treated", "stimulated", "infected", "enriched", "engineered",
    "directed", "responsive", "driven", "linked", "conjugated", "labeled", "labelled",
    "encapsulated", "deficient", "null",
))
#: First halves that keep their hyphen: "non-\nsmall", "well-\nknown", "self-\nrenewal".
KEEP_HYPHEN_PREFIXES: frozenset[str] = frozenset((
    "non", "self", "well", "ill", "cross", "half", "all",
))

# Words written with a Greek prefix, whose Latin look-alike letters the PDF produced.
_ALPHA_WORDS = (
    "smooth|tubulin|actin|catenin|ketoglutarate|synuclein|fetoprotein|helix|helices|helical|"
    "linolenic|tocopherol|amylase|glucosidase|mannosidase|galactosidase|fucosidase|lactalbumin|"
    "crystallin|defensin|hemolysin|toxin|thrombin|adrenergic|agonist|antagonist|secretase|"
    "methyl|hydroxy|klotho|gustducin|bungarotoxin|amanitin|terpineol|pinene|solanine"
)
_BETA_WORDS = (
    "catenin|actin|tubulin|arrestin|galactosidase|glucuronidase|glucosidase|defensin|amyloid|"
    "secretase|lactoglobulin|glucan|glucans|oxidation|adrenergic|carotene|hydroxybutyrate|"
    "microglobulin|sitosterol|estradiol|lactam|lactamase|hexosaminidase|alanine|sheet|sheets|"
    "hairpin|glycerophosphate|elemene|mercaptoethanol|blocker|blockers|agonist|agonists|"
    "endorphin|cyclodextrin|integrin|globin|hCG|TrCP|NGF"
)
_NOT_GENE_STEMS = r"(?i:let|mir|mirna|microrna|fig|figure|table|step|type|phase|grade|stage)"


def _rule(name: str, pattern: str, replacement: str | Callable[[re.Match[str]], str]) -> Rule:
    return (name, re.compile(pattern), replacement)


GREEK_RULES: tuple[Rule, ...] = (
    # "TGF-$1", "TGF$1": "$" is the PDF's beta glyph inside a gene token ("US$1" is money).
    _rule("dollar-beta", r"(?:[A-Za-z0-9]-|[A-Z]{3})(?P<x>\$)(?=\d)", "β"),
    # "TGFp1", "TGF-p1": p for beta between an upper-case stem and one isoform digit.
    _rule("p-beta", r"\b[A-Z]{3,6}-?(?P<x>p)(?=[1-3]\b)", "β"),
    # "B-catenin", "Wnt/B-Catenin": a lone B before a word that is written with beta.
    _rule("B-beta", rf"(?<![\w-])(?P<x>B)-(?=(?i:{_BETA_WORDS})\b)", "β"),
    # "IL-1B", "MIP-1B": B after the isoform number of a cytokine-like stem.
    _rule("digit-B-beta", rf"\b(?!{_NOT_GENE_STEMS}-)[A-Z]{{2,5}}-\d(?P<x>B)\b", "β"),
    # "a-SMA", "o-smooth muscle actin", "a-d-mannose": alpha before an acronym, an alpha-word,
    # or a sugar's D/L; "a new", "a-" before other words and "o-xylene" (ortho) stay.
    _rule("a-alpha", rf"(?<![\w-])(?P<x>a)-(?=[A-Z]{{2,}}\b|(?i:{_ALPHA_WORDS})\b|[dlDL]-[a-z]|"
                     r"[a-z]+ose\b)", "α"),
    _rule("o-alpha", rf"(?<![\w-])(?P<x>o)-(?=[A-Z]{{2,}}\b|(?:{_ALPHA_WORDS})\b)", "α"),
    # "HIF-1a", "IL-1a": alpha after the number of a gene-like stem ("let-7a", "miR-21a" stay).
    _rule("digit-a-alpha", rf"\b(?!{_NOT_GENE_STEMS}-)[A-Z]{{2,5}}-\d{{1,2}}(?P<x>a)\b",
          "α"),
    # "TNF-a", "IFN-a.": alpha as the whole suffix after an upper-case stem.
    _rule("hyphen-a-alpha", r"\b[A-Z]{2,6}\d?-(?P<x>a)\b", "α"),
    # "ERa", "PPARa": alpha glued to a short upper-case stem ("MDa", "kDa" are units).
    _rule("glued-a-alpha", r"\b(?![KMGT](?:Da|Pa)\b)[A-Z]{2,5}(?P<x>a)\b", "α"),
    # "NF-xB", "IxB": x for kappa before B.
    _rule("x-kappa", r"(?:\b[A-Z]{2}-|\bI)(?P<x>x)(?=B)", "κ"),
    # "IFN-y", "PPARy", "RORyt": y for gamma after an upper-case stem.
    _rule("y-gamma", r"\b[A-Z]{2,5}-?(?P<x>y)(?=t?\b)", "γ"),
    # sugars: "α-d-mannose" -> "α-D-mannose".
    _rule("sugar-DL", r"[αβ]-(?P<x>[dl])(?=-[a-z])", lambda m: m.group("x").upper()),
)

OCR_RULES: tuple[Rule, ...] = (
    # typographic ligatures of PDF text: "ﬁbroblasts" -> "fibroblasts"
    _rule("ligature", r"(?P<x>[\ufb00-\ufb06])", lambda m: unicodedata.normalize("NFKC", m.group("x"))),
    # "IncRNA" -> "lncRNA": capital I read for l.
    _rule("Inc-lnc", r"\b(?P<x>I)(?=nc(?:RNA|rna)s?\b)", "l"),
    # "SI00A9" -> "S100A9": I before 0 and a digit inside an upper-case gene token.
    _rule("I0-10", r"\b[A-Z]{1,4}(?P<x>I)(?=0\d)", "1"),
    # "1O0" -> "100": O between digits.
    _rule("O-0", r"(?<=\d)(?P<x>O)(?=\d)", "0"),
)

CITATION_RULES: tuple[Rule, ...] = (
    _rule("bracket-open-space", r"\[(?P<x>[ \t]+)(?=\d)", ""),
    _rule("bracket-close-space", r"(?<=\d)(?P<x>[ \t]+)\]", ""),
    # a dash between numbers inside a citation bracket is an en dash
    _rule("bracket-range-dash", r"(?<=\d)(?P<x>[ \t]*[—−‒―][ \t]*)(?=\d[\d,;\s–—−-]*\])", "–"),
)
