"""Normalise a name to a matching key: one composition of small named string steps (gilda style).

The same function is applied to every lexicon name and to every piece of text to ground, so two
spellings meet when their keys are equal. Each step is a pure `str -> str` function named after
what it does, and `STEPS` lists them in order so a test (or a curious reader) can replay them.

Canonical choices, with the reason for each:

* Greek symbols are written as their spelled-out name ("β-catenin" -> "beta catenin") except
  directly after a symbol-like stem, where they become one latin letter, upper case after an
  upper-case stem ("TGF-β1", "TGF-beta1", "TGF beta 1" -> "TGFB1"; "IL-1β" -> "IL1B";
  "HIF-1α" -> "HIF1A"). Gene symbols encode Greek letters that way, and keeping the spelled name
  elsewhere keeps "beta cell" apart from "B cell".
* Dashes, hyphens and spaces are all dropped (after the word-level steps ran), so
  "PD-L1" = "PDL1" and "cancer-associated fibroblast" = "cancer associated fibroblast".
* Case is folded last; `normalize(text, fold_case=False)` keeps it, for the case-exact checks of
  gene symbols in the grounder.
* Irregular plurals of lower-case (or capitalised) words are made singular ("mice" -> "mouse").
* A plural is stripped from the last word only when the word is plain lower case (an initial
  capital allowed), an acronym with a lower-case "s" ("EVs", "CAFs") or an all-capitals word
  of seven letters or more (a heading's "EXOSOMES"); symbols such as "CDKS" are left alone.
* PDF-mangled β ("TGF-$1", "TGF-p1") is repaired before anything else: a "$" (or a lone "p")
  standing between an upper-case stem and a digit can only have been β.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

#: Greek letter -> (spelled name, latin letter used in gene symbols: HGNC writes θ as Q, η as H);
#: μ has no letter: after a number it is the micro of a unit ("5 μM"), not part of a symbol.
GREEK: dict[str, tuple[str, str]] = {
    "α": ("alpha", "a"), "β": ("beta", "b"), "γ": ("gamma", "g"), "δ": ("delta", "d"),
    "ε": ("epsilon", "e"), "ζ": ("zeta", "z"), "η": ("eta", "h"), "θ": ("theta", "q"),
    "ι": ("iota", "i"), "κ": ("kappa", "k"), "λ": ("lambda", "l"), "μ": ("mu", ""),
    "ν": ("nu", "n"), "ξ": ("xi", "x"), "ο": ("omicron", "o"), "π": ("pi", "p"),
    "ρ": ("rho", "r"), "σ": ("sigma", "s"), "τ": ("tau", "t"), "υ": ("upsilon", "u"),
    "φ": ("phi", "f"), "χ": ("chi", "c"), "ψ": ("psi", "y"), "ω": ("omega", "w"),
    "ϕ": ("phi", "f"), "ϵ": ("epsilon", "e"), "ϑ": ("theta", "q"),
}
#: spelled names that are also turned into a letter after a stem; the short ones ("pi", "tau",
#: "rho", "eta", "mu") are left out because they are ordinary words or symbols in their own right.
SPELLED_TO_LETTER: dict[str, str] = {
    name: letter for name, letter in GREEK.values()
    if name in {"alpha", "beta", "gamma", "delta", "epsilon", "kappa", "lambda", "sigma",
                "theta", "omega", "zeta"}
}

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u00ad"
_DASH_RE = re.compile(f"[{_DASHES}]")
# mangled β: "TGF-$1", "TGF$1", "TGF-$" (β with no number) and "TGF-p1" (p before one digit)
_DOLLAR_RE = re.compile(r"(?<=[A-Z])(-?)\$(?=\d|[^A-Za-z0-9]|$)")
_P_FOR_BETA_RE = re.compile(r"(?<=\b[A-Z]{2})(-)p(?=\d\b)|(?<=\b[A-Z]{3})(-)p(?=\d\b)")
_GREEK_SYMBOL_RE = re.compile("[" + "".join(GREEK) + "]")
# a spelled Greek name that may become a letter, not glued to a preceding lower-case word
_SPELLED_RE = re.compile(
    r"(?<![a-z])(?P<name>(?i:"
    + "|".join(sorted(SPELLED_TO_LETTER, key=len, reverse=True))
    + r"))(?![a-z])"
)
# the symbol-like run just before a Greek letter: "TGF-", "IL-1", "HIF-1 ", "PDGFR"
_STEM_RE = re.compile(r"(?P<stem>[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*)(?P<sep>[- ]?)$")
_SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"tumour"), "tumor"),
    (re.compile(r"Tumour"), "Tumor"),
    (re.compile(r"(?<=[hH])aem"), "em"),               # haematopoietic, haemoglobin
    (re.compile(r"(?<=[a-z])aemi"), "emi"),             # leukaemia, anaemia, ischaemia
    (re.compile(r"\boesoph"), "esoph"),                # oesophageal
    (re.compile(r"\bOesoph"), "Esoph"),
    (re.compile(r"\boestr"), "estr"),                  # oestrogen
    (re.compile(r"\bOestr"), "Estr"),
    (re.compile(r"isation"), "ization"),               # polarisation, normalisation
    (re.compile(r"(?<=[lnr])is(ed|ing)\b"), r"iz\1"),  # polarised, immunising
)
_SPELLING_HINTS = ("our", "aem", "oes", "Oes", "oest", "Oest", "isation", "ised", "ising")
# "does the text hold any of these?" as one pattern: a key is computed for every n-gram of a text,
# and one search is several times faster than a Python loop over the words
_ANY_SPELLED = re.compile("|".join(map(re.escape, SPELLED_TO_LETTER)))
_ANY_SPELLING_HINT = re.compile("|".join(map(re.escape, _SPELLING_HINTS)))
_POSSESSIVE_RE = re.compile(r"(?<=[A-Za-z])['’]s\b")
_PUNCT_RE = re.compile(r"[\s\-_.,;:'’\"“”()\[\]{}]+")
_SQUASHED = " \t\n\r\f\v-_.,;:'\"()[]{}"
_SQUASH_RE = re.compile("[" + "".join(map(re.escape, _SQUASHED)) + "]")   # faster than str.translate
_PLURAL_SKIP = ("ss", "us", "is", "ys", "as", "os")


def nfkc(text: str) -> str:
    """Unicode NFKC: full-width forms, ligatures, the micro sign and superscripts become plain."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def fold_dashes(text: str) -> str:
    """Every Unicode dash, minus sign and soft hyphen becomes an ASCII hyphen-minus."""
    return text if text.isascii() else _DASH_RE.sub("-", text)


def repair_mangled_beta(text: str) -> str:
    """PDF text writes β as "$" or "p": "TGF-$1" and "TGF-p1" are TGF-β1 (needs an upper-case stem)."""
    if "$" not in text and "-p" not in text:
        return text
    text = _DOLLAR_RE.sub(lambda m: f"{m.group(1)}β", text)
    return _P_FOR_BETA_RE.sub(lambda m: f"{m.group(1) or m.group(2)}β", text)


def _is_symbol_stem(stem: str) -> bool:
    """A stem looks like a gene symbol when it has two capitals or a digit ("TGF", "IL-1", "NF")."""
    return sum(c.isupper() for c in stem) >= 2 or any(c.isdigit() for c in stem)


def _greek_replacement(prefix: str, name: str, letter: str | None) -> str | None:
    """The latin letter after a symbol-like stem (upper case after an all-capitals stem), else None."""
    match = _STEM_RE.search(prefix)
    if not letter or match is None or not _is_symbol_stem(match.group("stem")):
        return None
    return letter if any(c.islower() for c in match.group("stem")) else letter.upper()


def greek_letters(text: str) -> str:
    """Greek symbols and spelled Greek names -> one latin letter after a symbol stem, else the name."""

    def on_symbol(m: re.Match[str]) -> str:
        name, letter = GREEK[m.group(0)]
        return _greek_replacement(m.string[: m.start()], name, letter) or f" {name} "

    def on_spelled(m: re.Match[str]) -> str:
        word = m.group("name")
        letter = SPELLED_TO_LETTER.get(word.lower())
        return _greek_replacement(m.string[: m.start()], word, letter) or word

    if not text.isascii():
        text = _GREEK_SYMBOL_RE.sub(on_symbol, text)
    folded = text.lower()
    if not _ANY_SPELLED.search(folded):
        return text
    return _SPELLED_RE.sub(on_spelled, text)


def british_spelling(text: str) -> str:
    """British spellings -> American (tumour, haem-, -aemia, oesophag-, oestr-, -isation)."""
    if not _ANY_SPELLING_HINT.search(text):
        return text
    for pattern, repl in _SPELLING_RULES:
        text = pattern.sub(repl, text)
    return text


def drop_possessive(text: str) -> str:
    """"Alzheimer's disease" -> "Alzheimer disease", the form MONDO labels use."""
    return _POSSESSIVE_RE.sub("", text) if "'" in text or "’" in text else text


def singular_last_word(text: str) -> str:
    """Strip a plural from the last word: "exosomes" -> "exosome", "CAFs" -> "CAF", not "CDKS"."""
    end = len(text)
    while end and not text[end - 1].isalnum():
        end -= 1
    if not end or text[end - 1] not in "sSeEnNh":           # -s, and mice, children, teeth
        return text
    start = end
    while start and text[start - 1].isascii() and text[start - 1].isalpha():
        start -= 1
    if start and text[start - 1].isalnum():          # glued to a digit or non-ASCII letter
        return text
    singular = _singular(text[start:end])
    return f"{text[:start]}{singular}{text[end:]}"


#: irregular plurals of lower-case words ("mice" are mice, not the gene symbol MICE)
IRREGULAR_PLURALS = {"mice": "mouse", "lice": "louse", "geese": "goose", "teeth": "tooth",
                     "feet": "foot", "children": "child", "women": "woman", "people": "person"}


def _singular(word: str) -> str:
    irregular = IRREGULAR_PLURALS.get(word.lower()) if word[1:].islower() else None
    if irregular:
        return irregular if word.islower() else irregular.capitalize()
    if word[-1] not in "sS":
        return word
    if re.fullmatch(r"[A-Z]{2,}[a-z]?s", word) or re.fullmatch(r"[a-z]{1,6}[A-Z]{2,}s", word):
        return word[:-1]                               # EVs, MSCs, CAFs, miRNAs, lncRNAs
    if len(word) >= 7 and word.isupper() and word.isalpha():   # a heading's "EXOSOMES", not
        lower = _singular(word.lower())                        # a symbol (those are shorter)
        return lower.upper() if lower != word.lower() else word
    if re.fullmatch(r"[A-Za-z]?[a-z]{2,}omas", word):
        return word[:-1]                               # carcinomas, gliomas (not the "-as" of pancreas)
    if not re.fullmatch(r"[A-Za-z]?[a-z]{3,}", word) or word.endswith(_PLURAL_SKIP):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"                         # therapies -> therapy
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]                               # processes, matrixes, patches
    return word.removesuffix("s")


def squash_separators(text: str) -> str:
    """Drop spaces, hyphens, underscores and light punctuation: "PD-L1" = "PD L1" = "PDL1"."""
    text = _SQUASH_RE.sub("", text)
    return text if text.isascii() else _PUNCT_RE.sub("", text)


def fold_case(text: str) -> str:
    """Unicode case folding (stronger than lower())."""
    return text.casefold()


#: the steps of `normalize`, in order (fold_case is applied last and only when asked)
STEPS: tuple[Callable[[str], str], ...] = (
    nfkc,
    fold_dashes,
    repair_mangled_beta,
    greek_letters,
    british_spelling,
    drop_possessive,
    singular_last_word,
    squash_separators,
)


#: distinct texts whose keys are remembered (about 250 bytes each: some 30 MB at most): a document
#: asks for the keys of the same n-grams and names many times (recogniser, guards, scoring), and
#: documents share many of them
NORMALIZE_CACHE = 1 << 17


@lru_cache(maxsize=NORMALIZE_CACHE)
def normalize(text: str, casefold: bool = True) -> str:
    """The matching key of `text`: every step of `STEPS`, then case folding unless told not to.

    >>> normalize("TGF-β1") == normalize("TGFB1") == normalize("TGF beta 1") == "tgfb1"
    True
    >>> normalize("Cancer-associated fibroblasts")
    'cancerassociatedfibroblast'
    """
    for step in STEPS:
        text = step(text)
    return fold_case(text) if casefold else text
