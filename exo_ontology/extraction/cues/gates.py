"""Cue rows that gate a sentence or clause: what states no finding (aims, methods, reviews describing
themselves, open questions), what continues the previous subject, and where clauses break."""

from __future__ import annotations

from exo_ontology.extraction.cues.model import Cue

_VESICLES = r"(?:exosomes|EVs|extracellular vesicles)"

#: a sentence of one of these kinds states no finding
NOT_A_CLAIM = (
    Cue("review-describes-itself", "gate",
        r"\b(?:(?:this|the present|our) (?:reviews?|articles?|papers?)|we (?:review|summari[sz]e|"
        r"discuss|synthesi[sz]e|describe)|will be (?:mentioned|discussed|reviewed))\b",
        "background", "In this review, we summarize the roles of exosomes in cancer."),
    Cue("figure-caption", "gate", r"^Fig(?:ure|\.)?\s*\d", "caption", "Figure 2 Exosomes in the niche."),
    Cue("study-design", "gate",
        r"\b(?:designed|conducted|performed|carried out|contrasted|compared)\b[^.;]{0,80}\bto (?:determine|"
        r"investigate|assess|evaluate|examine|explore|test) (?:whether|which|if|how)\b",
        "method", "A trial was conducted to determine whether exosomes reduce relapse."),
    Cue("question-studied", "gate",
        r"\b(?:assessed|evaluated|investigated|examined|explored)\b[^.;]{0,60}\b(?:ability|whether|which|if|how)\b",
        "method", "We investigated whether tumour EVs alter T cells."),
    Cue("typology", "gate",
        r"\bcan be (?:analy[sz]ed|viewed|examined|classified|divided|considered) (?:from|in|into)\b|"
        r"\b(?:mechanisms|types|categories|classes|strategies) (?:have|has) been (?:defined|described|proposed|"
        r"identified|classified)\b",
        "background", "Exosomes can be classified into three groups."),
    Cue("merits-of-a-method", "gate", r"\b(?:advantages|disadvantages|limitations|drawbacks|benefits) of\b",
        "background", "The advantages of exosome isolation by ultracentrifugation are clear."),
    Cue("work-on-vesicles", "gate",
        r"^(?:Identifying|Studying|Understanding|Isolating|Characteri[sz]ing|Analy[sz]ing|Investigating|Examining|"
        r"Exploring|Clarifying) (?:the |these |such )?(?:\w+ )?" + _VESICLES + r"\b",
        "background", "Isolating these exosomes is essential for diagnosis."),
    Cue("aim", "gate",
        r"\b(?:(?:we|this study|the study|the present study|our study)\s+(?:\w+\s+)?(?:aimed|aims|sought|set out|"
        r"attempted|intended|wanted)\s+to|(?:the|our|its)\s+(?:\w+\s+)?(?:aim|goal|objective|purpose)s?\s+"
        r"(?:of\s+(?:this|the|our)\s+\w+\s+)?(?:was|were|is|are)\s+to)\b",
        "aim", "Our goal was to examine whether plasma EVs predict relapse."),
    Cue("methods", "gate",
        r"^(?:Methods?|Materials and methods|Design|Patients and methods)\s*[:.]|"
        r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:isolated|purified|collected|extracted|enrolled|recruited)\s+"
        r"(?:by|using|via|through|from|with)\b|"
        r"\b(?:were|was)\s+(?:\w+ly\s+)?(?:characteri[sz]ed|quantified|sequenced|measured|analy[sz]ed|assessed|"
        r"evaluated|determined|examined|performed|visuali[sz]ed|profiled|screened|cultured|transfected|"
        r"labell?ed|verified|validated|confirmed)\s+(?:by|using|via|through|with the use of)\b",
        "method", "Exosomes were isolated by ultracentrifugation from the culture medium."),
    Cue("we-studied", "gate",
        r"^(?:\w+,?\s+){0,2}?we\s+(?:therefore\s+|then\s+|further\s+|next\s+|first\s+|also\s+)?(?:examined|"
        r"investigated|explored|assessed|evaluated|studied|analy[sz]ed|tested|determined|measured|compared|"
        r"profiled|sequenced|characteri[sz]ed|collected|isolated)\s+(?:the|whether|how|if|which|what)\b",
        "method", "We therefore examined the effects of tumour EVs on macrophages."),
    Cue("worth-considering", "gate",
        r"\b(?:it is|it's|it remains) (?:\w+ )?(?:important|necessary|essential|crucial|worth|useful) to "
        r"(?:consider|understand|discuss|review|summari[sz]e|examine|know|clarify|note)\b",
        "background", "It is important to consider the role of exosomes in drug resistance."),
    Cue("hypothesis", "gate", r"\bwe (?:hypothesi[sz]ed|speculated|postulated|asked)\b",
        "hypothesis", "We hypothesized that exosomal miR-9 drives invasion."),
)
#: a statement that the text itself calls unknown states no finding
HEDGED = (
    Cue("remains-unclear", "gate",
        r"\b(?:remains?|is still|are still)\s+(?:\w+\s+)?(?:unclear|unknown|elusive|controversial|poorly understood|"
        r"to be (?:determined|elucidated|established))\b",
        "unknown", "How exosomes reach the liver remains unclear."),
    Cue("open-question", "gate",
        r"\b(?:little is known|(?:is|are) (?:largely |still |poorly )?(?:unknown|unexplored|not (?:well |fully )?"
        r"understood)|has (?:not|never) been (?:studied|explored|investigated|reported))\b",
        "unknown", "Whether exosomal lncRNAs confer resistance is largely unknown."),
)
#: the connective or short lead-in a continuing sentence may open with ("Moreover, ", "In glioma, ")
_CONNECTIVE = r"(?:In addition|Moreover|Furthermore|Also|Additionally|However),?\s+"
_LEAD = rf"(?:{_CONNECTIVE}|[A-Z][^,.;]{{0,40}},\s+)?"
ANAPHORA = (
    Cue("continues-subject", "gate",
        rf"^(?:{_LEAD}(?:they|their|these|such\b(?! as)|those|this\b(?! (?:review|study|article)))|"
        r"(?:Also,?\s+)?by \w+ing)\b",
        "continues", "Moreover, these vesicles carry PD-L1."),
)
THEY = (
    Cue("pronoun-subject", "gate", rf"^(?:{_CONNECTIVE}|(?:Thus|Therefore),?\s+)?(?:they|their)\b",
        "continues", "Therefore, they may serve as biomarkers."),
)
NOT_THE_VESICLES = (
    Cue("anaphor-not-vesicles", "gate",
        rf"^{_LEAD}(?:these|this|such|those)\s+(?:\w+\s+)?(?:components?|activation|effects?|results?|"
        r"findings?|molecules?|factors?|genes?|changes|data|observations?|mechanisms?|"
        r"pathways?|traits?|studies|study|authors?|researchers?|process(?:es)?|"
        r"interactions?|properties|features|characteristics|functions?|roles?)\b",
        "other-subject", "These results suggest a new mechanism."),
)
#: what an application alone cannot be drawn from: a study's set-up, a limitation or open question,
#: talk about studying the vesicles' role, or a comparison with another carrier
NOT_AN_APPLICATION_CLAIM = (
    Cue("others-used", "gate",
        r"\bet al\.?,? (?:used|conducted|designed|examined|investigated|studied|developed|reported|showed)\b",
        "study-setup", "Chen et al. used exosomes to treat glioma in rats."),
    Cue("limitation", "gate",
        r"\b(?:early stages?|(?:just|only|still) (?:beginning|emerging|nascent|starting)|in (?:its|their) infancy|"
        r"challenges?|further (?:investigat|stud|research|explor)\w*|depends? on)\b",
        "limitation", "Exosome therapy is still at an early stage."),
    Cue("studying-a-role", "gate",
        r"\b(?:examining|clarifying|understanding|exploring|investigating) the roles?\b",
        "background", "Understanding the role of EVs may help diagnosis."),
    Cue("comparison", "gate", r"\b(?:comparison|compared)\b", "comparison",
        "EVs compared with liposomes are safer carriers."),
)
PARTITIVE = (
    Cue("partitive-subject", "gate", r"^(?:a few|few|some|others|many|most|several|the (?:rest|others|remainder))\b",
        "continues", "some inhibit it"),
)
CLAUSE_BREAK = (
    Cue("semicolon", "gate", r";\s+", "clause", "EVs of M1 cells inhibit growth; EVs of M2 cells promote it."),
    Cue("contrast-conjunction", "gate", r",\s+(?:while|whereas|but)\s+", "clause",
        "M1 exosomes inhibit growth, whereas M2 exosomes promote it."),
    Cue("second-derived-vesicles", "gate",
        r"\s+and\s+(?=(?:[\w-]+\s+)?[\w-]+-derived\s+" + _VESICLES + r"\s+(?:that|which|containing|carrying|"
        r"loaded|with)\b)",
        "clause", "EVs containing miR-21 and macrophage-derived exosomes that carry miR-155 act together."),
)
#: words that make a sentence about extracellular vesicles even without a grounded vesicle mention
VESICLE_WORDS = (
    Cue("vesicle-word", "vesicle_type",
        r"\b(?:exosom\w*|extracellular vesicles?|EVs?\b|sEVs?\b|microvesicles?|nanovesicles?|exo\b|exos\b|"
        r"\w+-exos?\b|\w+-EVs?\b)",
        None, "CAF-exos were taken up by cancer cells."),
)
