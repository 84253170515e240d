"""Cue rows for directions: of an effect (promotes, inhibits, neutral) and of a target gene (up, down)."""

from __future__ import annotations

from exo_ontology.extraction.cues.model import Cue


def _stems(*stems: str) -> str:
    return r"\b(?:" + "|".join(stems) + ")"


EFFECT_DIRECTION = (
    Cue("promote-verb", "effect_direction", _stems(r"promot", r"induc", r"enhanc", r"facilitat", r"stimulat",
                                                   r"accelerat", r"boost", r"trigger", r"foster", r"favou?r",
                                                   r"amplif", r"strengthen"),
        "promotes", "Exosomes from hypoxic cells promote angiogenesis."),
    Cue("increase-verb", "effect_direction", _stems(r"increas", r"elevat", r"more\b(?!\s+than)"),
        "promotes", "The vesicles increased migration of the recipient cells."),
    Cue("cause-verb", "effect_direction", _stems(r"driv", r"lead(?:s|ing)? to", r"led to", r"caus", r"contribut",
                                                 r"mediat", r"confer", r"creat", r"form", r"establish", r"maintain"),
        "promotes", "Exosomal miR-9 drives metastasis in mice."),
    Cue("support-verb", "effect_direction", _stems(r"support", r"aid", r"help", r"activat"),
        "promotes", "These EVs support tumour growth."),
    Cue("convert-verb", "effect_direction", _stems(r"polari[sz]", r"towards?\b", r"convert", r"transform",
                                                   r"reprogram"),
        "promotes", "Glioma exosomes polarize macrophages towards M2."),
    Cue("transfer-resistance", "effect_direction", _stems(r"transfer(?:s|red|ring)? (?:\w+ )?resistance"),
        "promotes", "Resistant cells transfer drug resistance through exosomes."),
    Cue("necessary-for", "effect_direction",
        _stems(r"(?:vital|critical|crucial|essential|necessary|required|indispensable) (?:for|to|in)\b"),
        "promotes", "Exosomal integrins are essential for organotropic metastasis."),
    Cue("inhibit-verb", "effect_direction", _stems(r"inhibit", r"suppress", r"block", r"prevent", r"imped",
                                                   r"halt", r"abrogat", r"impair", r"arrest", r"stop",
                                                   r"restrict", r"limit", r"interfer"),
        "inhibits", "NK cell exosomes inhibit tumour growth."),
    Cue("decrease-verb", "effect_direction", _stems(r"reduc", r"decreas", r"attenuat", r"diminish", r"lower",
                                                    r"down-?regulat", r"less\b(?!\s+than)"),
        "inhibits", "The loaded vesicles reduced proliferation of lung cancer cells."),
    Cue("reverse-verb", "effect_direction", _stems(r"overcom", r"revers", r"alleviat", r"ameliorat", r"combat",
                                                   r"fight", r"protect(?:s|ed|ive)? against"),
        "inhibits", "Exosomes carrying siRNA reversed resistance to gemcitabine."),
    Cue("kill-verb", "effect_direction", _stems(r"eliminat", r"kill"),
        "inhibits", "CAR-T exosomes kill mesothelin-positive cells."),
    Cue("sensitize-verb", "effect_direction", _stems(r"sensiti[sz]"),
        "inhibits", "The vesicles sensitize tumours to cisplatin."),
    # "cells treated with EVs" is a method, not a treatment
    Cue("treat-verb", "effect_direction", _stems(r"treat(?:s|ed|ing|ment|ments)?\b(?!\s+with\b)"),
        "inhibits", "Milk exosomes loaded with paclitaxel treated lung tumours."),
)

#: verbs saying only that an effect is changed, in no stated direction
NEUTRAL = (
    Cue("neutral-verb", "effect_direction", _stems(r"influenc", r"affect", r"modulat", r"regulat", r"alter",
                                                   r"chang", r"impact", r"involv"),
        "neutral", "Tumour EVs modulate the immune response."),
    Cue("plays-a-role", "effect_direction", _stems(r"play\w* (?:a |an )?(?:\w+ )?role"),
        "neutral", "Exosomes play an important role in metastasis."),
    Cue("association", "effect_direction", _stems(r"associat", r"linked to", r"related to"),
        "neutral", "Exosomal PD-L1 is associated with tumour progression."),
)

#: a neutral word that only names which molecules are meant ("genes associated with inflammation")
NEUTRAL_MODIFIER = (
    Cue("molecules-associated-with", "effect_direction",
        r"\b(?:genes?|proteins?|molecules?|factors?|markers?|miRNAs?|RNAs?|cytokines?)\s+"
        r"(?P<n>associated with|related to|linked to|involved in)",
        None, "EVs transfer genes related to hypoxia."),
)

#: an effect named with an inhibiting prefix or noun right before it ("anti-angiogenic", "inhibition of X")
INHIBITING_PREFIX = (
    Cue("anti-prefix", "effect_direction", r"\b(?:anti-?|inhibit\w* of|suppression of|reduc\w* (?:of )?)$",
        "inhibits", "Exosomes showed anti-"),
)
#: a loss-of-function experiment ("knockdown of X", "after silencing X", "blocking it"): the effect it
#: stops is one the molecule itself promotes, so the direction read after it is reversed
LOSS_OF_FUNCTION = (
    Cue("loss-of-function", "effect_direction",
        r"(?:^|\b(?:after|upon|following|by|and|while|whereas)\s+|[,;]\s*)(?:the\s+)?(?:knock(?:ing)?[\s-]?down|"
        r"knockdown|silencing|depletion|deletion|depleting|deleting|blocking|blockade|inhibition|inhibiting|"
        r"loss|ablation|neutrali[sz]ing|neutrali[sz]ation)\s+(?:of\s+)?",
        "reverses", "After knockdown of MALAT1, exosome-induced invasion decreased."),
)
#: a direction said after the effect ("invasion of the cells decreased", "migration was enhanced")
POSTPOSED = (
    Cue("postposed-increase", "effect_direction",
        r"^(?:\s+(?:of|in|by)\s+(?:[\w+-]+\s+){0,4}?)?\s*(?:was|were|is|are|became)?\s*(?:\w+ly\s+)?(?:increased|enhanced|"
        r"promoted|elevated|augmented|accelerated|rose|stimulated|induced|restored)\b",
        "promotes", " of the cells was markedly enhanced"),
    Cue("postposed-decrease", "effect_direction",
        r"^(?:\s+(?:of|in|by)\s+(?:[\w+-]+\s+){0,4}?)?\s*(?:was|were|is|are|became)?\s*(?:\w+ly\s+)?(?:decreased|reduced|"
        r"inhibited|suppressed|diminished|impaired|abolished|attenuated|declined|fell|dropped|blocked|prevented)\b",
        "inhibits", " of lung cancer cells decreased"),
)
#: a comparative inside the effect's own words ("more exosomes", "at higher rates")
COMPARATIVE_UP = (
    Cue("comparative-more", "effect_direction", r"\b(?:more|higher|increased|greater|elevated)\b",
        "promotes", "cells that release more exosomes"),
)

#: how a gene is acted on
TARGET_UP = (
    Cue("upregulate-verb", "direction", _stems(r"up-?regulat", r"overexpress", r"activat", r"elevat", r"stimulat",
                                               r"enhanc"),
        "up", "Exosomal miR-21 upregulates VEGFA."),
    Cue("increase-expression", "direction", _stems(r"increas\w* (?:the )?(?:expression|level)",
                                                   r"induc\w* (?:the )?expression"),
        "up", "The vesicles increased the expression of MMP9."),
)
TARGET_DOWN = (
    Cue("downregulate-verb", "direction", _stems(r"down-?regulat", r"suppress", r"inhibit", r"reduc", r"decreas",
                                                 r"block", r"delet", r"eliminat"),
        "down", "miR-125b-5p suppresses LIPA in macrophages."),
    Cue("silence-verb", "direction", _stems(r"silenc", r"knock"),
        "down", "Exosomes loaded with siRNA silenced KRAS."),
    Cue("target-verb", "direction", _stems(r"target"),
        "down", "Exosomal miR-21-5p targets KRIT1."),
)
