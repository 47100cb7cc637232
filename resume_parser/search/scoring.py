"""The match score: how well one resume meets what the query asks for, on a 0-1 scale that means
the same thing for every query and pool, and the explanation that goes with it.

Each requirement the query states is checked against the resume's facets (facets.py) and scores
0-1: the role (the current title in canonical words, or the embedding's similarity of title and
role when the words differ), the skills it names (recognized among the candidates' skills), years
of experience, location, languages, education, certificates, and seniority as a soft hint. The
match score is their weighted mean, so a resume that meets everything scores 1 and one of another
occupation with none of the skills scores near 0 — which is what lets a threshold return nothing
for a query that matches nobody. A query with no recognizable requirement is scored by the
embedding's similarity alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from resume_parser.enrichment.isced import degree_keys
from resume_parser.normalization.skills import canonical_skill
from resume_parser.search.constraints import STOPWORDS, QueryConstraints, Seniority, SkillYears
from resume_parser.search.facets import ResumeFacets
from resume_parser.search.languages import Level
from resume_parser.search.lexicon import HEADS, canonical_words, fold, related, words

# Hits under this match score are not returned unless the caller asks for a lower threshold.
# Calibrated on the labelled search set (bench/README.md): relevant resumes score 0.5 and more,
# the best resume for a query of an occupation absent from the pool about 0.2.
DEFAULT_MIN_SCORE = 0.45

# How much each requirement weighs in the match score.
# A requirement the recruiter states outright (a place, a language, a certificate) weighs nearly as
# much as the role; the skills, named in passing, less; seniority is a hint.
WEIGHTS = {
    "role": 3.0,
    "skill": 2.0,  # all skills together (the skill a query is about weighs as the role)
    "experience": 2.0,
    "skill_experience": 2.0,  # each "N years of <skill>"
    "location": 2.5,
    "language": 2.5,  # each language
    "education": 2.5,
    "certificate": 2.5,  # each certificate
    "seniority": 0.75,
}
# A title word of the same family as the role's ("devops" for "site reliability") counts part; an
# occupation word of the family ("accountant" for an FP&A analyst) less.
RELATED_WORD_CREDIT = 0.7
RELATED_HEAD_CREDIT = 0.35
# A skill that is the start of the one asked for ("Ruby" for "Ruby on Rails").
PART_OF_SKILL_CREDIT = 0.5
# The skill's words inside a longer entry of the resume's skills ("Frameworks Django FastAPI").
WITHIN_SKILL_CREDIT = 0.9
# A resume whose title could not be read, against one with the role.
UNKNOWN_ROLE_CREDIT = 0.3
# A past position in the role, against the current one.
PAST_ROLE_CREDIT = 0.5
# Related occupation words count part of a match ("developer" for "engineer").
_RELATED_HEADS = (
    ({"developer", "engineer", "programmer"}, 0.8),
    ({"accountant", "controller"}, 0.8),  # a (financial) controller heads the accounting
    ({"accountant", "controller", "bookkeeper", "auditor"}, 0.7),
    ({"engineer", "tester"}, 0.6),  # a QA tester and a QA engineer
    ({"developer", "engineer", "architect"}, 0.6),  # an architect is a senior engineer
    ({"manager", "lead", "head", "director", "chief", "vp", "owner"}, 0.6),
    ({"analyst", "scientist"}, 0.3),
    ({"designer", "researcher"}, 0.4),
)
# Words of a title that say the level, not the occupation, and count half ("staff", "principal",
# "lead" are ranks of their own and count in full).
LEVEL_WORDS = frozenset({"senior", "sr", "junior", "jr"})
SENIOR_TITLE_WORDS = frozenset(
    {"senior", "sr", "lead", "principal", "staff", "head", "director", "vp", "chief", "architect", "cto"}
    | {"ciso", "cfo", "cmo", "coo", "ceo", "manager"}
)
JUNIOR_TITLE_WORDS = frozenset({"junior", "jr", "intern", "trainee", "graduate", "apprentice", "assistant"})


class Status(StrEnum):
    MET = "met"
    PARTLY_MET = "partly met"
    NOT_MET = "not met"
    UNKNOWN = "unknown"  # the resume does not say


@dataclass(frozen=True, slots=True)
class Check:
    """One requirement of the query, checked against one resume."""

    kind: str  # a key of WEIGHTS
    requirement: str  # in words: "at least 8 years of experience"
    status: Status
    evidence: str  # what the resume shows: "9.5 years"
    score: float  # 0-1


@dataclass(frozen=True, slots=True)
class Match:
    score: float  # 0-1, the weighted mean of the checks
    checks: list[Check]
    matched_title: str  # the resume's title that matched the role, if one did
    matched_skills: list[str]


@dataclass(frozen=True, slots=True)
class SkillMention:
    """A skill the query names, with the alternatives it was named with ("Django or FastAPI")."""

    names: tuple[str, ...]  # folded


def query_skills(constraints: QueryConstraints, candidates: list[ResumeFacets]) -> list[SkillMention]:
    """The skills the query names, recognized as the candidates' own skills and certificates whose
    every word appears, in order, in the query; skills named with "or" between them are one
    requirement."""
    tokens = constraints.query_words
    spans: dict[tuple[int, int], str] = {}
    for facets in candidates:
        for name in (*facets.skills, *facets.certificates):
            needle = tuple(words(name))
            for start in _occurrences(tokens, needle):
                if _names_a_skill(tokens, start, start + len(needle)):
                    spans.setdefault((start, start + len(needle)), " ".join(needle))
    # A longer skill wins over the shorter ones inside it ("Jetpack Compose" over "Compose").
    kept = sorted(
        (s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)),
        key=lambda s: s[0],
    )
    mentions: list[list[str]] = []
    previous_end = -1
    for start, end in kept:
        gap = tokens[previous_end:start] if previous_end >= 0 else ()
        if mentions and gap and all(t in _OR_WORDS for t in gap):
            mentions[-1].append(spans[(start, end)])
        else:
            mentions.append([spans[(start, end)]])
        previous_end = end
    return [SkillMention(tuple(dict.fromkeys(m))) for m in mentions]


_OR_WORDS = frozenset({"or", "oder", "ou", "o", "bzw", "/"})


def _names_a_skill(tokens: tuple[str, ...], start: int, end: int) -> bool:
    """Whether the query's words start:end, which some candidate lists as a skill, are a skill
    requirement. Parsers put stray words among the skills (a section label "Cloud", a line "OR",
    a title "Backend Developer"); a query's connectors and its role are not skills: an occupation
    ("backend developer") and the one word that qualifies it ("cloud engineer") are the role, whose
    check already counts such a word when the resume lists it as a skill."""
    span = tokens[start:end]
    if all(t in STOPWORDS or t in _OR_WORDS for t in span):
        return False
    if any(_is_head(t) for t in span):
        return False
    return not (end - start == 1 and end < len(tokens) and _is_head(tokens[end]))


def _is_head(token: str) -> bool:
    return any(w in HEADS for w in canonical_words(token))


def _occurrences(haystack: tuple[str, ...], needle: tuple[str, ...]) -> list[int]:
    width = len(needle)
    if not width:
        return []
    return [i for i in range(len(haystack) - width + 1) if haystack[i : i + width] == needle]


def match(
    constraints: QueryConstraints,
    facets: ResumeFacets,
    skills: list[SkillMention],
    *,
    title_similarity: float | None,
    text_similarity: float,
) -> Match:
    """The match score of one resume. `title_similarity` is the embedding's calibrated similarity
    (0-1) of its title and the query's role; `text_similarity` the calibrated similarity of the
    whole resume and the query, used only when the query states no requirement at all."""
    resume_skills = {" ".join(words(s)): s for s in (*facets.skills, *facets.certificates)}
    checks: list[Check] = []
    matched_title = ""
    roles = _roles_without_skills(constraints, skills)
    if roles:
        role_check, matched_title = _role(roles, constraints, facets, resume_skills, title_similarity)
        checks.append(role_check)
    matched: list[str] = []
    if skills:
        skill_checks, matched = _skills(skills, resume_skills, set(facets.title_words))
        checks += skill_checks
    skill_years = _skill_years(constraints, skills)
    checks += [_skill_experience(names, years, facets) for names, years in skill_years]
    about_skill = any(years.min_years == constraints.min_years for _, years in skill_years)
    if not about_skill or constraints.max_years is not None:
        checks += _experience(constraints, facets)  # else the query's years were the skill's
    checks += _seniority(constraints, facets)
    checks += _location(constraints, facets)
    checks += [_language(wanted.language, wanted.level, facets) for wanted in constraints.languages]
    checks += _education(constraints, facets)
    checks += [_certificate(alternatives, facets) for alternatives in constraints.certificates]
    if not checks:
        return Match(text_similarity, [], "", [])
    shares = iter(_skill_weights(constraints, roles, skills))
    weights = [next(shares) if c.kind == "skill" else WEIGHTS[c.kind] for c in checks]
    score = sum(w * c.score for w, c in zip(weights, checks, strict=True)) / sum(weights)
    return Match(round(score, 4), checks, matched_title, matched)


def _skill_weights(
    constraints: QueryConstraints, roles: tuple[tuple[str, ...], ...], skills: list[SkillMention]
) -> list[float]:
    """Each skill's weight, in the order of `skills`. The skills share the skill weight, unless the
    query's subject is a skill ("Kubernetes with Helm and ArgoCD": a role made of skill names):
    then that skill weighs as the role would and the others share the skill weight."""
    if not skills:
        return []
    subject = {word for role in constraints.roles if role not in roles for word in role}
    main = [any(set(canonical_words(name)) <= subject for name in m.names) for m in skills]
    if all(main) or not any(main):
        return [WEIGHTS["skill"] / len(skills)] * len(skills)
    mains, others = sum(main), len(skills) - sum(main)
    return [WEIGHTS["role"] / mains if is_main else WEIGHTS["skill"] / others for is_main in main]


def _roles_without_skills(
    constraints: QueryConstraints, skills: list[SkillMention]
) -> tuple[tuple[str, ...], ...]:
    """The query's role alternatives, except one made of skill names only ("Kubernetes with Helm")."""
    skill_words = {w for mention in skills for name in mention.names for w in canonical_words(name)}
    return tuple(role for role in constraints.roles if not set(role) <= skill_words)


def _role(
    roles: tuple[tuple[str, ...], ...],
    constraints: QueryConstraints,
    facets: ResumeFacets,
    resume_skills: dict[str, str],
    title_similarity: float | None,
) -> tuple[Check, str]:
    current = frozenset(facets.title_words)
    lexical = max(_role_words_score(role, current, resume_skills) for role in roles)
    # A past position in the role counts part: the candidate has done the job, if not lately.
    past = [frozenset(title.split()) for title in facets.past_titles] if lexical < 1.0 else []
    earlier = max((_role_words_score(role, t, resume_skills) for role in roles for t in past), default=0.0)
    # The embedding vouches for a title the words miss (a synonym, a language the lexicon lacks),
    # but only halfway: it also finds "Lead Backend Engineer" close to "engineering lead".
    semantic = (lexical + title_similarity) / 2 if title_similarity is not None else 0.0
    score = max(lexical, semantic, PAST_ROLE_CREDIT * earlier)
    title = facets.titles[-1] if facets.titles else ""
    status = Status.MET if score >= 0.75 else Status.PARTLY_MET if score >= 0.4 else Status.NOT_MET
    if not facets.titles:
        # No title was read: not a mismatch, but unknown, as an undated work history is for years.
        status, score = Status.UNKNOWN, max(score, UNKNOWN_ROLE_CREDIT)
    wanted = constraints.role_text or " / ".join(" ".join(r) for r in roles)
    check = Check("role", wanted, status, " / ".join(facets.titles), round(score, 4))
    return check, title if status in (Status.MET, Status.PARTLY_MET) else ""


def _role_words_score(role: tuple[str, ...], title: frozenset[str], resume_skills: dict[str, str]) -> float:
    """Share of the role's words in a title's words; level words count half, a related word part,
    and a role word that is one of the resume's skills counts ("Python developer" and a developer
    who lists Python)."""
    got = wanted = 0.0
    for word in role:
        weight = 0.5 if word in LEVEL_WORDS else 1.0
        wanted += weight
        got += weight * (1.0 if word in resume_skills else _word_credit(word, title))
    return got / wanted if wanted else 0.0


@lru_cache(maxsize=65536)
def _word_credit(word: str, title: frozenset[str]) -> float:
    """How much of one role word a title's words give (cached: titles repeat across candidates)."""
    if word in title:
        return 1.0
    credits = [credit for group, credit in _RELATED_HEADS if word in group and group & title]
    if any(related(word, other) for other in title):
        credits.append(RELATED_WORD_CREDIT if word not in HEADS else RELATED_HEAD_CREDIT)
    return max(credits, default=0.0)


def _skills(
    skills: list[SkillMention], resume_skills: dict[str, str], title: set[str]
) -> tuple[list[Check], list[str]]:
    """Each skill the query names, met by the resume's skills or by its title ("Python Developer")."""
    checks, matched = [], []
    for mention in skills:
        have = [resume_skills[name] for name in mention.names if name in resume_skills]
        matched += have
        in_title = [name for name in mention.names if set(name.split()) <= title]
        # The start of the skill asked for ("Ruby" for "Ruby on Rails") is part of it.
        broader = [
            printed
            for name, printed in resume_skills.items()
            for wanted_name in mention.names
            if len(name.split()) < len(wanted_name.split()) and wanted_name.startswith(name + " ")
        ]
        # A parser can run a line of skills together ("Cypress PostgreSQL Jira"): the skill's words
        # inside one of the resume's entries count nearly in full.
        within = [
            printed
            for name, printed in resume_skills.items()
            for wanted_name in mention.names
            if len(name.split()) > len(wanted_name.split())
            and _contains(tuple(name.split()), tuple(wanted_name.split()))
        ]
        wanted = " or ".join(mention.names)
        if have:
            checks.append(Check("skill", wanted, Status.MET, ", ".join(have), 1.0))
        elif within:
            checks.append(Check("skill", wanted, Status.MET, within[0], WITHIN_SKILL_CREDIT))
        elif in_title:
            checks.append(Check("skill", wanted, Status.MET, f"title: {in_title[0]}", 1.0))
        elif broader:
            checks.append(Check("skill", wanted, Status.PARTLY_MET, broader[0], PART_OF_SKILL_CREDIT))
        else:
            checks.append(Check("skill", wanted, Status.NOT_MET, "", 0.0))
    return checks, matched


def _experience(constraints: QueryConstraints, facets: ResumeFacets) -> list[Check]:
    low, high = constraints.min_years, constraints.max_years
    if low is None and high is None:
        return []
    wanted = _years_wanted(low, high)
    if facets.experience_months is None:
        return [Check("experience", wanted, Status.UNKNOWN, "no dated work history", 0.3)]
    years = facets.experience_months / 12
    # The share of what was asked for, squared: 7 of 8 years is nearly there (0.77), half the
    # years is another level of seniority (0.25). Over a maximum, the same the other way round.
    share = min(1.0, years / low) if low else 1.0
    if high is not None and years > high:
        share = min(share, high / years if years else 1.0)
    score = round(share**2, 4)
    status = Status.MET if score == 1.0 else Status.PARTLY_MET if score >= 0.25 else Status.NOT_MET
    return [Check("experience", wanted, status, f"{years:.1f} years", score)]


def _skill_years(
    constraints: QueryConstraints, skills: list[SkillMention]
) -> list[tuple[tuple[str, ...], SkillYears]]:
    """The "N years of <skill>" requirements whose words are a skill the query names (recognized
    among the candidates' skills), with that skill's alternatives."""
    found = []
    for wanted in constraints.skill_years:
        for mention in skills:
            if any(_starts_alike(tuple(name.split()), wanted.skill_words) for name in mention.names):
                found.append((mention.names, wanted))
                break
    return found


def _starts_alike(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    width = min(len(a), len(b))
    return width > 0 and a[:width] == b[:width]


def _skill_experience(names: tuple[str, ...], wanted: SkillYears, facets: ResumeFacets) -> Check:
    """Months at work with the skill (any of its alternatives), scored as the years of a career are."""
    requirement = f"at least {wanted.min_years:g} years of {' or '.join(names)}"
    facts = [
        (name, fact)
        for name in names
        for key in dict.fromkeys((name, " ".join(words(canonical_skill(name)))))
        if (fact := facets.skill_experience.get(key)) is not None
    ]
    dated = [(name, fact) for name, fact in facts if fact["months"] is not None]
    if not dated:
        evidence = "no dated work entry mentions it" if facts else "not among the skills"
        status = Status.UNKNOWN if facts else Status.NOT_MET
        return Check("skill_experience", requirement, status, evidence, 0.3 if facts else 0.0)
    name, fact = max(dated, key=lambda item: int(item[1]["months"]))
    years = int(fact["months"]) / 12
    score = round(min(1.0, years / wanted.min_years) ** 2 if wanted.min_years else 1.0, 4)
    status = Status.MET if score == 1.0 else Status.PARTLY_MET if score >= 0.25 else Status.NOT_MET
    entries = ", ".join(f"work[{index}]" for index in fact["work"])
    evidence = f"{years:.1f} years of {name} ({entries}), last used {fact['last_used'] or 'unknown'}"
    return Check("skill_experience", requirement, status, evidence, score)


def _years_wanted(low: float | None, high: float | None) -> str:
    if low is not None and high is not None:
        return f"{low:g} to {high:g} years of experience"
    if low is not None:
        return f"at least {low:g} years of experience"
    return f"at most {high:g} years of experience"


def _seniority(constraints: QueryConstraints, facets: ResumeFacets) -> list[Check]:
    if constraints.seniority is None:
        return []
    title = set(facets.title_words)
    years = (facets.experience_months or 0) / 12
    if constraints.seniority is Seniority.SENIOR:
        score = (
            1.0
            if title & SENIOR_TITLE_WORDS and not title & JUNIOR_TITLE_WORDS
            else 0.6
            if years >= 8
            else 0.2
        )
    else:
        score = 1.0 if title & JUNIOR_TITLE_WORDS or years <= 2 else 0.5 if years <= 4 else 0.0
    status = Status.MET if score == 1.0 else Status.PARTLY_MET if score > 0 else Status.NOT_MET
    evidence = " / ".join(facets.titles)
    return [Check("seniority", constraints.seniority.value, status, evidence, score)]


def _location(constraints: QueryConstraints, facets: ResumeFacets) -> list[Check]:
    if not constraints.countries:
        return []
    wanted = "in " + " or ".join(constraints.cities or sorted(constraints.countries))
    if facets.country is None:
        return [Check("location", wanted, Status.UNKNOWN, "no location printed", 0.3)]
    evidence = f"{facets.place} ({facets.country})" if facets.place else facets.country
    if constraints.cities and fold(facets.place).split(",")[0].strip() in constraints.cities:
        return [Check("location", wanted, Status.MET, evidence, 1.0)]
    if facets.country in constraints.countries:
        # The right country; the right city when one was asked for is better still.
        score = 0.8 if constraints.cities else 1.0
        status = Status.PARTLY_MET if constraints.cities else Status.MET
        return [Check("location", wanted, status, evidence, score)]
    return [Check("location", wanted, Status.NOT_MET, evidence, 0.0)]


def _language(language: str, level: Level, facets: ResumeFacets) -> Check:
    from resume_parser.search import places

    wanted = f"{language} ({level.name.lower()})" if level > Level.BASIC else language
    has = facets.languages.get(language)
    local = facets.country is not None and language in places.spoken_in(facets.country)[:1]
    if has is not None and has >= level:
        return Check("language", wanted, Status.MET, f"{language}: {Level(has).name.lower()}", 1.0)
    if has == 0:  # listed without a level
        return Check("language", wanted, Status.PARTLY_MET, f"{language}: level not stated", 0.7)
    if has is not None:
        # One level short (fluent for native, B2 for C1) is nearly there.
        score = 0.6 if has == level - 1 else 0.25
        return Check("language", wanted, Status.PARTLY_MET, f"{language}: {Level(has).name.lower()}", score)
    if local:
        # Not listed, but the candidate lives where it is the main language.
        evidence = f"lives in {facets.country}" + ("" if not facets.languages else ", not listed")
        return Check("language", wanted, Status.UNKNOWN, evidence, 0.6 if not facets.languages else 0.4)
    if not facets.languages:
        return Check("language", wanted, Status.UNKNOWN, "no languages listed", 0.2)
    return Check("language", wanted, Status.NOT_MET, ", ".join(sorted(facets.languages)), 0.0)


def _education(constraints: QueryConstraints, facets: ResumeFacets) -> list[Check]:
    if not constraints.degrees:
        return []
    entries = [" ".join(words(e)) for e in facets.education]
    wanted = " / ".join(d for d in constraints.degrees if d != "any")
    if constraints.fields:
        wanted = f"{wanted} in {' / '.join(constraints.fields)}".strip()
    if not entries:
        return [Check("education", wanted, Status.UNKNOWN, "no education listed", 0.2)]
    best, evidence = 0.0, ""
    for entry, printed in zip(entries, facets.education, strict=True):
        degree = "any" in constraints.degrees or bool(set(constraints.degrees) & set(degree_keys(entry)))
        field = not constraints.fields or any(_field_in(f, entry) for f in constraints.fields)
        score = 1.0 if degree and field else 0.5 if degree or (field and constraints.fields) else 0.0
        if score > best:
            best, evidence = score, printed
    status = Status.MET if best == 1.0 else Status.PARTLY_MET if best else Status.NOT_MET
    return [Check("education", wanted, status, evidence or "; ".join(facets.education), best)]


# Fields of study that answer for one another.
FIELD_SYNONYMS = {
    "computer science": ("computer science", "software engineering", "computer engineering", "informatics"),
    "business administration": ("business administration", "management", "business"),
    "mathematics": ("mathematics", "applied mathematics", "statistics"),
}


def _field_in(field: str, entry: str) -> bool:
    entry_words = entry.split()
    return any(
        all(w in entry_words for w in variant.split() if w not in STOPWORDS)
        for variant in FIELD_SYNONYMS.get(field, (field,))
    )


def _certificate(alternatives: tuple[str, ...], facets: ResumeFacets) -> Check:
    wanted = " or ".join(alternatives) + " certification"
    for name in facets.certificates:
        if any(_contains(words(name), words(term)) for term in alternatives):
            return Check("certificate", wanted, Status.MET, name, 1.0)
    for name in facets.skills:
        if any(_contains(words(name), words(term)) for term in alternatives):
            # A skill is not a certificate: "AWS" among the skills is no AWS certification.
            return Check("certificate", wanted, Status.PARTLY_MET, f"skill: {name}", 0.15)
    evidence = "; ".join(facets.certificates) or "no certificates listed"
    return Check("certificate", wanted, Status.NOT_MET, evidence, 0.0)


def _contains(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    width = len(needle)
    return width > 0 and any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))
