"""Query understanding: a recruiter's query as the constraints parsed resumes can answer.

"Frontend-Entwickler mit Svelte und mindestens 10 Jahren Berufserfahrung" becomes the role
"frontend developer", at least 10 years of experience, and the words left for ranking
("frontend entwickler svelte"); "native Portuguese-speaking software engineer in Brazil" becomes
the role "software engineer", Portuguese at a native level and the country BR. English, German,
French and Spanish are understood. What is not a constraint stays in the text that the embedding
and full-text rankers see; skills are recognized later, against the candidates' own skill lists
(scoring.py), since no fixed list knows every tool.

Parsing works on folded text (lexicon.fold) and removes each recognized constraint from it, in
this order: years, seniority, languages, location, education, certificates; the role is the first
phrase of what is left.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from resume_parser.search import places
from resume_parser.search.languages import NAMES as LANGUAGE_NAMES
from resume_parser.search.languages import Level, level_of
from resume_parser.search.lexicon import HEADS, WORD_PATTERN, canonical_words, fold

_WORD = re.compile(WORD_PATTERN)
# The query's words (as lexicon.words reads them), the punctuation that ends a phrase, and a hyphen
# between two numbers ("3-5 years").
_TOKEN = re.compile(rf"{WORD_PATTERN}|[(),;.!?:]|(?<=\d)-(?=\d)")
_PHRASE_ENDS = frozenset({",", ";", "(", ")", ".", "!", "?", ":"})
# A role is a few words before its occupation word ("senior site reliability engineer").
_ROLE_WORDS = 5


class Seniority(StrEnum):
    SENIOR = "senior"
    JUNIOR = "junior"


@dataclass(frozen=True, slots=True)
class LanguageWanted:
    language: str  # English name, lower case
    level: Level  # the least level that meets the query (BASIC: any)


@dataclass(frozen=True, slots=True)
class SkillYears:
    """Years of experience asked of one skill ("5+ years of Python"): the words after the years
    phrase, which scoring.py checks against the skills it recognizes in the query."""

    skill_words: tuple[str, ...]  # folded, up to _SKILL_WORDS words; the skill is a prefix of them
    min_years: float


@dataclass(frozen=True, slots=True)
class QueryConstraints:
    text: str  # the query as given
    roles: tuple[tuple[str, ...], ...] = ()  # alternatives, each in canonical English words
    role_text: str = ""  # the role as written, folded
    terms: str = ""  # the query without its constraints: role and skills, for the rankers
    min_years: float | None = None
    max_years: float | None = None
    # The years phrases followed by what may be a skill. A phrase's years are also min_years: when
    # the words are not one of the candidates' skills ("5 years of experience in fintech"), they
    # stay a requirement on the whole career.
    skill_years: tuple[SkillYears, ...] = ()
    seniority: Seniority | None = None
    countries: frozenset[str] = frozenset()
    cities: tuple[str, ...] = ()  # folded, when the query names a city
    languages: tuple[LanguageWanted, ...] = ()
    degrees: tuple[str, ...] = ()  # "phd", "mba", "master", "bachelor"
    fields: tuple[str, ...] = ()  # of study, folded English words: "computer science"
    certificates: tuple[tuple[str, ...], ...] = ()  # alternatives, each a folded term
    query_words: tuple[str, ...] = ()  # the folded words left after the constraints, in order
    notes: list[str] = field(default_factory=list)  # how the query was read, for logs and tests

    @property
    def has_role(self) -> bool:
        return bool(self.roles)


# ------------------------------------------------------------------------------ numbers and years

_NUMBER_WORDS = {
    **dict.fromkeys(("one", "ein", "eins", "einem", "einer", "un", "une", "uno", "una"), 1),
    **dict.fromkeys(("two", "zwei", "deux", "dos"), 2),
    **dict.fromkeys(("three", "drei", "trois", "tres"), 3),
    **dict.fromkeys(("four", "vier", "quatre", "cuatro"), 4),
    **dict.fromkeys(("five", "funf", "cinq", "cinco"), 5),
    **dict.fromkeys(("six", "sechs", "seis"), 6),
    **dict.fromkeys(("seven", "sieben", "sept", "siete"), 7),
    **dict.fromkeys(("eight", "acht", "huit", "ocho"), 8),
    **dict.fromkeys(("nine", "neun", "neuf", "nueve"), 9),
    **dict.fromkeys(("ten", "zehn", "dix", "diez"), 10),
    **dict.fromkeys(("twelve", "zwolf", "douze", "doce"), 12),
    **dict.fromkeys(("fifteen", "funfzehn", "quinze", "quince"), 15),
    **dict.fromkeys(("twenty", "zwanzig", "vingt", "veinte"), 20),
}
_NUMBER = r"(\d{1,2}(?:[.,]5)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_YEARS = r"(?:years?|yrs?|jahren|jahre|jahr|ans|annees|annee|anos|ano)"
_EXPERIENCE = (
    r"(?:\s+(?:of\s+)?(?:professional\s+|relevant\s+|work\s+|industry\s+)?(?:experience|exp)|"
    r"\s+(?:berufserfahrung|erfahrung|praxiserfahrung)|\s+d\s?experiences?(?:\s+professionnelle)?|"
    r"\s+de\s+experiencia(?:\s+profesional)?|\s+d\s+experiences?(?:\s+professionnelle)?)?"
)
_AT_LEAST = (
    r"(?:at\s+least|minimum(?:\s+of)?|min|no\s+less\s+than|more\s+than|over|upwards\s+of|"
    r"mindestens|mind|mehr\s+als|uber|ab|au\s+moins|au\s+minimum|plus\s+de|minimum\s+de|"
    r"al\s+menos|por\s+lo\s+menos|como\s+minimo|mas\s+de|minimo(?:\s+de)?)"
)
_AT_MOST = (
    r"(?:at\s+most|up\s+to|maximum(?:\s+of)?|max|less\s+than|under|no\s+more\s+than|"
    r"hochstens|bis\s+zu|weniger\s+als|maximal|au\s+plus|moins\s+de|jusqu\s?a|"
    r"como\s+maximo|menos\s+de|hasta|maximo(?:\s+de)?)"
)
_OR_MORE = r"(?:or\s+more|and\s+above|or\s+above|plus|und\s+mehr|oder\s+mehr|ou\s+plus|o\s+mas|y\s+mas)"
_YEAR_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"\b{_NUMBER}\s*(?:-|to|bis|a)\s*{_NUMBER}\s*{_YEARS}{_EXPERIENCE}"), "range"),
    (re.compile(rf"\b{_NUMBER}\s*\+\s*{_YEARS}?{_EXPERIENCE}"), "min"),
    (re.compile(rf"\b{_AT_LEAST}\s+{_NUMBER}\s*{_YEARS}{_EXPERIENCE}"), "min"),
    (re.compile(rf"\b{_AT_MOST}\s+{_NUMBER}\s*{_YEARS}{_EXPERIENCE}"), "max"),
    (re.compile(rf"\b{_NUMBER}\s*{_YEARS}{_EXPERIENCE}\s+{_OR_MORE}\b"), "min"),
    (re.compile(rf"\b{_NUMBER}\s+{_OR_MORE}\s+{_YEARS}{_EXPERIENCE}"), "min"),
    # "5 years of experience", "10 Jahre Berufserfahrung": a recruiter means at least that much.
    (re.compile(rf"\b{_NUMBER}\s*{_YEARS}{_EXPERIENCE}"), "min"),
)


# What joins a years phrase to the skill it is about: "of Python", "mit Python", "en Python", "con Python".
_SKILL_LINKS = frozenset({"of", "with", "in", "using", "on", "mit", "im", "avec", "en", "sur", "de", "con"})
_SKILL_WORDS = 3  # the longest skill name looked for after a years phrase ("ruby on rails")


def _number(text: str) -> float:
    return float(_NUMBER_WORDS.get(text, 0) or text.replace(",", "."))


# ------------------------------------------------------------------------------ seniority

_SENIOR = re.compile(
    r"\b(?:senior|sr|seasoned|experienced|erfahrene[rn]?|leitende[rn]?|confirmee?|experimentee?|"
    r"experimentad[oa]|con\s+experiencia)\b"
)
_JUNIOR = re.compile(
    r"\b(?:junior|jr|entry\s+level|graduate|new\s+grad|berufseinsteiger(?:in)?|einsteiger(?:in)?|"
    r"absolvent(?:in)?|debutante?|jeune\s+diplomee?|principiante|recien\s+graduad[oa]|sin\s+experiencia)\b"
)
_JUNIOR_MAX_YEARS = 2.0  # what "entry level" leaves of a career

# ------------------------------------------------------------------------------ languages

_LANGUAGE = re.compile(r"\b(" + "|".join(sorted(LANGUAGE_NAMES, key=len, reverse=True)) + r")\b")
# Words that make a language name a requirement on the candidate ("speaks", "native speaker").
_SPEAKING = re.compile(
    r"\b(?:speak\w*|spoken|speaker|language|sprache\w*|sprachig\w*|sprechend\w*|spricht|kenntnisse|"
    r"parle\w*|parlant|langue|langues|habla\w*|lengua|idioma|fluency|level|niveau|nivel|"
    r"phone|hablante)\b"
)
_LANGUAGE_WINDOW = 5  # words either side of the name where its level is looked for

# ------------------------------------------------------------------------------ location

_PLACE_CUE = re.compile(
    r"\b(?:based\s+in|located\s+in|living\s+in|residing\s+in|relocat\w+\s+to|near|in\s+the|in|from|"
    r"wohnhaft\s+in|ansassig\s+in|aus|im|in\s+der|base[e]?\s+a|basee?\s+en|situee?\s+a|a|au|aux|en|"
    r"ubicad[oa]\s+en|residente\s+en|radicad[oa]\s+en|con\s+sede\s+en|desde)\s+$"
)
_OR = r"(?:or|and|oder|und|ou|et|o|y|/|,)"

# ------------------------------------------------------------------------------ education

_DEGREES = (
    ("mba", r"mba|m\.b\.a|master\s+of\s+business\s+administration"),
    (
        "phd",
        r"ph\.?\s?d|doctorate|doctoral|doctor\s+of\s+philosophy|doktor(?:at|grad)?|promoviert\w*|"
        r"doctorat|doctorado|docteur|dr\.?\s?rer|dr\.?\s?ing",
    ),
    # "master", "licence", "grado" alone are also words of titles ("scrum master") and permits.
    (
        "master",
        r"master(?:\s?s)?(?=\s+(?:degree|of|in|en|de)\b)|msc|m\.sc|meng|mphil|masterabschluss|maestria|magister",
    ),
    ("bachelor", r"bachelor(?:\s?s)?|bsc|b\.sc|beng|licenciatura|licence(?=\s+(?:en|de)\b)|bachillerato"),
)
_DEGREE = re.compile(r"\b(" + "|".join(pattern for _, pattern in _DEGREES) + r")\b(?:\s+degree)?")
_DEGREE_WORD = r"(?:degree|diploma|abschluss|studium|diplome|titulo|carrera)"
_FIELD_BEFORE = re.compile(rf"\b((?:[a-z]+\s+){{1,3}}){_DEGREE_WORD}\b")
_FIELD_AFTER = re.compile(
    rf"\b(?:{_DEGREE_WORD}|master(?:\s?s)?|bachelor(?:\s?s)?|msc|bsc|phd|licence)\s+(?:in|of|en|de|der|in\s+der)\s+((?:[a-z]+\s?){{1,3}})"
)
_FIELD_WORDS = {
    "informatik": "computer science",
    "informatique": "computer science",
    "informatica": "computer science",
    "wirtschaftsinformatik": "information systems",
    "mathematik": "mathematics",
    "mathematiques": "mathematics",
    "matematicas": "mathematics",
    "physik": "physics",
    "physique": "physics",
    "fisica": "physics",
    "statistik": "statistics",
    "statistique": "statistics",
    "estadistica": "statistics",
    "betriebswirtschaft": "business administration",
    "bwl": "business administration",
    "gestion": "business administration",
    "administracion de empresas": "business administration",
    "wirtschaft": "economics",
    "economie": "economics",
    "economia": "economics",
}

# ------------------------------------------------------------------------------ certificates

_CERTIFIED = re.compile(
    r"\b(?:certified|certification|certifications|certificate|certificates|licen[cs]e|zertifi\w*|"
    r"certifi\w*|certificad[oa]|certificacion|licencia|permis|fuhrerschein)\b"
)
_CERT_WORDS = 3  # the longest certificate name looked for on either side ("cdl class a")

# ------------------------------------------------------------------------------ the role

# Words that end the role phrase: what follows describes the candidate, not the job.
_CONNECTORS = frozenset(
    {
        *("with", "who", "whose", "that", "having", "knowing", "skilled", "for", "in", "at", "to", "from"),
        *("mit", "der", "die", "das", "fur", "im", "bei", "zum", "zur", "welche", "welcher"),
        *("avec", "qui", "que", "dont", "pour", "chez", "ayant", "maitrisant", "sachant", "connaissant"),
        *("con", "para", "quien", "dominando", "sabiendo", "experto", "experta"),
    }
)
# Words of no weight anywhere in a query.
STOPWORDS = frozenset(
    {
        *("a", "an", "the", "and", "or", "of", "on", "as", "is", "are", "be", "we", "our", "you", "your"),
        *("looking", "seeking", "need", "needed", "wanted", "candidate", "candidates", "someone", "person"),
        *("profile", "experience", "experienced", "strong", "good", "solid", "knowledge", "skills"),
        *("ein", "eine", "einen", "einem", "einer", "und", "oder", "als", "von", "suchen", "gesucht"),
        *("erfahrung", "kenntnisse", "kandidat", "kandidatin", "un", "une", "le", "la", "les", "l", "et"),
        *("ou", "est", "des", "du", "d", "cherche", "recherche", "experience", "competences", "el", "los"),
        *("las", "y", "o", "es", "del", "busca", "buscamos", "experiencia", "conocimientos", "de", "en"),
        *("professional", "professionnel", "profesional", "expert"),
    }
)
_OR_WORDS = frozenset({"or", "oder", "ou", "o", "bzw"})


def parse_query(text: str) -> QueryConstraints:
    """The constraints a query states, and the words left for ranking."""
    rest = " " + " ".join(_TOKEN.findall(fold(text).replace("'", " "))) + " "
    notes: list[str] = []
    min_years, max_years, skill_years, rest = _years(rest, notes)
    seniority, rest = _seniority(rest, notes)
    if seniority is Seniority.JUNIOR and max_years is None:
        max_years = _JUNIOR_MAX_YEARS
    languages, rest = _languages(rest, notes)
    countries, cities, rest = _location(rest, notes)
    degrees, fields, rest = _education(rest, notes)
    certificates, rest = _certificates(rest, notes)
    role_text = _role_phrase(rest)
    return QueryConstraints(
        text=text,
        roles=_role_alternatives(role_text),
        role_text=role_text,
        terms=" ".join(w for w in rest.split() if _WORD.fullmatch(w) and w not in STOPWORDS | _CONNECTORS),
        query_words=tuple(w for w in rest.split() if _WORD.fullmatch(w)),
        min_years=min_years,
        max_years=max_years,
        skill_years=skill_years,
        seniority=seniority,
        countries=countries,
        cities=cities,
        languages=languages,
        degrees=degrees,
        fields=fields,
        certificates=certificates,
        notes=notes,
    )


def _cut(text: str, match: re.Match[str]) -> str:
    return text[: match.start()] + " " + text[match.end() :]


def _years(text: str, notes: list[str]) -> tuple[float | None, float | None, tuple[SkillYears, ...], str]:
    low: float | None = None
    high: float | None = None
    skill_years: list[SkillYears] = []
    for pattern, kind in _YEAR_PATTERNS:
        while (match := pattern.search(text)) is not None:
            if kind == "range":
                low, high = _number(match.group(1)), _number(match.group(2))
            elif kind == "min":
                low = _number(match.group(1))
            else:
                high = _number(match.group(1))
            notes.append(f"years: {match.group(0).strip()}")
            skill = _skill_after(text[match.end() :])
            if skill and kind != "max" and low is not None:
                skill_years.append(SkillYears(skill, low))
                notes.append(f"skill years: {' '.join(skill)} {low:g}")
            text = _cut(text, match)  # the skill's words stay: the rankers and the skill checks use them
    return low, high, tuple(skill_years), text


def _skill_after(text: str) -> tuple[str, ...]:
    """The words right after a years phrase that may name a skill: past one link word ("of",
    "mit", "en", "con"), up to a stop word, a connector or punctuation."""
    tokens = text.split()
    if tokens and tokens[0] in _SKILL_LINKS:
        tokens = tokens[1:]
    taken: list[str] = []
    for token in tokens[:_SKILL_WORDS]:
        if not _WORD.fullmatch(token) or token in STOPWORDS or token in _CONNECTORS:
            break
        taken.append(token)
    return tuple(taken)


def _seniority(text: str, notes: list[str]) -> tuple[Seniority | None, str]:
    """A level word is a soft hint; it stays in the text, as titles carry it too."""
    if _JUNIOR.search(text):
        notes.append("seniority: junior")
        return Seniority.JUNIOR, _JUNIOR.sub(" ", text)
    if _SENIOR.search(text):
        notes.append("seniority: senior")
        return Seniority.SENIOR, text
    return None, text


def _languages(text: str, notes: list[str]) -> tuple[tuple[LanguageWanted, ...], str]:
    wanted: list[LanguageWanted] = []
    tokens = text.split()
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        name = LANGUAGE_NAMES.get(token)
        if name is None:
            continue
        window = range(max(0, i - _LANGUAGE_WINDOW), min(len(tokens), i + _LANGUAGE_WINDOW + 1))
        level, level_at = _nearest_level(tokens, i, window)
        cue = [j for j in window if _SPEAKING.fullmatch(tokens[j])]
        if level is None and not cue and not token.endswith(("phone", "hablante")):
            continue  # a bare name ("French cuisine"): left to the rankers
        wanted.append(LanguageWanted(name, level or Level.BASIC))
        drop.update({i, *level_at, *cue})
        notes.append(f"language: {name} {(level or Level.BASIC).name.lower()}")
    kept = [t for j, t in enumerate(tokens) if j not in drop]
    return tuple(wanted), " " + " ".join(kept) + " "


def _nearest_level(tokens: list[str], at: int, window: range) -> tuple[Level | None, list[int]]:
    """The level phrase nearest to the language name (one or two words), and where it is."""
    best: tuple[int, Level, list[int]] | None = None
    for j in window:
        for width in (2, 1):
            span = list(range(j, min(j + width, len(tokens))))
            if at in span:
                continue
            level = level_of(" ".join(tokens[k] for k in span))
            if level is not None:
                distance = min(abs(k - at) for k in span)
                if best is None or distance < best[0]:
                    best = (distance, level, span)
                break
    return (best[1], best[2]) if best else (None, [])


def _location(text: str, notes: list[str]) -> tuple[frozenset[str], tuple[str, ...], str]:
    """Places after a cue word ("in", "based in", "en", "aus"), joined by "or"/"and"."""
    countries: set[str] = set()
    cities: list[str] = []
    tokens = text.split()
    i = 0
    while i < len(tokens):
        cue = _PLACE_CUE.search(" " + " ".join(tokens[max(0, i - 3) : i]) + " ")
        found = _place_at(tokens, i) if cue or i == 0 else None
        if not cue and found is not None and found[0] != len(tokens):
            found = None  # without a cue word, only a query that is a place and nothing else ("Berlin")
        if found is None:
            i += 1
            continue
        start = i
        while found is not None:
            width, country, city = found
            countries.add(country)
            if city:
                cities.append(city)
            i += width
            if i < len(tokens) and re.fullmatch(_OR, tokens[i]):
                found = _place_at(tokens, i + 1)
                i += 1 if found else 0
            else:
                found = None
        notes.append(f"location: {' '.join(tokens[start:i])}")
        cue_words = len(cue.group(0).split()) if cue else 0
        tokens = tokens[: start - cue_words] + tokens[i:]
        i = start - cue_words
    return frozenset(countries), tuple(cities), " " + " ".join(tokens) + " "


def _place_at(tokens: list[str], i: int) -> tuple[int, str, str] | None:
    """(words taken, country, folded city or "") of the place that starts at tokens[i]."""
    for width in (3, 2, 1):
        words = [t for t in tokens[i : i + width] if t not in "(),;"]
        if len(words) < width:
            continue
        name = " ".join(words)
        for candidate in (name, name.removeprefix("the ")):
            code = places.country_code(candidate)
            if code:
                return width, code, ""
        if name not in STOPWORDS and name not in _CONNECTORS and len(name) > 2:
            city_code = places.city_country(name)
            if city_code and not _is_common_word(name):
                return width, city_code, name
    return None


def _is_common_word(name: str) -> bool:
    """City names that are also words of job queries ("Mobile", "Reading", "Nice", "Split")."""
    return name in HEADS or name in _COMMON_WORDS or bool(canonical_words(name) != (name,))


_COMMON_WORDS = frozenset(
    {
        *("mobile", "reading", "nice", "split", "best", "sale", "bath", "gap", "orange", "data", "cloud"),
        *("support", "security", "marketing", "sales", "design", "test", "java", "ruby", "python", "go"),
        *("rust", "swift", "dart", "spring", "rails", "react", "angular", "vue", "node", "unity", "delta"),
        *("phoenix", "lead", "senior", "junior", "remote", "hybrid", "office", "home", "university"),
        *("sap", "oracle", "salesforce", "excel", "linux", "docker", "spark", "kafka", "scala"),
    }
)


def _education(text: str, notes: list[str]) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    degrees: list[str] = []
    fields: list[str] = []
    for pattern, span_group in ((_FIELD_AFTER, 1), (_FIELD_BEFORE, 1)):
        match = pattern.search(text)
        if match:
            words = [
                w for w in match.group(span_group).split() if w not in STOPWORDS and w not in _CONNECTORS
            ]
            if words and not all(w in HEADS for w in words):
                field_text = " ".join(words)
                fields.append(_FIELD_WORDS.get(field_text, field_text))
                notes.append(f"field of study: {fields[-1]}")
                text = _cut(text, match)
    while (match := _DEGREE.search(text)) is not None:
        found = match.group(1)
        key = next(key for key, pattern in _DEGREES if re.fullmatch(pattern, found))
        degrees.append(key)
        notes.append(f"degree: {key}")
        text = _cut(text, match)
    if fields and not degrees:
        degrees.append("any")
    text = re.sub(rf"\b{_DEGREE_WORD}\b", " ", text)
    return tuple(dict.fromkeys(degrees)), tuple(dict.fromkeys(fields)), text


def _certificates(text: str, notes: list[str]) -> tuple[tuple[tuple[str, ...], ...], str]:
    """A certificate is named before the word ("AWS-certified", "a CCNA or Network+ certification")
    or, in French and Spanish, after it ("certifié TensorFlow ou Databricks"): the side that names
    no occupation."""
    found: list[tuple[str, ...]] = []
    tokens = text.split()
    drop: set[int] = set()
    for i, token in enumerate(tokens):
        if not _CERTIFIED.fullmatch(token):
            continue
        before = _phrase(tokens, range(i - 1, max(-1, i - 1 - _CERT_WORDS * 2), -1))
        after = _phrase(tokens, range(i + 1, min(len(tokens), i + 1 + _CERT_WORDS * 2)))
        chosen = before if before and not _names_occupation(tokens, before) else after
        if _names_occupation(tokens, chosen):
            chosen = []
        alternatives = tuple(a for a in _split_or([tokens[j] for j in sorted(chosen)]) if a)
        drop.update({i, *chosen})
        if alternatives:
            found.append(alternatives)
            notes.append(f"certificate: {' | '.join(alternatives)}")
    kept = [t for j, t in enumerate(tokens) if j not in drop]
    return tuple(found), " " + " ".join(kept) + " "


def _phrase(tokens: list[str], positions: range) -> list[int]:
    """Positions of the words next to a certification word, up to a connector or stop word
    ("or" joins alternatives, "in"/"en" after the word is skipped)."""
    taken: list[int] = []
    for j in positions:
        word = tokens[j]
        if not taken and word in {"in", "en", "de", "as", "als"} and positions.step > 0:
            continue
        if word in _CONNECTORS or word in _PHRASE_ENDS or (word in STOPWORDS and word not in _OR_WORDS):
            break
        taken.append(j)
    while taken and tokens[taken[-1]] in _OR_WORDS:
        taken.pop()
    return taken


def _names_occupation(tokens: list[str], positions: list[int]) -> bool:
    return any(w in HEADS for j in positions for w in canonical_words(tokens[j]))


def _split_or(words: list[str]) -> list[str]:
    phrases: list[str] = []
    current: list[str] = []
    for word in words:
        if word in _OR_WORDS or word == "/":
            phrases.append(" ".join(current))
            current = []
        elif word not in STOPWORDS:
            current.append(word)
    phrases.append(" ".join(current))
    return [p for p in phrases if p]


def _role_phrase(text: str) -> str:
    """The first phrase that names an occupation: the words up to the first connector, comma or
    bracket, with the alternatives a bracket right after it lists ("engineering leader (head of
    engineering, CTO or engineering manager)"). In a long text (a job description) it is the first
    phrase with an occupation word."""
    phrases: list[tuple[list[str], bool]] = []  # (words, inside brackets)
    current: list[str] = []
    inside = False
    for token in [*text.split(), ";"]:
        if token in _CONNECTORS or token in _PHRASE_ENDS:
            words = [w for w in current if w not in STOPWORDS or w in _OR_WORDS]
            if [w for w in words if w not in _OR_WORDS]:
                phrases.append((words, inside))
            current = []
            inside = {"(": True, ")": False}.get(token, inside)
        else:
            current.append(token)
    for k, (words, _) in enumerate(phrases):
        if _names_role(words):
            listed = [w for w, bracketed in phrases[k + 1 : k + 4] if bracketed and _names_role(w)]
            return " or ".join(" ".join(_up_to_occupation(w)) for w in [words, *listed])
    first = phrases[0][0] if phrases else []
    return " ".join(first) if len(first) <= _ROLE_WORDS else ""


def _up_to_occupation(words: list[str]) -> list[str]:
    """The words of a phrase that name the role: up to its first occupation word (with the words
    of an alternative after "or"), at most _ROLE_WORDS before it."""
    for i, word in enumerate(words):
        if any(w in HEADS for w in canonical_words(word)):
            end = i + 1
            while end + 1 < len(words) and words[end] in _OR_WORDS:
                end = next(
                    (
                        j + 1
                        for j in range(end + 1, min(len(words), end + 1 + _ROLE_WORDS))
                        if any(w in HEADS for w in canonical_words(words[j]))
                    ),
                    end,
                )
                if words[end - 1] in _OR_WORDS:
                    break
            if word in _LEADING_HEADS and end < len(words) and not _names_role(words[end : end + 1]):
                end += 1  # "head (of) engineering", "director (of) sales"
            elif i == 0:  # French and Spanish put the modifiers after: "ingeniero de QA"
                end = min(len(words), end + _ROMANCE_MODIFIERS)
            return words[max(0, i - _ROLE_WORDS) : end]
    return words


_ROMANCE_MODIFIERS = 3
# Occupation words that come before what they lead.
_LEADING_HEADS = frozenset(
    {"head", "director", "vp", "chief", "directeur", "directrice", "jefe", "jefa", "leiter"}
)


def _names_role(words: list[str]) -> bool:
    return any(w in HEADS for w in canonical_words(" ".join(words)))


def _role_alternatives(role_text: str) -> tuple[tuple[str, ...], ...]:
    """ "staff or principal engineer" -> (staff engineer), (principal engineer): an alternative
    without an occupation word borrows the last one's."""
    parts = [canonical_words(p) for p in _split_or(role_text.split())]
    parts = [p for p in parts if p]
    if not parts:
        return ()
    head = [w for w in parts[-1] if w in HEADS][-1:]
    return tuple(p if any(w in HEADS for w in p) else (*p, *head) for p in parts)
