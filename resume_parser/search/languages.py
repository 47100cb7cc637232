"""Spoken languages and their levels, as resumes and queries write them in English, German, French
and Spanish: "Deutsch — Muttersprache", "Anglais courant", "Inglés C1", "Japanese (professional
working proficiency)".

Levels are four steps: basic (A1/A2), intermediate (B1/B2), fluent (C1/C2, professional
proficiency) and native (mother tongue, bilingual).
"""

from __future__ import annotations

import re
from enum import IntEnum

from resume_parser.search.lexicon import fold


class Level(IntEnum):
    BASIC = 1
    INTERMEDIATE = 2
    FLUENT = 3
    NATIVE = 4


# English name -> its names in English, German, French and Spanish (folded), with the adjectives
# that name speakers ("German-speaking", "germanophone", "hispanohablante").
_NAMES = {
    "english": ("english", "englisch", "anglais", "ingles", "anglophone", "angloparlante"),
    "german": ("german", "deutsch", "allemand", "aleman", "germanophone", "germanoparlante"),
    "french": ("french", "franzosisch", "francais", "frances", "francophone", "francoparlante"),
    "spanish": (
        "spanish",
        "spanisch",
        "espagnol",
        "espanol",
        "castellano",
        "hispanophone",
        "hispanohablante",
    ),
    "italian": ("italian", "italienisch", "italien", "italiano", "italophone"),
    "portuguese": ("portuguese", "portugiesisch", "portugais", "portugues", "lusophone"),
    "dutch": ("dutch", "niederlandisch", "neerlandais", "neerlandes", "flemish", "flamisch"),
    "polish": ("polish", "polnisch", "polonais", "polaco"),
    "swedish": ("swedish", "schwedisch", "suedois", "sueco"),
    "danish": ("danish", "danisch", "danois", "danes"),
    "norwegian": ("norwegian", "norwegisch", "norvegien", "noruego"),
    "finnish": ("finnish", "finnisch", "finnois", "finlandes"),
    "czech": ("czech", "tschechisch", "tcheque", "checo"),
    "greek": ("greek", "griechisch", "grec", "griego"),
    "turkish": ("turkish", "turkisch", "turc", "turco"),
    "russian": ("russian", "russisch", "russe", "ruso"),
    "ukrainian": ("ukrainian", "ukrainisch", "ukrainien", "ucraniano"),
    "romanian": ("romanian", "rumanisch", "roumain", "rumano"),
    "hungarian": ("hungarian", "ungarisch", "hongrois", "hungaro"),
    "japanese": ("japanese", "japanisch", "japonais", "japones"),
    "mandarin": ("mandarin", "mandarin chinese", "chinese", "chinesisch", "chinois", "chino"),
    "cantonese": ("cantonese", "kantonesisch", "cantonais", "cantones"),
    "korean": ("korean", "koreanisch", "coreen", "coreano"),
    "arabic": ("arabic", "arabisch", "arabe"),
    "hebrew": ("hebrew", "hebraisch", "hebreu", "hebreo"),
    "hindi": ("hindi",),
    "bengali": ("bengali",),
    "tamil": ("tamil",),
    "urdu": ("urdu",),
    "catalan": ("catalan", "katalanisch", "catala"),
}
NAMES: dict[str, str] = {alias: name for name, aliases in _NAMES.items() for alias in aliases}

# Level words, strongest first (a "native or bilingual" resume is native, not fluent).
_LEVEL_WORDS: tuple[tuple[Level, tuple[str, ...]], ...] = (
    (
        Level.NATIVE,
        (
            *("native", "native or bilingual", "mother tongue", "first language", "muttersprache"),
            *("langue maternelle",),
            *("maternelle", "lengua materna", "nativo", "nativa", "natif", "native speaker", "bilingual"),
            *("bilingue", "zweisprachig", "muttersprachlich", "muttersprachler"),
        ),
    ),
    (
        Level.FLUENT,
        (
            *("fluent", "fluently", "fliessend", "courant", "couramment", "fluido", "fluida", "c1", "c2"),
            *("full professional", "professional working", "proficient", "verhandlungssicher"),
            *("avanzado", "avanzada", "nivel alto", "professionnel", "excellent", "advanced"),
            *("business fluent", "maitrise", "dominio"),
        ),
    ),
    (
        Level.INTERMEDIATE,
        (
            *("b1", "b2", "intermediate", "intermedio", "intermediaire", "conversational", "gute kenntnisse"),
            *("limited working", "working knowledge", "good", "bon niveau", "buen nivel", "medio"),
        ),
    ),
    (
        Level.BASIC,
        (
            *("a1", "a2", "basic", "basico", "basica", "elementary", "grundkenntnisse", "schulkenntnisse"),
            *("notions", "scolaire", "beginner", "debutant", "principiante", "elemental"),
        ),
    ),
)


def language_name(text: str | None) -> str | None:
    """The English name of a language as printed ("Deutsch", "Inglés"), or None if it is not one."""
    return NAMES.get(fold(text).strip(" .,:;()-"))


def level_of(fluency: str | None) -> Level | None:
    """The level a fluency text states ("Native speaker", "C1", "fließend"), or None if it states none."""
    text = f" {' '.join(re.findall(r'[a-z0-9]+', fold(fluency)))} "
    for level, phrases in _LEVEL_WORDS:
        if any(f" {phrase} " in text for phrase in phrases):
            return level
    return None


# Every level phrase, longest first, for reading levels in the order a text gives them.
_PHRASES = sorted(
    ((tuple(phrase.split()), level) for level, phrases in _LEVEL_WORDS for phrase in phrases),
    key=lambda item: -len(item[0]),
)


def levels_in_order(fluency: str | None) -> list[Level]:
    """The levels a fluency text states, in its order, one per stated level: "Native speaker Full
    professional proficiency Basic" -> native, fluent, basic. Phrases of one level side by side
    describe one level ("B2 upper intermediate", "Fluent (C1)"); the same phrase twice is said
    twice ("B2 B2")."""
    tokens = re.findall(r"[a-z0-9]+", fold(fluency))
    found: list[tuple[tuple[str, ...], Level]] = []
    i = 0
    while i < len(tokens):
        for phrase, level in _PHRASES:
            if tuple(tokens[i : i + len(phrase)]) == phrase:
                if not found or found[-1][1] != level or found[-1][0] == phrase:
                    found.append((phrase, level))
                i += len(phrase)
                break
        else:
            i += 1
    return [level for _, level in found]
