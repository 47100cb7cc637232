"""Section-heading vocabulary in English, German, French and Spanish, and the heading classifier.

Phrases and keywords are listed as " | "-separated strings to keep the lists readable.

A heading matches when its whole text is a known phrase, or, failing that, when it is short and
contains a keyword of exactly one kind ("Education and training", "Languages I speak").
Text is compared case-, accent- and punctuation-insensitively.
"""

from __future__ import annotations

import re
import unicodedata

from resume_parser.layout import SectionKind

K = SectionKind

PHRASES: dict[SectionKind, str] = {
    K.EXPERIENCE: (
        "experience | work experience | professional experience | employment | employment history | work "
        "history | career history | career | relevant experience | where i've worked | places i've worked "
        "| what i've done | berufserfahrung | berufliche erfahrung | beruflicher werdegang | werdegang | "
        "praxiserfahrung | expérience professionnelle | expériences professionnelles | expérience | "
        "expériences | parcours professionnel | experiencia | experiencia laboral | experiencia "
        "profesional | trayectoria profesional | work experiences | professional background | "
        "internships | berufserfahrungen | arbeitserfahrung | berufspraxis | berufliche laufbahn | "
        "beruflicher hintergrund | praktische erfahrung | praktika | expérience de travail | emplois | "
        "parcours | stages | experiencias | experiencia de trabajo | experiencias profesionales | "
        "historial laboral | historial profesional | prácticas"
    ),
    K.EDUCATION: (
        "education | academic background | qualifications | studies | schooling | learning | education "
        "and training | ausbildung | bildung | bildungsweg | studium | schulbildung | formation | "
        "formations | études | diplômes | educación | formación | estudios | formación académica | "
        "akademischer werdegang | akademische ausbildung | schulische ausbildung | "
        "hochschulbildung | formation académique | formation universitaire | "
        "parcours académique | cursus | scolarité | "
        "estudios realizados | estudios académicos | titulación | titulaciones"
    ),
    K.SKILLS: (
        "skills | skill set | technical skills | core skills | key skills | competencies | core "
        "competencies | expertise | toolbox | tools | tech stack | stack | what i bring | what i do | "
        "kenntnisse | fähigkeiten | kompetenzen | fachkenntnisse | it-kenntnisse | compétences | "
        "compétences techniques | savoir-faire | habilidades | competencias | aptitudes | conocimientos | "
        "programming languages | programming | languages and frameworks | languages and tools | frameworks | "
        "technologies | programmiersprachen | langages de programmation | lenguajes de programación | "
        "tools and technologies | technical expertise | edv-kenntnisse | "
        "fachliche kompetenzen | it-skills | "
        "compétences clés | compétences informatiques | connaissances informatiques | outils | logiciels | "
        "habilidades técnicas | competencias técnicas | conocimientos informáticos | herramientas"
    ),
    K.LANGUAGES: (
        "languages | language skills | languages i speak | tongues | sprachen | sprachkenntnisse | langues | "
        "compétences linguistiques | idiomas | lenguas | fremdsprachen | fremdsprachenkenntnisse | "
        "langues étrangères | langues parlées | connaissances linguistiques | competencias lingüísticas | "
        "conocimientos de idiomas | lenguas extranjeras"
    ),
    K.CERTIFICATES: (
        "certifications | certificates | paper trail | licenses | licenses and certifications | badges | "
        "zertifikate | zertifizierungen | certificats | certifications professionnelles | certificaciones | "
        "certificados"
    ),
    K.PROJECTS: (
        "projects | side projects | personal projects | selected projects | side quests | portfolio | "
        "open source | things i've built | projekte | projets | proyectos | ausgewählte projekte | "
        "projets personnels | proyectos personales"
    ),
    K.SUMMARY: (
        "summary | profile | professional summary | about | about me | objective | career objective | "
        "hello | hi | intro | introduction | profil | kurzprofil | über mich | zusammenfassung | résumé | "
        "à propos | à propos de moi | perfil | perfil profesional | resumen | sobre mí | extracto | "
        "objetivo | persönliches profil | berufliches profil | kurzvorstellung | profil professionnel | "
        "perfil personal | acerca de mí | sobre mi"
    ),
    K.CONTACT: (
        "contact | contact details | contact information | personal information | personal details | "
        "personal data | find me | get in touch | reach me | say hello | say hi | kontakt | kontaktdaten | "
        "persönliche daten | persönliche angaben | coordonnées | informations personnelles | contacto | "
        "datos personales | información personal | datos de contacto | persönliche informationen | "
        "kontaktinformationen | informations de contact | información de contacto"
    ),
    K.INTERESTS: (
        "interests | hobbies | hobbies and interests | outside work | when i'm not working | interessen | "
        "hobbys | freizeit | centres d'intérêt | loisirs | intereses | aficiones | pasatiempos | "
        "freizeitaktivitäten | centres d'intérêts | intérêts"
    ),
    K.REFERENCES: "references | referees | referenzen | références | referencias",
    K.OTHER: (
        "other | additional information | miscellaneous | awards | honors | honours | awards and honors | "
        "publications | volunteering | volunteer experience | activities | achievements | courses | "
        "sonstiges | auszeichnungen | publikationen | ehrenamt | divers | prix | distinctions | bénévolat "
        "| otros | premios | publicaciones | voluntariado"
    ),
}

# Keywords (compared as whole words after normalization) for headings that are not exact phrases.
KEYWORDS: dict[SectionKind, str] = {
    K.EXPERIENCE: (
        "experience | employment | work | worked | career | berufserfahrung | werdegang | experiencia | "
        "trayectoria | experiences | jobs | positions | berufserfahrungen | erfahrung | erfahrungen | "
        "experiencias | laboral | emplois | stages | internships | praktika"
    ),
    K.EDUCATION: (
        "education | academic | schooling | studies | studied | school | ausbildung | bildung | studium | "
        "formation | etudes | educacion | formacion | estudios | degrees | diplomas | diplomes | "
        "cursus | titulacion | akademischer"
    ),
    K.SKILLS: (
        "skills | skill | competencies | toolbox | tools | stack | kenntnisse | fahigkeiten | kompetenzen "
        "| competences | habilidades | competencias | conocimientos | expertise"
    ),
    K.LANGUAGES: "languages | language | tongues | sprachen | sprachkenntnisse | langues | idiomas | speak | "
    "fremdsprachen | lenguas | linguistiques",
    K.CERTIFICATES: (
        "certifications | certificates | certification | licenses | badges | zertifikate | "
        "zertifizierungen | certificats | certificaciones | certificados"
    ),
    K.PROJECTS: "projects | projekte | projets | proyectos | quests | portfolio",
    K.SUMMARY: "summary | profile | about | objective | profil | perfil | resumen",
    K.CONTACT: "contact | kontakt | contacto | coordonnees",
    K.INTERESTS: "interests | hobbies | interessen | hobbys | loisirs | intereses | aficiones",
    K.REFERENCES: "references | referees | referenzen | referencias",
    K.OTHER: "awards | honors | publications | volunteering | achievements",
}

MAX_KEYWORD_HEADING_WORDS = 5


def normalize_heading(text: str) -> str:
    """Lower case, accents and punctuation removed, apostrophes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^\w']+", " ", text.replace("&", " and "))
    return " ".join(text.split())


_PHRASE_KINDS = {
    normalize_heading(phrase): kind for kind, phrases in PHRASES.items() for phrase in phrases.split(" | ")
}
# OCR reads letter-spaced capitals without their word spaces: "SELECTEDPROJECTS".
_COMPACT_PHRASE_KINDS = {phrase.replace(" ", ""): kind for phrase, kind in _PHRASE_KINDS.items()}
_KEYWORD_KINDS = [(kind, frozenset(keywords.split(" | "))) for kind, keywords in KEYWORDS.items()]


def heading_kind(text: str) -> SectionKind | None:
    """The section kind a heading's text names, or None when it names no known section."""
    normalized = normalize_heading(text)
    if not normalized:
        return None
    exact = _PHRASE_KINDS.get(normalized) or _COMPACT_PHRASE_KINDS.get(normalized.replace(" ", ""))
    if exact is not None:
        return exact
    words = normalized.split()
    if len(words) > MAX_KEYWORD_HEADING_WORDS:
        return None
    return _first_keyword_kind(words)


def _first_keyword_kind(words: list[str]) -> SectionKind | None:
    """The kind of the first keyword; for a heading naming two ("Skills and languages") the first wins."""
    for word in words:
        for kind, keywords in _KEYWORD_KINDS:
            if word in keywords:
                return kind
    return None
