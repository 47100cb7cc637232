"""The cross-lingual layer: job titles and skill words of German, French and Spanish in English.

Search compares a query with resumes through canonical English words, applied to both sides: a
"Softwareentwicklerin", a "développeuse" and a "desarrolladora" are all a "software developer" /
"developer", "Buchhaltung", "comptabilité" and "contabilidad" are "accounting". The embedding model
carries meaning across languages too, but a small model blurs short titles; these words are exact.

Only general vocabulary lives here (occupations, their modifiers, the common skill words), never
names or phrases of a particular corpus. A word that is not listed is kept as it is.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# Letters the Unicode decomposition does not take apart.
_SPELLED_OUT = str.maketrans(
    {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "\u2019": "'", "\u00a0": " "}
)
# Words as titles and skills are written: letters and digits with the punctuation that is part of
# a name ("C#", "C++", "Node.js", ".NET", "Network+", "A/B").
WORD_PATTERN = r"[a-z0-9][a-z0-9+#]*(?:[./][a-z0-9+#]+)*|\.[a-z0-9]+"
_WORD = re.compile(WORD_PATTERN)


@lru_cache(maxsize=65536)
def fold(text: str | None) -> str:
    """Case and accents removed, whitespace collapsed: "Développeuse  Senior" -> "developpeuse senior".
    Cached: the same skills and titles come back with every query's candidates."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold().translate(_SPELLED_OUT))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


@lru_cache(maxsize=65536)
def words(text: str | None) -> tuple[str, ...]:
    """The folded words of a text, punctuation between words dropped ("Full-Stack" -> full, stack)."""
    return tuple(_WORD.findall(fold(text).replace("-", " ").replace("'", " ")))


# ---------------------------------------------------------------------------------------------
# Single words of titles and skills, German / French / Spanish -> English. Feminine and plural
# forms are listed where they are not the masculine one plus a regular ending (see _stem_forms).
WORD_TRANSLATIONS: dict[str, str] = {
    # occupations (heads of titles)
    "entwickler": "developer",
    "programmierer": "programmer",
    "ingenieur": "engineer",
    "analyst": "analyst",
    "berater": "consultant",
    "leiter": "manager",
    "leitung": "manager",
    "teamleiter": "team lead",
    "architekt": "architect",
    "administrator": "administrator",
    "techniker": "technician",
    "spezialist": "specialist",
    "referent": "specialist",
    "sachbearbeiter": "clerk",
    "assistent": "assistant",
    "buchhalter": "accountant",
    "wissenschaftler": "scientist",
    "forscher": "researcher",
    "gestalter": "designer",
    "pruefer": "auditor",
    "prufer": "auditor",
    "verkaufer": "sales representative",
    "lehrer": "teacher",
    "arzt": "physician",
    "apotheker": "pharmacist",
    "krankenpfleger": "nurse",
    "pflegefachkraft": "nurse",
    "fahrer": "driver",
    "kraftfahrer": "driver",
    "physiotherapeut": "physiotherapist",
    "developpeur": "developer",
    "developpeuse": "developer",
    "programmeur": "programmer",
    "programmeuse": "programmer",
    "ingenieur logiciel": "software engineer",
    "analyste": "analyst",
    "consultant": "consultant",
    "consultante": "consultant",
    "architecte": "architect",
    "administrateur": "administrator",
    "administratrice": "administrator",
    "technicien": "technician",
    "technicienne": "technician",
    "testeur": "tester",
    "testeuse": "tester",
    "comptable": "accountant",
    "controleur de gestion": "controller",
    "chercheur": "researcher",
    "chercheuse": "researcher",
    "concepteur": "designer",
    "conceptrice": "designer",
    "directeur": "director",
    "directrice": "director",
    "gestionnaire": "manager",
    "responsable": "manager",
    "chef": "manager",
    "cheffe": "manager",
    "enseignant": "teacher",
    "enseignante": "teacher",
    "professeur": "teacher",
    "infirmier": "nurse",
    "infirmiere": "nurse",
    "pharmacien": "pharmacist",
    "pharmacienne": "pharmacist",
    "chauffeur": "driver",
    "kinesitherapeute": "physiotherapist",
    "desarrollador": "developer",
    "desarrolladora": "developer",
    "programador": "programmer",
    "programadora": "programmer",
    "ingeniero": "engineer",
    "ingeniera": "engineer",
    "analista": "analyst",
    "consultor": "consultant",
    "consultora": "consultant",
    "arquitecto": "architect",
    "arquitecta": "architect",
    "administrador": "administrator",
    "administradora": "administrator",
    "tecnico": "technician",
    "tecnica": "technician",
    "probador": "tester",
    "contador": "accountant",
    "contadora": "accountant",
    "contable": "accountant",
    "investigador": "researcher",
    "investigadora": "researcher",
    "cientifico": "scientist",
    "cientifica": "scientist",
    "disenador": "designer",
    "disenadora": "designer",
    "director": "director",
    "directora": "director",
    "gerente": "manager",
    "jefe": "manager",
    "jefa": "manager",
    "coordinador": "coordinator",
    "coordinadora": "coordinator",
    "especialista": "specialist",
    "profesor": "teacher",
    "profesora": "teacher",
    "maestro": "teacher",
    "maestra": "teacher",
    "enfermero": "nurse",
    "enfermera": "nurse",
    "farmaceutico": "pharmacist",
    "farmaceutica": "pharmacist",
    "conductor": "driver",
    "conductora": "driver",
    "camionero": "truck driver",
    "fisioterapeuta": "physiotherapist",
    # what the occupation is about (modifiers)
    "software": "software",
    "logiciel": "software",
    "logicielle": "software",
    "informatique": "it",
    "informatica": "it",
    "informatico": "it",
    "informatik": "it",
    "daten": "data",
    "donnees": "data",
    "datos": "data",
    "netzwerk": "network",
    "reseau": "network",
    "reseaux": "network",
    "redes": "network",
    "red": "network",
    "system": "systems",
    "systeme": "systems",
    "systemes": "systems",
    "sistemas": "systems",
    "projekt": "project",
    "projet": "project",
    "projets": "project",
    "proyecto": "project",
    "proyectos": "project",
    "produkt": "product",
    "produit": "product",
    "producto": "product",
    "sicherheit": "security",
    "securite": "security",
    "seguridad": "security",
    "qualitat": "quality",
    "qualitaet": "quality",
    "qualite": "quality",
    "calidad": "quality",
    "finanz": "finance",
    "finanzen": "finance",
    "finance": "finance",
    "finanzas": "finance",
    "personal": "hr",
    "rh": "hr",
    "rrhh": "hr",
    "vertrieb": "sales",
    "ventes": "sales",
    "ventas": "sales",
    "kunden": "customer",
    "client": "customer",
    "cliente": "customer",
    "support": "support",
    "soporte": "support",
    "web": "web",
    "mobile": "mobile",
    "movil": "mobile",
    "cloud": "cloud",
    "nube": "cloud",
    "test": "test",
    "tests": "test",
    "pruebas": "test",
    "lkw": "truck",
    "camion": "truck",
    "grundschule": "primary school",
    "schule": "school",
    "ecole": "school",
    "escuela": "school",
    "senior": "senior",
    "junior": "junior",
    "leader": "lead",
    "leiterin": "manager",
    # skill words
    "buchhaltung": "accounting",
    "finanzbuchhaltung": "financial accounting",
    "comptabilite": "accounting",
    "contabilidad": "accounting",
    "lohnbuchhaltung": "payroll",
    "paie": "payroll",
    "nominas": "payroll",
    "projektmanagement": "project management",
    "gestion de projet": "project management",
    "gestion de proyectos": "project management",
    "datenanalyse": "data analysis",
    "analyse de donnees": "data analysis",
    "analisis de datos": "data analysis",
    "maschinelles lernen": "machine learning",
    "apprentissage automatique": "machine learning",
    "aprendizaje automatico": "machine learning",
    "steuern": "tax",
    "fiscalite": "tax",
    "impuestos": "tax",
    "wirtschaftsprufung": "audit",
    "audit": "audit",
    "auditoria": "audit",
    "personalbeschaffung": "recruiting",
    "recrutement": "recruiting",
    "reclutamiento": "recruiting",
}

# Multi-word titles whose words do not translate one by one.
PHRASE_TRANSLATIONS: dict[str, str] = {
    "chef de projet": "project manager",
    "cheffe de projet": "project manager",
    "jefe de proyecto": "project manager",
    "jefa de proyecto": "project manager",
    "jefe de proyectos": "project manager",
    "gestor de proyectos": "project manager",
    "director de proyecto": "project manager",
    "directeur de projet": "project manager",
    "ingenieur logiciel": "software engineer",
    "ingenieure logicielle": "software engineer",
    "data scientist": "data scientist",
    "scientifique des donnees": "data scientist",
    "cientifico de datos": "data scientist",
    "cientifica de datos": "data scientist",
    "expert comptable": "accountant",
    "experte comptable": "accountant",
    "controleur de gestion": "controller",
    "controleuse de gestion": "controller",
    "charge de recrutement": "recruiter",
    "chargee de recrutement": "recruiter",
    "ressources humaines": "hr",
    "recursos humanos": "hr",
    "kundenbetreuer": "customer support",
    "assurance qualite": "quality assurance",
    "aseguramiento de calidad": "quality assurance",
    "garantia de calidad": "quality assurance",
    "head of": "head of",
}

# Occupation words: the head of a title. In French and Spanish the head comes first and its
# modifiers follow ("ingeniero de QA", "développeur web"); in English they come before it.
HEADS = frozenset(
    {
        *("developer", "programmer", "engineer", "analyst", "consultant", "manager", "architect"),
        *("administrator", "technician", "specialist", "clerk", "assistant", "accountant", "scientist"),
        *("researcher", "designer", "auditor", "tester", "director", "coordinator", "teacher", "nurse"),
        *("pharmacist", "driver", "physiotherapist", "physician", "recruiter", "controller", "lead"),
        *("head", "chief", "cto", "ciso", "cfo", "cmo", "coo", "ceo", "vp", "master", "coach", "owner"),
        *("officer", "writer", "representative", "agent", "executive", "partner", "generalist"),
        *("strategist", "planner", "marketer", "administrator", "operator", "editor", "advisor"),
    }
)
# German compounds end in an occupation: "Softwareentwickler" = Software + Entwickler.
_GERMAN_HEADS = (
    *("entwickler", "programmierer", "ingenieur", "analyst", "berater", "leiter", "architekt"),
    *("administrator", "techniker", "spezialist", "referent", "assistent", "buchhalter"),
    *("wissenschaftler", "forscher", "gestalter", "designer", "manager", "tester", "lehrer"),
    *("fahrer", "therapeut", "pfleger", "prufer"),
)
# The words that join a French or Spanish head to its modifier.
_LINKS = frozenset({"de", "del", "des", "du", "d", "en", "la", "le", "los", "las", "el", "di", "of"})
# Endings of German feminine and plural forms, French feminine forms.
_ENDINGS = ("innen", "in", "en", "e", "s")


def _known(word: str) -> str | None:
    if word in WORD_TRANSLATIONS:
        return WORD_TRANSLATIONS[word]
    for ending in _ENDINGS:  # Entwicklerin, Ingenieure, Analystin, développeurs
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 4 and stem in WORD_TRANSLATIONS:
            return WORD_TRANSLATIONS[stem]
    return None


def _split_compound(word: str) -> list[str] | None:
    """A German compound as its translated parts: "datenanalystin" -> ["data", "analyst"]."""
    for head in _GERMAN_HEADS:
        for ending in ("", *_ENDINGS):
            tail = head + ending
            if not word.endswith(tail) or len(word) - len(tail) < 2:
                continue
            prefix = word[: -len(tail)].rstrip("-")
            prefix = prefix[:-1] if prefix.endswith("s") and _known(prefix[:-1]) else prefix
            translated_prefix = _known(prefix) or prefix
            return [*translated_prefix.split(), *(_known(head) or head).split()]
    return None


@cache
def canonical_words(text: str) -> tuple[str, ...]:
    """A title or skill as canonical English words: "Ingeniera de QA" -> ("qa", "engineer"),
    "Softwareentwicklerin" -> ("software", "developer"), "Senior Data Analyst" unchanged."""
    folded = " ".join(words(text))
    for phrase, english in PHRASE_TRANSLATIONS.items():
        folded = re.sub(rf"\b{re.escape(phrase)}\b", english, folded)
    out: list[str] = []
    for word in folded.split():
        known = TITLE_SYNONYMS.get(word) or _known(word)
        if known is not None:
            out.extend(known.split())
        elif (parts := _split_compound(word)) is not None:
            out.extend(parts)
        else:
            out.append(word)
    return _head_last(out)


def _head_last(tokens: list[str]) -> tuple[str, ...]:
    """Romance word order to English: "engineer de qa" -> "qa engineer", "developer web" -> "web
    developer". Only when the head opens the title and a link word or a modifier follows it."""
    if len(tokens) < 2 or tokens[0] not in HEADS or tokens[1] in HEADS:
        return tuple(tokens)
    head, rest = tokens[0], [t for t in tokens[1:] if t not in _LINKS]
    if not rest or any(t in HEADS for t in rest):
        return tuple(t for t in tokens if t not in _LINKS) if tokens[1] in _LINKS else tuple(tokens)
    return (*rest, head)


def canonical(text: str | None) -> str:
    return " ".join(canonical_words(text or ""))


# Occupational families: words of titles that name neighbouring kinds of work, so that a "DevOps
# engineer" partly meets a query for a site reliability engineer and a "Backend Developer" one for
# a software developer, while a data scientist does not meet a query for a developer.
FAMILIES: dict[str, frozenset[str]] = {
    "software": frozenset(
        {"software", "backend", "frontend", "front", "back", "full", "stack", "fullstack", "web"}
        | {"application", "python", "java", "javascript", "typescript", "react", "node", "ruby", "php"}
        | {"go", "golang", ".net", "c#", "c++", "ui", "programmer", "coding", "api"}
    ),
    "infrastructure": frozenset(
        {"devops", "sre", "site", "reliability", "platform", "cloud", "infrastructure", "systems"}
        | {"operations", "ops", "kubernetes", "aws", "azure", "gcp"}
    ),
    "mobile": frozenset({"mobile", "android", "ios", "flutter", "app", "apps"}),
    "data": frozenset({"data", "analytics", "bi", "etl", "warehouse", "machine", "learning", "ml", "ai"}),
    "quality": frozenset({"qa", "quality", "assurance", "test", "testing", "tester", "sdet", "automation"}),
    "security": frozenset({"security", "cyber", "cybersecurity", "soc", "penetration", "infosec", "ciso"}),
    "design": frozenset({"design", "designer", "ux", "ui", "interaction", "visual", "product", "graphic"}),
    "delivery": frozenset({"project", "program", "programme", "delivery", "pmo", "portfolio", "scrum"}),
    "people": frozenset({"hr", "people", "talent", "recruiting", "recruiter", "recruitment", "human"}),
    "finance": frozenset(
        {"finance", "financial", "accounting", "accountant", "controller", "fp", "audit", "tax", "payroll"}
    ),
    "marketing": frozenset({"marketing", "growth", "seo", "content", "brand", "digital", "social", "media"}),
    "support": frozenset({"support", "helpdesk", "help", "desk", "service", "desktop", "it", "technical"}),
    "network": frozenset({"network", "networking", "infrastructure", "systems", "telecom"}),
}
# Words that stand for whole titles.
TITLE_SYNONYMS: dict[str, str] = {
    "sre": "site reliability engineer",
    "swe": "software engineer",
    "sdet": "software development engineer in test",
    "pm": "product manager",
    "ba": "business analyst",
    "ciso": "chief information security officer",
    "cto": "chief technology officer",
}


_FAMILIES_OF: dict[str, frozenset[str]] = {
    word: frozenset(name for name, family in FAMILIES.items() if word in family)
    for family in FAMILIES.values()
    for word in family
}


def related(a: str, b: str) -> bool:
    """Whether two title words name neighbouring kinds of work (one family)."""
    return bool(_FAMILIES_OF.get(a, frozenset()) & _FAMILIES_OF.get(b, frozenset()))
