"""Line detectors for text that is not the document's own prose: web-page chrome, banners,
citation blocks, running heads, copyright and licence notices, back-matter sections.

They describe generic page templates (publisher and PubMed pages, PDF running heads), never
sentences of particular documents. Each takes one stripped line and returns a bool.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

#: Notices that read like sentences but belong to the page template (and `_EMAIL`).
_NOTICE_PATTERNS = (
    r"official website of the united states government",
    r"\.gov means it.s official",
    r"federal government websites often end in",
    r"^the site is secure",
    r"^the https:// ensures",
    r"before sharing sensitive information",
    r"early access version",
    r"^note that from the first issue of",
    r"this journal uses article numbers",
    r"^see further details here",
    r"author to whom correspondence should be addressed",
    r"^(these|the) authors? contributed equally",
    r"declare[sd]? (that they have )?no (known )?(conflicts? of interest|competing)",
    r"all rights reserved",
    r"open access article (distributed )?under the",
    r"creativecommons\.org",
    r"^this article is (an open access article|licensed under)",
    r"^(submission )?(received|accepted|published|revised)( online)?:?\s+\d{1,2}\s+[a-z]+\s+\d{4}",
    r"^skip to (main )?(page )?content",
    r"^back to top",
    r"^access keys\b",
    r"^(an official website|here.s how you know)",
    r"^(full[- ]text links|view full text|download pdf|open in a new tab)$",
    r"^(cookies?|we use cookies)\b",
    r"are provided here courtesy of",
    r"^(article history|available online|received in revised form)\b",
    r"peer review under (the )?responsibility",
    r"^contents lists available at",
    r"^\*?\s*corresponding authors?\b",
    r"^under a creative commons license",
    r"^(this|the) (article|paper) is (an open access|distributed under)",
)
# one pattern each: `re` tries every branch of one big alternation at every position of a long
# line, which costs twice as much as the separate searches
_NOTICES = tuple(re.compile(pattern, _I) for pattern in _NOTICE_PATTERNS)
#: an e-mail address (an author's contact line), searched for only in a line with an "@": its
#: leading run of word characters would be tried, and backtracked, at every position
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", _I)

#: Copyright and licence lines: the notice runs on over its wrapped lines.
_COPYRIGHT = re.compile(r"^(©|\(c\)\s|copyright\s*(©|\(c\)|\d{4}))|©\s*(19|20)\d\d", _I)

#: Whole-line navigation items of journal and PubMed pages.
_NAV_ITEMS = (
    r"share and cite", r"article metrics", r"back to top(top)?", r"similar articles",
    r"cited by", r"linkout.*", r"pubmed disclaimer", r"(next|previous) article in (journal|issue)",
    r"related articles", r"full text links", r"actions", r"cite", r"permalink", r"collections",
    r"(font type|font size|line spacing|column width|background):?", r"(aa\s*)+",
    r"(arial|georgia|verdana|times|helvetica)(\s+(arial|georgia|verdana|times|helvetica))*",
    r"overview", r"authors?", r"affiliations?", r"author information", r"show more",
    r"order article reprints", r"figures?", r"tables?", r"view in pubmed", r"google scholar",
    r"crossref", r"scilit", r"preprints\.org", r"dot gov", r"https", r"u\.s\. flag",
    r"recommended articles", r"view pdf", r"download (pdf|full issue|figure)", r"outline",
    r"add to mendeley", r"share", r"get rights and content", r"open access", r"go to:?",
    r"export citation", r"save", r"email", r"print", r"open in figure viewer", r"powerpoint",
    r"cited by \(\d+\)", r"references \(\d+\)", r"article notes", r"pmc disclaimer",
    r"article info(rmation)?", r"article history:?",
)
_NAV = re.compile(r"^(" + "|".join(_NAV_ITEMS) + r")$", _I)

#: Lines after which the next line is a link to another article.
_NEXT_LINK = re.compile(r"^(next|previous|prev) article", _I)

#: "MDPI and ACS Style", "AMA Style": a citation of this very page follows.
_CITATION_STYLE = re.compile(
    r"^(mdpi and acs|ama|apa|mla|chicago(/turabian)?|harvard|vancouver|ieee|bibtex|ris|endnote)"
    r"\s+style$", _I)

_DOI = re.compile(r"\b10\.\d{4,9}/\S+|\bdoi:\s*\S", _I)
_PUB_IDS = re.compile(r"\b(PMID|PMCID|PMC)\s*:?\s*(PMC)?\d{4,}")
_VOLUME = re.compile(r";\s*\d+\s*(\(\d+[-–]?\d*\))?\s*:\s*[A-Za-z]?\d+")
_NAME = r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)* [A-Z]{1,3}"
_AUTHOR_LIST = re.compile(rf"^(?:\[\d+\]\s*|\d+\.\s+)?(?:{_NAME},\s*)+{_NAME}\b")
_RUNNING_HEAD = re.compile(
    r"^(?:[A-Z][\w'’.\-]*,?\s+){1,12}et\s+al\.?(?:\s+[A-Z][\w.]*)*[\s.,]*$")
_JOURNAL_HEAD = re.compile(r"^[A-Z][A-Za-z .&]+ \d+ \(\d{4}\) \d+\s*[–-]\s*\d+$")
_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?$", _I)
_RULE_LINE = re.compile(r"^(-{3,}|\*{3,}|_{3,}|={3,})$")
_URL = re.compile(r"https?://\S+|www\.\S+")
_AFFILIATION = re.compile(
    r"\b(University|Institute|Department|Laboratory|Hospital|College|School of|Faculty of|"
    r"Centre|Center|Academy)\b")
_PARTICLES = frozenset(("of", "and", "for", "the", "de", "di", "la", "le", "du", "des", "del", "da",
                        "und", "in", "at", "on", "y", "e"))
_META_LABEL = re.compile(r"^\*\*(?P<label>[^*]{1,40}?):?\*\*:?\s")
_PLAIN_META = re.compile(
    r"^(authors?|affiliations?|correspondence|editor|academic editor|citation|source|paraphrase of|adapted from|"
    r"original title|"
    r"received|accepted|published|copyright|licen[cs]e)\s*:\s", _I)

#: Section names after which the rest of the section is not the document's prose.
_BACK_MATTER_NAMES = (
    r"references?", r"bibliography", r"literature cited", r"acknowledge?ments?", r"funding.*",
    r"grants? and funding", r"author contributions?", r"conflicts? of interests?( statement)?",
    r"competing interests?", r"declaration of competing interests?", r"data availability.*",
    r"supplementary (materials?|information|data)", r"abbreviations", r"publisher.?s note",
    r"similar articles", r"cited by", r"linkout.*", r"mesh terms", r"related information",
    r"substances", r"comment in", r"share and cite", r"article metrics", r"ethics statement",
    r"institutional review board statement", r"informed consent statement", r"disclaimer",
    r"recommended articles", r"cited by \(\d+\)", r"credit authorship contribution statement",
    r"declaration of generative ai.*", r"appendix.*supplementary.*", r"associated data",
    r"supplementary materials?", r"data availability statement", r"footnotes", r"notes",
)
_BACK_MATTER = re.compile(r"^(" + "|".join(_BACK_MATTER_NAMES) + r")\s*:?$", _I)
#: Sections holding machine-made entity annotations (parsed by reading.annotations).
_ANNOTATION_HEADING = re.compile(r"(^|\s)(entities|annotations?|concepts)$", _I)
#: Sections a summary site writes over a paper (its paraphrase of the abstract, not the authors' words).
_PROVIDER_SUMMARY = re.compile(r"^(tl;? ?dr|contributions?|key findings|ai[- ]generated summary)\s*:?$", _I)


def is_notice(line: str) -> bool:
    """A template sentence: US-government banner, early-access note, licence, COI declaration."""
    return (any(notice.search(line) for notice in _NOTICES) or ("@" in line and bool(_EMAIL.search(line)))
            or is_copyright(line))


def is_copyright(line: str) -> bool:
    """The first line of a copyright/licence notice (its wrapped lines follow)."""
    return bool(_COPYRIGHT.search(line))


def is_nav(line: str) -> bool:
    """A navigation item, font picker or page-section link."""
    return bool(_NAV.match(line))


def is_next_link(line: str) -> bool:
    """ "Next Article in Journal": the following line is another article's title."""
    return bool(_NEXT_LINK.match(line))


def is_citation_style(line: str) -> bool:
    """The name of a citation style; the page's own citation follows."""
    return bool(_CITATION_STYLE.match(line))


def is_bibliographic(line: str) -> bool:
    """A line carrying a DOI, a PubMed id or a volume(issue):page reference."""
    return bool(_DOI.search(line) or _PUB_IDS.search(line) or _VOLUME.search(line))


def is_author_list(line: str) -> bool:
    """ "Yan H, Jiang N, Li X, ...": the author line of a cited article."""
    return bool(_AUTHOR_LIST.match(line))


def is_author_line(line: str) -> bool:
    """ "M. Safaei, S.S. Rajabi, M. Tirgar et al." (a PDF running head, or the author line of a
    PubMed page); only a line standing alone between blank lines is taken for one."""
    return bool(_RUNNING_HEAD.match(line))


def is_running_head(line: str) -> bool:
    """Journal running heads ("Regen Ther 30 (2025) 12-25"), page numbers, horizontal rules."""
    return bool(_JOURNAL_HEAD.match(line) or _PAGE_NUMBER.match(line) or _RULE_LINE.match(line))


def is_link_line(line: str) -> bool:
    """A line that ends in a URL, or is short and carries one: a link, not prose."""
    stripped = line.rstrip(" .)")
    return bool(_URL.search(stripped)) and bool(
        _URL.search(stripped.split()[-1]) or len(line.split()) < 20)


def is_affiliation(line: str) -> bool:
    """An address: institution words, several commas, no full stop at the end, and no lower-case
    word but particles (a wrapped sentence mentioning a university is not an address)."""
    if not _AFFILIATION.search(line) or line.count(",") < 2 or line.endswith("."):
        return False
    lower = set(re.findall(r"\b[a-z][a-z]+\b", line))
    return lower <= _PARTICLES


def meta_label(line: str) -> str:
    """The label of a metadata line ("**Authors:** ...", "Authors: ...") in lower case, or ""."""
    match = _META_LABEL.match(line)
    if match:
        return match.group("label").strip().lower()
    match = _PLAIN_META.match(line)
    return match.group(1).lower() if match else ""


def is_back_matter(heading: str) -> bool:
    """A heading whose section is back matter (references, funding, similar articles ...)."""
    return bool(_BACK_MATTER.match(heading.strip()))


def is_provider_summary(heading: str) -> bool:
    """A heading over a summary site's paraphrase of the paper ("TL;DR", "Key findings"): the
    claims are read from the abstract, in the authors' words, instead."""
    return bool(_PROVIDER_SUMMARY.match(heading.strip()))


def is_annotation_heading(heading: str) -> bool:
    """A heading over machine-made entity annotations ("Full-text entities")."""
    return bool(_ANNOTATION_HEADING.search(heading.strip()))
