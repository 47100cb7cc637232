"""Labelled sections to a JSON Resume: every value goes through the rule-based value normalizers
(dates, phone numbers, e-mail and web addresses, profiles, countries, names), and every field keeps
its confidence and evidence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from resume_parser.cascade.calibration import Calibration
from resume_parser.cascade.labels import ENTRY_PREFIX, OTHER_TOKEN, Kind, field_of
from resume_parser.cascade.lexicon import fold, is_institution_word, organisation_words, title_words
from resume_parser.cascade.spans import Entry, Placed, Run, entries, regrouped, run_text, tidy
from resume_parser.cascade.tokens import Token, TokenLine
from resume_parser.cascade.words import phrase_flags
from resume_parser.layout import UNKNOWN_BOX
from resume_parser.normalization.contact import (
    EMAIL,
    WebAddress,
    find_web_addresses,
    profile_from_label,
    web_address,
)
from resume_parser.normalization.countries import country_code
from resume_parser.normalization.dates import find_date_range
from resume_parser.normalization.lines import BULLET_GLYPHS, is_bullet, strip_bullet, word_set
from resume_parser.normalization.names import display_name, looks_like_name, strip_decorations
from resume_parser.normalization.phones import normalize_phone
from resume_parser.normalization.skills import canonical_skill
from resume_parser.resume import (
    Basics,
    BoundingBox,
    Certificate,
    Education,
    FieldEvidence,
    Language,
    Location,
    ParsedResume,
    Profile,
    Project,
    Skill,
    Work,
)


@dataclass(slots=True)
class Evidence:
    items: list[FieldEvidence] = field(default_factory=list)

    def drop(self, prefix: str) -> None:
        """Forget the evidence of an entry that was left out as a whole."""
        self.items = [item for item in self.items if not item.path.startswith(f"{prefix}.")]

    def add(self, path: str, run: Run, confidence: float) -> None:
        box = run.box
        self.items.append(
            FieldEvidence(
                path=path,
                confidence=round(confidence, 3),
                page=run.page,
                box=BoundingBox(left=box.left, top=box.top, right=box.right, bottom=box.bottom)
                if box
                else None,
            )
        )


@dataclass(slots=True)
class Assembler:
    """Fills a ParsedResume from the labelled tokens of each section. Every value read is recorded
    as evidence with its calibrated confidence; a value below its field's threshold is left out."""

    calibration: Calibration = field(default_factory=lambda: Calibration({}))
    icon_networks: dict[str, str] = field(default_factory=dict)  # icon glyph -> network name
    resume: ParsedResume = field(default_factory=ParsedResume)
    evidence: Evidence = field(default_factory=Evidence)

    def _kept(self, path: str, run: Run | None) -> bool:
        if run is None or not run.text:
            return False  # nothing but separators: no value
        confidence = self.calibration.confidence(path, run.confidence)
        self.evidence.add(path, run, confidence)
        return self.calibration.keeps(path, confidence)

    def _value(self, path: str, run: Run | None) -> str | None:
        """The run's text if it is kept; its evidence is recorded either way."""
        return run.text if run is not None and self._kept(path, run) else None

    # -- basics ------------------------------------------------------------------------------

    def basics(self, tokens: list[Placed]) -> None:
        basics = self.resume.basics
        [entry] = entries(tokens, split_entries=False) or [Entry()]
        # A name is a model's reading checked by the name rule: "Some notes" is not a person.
        candidates = [piece for run in entry.all("name") for piece in _name_pieces(run)]
        name = _best([run for run in candidates if looks_like_name(_person_name(run))])
        name = name or _name_from_first_lines(tokens)
        if self._kept("basics.name", name) and name is not None:
            basics.name = _person_name(name)
        label = entry.first("label")
        if (
            label is not None
            and len(label.text.split()) <= MAX_HEADLINE_WORDS
            and self._kept("basics.label", label)
        ):
            basics.label = _without_name(label.text, basics.name)
        for run in entry.all("email"):
            found = EMAIL.search(run_text(run.tokens))
            if found and self._kept("basics.email", run):
                basics.email = found.group().strip(".")
                break
        self._location(basics, entry)
        for run in entry.all("phone"):
            region = basics.location.country_code if basics.location else None
            phone = normalize_phone(run_text(run.tokens).strip(), region)
            if phone and self._kept("basics.phone", run):
                basics.phone = phone
                break
        for run in entry.all("url"):
            for address in _addresses(run):
                if address.profile is not None:
                    _add_profile(basics, address.profile)
                elif basics.url is None and self._kept("basics.url", run):
                    basics.url = address.url
        for run in entry.all("profile"):
            profile = self._profile(run)
            if profile is not None and self._kept(f"basics.profiles[{len(basics.profiles)}]", run):
                _add_profile(basics, profile)
        self._linked(basics, tokens)

    def _linked(self, basics: Basics, tokens: list[Placed]) -> None:
        """Contact details a hyperlink holds whole while the text under it shows only part: a
        profile printed as its bare user name, a site printed without its scheme, an address the
        models did not label. A link under a network's name or an icon alone ("LinkedIn") is not
        read: its value is not printed (the labelled corpora leave such profiles out too)."""
        for target, run in _linked_runs(tokens):
            printed = run_text(run.tokens)
            scheme, _, rest = target.partition(":")
            if scheme.lower() == "mailto":
                mail = unquote(rest).split("?")[0].strip()
                shown = _folded(mail) in _folded(printed) and EMAIL.fullmatch(mail) is not None
                if basics.email is None and shown and self._kept("basics.email", run):
                    basics.email = mail
            elif scheme.lower() == "tel":
                region = basics.location.country_code if basics.location else None
                phone = normalize_phone(unquote(rest), region)
                shown = phone is not None and phone[-7:] in re.sub(r"\D", "", printed)
                if basics.phone is None and shown and self._kept("basics.phone", run):
                    basics.phone = phone
            else:
                address = web_address(target)
                if not _shows(printed, address):
                    continue
                path = f"basics.profiles[{len(basics.profiles)}]"
                if address.profile is not None and self._kept(path, run):
                    _add_profile(basics, address.profile)
                elif address.profile is None and basics.url is None and self._kept("basics.url", run):
                    basics.url = address.url

    def _location(self, basics: Basics, entry: Entry) -> None:
        city = entry.first("city")
        parts = [r.text for r in entry.all("location") if r.text]
        country = next((code for code in (country_code(p) for p in parts) if code), None)
        region = next((p for p in parts if country_code(p) is None), None)
        if city is None and country is None:
            return
        location = Location(region=region, country_code=country)
        if city is not None and self._kept("basics.location.city", city):
            location.city = city.text
        basics.location = location

    def _profile(self, run: Run) -> Profile | None:
        for address in _addresses(run):
            if address.profile is not None:
                return address.profile
        username = run.text.lstrip("@/ ")
        network = _network_before(run, self.icon_networks)
        if network is None:
            return None
        return profile_from_label(network, username)

    def summary(self, lines_text: list[str]) -> None:
        text = " ".join(" ".join(lines_text).split())
        if _is_prose(text) and self.resume.basics.summary is None:
            self.resume.basics.summary = _shortened(text, MAX_SUMMARY_CHARACTERS)

    # -- entries -----------------------------------------------------------------------------

    def work(self, tokens: list[Placed]) -> None:
        tokens = _employers_left_unlabelled(_without_label_lines(tokens))
        for entry in regrouped(entries(tokens), "employer", ("position",)):
            path = f"work[{len(self.resume.work)}]"
            employer, position = entry.first("employer"), entry.first("position")
            if employer is None and position is None:
                continue
            job = Work()
            if position is None or employer is None:
                split = _title_and_employer(entry.all("employer" if position is None else "position"))
                position, employer = split or (position, employer)
            location = entry.first("location")
            if location is None:
                employer, location = _employer_and_place(employer)
            elif employer is None:
                employer, location = _employer_out_of_place(location)
            employer, job.url = _without_address(employer)
            job.name = self._value(f"{path}.name", employer)
            job.position = self._value(f"{path}.position", position)
            job.location = self._value(f"{path}.location", location)
            self._dates(path, entry, job)
            job.highlights = _paragraphs(entry.all("text"))
            if job.name or job.position:
                self.resume.work.append(job)
            else:
                self.evidence.drop(path)

    def _dates(self, path: str, entry: Entry, target: Work | Education | Project) -> None:
        runs = entry.all("date")
        if not runs:
            return
        tokens = [t for run in runs for t in run.tokens]
        found = find_date_range(run_text(tokens))
        merged = Run(tokens)
        if found is None or not self._kept(f"{path}.startDate", merged):
            return
        if found.start is None and not found.ongoing:
            if isinstance(target, Education):
                target.end_date = found.end
                return
            target.start_date = target.end_date = found.end
            return
        target.start_date = found.start
        target.end_date = found.end
        if isinstance(target, Work):
            target.is_current = found.ongoing

    def education(self, tokens: list[Placed]) -> None:
        tokens = _schools_left_unlabelled(_schools_set_apart(_without_label_lines(tokens)))
        for entry in regrouped(entries(tokens), "institution", ("degree", "area")):
            path = f"education[{len(self.resume.education)}]"
            institution, degree = _without_country(entry.first("institution")), entry.first("degree")
            if institution is None and degree is None:
                continue
            area = next((run for run in entry.all("area") if not _is_place(run.tokens)), None)
            if area is None:
                institution, area = _school_and_field(institution)
            if area is None:
                degree, area = _degree_and_field(degree)
            school = Education()
            school.institution = self._value(f"{path}.institution", institution)
            school.study_type = self._value(f"{path}.studyType", degree)
            school.area = self._value(f"{path}.area", area)
            score = entry.first("score")
            if score is not None:
                school.score = score.text
            self._dates(path, entry, school)
            if school.institution or school.study_type:
                self.resume.education.append(school)
            else:
                self.evidence.drop(path)

    def skills(self, tokens: list[Placed]) -> None:
        """Skills in groups: a group label opens a group, which joins the resume with its first
        skill; skills before any label form the group "Skills"."""
        skills = self.resume.skills
        group = Skill(name="Skills")
        # One skill under two names ("Postgres", "PostgreSQL") is listed once, where first printed.
        seen = {canonical_skill(k).casefold() for s in skills for k in s.keywords}
        runs = [
            (name, piece) for name, run in _ordered_runs(tokens, ("group", "skill")) for piece in _tags(run)
        ]
        for name, run in runs:
            if name == "group":
                group = Skill(name=run.text)
                continue
            listed = bool(skills) and skills[-1] is group
            path = f"skills[{len(skills) - (1 if listed else 0)}].keywords[{len(group.keywords)}]"
            canonical = canonical_skill(run.text).casefold()
            if run.text and canonical not in seen and self._kept(path, run):
                seen.add(canonical)
                group.keywords.append(run.text)
                if not listed:
                    skills.append(group)

    def languages(self, tokens: list[Placed]) -> None:
        for entry in entries(tokens):
            language = entry.first("language")
            if language is None or not self._kept(
                f"languages[{len(self.resume.languages)}].language", language
            ):
                continue
            fluency = entry.first("fluency")
            self.resume.languages.append(
                Language(language=language.text, fluency=fluency.text if fluency else None)
            )

    def certificates(self, tokens: list[Placed]) -> None:
        for entry in entries(tokens):
            name = entry.first("name")
            path = f"certificates[{len(self.resume.certificates)}]"
            if name is None or not self._kept(f"{path}.name", name):
                continue
            name, issuer = _name_and_issuer(name, entry.all("issuer"))
            text, glued_date = _without_trailing_date(name.text)
            certificate = Certificate(name=text, date=glued_date)
            if issuer is not None:
                certificate.issuer = issuer.text
            dates = entry.all("date")
            if dates:
                found = find_date_range(run_text([t for r in dates for t in r.tokens]))
                certificate.date = found.end or found.start if found else certificate.date
            self.resume.certificates.append(certificate)

    def projects(self, tokens: list[Placed]) -> None:
        for entry in entries(tokens):
            name = entry.first("name")
            if name is None:
                continue
            project = Project(name=name.text)
            description = _paragraphs(entry.all("text"))
            if description:
                project.description = " ".join(description)
            url = entry.first("url")
            if url is not None:
                addresses = find_web_addresses(run_text(url.tokens))
                project.url = addresses[0].url if addresses else None
            self._dates(f"projects[{len(self.resume.projects)}]", entry, project)
            self.resume.projects.append(project)

    def add(self, kind: Kind, tokens: list[Placed]) -> None:
        handlers = {
            Kind.BASICS: self.basics,
            Kind.WORK: self.work,
            Kind.EDUCATION: self.education,
            Kind.SKILLS: self.skills,
            Kind.LANGUAGES: self.languages,
            Kind.CERTIFICATES: self.certificates,
            Kind.PROJECTS: self.projects,
        }
        handlers[kind](tokens)


def _ordered_runs(tokens: list[Placed], names: tuple[str, ...]) -> list[tuple[str, Run]]:
    """Runs of the named fields in document order, each `B-` label opening a new run."""
    runs: list[tuple[str, Run]] = []
    previous: str | None = None
    for placed in tokens:
        name = placed.label.removeprefix("B-")
        if name not in names:
            previous = None
            continue
        if name == previous and not placed.label.startswith("B-"):
            runs[-1][1].tokens.append(placed)
        else:
            runs.append((name, Run([placed])))
        previous = name
    return runs


# A headline is a few words ("Senior Data Engineer | Python, Spark"); a summary a paragraph or two.
MAX_HEADLINE_WORDS = 12
MAX_SUMMARY_CHARACTERS = 3_000
MIN_DISTINCT_SHARE = 0.2  # of a long text's words: below it, a few words repeated are no prose
PROSE_CHECK_WORDS = 50


def _is_prose(text: str) -> bool:
    words = text.casefold().split()
    return bool(words) and (
        len(words) < PROSE_CHECK_WORDS or len(set(words)) >= MIN_DISTINCT_SHARE * len(words)
    )


def _shortened(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _best(runs: list[Run]) -> Run | None:
    return max(runs, key=lambda r: r.confidence) if runs else None


def _name_and_issuer(name: Run, issuers: list[Run]) -> tuple[Run, Run | None]:
    """A certificate's name and issuer. A qualifier printed right after the name on its line is
    part of the name when it is a bracketed acronym ("Certified Kubernetes Administrator (CKA)":
    how certificates are named, far more often than an issuer is bracketed), or when the issuer is
    printed apart, on a line of its own ("AWS Certified DevOps Engineer - Professional")."""
    if not issuers:
        return name, None
    qualifier, rest = issuers[0], issuers[1:]
    line = name.tokens[-1].line
    if qualifier.tokens[0].line is not line:
        return name, qualifier
    last = name.tokens[-1]
    between = [
        Placed(token, line, last.label, last.probability)
        for token in line.tokens
        if last.token.end <= token.start and token.end <= qualifier.tokens[0].token.start
    ]
    marks = {placed.token.text for placed in between}
    acronym = marks == {"("} and _ACRONYM.fullmatch(qualifier.text) is not None
    dashed = bool(marks) and marks <= _DASHES
    apart = dashed and bool(rest) and all(placed.line is not line for placed in rest[0].tokens)
    if not (acronym or apart):
        return name, qualifier
    return Run([*name.tokens, *between, *qualifier.tokens]), rest[0] if rest else None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+/-]{1,7}")
_DASHES = frozenset("-–—")


def _without_trailing_date(text: str) -> tuple[str, str | None]:
    """A name with the date printed at its end taken off ("Azure Administrator Associate 2022-12")."""
    found = find_date_range(text)
    if found is None or found.span[0] == 0 or text[found.span[1] :].strip(" )]"):
        return text, None
    return tidy(text[: found.span[0]]), found.end or found.start


# When no token was labelled a name, the start of one of the contact block's first lines may be:
# how sure that is before calibration, how many lines are looked at, what ends the name on a line.
NAME_FALLBACK_PROBABILITY = 0.5
NAME_FALLBACK_LINES = 3
_NAME_ENDS = frozenset(",|–—·•/:;")
_ADDRESS_FIELDS = frozenset({"email", "phone"})  # a name mislabelled "profile" is still a name
_PLACE_FIELDS = frozenset({"city", "location"})


def _name_from_first_lines(tokens: list[Placed]) -> Run | None:
    """The candidate's name read by rule where the model labelled none: the start of one of the
    contact block's first lines, up to a separator, when it reads as a person's name and holds no
    job-title word ("Dalbir Venkatesh, Senior Site Reliability Engineer"; a name set under the
    contact line)."""
    lines = [list(group) for _, group in itertools.groupby(tokens, key=lambda placed: id(placed.line))]
    for line_tokens in lines[:NAME_FALLBACK_LINES]:
        head = list(itertools.takewhile(lambda placed: placed.token.text not in _NAME_ENDS, line_tokens))
        if not head or any(fold(placed.token.text) in title_words() for placed in head):
            continue
        fields = [field_of(placed.label) for placed in head]
        if any(f in _ADDRESS_FIELDS for f in fields) or all(f in _PLACE_FIELDS for f in fields):
            continue  # an address, or a line that is all place ("Calgary AB CA"): read as what it is
        run = Run([Placed(p.token, p.line, p.label, NAME_FALLBACK_PROBABILITY) for p in head])
        if looks_like_name(_person_name(run)):
            return run
    return None


def _without_name(label: str, name: str | None) -> str | None:
    """A headline without the name the model read into it ("Jane Doe Agile Coach")."""
    if not name or name not in label:
        return label
    rest = tidy(label.replace(name, " "))
    return rest or None


def _name_pieces(run: Run) -> list[Run]:
    """A name run cut where a name cannot go on: at a line break ("Hi, I'm" / "Jane Doe"), unless
    the name goes on in the same style; before a job-title word that more words follow ("Sierra
    Johnson Staff Software Engineer"); and where the type changes to a title ("Sarah Taylor" and
    "Tech Lead" in bold)."""
    pieces: list[Run] = []
    for _, line_tokens in itertools.groupby(run.tokens, key=lambda placed: id(placed.line)):
        tokens = list(line_tokens)
        words = [i for i, placed in enumerate(tokens) if placed.token.text[:1].isalpha()]
        for position, index in enumerate(words[2:-1], start=2):
            if fold(tokens[index].token.text) in title_words() and position < len(words) - 1:
                tokens = tokens[:index]
                break
        for index in (i for i in words[2:] if i < len(tokens)):
            if _style(tokens[index - 1]) != _style(tokens[index]) and _has_title_word(tokens[index:]):
                tokens = tokens[:index]
                break
        last = pieces[-1].tokens if pieces else []
        if last and _name_goes_on(last, tokens):
            pieces[-1] = Run(last + tokens)
        else:
            pieces.append(Run(tokens))
    return pieces


MAX_NAME_WORDS = 5


def _name_goes_on(first: list[Placed], second: list[Placed]) -> bool:
    """A name set over two lines in one style ("Ronald K." over "Howell")."""
    together = first + second
    words = [p for p in together if p.token.text[:1].isalpha()]
    return (
        _style(first[-1]) == _style(second[0])
        and len(words) <= MAX_NAME_WORDS
        and not _has_title_word(second)
        and looks_like_name(_person_name(Run(together)))
    )


def _person_name(run: Run) -> str:
    tokens = run.tokens
    letters = [t for t in tokens if len(t.token.text) == 1 and t.token.text.isalpha()]
    spaced = len(letters) >= 4 and len(letters) * 2 > len(tokens)
    text = _unspaced(tokens) if spaced else run.text
    return display_name(strip_decorations(text))


def _unspaced(tokens: list[Placed]) -> str:
    """A letter-spaced name ("J O H N   D O E"): letters joined, words cut at the wider gaps."""
    words = [t.line.line.words[t.token.word] for t in tokens]
    gaps = [b.box.left - a.box.right for a, b in itertools.pairwise(words)]
    if not gaps:
        return tokens[0].token.text
    usual = sorted(gaps)[len(gaps) // 2]
    text = tokens[0].token.text
    for gap, placed in zip(gaps, tokens[1:], strict=True):
        text += (" " if gap > 1.8 * usual else "") + placed.token.text
    return text


def _network_before(run: Run, icon_networks: dict[str, str]) -> str | None:
    """The network a user name belongs to: named before it on its line ("GitHub: jdoe", "LinkedIn
    jdoe") or shown by an icon glyph before it."""
    first = run.tokens[0]
    before = [t for t in first.line.tokens if t.end <= first.token.start][-3:]
    for token in reversed(before):
        if token.text in icon_networks:
            return icon_networks[token.text]
        named = token.text.casefold()
        for network in ("LinkedIn", "GitHub", "GitLab", "Twitter", "Medium", "Dribbble", "Behance", "Kaggle"):
            if named == network.casefold():
                return network
    return None


# How sure a value read from a hyperlink's target is, before calibration: the address is exact,
# only whether it is the candidate's own (not an employer's site) is in doubt.
LINK_PROBABILITY = 0.9


def _link_of(placed: Placed) -> str | None:
    return placed.line.line.words[placed.token.word].link


def _addresses(run: Run) -> list[WebAddress]:
    """The web addresses of a run: its hyperlink's target where the text shows it (a user name, a
    site without its scheme), else those printed."""
    printed = run_text(run.tokens)
    links = {link for link in map(_link_of, run.tokens) if link and link.lower().startswith("http")}
    linked = [address for address in map(web_address, sorted(links)) if _shows(printed, address)]
    return linked or find_web_addresses(printed)


def _folded(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _shows(printed: str, address: WebAddress) -> bool:
    """Whether the text under a link prints its address: the profile's user name, or the site's
    host ("jdoe" for github.com/jdoe, "janedoe.dev" for https://janedoe.dev/)."""
    if address.profile is not None and address.profile.username:
        return _folded(address.profile.username) in _folded(printed)
    host = (urlsplit(address.url).hostname or "").removeprefix("www.")
    return bool(host) and _folded(host) in _folded(printed)


def _linked_runs(tokens: list[Placed]) -> list[tuple[str, Run]]:
    """Each hyperlink target among the tokens, with the tokens printed under it."""
    runs: dict[str, Run] = {}
    for placed in tokens:
        link = _link_of(placed)
        if link:
            linked = Placed(placed.token, placed.line, placed.label, LINK_PROBABILITY)
            runs.setdefault(link, Run()).tokens.append(linked)
    return list(runs.items())


def _add_profile(basics: Basics, profile: Profile) -> None:
    if all(p.url != profile.url for p in basics.profiles):
        basics.profiles.append(profile)


def _paragraphs(runs: list[Run]) -> list[str]:
    """Descriptive text as items: a bullet opens one, a line ending a sentence closes one."""
    items: list[str] = []
    open_item = False
    for run in runs:
        lines: dict[int, list[Placed]] = {}
        for placed in run.tokens:
            lines.setdefault(id(placed.line), []).append(placed)
        for line_tokens in lines.values():
            text = run_text(line_tokens).strip()
            if not text:
                continue
            # The bullet may be labelled as no field; the line printing it still opens an item.
            printed = line_tokens[0].line.text
            bulleted = is_bullet(text) or is_bullet(printed) or line_tokens[0].token.text in BULLET_GLYPHS
            text = strip_bullet(text) if is_bullet(text) else text.lstrip(BULLET_GLYPHS + " ")
            if bulleted or not open_item or not items:
                items.append(text)
            else:
                items[-1] = re.sub(r"(?<=\w)- $", "", items[-1] + " ") + text
            open_item = not text.endswith((".", "!", "?"))
    return [tidy(item) if item.endswith(")") else item.strip() for item in items if item.strip()]


def web(text: str) -> str | None:
    addresses = find_web_addresses(text)
    return web_address(addresses[0].printed).url if addresses else None


# A line of a word or two and a colon labels what follows ("Responsibilities:", "Key achievements:").
MAX_LABEL_LINE_WORDS = 3


def _without_label_lines(tokens: list[Placed]) -> list[Placed]:
    """An entry's tokens, those of label lines ("Responsibilities:") read as nothing: such a line
    is no employer, title or school, and opens no entry."""
    return [_relabelled(p, OTHER_TOKEN) if _is_label_line(p.line) else p for p in tokens]


# What an entry's list of highlights is headed by, printed without a colon too.
_ENTRY_SUBHEADINGS = frozenset(
    fold(word)
    for word in word_set(
        """highlights responsibilities achievements accomplishments duties tasks aufgaben tätigkeiten
        erfolge verantwortung missions réalisations responsabilités logros funciones
        responsabilidades tareas"""
    )
)


def _is_label_line(line: TokenLine) -> bool:
    text = line.text.strip()
    if fold(text.rstrip(":").strip()) in _ENTRY_SUBHEADINGS:
        return True
    words = [t for t in line.tokens if t.text[:1].isalnum()]
    short = 0 < len(words) <= MAX_LABEL_LINE_WORDS
    return text.endswith(":") and short and not any(c.isdigit() for c in text)


# An employer printed on a line of its own is short: a name, perhaps with its place.
MAX_EMPLOYER_LINE_WORDS = 4
MAX_SCHOOL_LINE_WORDS = 8


def _employers_left_unlabelled(tokens: list[Placed]) -> list[Placed]:
    """A job with a position and no employer, where a line next to the position's that the model
    left unlabelled reads as a name ("Senior Growth Manager 11/2017 – 12/2021" over "Dropbox"):
    that line is the employer."""
    return _anchors_left_unlabelled(tokens, "employer", ("position",), _reads_as_employer_line)


def _schools_left_unlabelled(tokens: list[Placed]) -> list[Placed]:
    """The same for a school under its degree ("Bachelor of Science in Interactive Media" over
    "Ludwig-Maximilians-Universität München"), told by a word that names a school."""
    return _anchors_left_unlabelled(tokens, "institution", ("degree", "area"), _reads_as_school_line)


def _anchors_left_unlabelled(
    tokens: list[Placed], anchor: str, titles: tuple[str, ...], reads_as: Callable[[list[Placed]], bool]
) -> list[Placed]:
    """Entries with a title and no anchor, where a line next to the title's that the model left
    unlabelled (but for a place at its end) reads as the anchor: that line is the anchor."""
    entry_of = list(itertools.accumulate(int(p.label.startswith(ENTRY_PREFIX)) for p in tokens))
    lines = _line_groups(tokens)
    fields: dict[int, set[str | None]] = {}
    for index, placed in enumerate(tokens):
        fields.setdefault(entry_of[index], set()).add(field_of(placed.label))
    result = list(tokens)
    for number, indices in enumerate(lines):
        entry = entry_of[indices[0]]
        if anchor in fields[entry] or not fields[entry] & set(titles):
            continue
        beside = [lines[n] for n in (number - 1, number + 1) if 0 <= n < len(lines)]
        next_to_title = any(field_of(tokens[i].label) in titles for other in beside for i in other)
        name = _before_place(indices, tokens)
        candidate = [tokens[i] for i in name]
        if next_to_title and _unlabelled_line_start(candidate) and reads_as(candidate):
            for i in name:
                result[i] = _relabelled(tokens[i], anchor)
            fields[entry].add(anchor)
    return result


def _unlabelled_line_start(placed: list[Placed]) -> bool:
    """Tokens from a line's start that the model left unlabelled, on no label line."""
    if not placed or placed[0].line.tokens[0] is not placed[0].token or _is_label_line(placed[0].line):
        return False
    return all(field_of(p.label) is None for p in placed)


def _reads_as_employer_line(placed: list[Placed]) -> bool:
    """Short, capitalized, without digits-only words, title words, a bullet or a full stop at its
    end."""
    words = [p.token.text for p in placed if p.token.text[:1].isalnum()]
    text = placed[0].line.text.strip()
    return (
        0 < len(words) <= MAX_EMPLOYER_LINE_WORDS
        and words[0][:1].isupper()
        and not any(word.isdigit() for word in words)
        and not any(fold(word) in title_words() for word in words)
        and not is_bullet(text)
        and not text.endswith(".")
    )


def _reads_as_school_line(placed: list[Placed]) -> bool:
    """Short, capitalized, a word that names a school ("Universität", "College"), no bullet."""
    words = [p.token.text for p in placed if p.token.text[:1].isalnum()]
    return (
        0 < len(words) <= MAX_SCHOOL_LINE_WORDS
        and words[0][:1].isupper()
        and any(is_institution_word(part) for word in words for part in word.split("-"))
        and not is_bullet(placed[0].line.text.strip())
    )


def _without_address(employer: Run | None) -> tuple[Run | None, str | None]:
    """An employer with the web address printed after it ("Parabola https://www.parabola.com")
    cut off, and that address."""
    tokens = employer.tokens if employer is not None else []
    cut = len(tokens)
    while cut and web(tokens[cut - 1].token.text) is not None:
        cut -= 1
    if cut in (0, len(tokens)):
        return employer, None
    return Run(tokens[:cut]), web(tokens[cut].token.text)


def _before_place(indices: list[int], tokens: list[Placed]) -> list[int]:
    """A line's tokens up to the place read at its end ("N26" of "N26, Nürnberg"), or all of them."""
    labelled = [i for i in indices if field_of(tokens[i].label) is not None]
    if labelled and all(field_of(tokens[i].label) == "location" for i in labelled):
        return [i for i in indices if i < labelled[0] and tokens[i].token.text not in _PLACE_SEPARATORS]
    return indices


# Skills set as tags (boxes with a margin) leave a gap of about a word height between them, well
# over the word spaces inside a tag: no separator is printed, the gap is the only sign of where a
# skill ends. (A plain-text page's words are all one character apart: no gap stands out.)
TAG_GAP = 0.75  # in word heights
TAG_GAP_OVER_SPACE = 1.6  # the gap over the line's narrowest word space


def _tags(run: Run) -> list[Run]:
    """A run of skills cut where a wide gap between two words on one line parts them."""
    narrowest: dict[int, float] = {}  # per line, its narrowest word space
    pieces = [[run.tokens[0]]]
    for before, after in itertools.pairwise(run.tokens):
        if _tag_gap(before, after, narrowest):
            pieces.append([])
        pieces[-1].append(after)
    return [Run(piece) for piece in pieces]


def _tag_gap(before: Placed, after: Placed, narrowest: dict[int, float]) -> bool:
    if before.line is not after.line or before.token.word == after.token.word:
        return False
    words = before.line.line.words
    left, right = words[before.token.word].box, words[after.token.word].box
    if UNKNOWN_BOX in (left, right):
        return False
    if id(before.line) not in narrowest:
        narrowest[id(before.line)] = min(b.box.left - a.box.right for a, b in itertools.pairwise(words))
    gap = right.left - left.right
    return (
        gap >= TAG_GAP * max(left.height, right.height)
        and gap >= TAG_GAP_OVER_SPACE * narrowest[id(before.line)]
    )


def _line_groups(tokens: list[Placed]) -> list[list[int]]:
    """The indices of the tokens, line by line."""
    return [
        list(group) for _, group in itertools.groupby(range(len(tokens)), key=lambda i: id(tokens[i].line))
    ]


_SCHOOL_NEIGHBOURS = frozenset({"degree", "area", "date"})


def _schools_set_apart(tokens: list[Placed]) -> list[Placed]:
    """A line's end that the model left unlabelled and that names a school, beside a degree or
    dates, set apart in a cell of its own by a wide gap ("2018-2022 PhD – Computer Science
    University of Toronto") or in another style (smaller type after the field): the school."""
    result = list(tokens)
    for indices in _line_groups(tokens):
        school = _unlabelled_end(indices, tokens)
        beside = {field_of(tokens[i].label) for i in indices}
        if (
            school
            and beside & _SCHOOL_NEIGHBOURS
            and any(is_institution_word(tokens[i].token.text) for i in school)
        ):
            for i in school:
                result[i] = _relabelled(tokens[i], "institution")
    return result


def _unlabelled_end(indices: list[int], tokens: list[Placed]) -> list[int]:
    """A whole line's last cell, when no token of it is labelled; else its unlabelled end, when it
    starts in another style than the labelled token before it; else nothing."""
    line = tokens[indices[0]].line
    if len(indices) != len(line.tokens):
        return []
    cell = [i for i in indices if tokens[i].token.cell == line.tokens[-1].cell]
    if tokens[cell[0]].token.cell > 0 and all(field_of(tokens[i].label) is None for i in cell):
        return cell
    tail = list(itertools.takewhile(lambda i: field_of(tokens[i].label) is None, reversed(indices)))[::-1]
    if tail and tail[0] != indices[0] and _style(tokens[tail[0] - 1]) != _style(tokens[tail[0]]):
        return tail
    return []


def _without_country(run: Run | None) -> Run | None:
    """A name with the country printed after it cut off ("EPITA, France")."""
    country = _country_at_end(run.tokens) if run is not None else None
    return Run(run.tokens[: country - 1]) if run is not None and country is not None else run


def _country_at_end(tokens: list[Placed]) -> int | None:
    """Where a country printed after a separator at the end of a name starts ("BlaBlaCar, France")."""
    for cut in range(len(tokens) - 1, 1, -1):
        separator = tokens[cut - 1]
        if (
            separator.token.text in _PLACE_SEPARATORS
            and separator.line is tokens[cut].line
            and _is_country(tokens[cut:])
        ):
            return cut
    return None


def _is_place(tokens: list[Placed]) -> bool:
    return _reads_as_place(tokens, _place_flags(tokens))


# Joins a degree to its field on one line ("MCA in Computer Science", "DUT in Economics").
_FIELD_OPENERS = frozenset({"in"})


def _degree_and_field(degree: Run | None) -> tuple[Run | None, Run | None]:
    """A degree read with its field after "in": the degree, and the field."""
    tokens = degree.tokens if degree is not None else []
    cut = next((i for i, p in enumerate(tokens) if i and fold(p.token.text) in _FIELD_OPENERS), None)
    if cut is None or cut == len(tokens) - 1:
        return degree, None
    return Run(tokens[:cut]), _as_field(tokens[cut + 1 :], "area")


def _school_and_field(institution: Run | None) -> tuple[Run | None, Run | None]:
    """A school read with the field of study on the line under it, in another style ("Delft
    University of Technology" in bold over "Psychology" in italics): the school, and the lines
    after it that name no school as the field. (A school's name wrapped in one style stays whole.)"""
    tokens = institution.tokens if institution is not None else []
    lines = [list(group) for _, group in itertools.groupby(tokens, key=lambda p: id(p.line))]
    named = [any(is_institution_word(p.token.text) for p in line) for line in lines]
    if len(lines) < 2 or not named[0] or any(named[1:]) or _style(lines[0][-1]) == _style(lines[1][0]):
        return institution, None
    return Run(lines[0]), _as_field([p for line in lines[1:] for p in line], "area")


def _title_and_employer(runs: list[Run]) -> tuple[Run, Run] | None:
    """A run read as one field that holds a job title and an employer: as the employer of an
    entry with no position ("Head of Marketing" above "Brightwave", or under it; "Interaction
    Designer" in bold before "Nordlys"), or as the position of an entry with no employer
    ("Senior Developer" above "Deutsche Bahn", "Kestrel AI" above "as Frontend Architect"). The
    title and the employer, when only one of the run's two parts holds a title word: parts on two
    lines (two runs, or one), in two styles, or on either side of a dash or bar."""
    if len(runs) >= 2 and _has_title_word(runs[0].tokens) != _has_title_word(runs[1].tokens):
        title_run, name_run = runs[:2] if _has_title_word(runs[0].tokens) else runs[1::-1]
        return _as_field(title_run.tokens, "position"), name_run
    tokens = runs[0].tokens if runs else []
    for cut in range(1, len(tokens)):
        before, after = tokens[:cut], tokens[cut:]
        separator = cut > 1 and _spaced_separator(tokens[cut - 1].token, tokens[cut].token)
        if separator:
            before = tokens[: cut - 1]
        if (
            separator
            or tokens[cut - 1].line is not tokens[cut].line
            or _style(tokens[cut - 1]) != _style(tokens[cut])
        ):
            if _has_title_word(before) != _has_title_word(after):
                title, name = (before, after) if _has_title_word(before) else (after, before)
                title = list(itertools.dropwhile(lambda p: fold(p.token.text) in _TITLE_OPENERS, title))
                return _as_field(title, "position"), _as_field(name, "employer")
            return None
    return None


# Printed between an employer and its title on one line ("Quantum Cloud Ltd. - Systems Administrator").
_TITLE_SEPARATORS = frozenset("-–—|·•")


def _spaced_separator(token: Token, following: Token) -> bool:
    """A dash or bar with a space on both sides (not the hyphen of "Sathe-Loke")."""
    return token.text in _TITLE_SEPARATORS and token.space_before and following.space_before


# Words that introduce a title on the line under its employer ("as Frontend Architect").
_TITLE_OPENERS = frozenset({"as", "als", "comme", "como"})


def _has_title_word(tokens: list[Placed]) -> bool:
    return any(fold(placed.token.text) in title_words() for placed in tokens)


def _as_field(tokens: list[Placed], label: str) -> Run:
    return Run([_relabelled(p, label) for p in tokens])


def _relabelled(placed: Placed, label: str) -> Placed:
    """The token read as another field, with the model's probability kept as its evidence."""
    return Placed(placed.token, placed.line, label, placed.probability)


# Words that make a place after them part of a name ("Bank of Montreal", "Universidad de Sevilla").
_NAME_CONNECTORS = word_set("of de du des la le del della di da do von zu für am an in and & et y und")
# Printed where a job's place goes.
_WORK_MODES = frozenset({"remote", "hybrid", "onsite", "on-site", "télétravail", "remoto"})
_PLACE_SEPARATORS = frozenset(",|–—·/()")


def _employer_and_place(employer: Run | None) -> tuple[Run | None, Run | None]:
    """An employer the model read with its place ("Siemens Stuttgart, Germany", "Zalando Remote"):
    the employer, and the place as the job's location. The place must be the run's whole tail, a
    city the gazetteer knows (or a work mode) with only its region or country after it, and be set
    apart from the name: by typography, by a separator and a country or region after the city, or
    by a legal form before it ("Ullmann GmbH Stuttgart"); or a country after a separator
    ("BlaBlaCar, France")."""
    if employer is None or len(employer.tokens) < 2:
        return employer, None
    tokens = employer.tokens
    flags = _place_flags(tokens)
    for start in range(1, len(tokens)):
        before, first = tokens[start - 1], tokens[start]
        if before.line is not first.line or fold(before.token.text) in _NAME_CONNECTORS:
            continue
        tail = tokens[start:]
        rest = _after_city(tail, flags)
        if rest is None:
            continue
        apart = (
            _style(before) != _style(first)
            or fold(before.token.text) in organisation_words()
            or any(p.token.text in _PLACE_SEPARATORS for p in rest)
            or fold(first.token.text) in _WORK_MODES
        )
        if apart:
            return Run(tokens[:start]), _as_field(tail, "location")
    country = _country_at_end(tokens)
    if country is not None:
        return Run(tokens[: country - 1]), _as_field(tokens[country:], "location")
    return employer, None


def _employer_out_of_place(location: Run | None) -> tuple[Run | None, Run | None]:
    """A job with no employer whose location the model read with the employer before it ("Nordlys,
    India"): the name before the first separator, when it is no place itself, and the place after
    it."""
    tokens = location.tokens if location is not None else []
    cut = next((i for i, p in enumerate(tokens) if p.token.text in _PLACE_SEPARATORS), None)
    if not cut or cut == len(tokens) - 1:
        return None, location
    name, place = tokens[:cut], tokens[cut + 1 :]
    flags = _place_flags(tokens)
    if _reads_as_place(name, flags) or not _reads_as_place(place, flags):
        return None, location
    return _as_field(name, "employer"), Run(place)


def _reads_as_place(tokens: list[Placed], flags: dict[tuple[int, int], list[str]]) -> bool:
    """A city the gazetteer knows, with its region or country after it; a country; a work mode."""
    words = [p.token.text for p in tokens if p.token.text not in _PLACE_SEPARATORS]
    return bool(words) and (
        _after_city(tokens, flags) is not None
        or country_code(" ".join(words)) is not None
        or _is_region(words)
    )


def _place_flags(tokens: list[Placed]) -> dict[tuple[int, int], list[str]]:
    lines = {id(placed.line): placed.line for placed in tokens}
    return {
        (id(line), token.start): flags
        for line in lines.values()
        for token, flags in zip(line.tokens, phrase_flags(line), strict=True)
    }


def _after_city(tail: list[Placed], flags: dict[tuple[int, int], list[str]]) -> list[Placed] | None:
    """The tokens after a leading city or work mode, if each is a separator, a country or a region
    code; None when the tail does not open with a place or holds anything else."""

    def flag(placed: Placed) -> list[str]:
        return flags.get((id(placed.line), placed.token.start), [])

    if fold(tail[0].token.text) in _WORK_MODES:
        inside = 1
    elif "city=B" in flag(tail[0]):
        inside = 1
        while inside < len(tail) and "city=I" in flag(tail[inside]):
            inside += 1
    else:
        return None
    rest = tail[inside:]
    words = [p.token.text for p in rest if p.token.text not in _PLACE_SEPARATORS]
    if words and not (country_code(" ".join(words)) or _is_region(words)):
        return None
    return rest


def _is_country(tokens: list[Placed]) -> bool:
    return country_code(" ".join(p.token.text for p in tokens)) is not None


def _is_region(words: list[str]) -> bool:
    """A region code ("CA", "NSW") or a country after the region ("ON Canada")."""
    return (
        bool(words)
        and 2 <= len(words[0]) <= 3
        and words[0].isupper()
        and (len(words) == 1 or country_code(" ".join(words[1:])) is not None)
    )


def _style(placed: Placed) -> tuple[bool, bool, float]:
    word = placed.line.line.words[placed.token.word]
    return word.bold, word.italic, round((word.font_size or 0.0) * 2) / 2
