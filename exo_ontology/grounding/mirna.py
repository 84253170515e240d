"""The miRNA name grammar: parse "miR-21", "hsa-miR-24-3p", "let-7c", "miR-181a/b", "MIR21" into `MirnaName`s.

Parsing needs no lexicon and never guesses: "miR-2993p" parses as family 2993 with letter "p"
and an `anomaly`; only resolution (`mirna_resolver`), which knows that no hsa-miR-2993 exists,
turns that into a flagged candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

# species prefix, optional inhibitor prefix, kind, number, letters, precursor copy, arm
_NAME = (
    r"(?:(?P<species>[a-z]{3})-)?"
    r"(?P<anti>anti-?|antago)?"
    r"(?:(?P<kind>micro-?RNA|Micro-?RNA|MICRORNA|miRNA|MiRNA|miR|MiR|mir|MIR)(?:-|\s)?(?P<number>\d+)"
    r"|(?P<let>[Ll]et|LET)-(?P<letnum>7))"      # let-7 only: "let" is an English word
    r"(?P<letter>[a-z]{1,2})?"
    r"(?:-(?P<copy>\d)(?![\dp]))?"
    r"(?:-(?P<arm>[35]p)|(?P<star>\*))?"
)
_LIST_ITEM = r"/(?:\d+[a-z]{0,2}|[a-z]{1,2})(?:-[35]p)?"
_MENTION_RE = re.compile(
    rf"(?<![A-Za-z0-9-])(?P<name>{_NAME})(?P<more>(?:{_LIST_ITEM})*)(?P<cluster>[-~]\d{{2,}}[a-z]?)?"
    r"(?![A-Za-z0-9])"
)
_GENE_RE = re.compile(r"MIR(?P<let>LET7)?(?P<number>\d+)?(?P<letter>(?!HG)[A-Z]{0,2})(?:-?(?P<copy>\d))?")
_ITEM_RE = re.compile(r"/(?P<number>\d+)?(?P<letter>[a-z]{0,2})(?:-(?P<arm>[35]p))?")


@dataclass(frozen=True)
class MirnaName:
    """A parsed miRNA name: "hsa-miR-181a-2-3p" = species hsa, kind miR, 181, a, copy 2, arm 3p."""

    text: str                # as written
    species: str = ""        # "hsa", "mmu" ... ("" when not written)
    kind: str = "miR"        # "miR" or "let"
    number: str = ""
    letter: str = ""
    copy: str = ""           # precursor copy "1", "2" ("" when not written)
    arm: str = ""            # "5p", "3p", "*" or ""
    inhibitor: bool = False  # "anti-miR-21", "antagomiR-21" (a trailing "i" is judged on resolution)
    cluster: str = ""        # "92" of "miR-17-92": a cluster, not one miRNA
    symbol: bool = False     # written as the HGNC symbol of the MIR gene (MIR21, MIRLET7C)

    @property
    def star_like(self) -> bool:
        """True for a star name ("miR-21*"), which names the minor arm, not the gene."""
        return self.arm == "*"

    @property
    def stem(self) -> str:
        """Canonical human name without copy and arm: "hsa-miR-181a", "hsa-let-7c"."""
        return f"hsa-{self.kind}-{self.number}{self.letter}"

    def canonical(self, copy: bool = True, arm: bool = True) -> str:
        """The miRBase-style mature name: "hsa-miR-24-1-5p" (parts left out on request)."""
        name = self.stem
        if copy and self.copy:
            name += f"-{self.copy}"
        if arm and self.arm:
            name += self.arm if self.arm == "*" else f"-{self.arm}"
        return name


def _from_match(m: re.Match[str], text: str) -> MirnaName:
    kind = "let" if m.group("let") else "miR"
    return MirnaName(
        text=text, species=m.group("species") or "", kind=kind,
        number=m.group("number") or m.group("letnum"),
        letter=m.group("letter") or "", copy=m.group("copy") or "",
        arm="*" if m.group("star") else (m.group("arm") or ""), inhibitor=bool(m.group("anti")))


def _expand(first: MirnaName, more: str) -> list[MirnaName]:
    """"miR-181a/b" -> 181a, 181b; "miR-221/222" -> 221, 222; a final arm applies to all."""
    names = [first]
    for item in _ITEM_RE.finditer(more):
        number = item.group("number") or first.number
        letter = item.group("letter") or ""
        names.append(replace(first, number=number, letter=letter, copy="",
                             arm=item.group("arm") or first.arm))
    last_arm = names[-1].arm
    if last_arm and not first.arm:
        names = [replace(n, arm=n.arm or last_arm) for n in names]
    return names


def parse_gene_symbol(text: str) -> MirnaName | None:
    """HGNC symbol of a MIR gene: "MIR21", "MIR181A1", "MIR24-1", "MIRLET7C" (not "MIR17HG")."""
    m = _GENE_RE.fullmatch(text)
    if m is None or not (m.group("number") or m.group("let")):
        return None
    number = "7" if m.group("let") else m.group("number")
    return MirnaName(text=text, kind="let" if m.group("let") else "miR", number=number,
                     letter=m.group("letter").lower(), copy=m.group("copy") or "", symbol=True)


#: typographic hyphens and dashes read as "-" (one character for one, so offsets stay)
_HYPHENS = str.maketrans(dict.fromkeys("‐‑‒–−﹣－", "-"))


def find_mirnas(text: str) -> Iterator[tuple[int, int, list[MirnaName]]]:
    """Every miRNA name in a sentence: (start, end, names); a list form gives several names.
    "miR‐21‐5p" written with typographic hyphens is the same name."""
    for m in _MENTION_RE.finditer(text.translate(_HYPHENS)):
        first = _from_match(m, m.group(0))
        names = _expand(first, m.group("more") or "")
        if m.group("cluster"):
            names = [replace(first, cluster=m.group("cluster")[1:])]
        yield m.start(), m.end(), names


def parse(text: str) -> list[MirnaName]:
    """Parse one miRNA name (or a list form); [] when `text` is not a miRNA name."""
    text = text.strip().translate(_HYPHENS)
    gene = parse_gene_symbol(text)
    if gene is not None:
        return [gene]
    for start, end, names in find_mirnas(text):
        if start == 0 and end == len(text):
            return names
    return []
