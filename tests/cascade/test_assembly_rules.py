"""Rules of assembly, on tokens labelled as a model might leave them: what the rules make of a
name no token was labelled, a headline holding the name, a certificate's bracketed acronym and
a date glued to its name."""

from __future__ import annotations

from resume_parser.cascade.assemble import Assembler
from resume_parser.cascade.labels import ENTRY_PREFIX
from resume_parser.cascade.parser import contact_outside_basics
from resume_parser.cascade.spans import Placed
from resume_parser.cascade.tokens import tokenize_line
from resume_parser.layout import Box, Line, Word


def _basics_tokens(*lines: str, label: str = "O") -> list[Placed]:
    """The contact block's tokens, every one with the same label."""
    token_lines = [tokenize_line(Line([Word(word) for word in text.split()])) for text in lines]
    return [Placed(token, line, label, 0.9) for line in token_lines for token in line.tokens]


def test_a_name_no_token_was_labelled_is_read_from_the_first_lines() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Dalbir Venkatesh, Senior Site Reliability Engineer", "Mumbai, IN"))
    assert assembler.resume.basics.name == "Dalbir Venkatesh"
    assembler = Assembler()
    assembler.basics(_basics_tokens("casey.conrad@example.org • +1 415 555 0112", "Casey N. Conrad"))
    assert assembler.resume.basics.name == "Casey N. Conrad"


def test_a_first_line_that_is_no_name_gives_none() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Senior Data Engineer | Berlin", "Curriculum vitae"))
    assert assembler.resume.basics.name is None


def test_a_headline_loses_the_name_read_into_it() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Casey N. Conrad", "Agile Coach", label="label"))
    assert (assembler.resume.basics.name, assembler.resume.basics.label) == ("Casey N. Conrad", "Agile Coach")


def _certificate_tokens(*lines: tuple[str, str, dict[str, str]]) -> list[Placed]:
    """One certificate entry: each line its text, the field of its tokens and the tokens of
    another field."""
    placed: list[Placed] = []
    for text, field, others in lines:
        line = tokenize_line(Line([Word(word) for word in text.split()]))
        placed += [Placed(t, line, others.get(t.text, field), 0.9) for t in line.tokens]
    first = placed[0]
    placed[0] = Placed(first.token, first.line, ENTRY_PREFIX + first.label, 0.9)
    return placed


def test_a_bracketed_acronym_after_a_certificate_is_part_of_its_name() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(
            (
                "Red Hat Certified System Administrator (RHCSA)",
                "name",
                {"(": "O", ")": "O", "RHCSA": "issuer"},
            ),
            ("Red Hat · Apr 2025", "issuer", {"·": "O", "Apr": "date", "2025": "date"}),
        )
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.issuer, certificate.date) == (
        "Red Hat Certified System Administrator (RHCSA)",
        "Red Hat",
        "2025-04",
    )


def test_a_bracketed_issuer_name_stays_the_issuer() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(
            ("Professional Scrum Master I (Scrum.org)", "name", {"(": "O", ")": "O", "Scrum.org": "issuer"})
        )
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.issuer) == ("Professional Scrum Master I", "Scrum.org")


def test_a_date_glued_to_a_certificate_name_is_its_date() -> None:
    assembler = Assembler()
    assembler.certificates(
        _certificate_tokens(("Microsoft Certified: Azure Administrator Associate 2022-12", "name", {}))
    )
    [certificate] = assembler.resume.certificates
    assert (certificate.name, certificate.date) == (
        "Microsoft Certified: Azure Administrator Associate",
        "2022-12",
    )


def _section_tokens(*lines: tuple[str, str, bool]) -> list[Placed]:
    """A section's lines: each its text, the field of all its tokens and whether it opens an entry."""
    placed: list[Placed] = []
    for text, field, opens in lines:
        line = tokenize_line(Line([Word(word) for word in text.split()]))
        for index, token in enumerate(line.tokens):
            label = ENTRY_PREFIX + field if opens and index == 0 else field
            placed.append(Placed(token, line, label, 0.9))
    return placed


def test_an_entry_cut_before_its_school_is_put_together_again() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("BSc Computer Science", "degree", True),
            ("2019 – 2023", "date", True),
            ("Cardiff University", "institution", False),
        )
    )
    [school] = assembler.resume.education
    assert (school.study_type, school.institution, school.end_date) == (
        "BSc Computer Science",
        "Cardiff University",
        "2023",
    )


def test_entries_cut_one_line_late_get_their_schools_back() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("MSc", "degree", True),
            ("Queen's University", "institution", True),
            ("BSc", "degree", False),
            ("Concordia University", "institution", True),
        )
    )
    found = [(school.study_type, school.institution) for school in assembler.resume.education]
    assert found == [("MSc", "Queen's University"), ("BSc", "Concordia University")]


def test_entries_with_their_schools_stay_apart() -> None:
    assembler = Assembler()
    assembler.education(
        _section_tokens(
            ("Queen's University", "institution", True),
            ("MSc", "degree", False),
            ("Concordia University", "institution", True),
            ("BSc", "degree", False),
        )
    )
    assert [school.institution for school in assembler.resume.education] == [
        "Queen's University",
        "Concordia University",
    ]


def test_a_sidebar_contact_list_outside_the_contact_block_gives_phone_and_city() -> None:
    lines = [
        tokenize_line(Line([Word(word) for word in text.split()]))
        for text in ("ABOUT ME", "Calgary AB CA", "sierra.j@example.org", "(514) 555-0179", "Hiking, chess")
    ]
    assembler = Assembler()
    assembler.basics(contact_outside_basics(lines))
    basics = assembler.resume.basics
    assert basics.email == "sierra.j@example.org"
    assert "".join(c for c in basics.phone or "" if c.isdigit()) == "5145550179"  # no country: as printed
    assert basics.location is not None and basics.location.city == "Calgary"


def _work_line(words: list[Word], labels: dict[str, str]) -> list[Placed]:
    """One job's line; each token labelled by its text (default: employer), the first as an
    entry start."""
    line = tokenize_line(Line(words))
    placed = [Placed(t, line, labels.get(t.text, "employer"), 0.9) for t in line.tokens]
    placed[0] = Placed(placed[0].token, line, ENTRY_PREFIX + placed[0].label, 0.9)
    return placed


def _job(words: list[Word], labels: dict[str, str]) -> tuple[str | None, str | None]:
    assembler = Assembler()
    assembler.work(_work_line(words, labels))
    [job] = assembler.resume.work
    return job.name, job.location


_TITLE = {"Project": "position", "Manager": "position", "at": "O"}


def test_a_place_the_model_read_into_the_employer_becomes_the_jobs_location() -> None:
    # The employer set in bold, its place not, as the model read them: all one employer.
    bold = [Word(w, bold=True) for w in ("Project", "Manager")]
    employer = [Word("at"), Word("Siemens", bold=True)]
    place = [Word("Stuttgart,"), Word("Germany")]
    assert _job(bold + employer + place, _TITLE) == ("Siemens", "Stuttgart, Germany")
    # A legal form before the city sets it apart too; a work mode is a place of its own.
    words = [Word(w) for w in ["Project", "Manager", "at", "Ullmann", "GmbH", "Stuttgart"]]
    assert _job(words, _TITLE) == ("Ullmann GmbH", "Stuttgart")
    words = [Word(w) for w in ["Project", "Manager", "at", "Zalando", "Remote"]]
    assert _job(words, _TITLE) == ("Zalando", "Remote")
    # A country after a separator.
    words = [Word(w) for w in ["Project", "Manager", "at", "BlaBlaCar,", "France"]]
    assert _job(words, _TITLE) == ("BlaBlaCar", "France")


def test_an_employer_the_model_read_into_the_location_becomes_the_employer() -> None:
    words = [Word(w) for w in ["DevOps", "Engineer", "Nordlys,", "India"]]
    labels = {"DevOps": "position", "Engineer": "position", "Nordlys": "location", ",": "location"}
    assert _job(words, {**labels, "India": "location"}) == ("Nordlys", "India")
    # A city before its country is the place, all of it.
    words = [Word(w) for w in ["DevOps", "Engineer", "Pune,", "India"]]
    labels = {"DevOps": "position", "Engineer": "position", "Pune": "location", ",": "location"}
    assert _job(words, {**labels, "India": "location"}) == (None, "Pune, India")


def test_a_place_that_is_part_of_the_employers_name_stays() -> None:
    words = [Word(w) for w in ["Project", "Manager", "at", "Bank", "of", "Montreal"]]
    assert _job(words, _TITLE) == ("Bank of Montreal", None)
    # Nothing sets the city apart from the name: it stays.
    words = [Word(w) for w in ["Project", "Manager", "at", "Acme", "Berlin"]]
    assert _job(words, _TITLE) == ("Acme Berlin", None)
    # A place the model did label is the job's location already.
    words = [Word(w) for w in ["Project", "Manager", "at", "Acme", "Berlin"]]
    assert _job(words, {**_TITLE, "Berlin": "location"}) == ("Acme", "Berlin")


def _job_of_lines(*lines: list[Word], labels: dict[str, str]) -> tuple[str | None, str | None]:
    placed = [p for words in lines for p in _work_line(words, labels)]
    placed[1:] = [Placed(p.token, p.line, p.label.removeprefix(ENTRY_PREFIX), 0.9) for p in placed[1:]]
    assembler = Assembler()
    assembler.work(placed)
    [job] = assembler.resume.work
    return job.position, job.name


def test_a_title_the_model_read_as_the_employer_becomes_the_position() -> None:
    # On a line of its own above the employer's line.
    title, employer = [Word(w) for w in ["Head", "of", "Marketing"]], [Word("Brightwave")]
    assert _job_of_lines(title, employer, labels={}) == ("Head of Marketing", "Brightwave")
    # Under the employer, with the dates between them.
    dates = [Word(w) for w in ["2019", "–", "2021"]]
    date_labels = dict.fromkeys(["2019", "–", "2021"], "date")
    assert _job_of_lines(employer, dates, title, labels=date_labels) == ("Head of Marketing", "Brightwave")
    # In bold before the employer on the same line.
    line = [Word("Interaction", bold=True), Word("Designer", bold=True), Word("Nordlys")]
    assert _job_of_lines(line, labels={}) == ("Interaction Designer", "Nordlys")


def test_an_employer_without_a_title_word_stays_the_employer() -> None:
    line = [Word("Acme", bold=True), Word("Robotics")]
    assert _job_of_lines(line, labels={}) == (None, "Acme Robotics")
    # Two lines that both read as titles: nothing tells which is the employer, so nothing moves.
    first, second = [Word(w) for w in ["Data", "Analyst"]], [Word(w) for w in ["Data", "Engineer"]]
    assert _job_of_lines(first, second, labels={}) == (None, "Data Analyst Data Engineer")


def test_an_employer_the_model_read_into_the_position_becomes_the_employer() -> None:
    title, employer = [Word(w) for w in ["Senior", "Frontend", "Developer"]], [Word("Deutsche"), Word("Bahn")]
    everything_a_position = {word.text: "position" for word in title + employer}
    assert _job_of_lines(title, employer, labels=everything_a_position) == (
        "Senior Frontend Developer",
        "Deutsche Bahn",
    )


def test_a_label_line_inside_an_entry_is_no_employer_and_opens_no_entry() -> None:
    job = _work_line([Word(w) for w in ["Nimbus", "Systems"]], {})
    title = _work_line(
        [Word(w) for w in ["Senior", "Developer"]], {"Senior": "position", "Developer": "position"}
    )
    label = _work_line([Word("Responsibilities:")], {"Responsibilities": "employer", ":": "O"})
    placed = job + [Placed(p.token, p.line, p.label.removeprefix(ENTRY_PREFIX), 0.9) for p in title] + label
    assembler = Assembler()
    assembler.work(placed)
    assert [(w.name, w.position) for w in assembler.resume.work] == [("Nimbus Systems", "Senior Developer")]


def _placed_words(*words: tuple[str, float, str]) -> list[Placed]:
    """One line of words at the given left edges (each 0.01 per character wide), each labelled."""
    boxed = [Word(text, box=Box(left, 0.1, left + 0.01 * len(text), 0.11)) for text, left, _ in words]
    line = tokenize_line(Line(boxed, page=1))
    return [Placed(t, line, words[t.word][2], 0.9) for t in line.tokens]


def test_a_school_in_a_cell_of_its_own_the_model_left_unlabelled_is_the_institution() -> None:
    placed = _placed_words(
        ("2018-2022", 0.1, ENTRY_PREFIX + "date"),
        ("PhD", 0.2, "degree"),
        ("University", 0.6, "O"),
        ("of", 0.71, "O"),
        ("Toronto", 0.74, "O"),
    )
    placed[0] = Placed(placed[0].token, placed[0].line, ENTRY_PREFIX + "date", 0.9)
    assembler = Assembler()
    assembler.education(placed)
    [school] = assembler.resume.education
    assert (school.institution, school.study_type) == ("University of Toronto", "PhD")


def test_an_unlabelled_cell_without_a_school_word_stays_unread() -> None:
    placed = _placed_words(("2018-2022", 0.1, "date"), ("PhD", 0.2, "degree"), ("Toronto", 0.6, "O"))
    placed[0] = Placed(placed[0].token, placed[0].line, ENTRY_PREFIX + "date", 0.9)
    assembler = Assembler()
    assembler.education(placed)
    [school] = assembler.resume.education
    assert school.institution is None


def test_a_school_after_its_field_in_smaller_type_the_model_left_unlabelled_is_the_institution() -> None:
    words = [Word("2015"), Word("Máster", font_size=10), Word("Universitario", font_size=10)]
    words += [Word(w, font_size=8) for w in ["Universität", "des", "Saarlandes"]]
    line = tokenize_line(Line(words))
    labels = {"2015": ENTRY_PREFIX + "date", "Máster": "degree", "Universitario": "degree"}
    assembler = Assembler()
    assembler.education([Placed(t, line, labels.get(t.text, "O"), 0.9) for t in line.tokens])
    [school] = assembler.resume.education
    assert (school.institution, school.study_type) == (
        "Universität des Saarlandes",
        "Máster Universitario",
    )
    # In the field's own type, nothing sets it apart: it stays unread.
    line = tokenize_line(Line([Word(w.text, font_size=10) for w in words]))
    assembler = Assembler()
    assembler.education([Placed(t, line, labels.get(t.text, "O"), 0.9) for t in line.tokens])
    assert assembler.resume.education[0].institution is None


def test_an_employer_above_its_title_both_read_as_the_position_are_told_apart() -> None:
    employer, title = [Word("Kestrel"), Word("AI")], [Word(w) for w in ["as", "Frontend", "Architect"]]
    everything_a_position = {word.text: "position" for word in employer + title}
    assert _job_of_lines(employer, title, labels=everything_a_position) == (
        "Frontend Architect",
        "Kestrel AI",
    )


def test_an_unlabelled_line_next_to_a_title_in_a_job_without_employer_is_the_employer() -> None:
    title = [Word(w) for w in ["Senior", "Growth", "Manager", "11/2017", "–", "12/2021"]]
    labels = {"Senior": "position", "Growth": "position", "Manager": "position", "Dropbox": "O"}
    labels |= {"11": "date", "/": "date", "2017": "date", "–": "date", "12": "date", "2021": "date"}
    assert _job_of_lines(title, [Word("Dropbox")], labels=labels) == ("Senior Growth Manager", "Dropbox")


def test_an_unlabelled_sentence_next_to_a_title_stays_unread() -> None:
    title = [Word(w) for w in ["Senior", "Growth", "Manager"]]
    sentence = [Word(w) for w in ["Grew", "organic", "traffic."]]
    labels = {w.text: "position" for w in title} | dict.fromkeys(["Grew", "organic", "traffic", "."], "O")
    assert _job_of_lines(title, sentence, labels=labels) == ("Senior Growth Manager", None)


def test_skills_set_as_tags_are_parted_by_the_gap_between_the_tags() -> None:
    # Tags: a word space inside a tag ("US GAAP"), a gap of a word height between tags.
    def tag_line(*tags: str) -> list[Word]:
        words, left = [], 0.1
        for tag in tags:
            for word in tag.split(" "):
                words.append(Word(word, box=Box(left, 0.1, left + 0.01 * len(word), 0.11)))
                left += 0.01 * len(word) + 0.003
            left += 0.01
        return words

    line = tokenize_line(Line(tag_line("IFRS", "Anaplan", "US GAAP", "Oracle NetSuite"), page=1))
    placed = [Placed(t, line, "skill", 0.9) for t in line.tokens]
    placed[0] = Placed(placed[0].token, line, ENTRY_PREFIX + "skill", 0.9)
    assembler = Assembler()
    assembler.skills(placed)
    assert [s.keywords for s in assembler.resume.skills] == [
        ["IFRS", "Anaplan", "US GAAP", "Oracle NetSuite"]
    ]


def test_skills_on_a_plain_text_grid_are_not_parted_at_word_spaces() -> None:
    # A text file's words sit one character apart, a character being about as wide as high.
    words, left = [], 0.1
    for word in ["Content", "Strategy", "Brand", "Strategy"]:
        words.append(Word(word, box=Box(left, 0.1, left + 0.01 * len(word), 0.11)))
        left += 0.01 * (len(word) + 1)
    line = tokenize_line(Line(words, page=1))
    placed = [Placed(t, line, "skill", 0.9) for t in line.tokens]
    assembler = Assembler()
    assembler.skills(placed)
    assert [s.keywords for s in assembler.resume.skills] == [["Content Strategy Brand Strategy"]]


def test_a_highlights_heading_without_a_colon_is_a_label_line_too() -> None:
    job = _work_line([Word("Loomly"), Word("2021-06")], {"2021-06": "date"})
    # The model read it as the employer of a new entry.
    placed = job + _work_line([Word("Highlights")], {})
    assembler = Assembler()
    assembler.work(placed)
    assert [w.name for w in assembler.resume.work] == ["Loomly"]


def test_a_label_line_next_to_a_title_is_not_taken_for_the_employer() -> None:
    title = [Word(w) for w in ["Senior", "Growth", "Manager"]]
    labels = {w.text: "position" for w in title} | {"Responsibilities": "O", ":": "O"}
    assert _job_of_lines(title, [Word("Responsibilities:")], labels=labels) == ("Senior Growth Manager", None)


def _education_lines(*lines: tuple[str, str]) -> list[Placed]:
    """Education lines, each one field; an entry starts at each line whose field is prefixed."""
    placed: list[Placed] = []
    for text, label in lines:
        line = tokenize_line(Line([Word(word) for word in text.split()]))
        placed += [
            Placed(t, line, label if i == 0 else label.removeprefix(ENTRY_PREFIX), 0.9)
            for i, t in enumerate(line.tokens)
        ]
    return placed


def test_a_school_cut_from_its_degree_and_dates_is_one_entry_again() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(
            ("University of Sydney", ENTRY_PREFIX + "institution"),
            ("Psychology", "area"),
            ("Bachelor of Science", ENTRY_PREFIX + "degree"),
            ("2015-09 – 2019-07", "date"),
        )
    )
    assert [(e.institution, e.area, e.study_type, e.start_date) for e in assembler.resume.education] == [
        ("University of Sydney", "Psychology", "Bachelor of Science", "2015-09")
    ]


def test_a_second_degree_under_the_same_school_stays_an_entry_of_its_own() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(
            ("University of Sydney", ENTRY_PREFIX + "institution"),
            ("Bachelor of Science", "degree"),
            ("Master of Science", ENTRY_PREFIX + "degree"),
        )
    )
    assert [e.study_type for e in assembler.resume.education] == ["Bachelor of Science", "Master of Science"]


def test_an_unlabelled_employer_before_the_place_read_at_its_end_is_the_employer() -> None:
    title = [Word(w) for w in ["React", "Developer"]]
    labels = {w.text: "position" for w in title} | {"N26": "O", ",": "O", "Nürnberg": "location"}
    assert _job_of_lines(title, [Word("N26,"), Word("Nürnberg")], labels=labels) == ("React Developer", "N26")


def test_an_unlabelled_school_under_its_degree_is_the_institution() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(
            ("2011", ENTRY_PREFIX + "date"),
            ("Bachelor of Science", "degree"),
            ("Ludwig-Maximilians-Universität München", "O"),
        )
    )
    [school] = assembler.resume.education
    assert (school.institution, school.study_type) == (
        "Ludwig-Maximilians-Universität München",
        "Bachelor of Science",
    )


def test_an_unlabelled_line_without_a_school_word_under_a_degree_stays_unread() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(("Bachelor of Science", ENTRY_PREFIX + "degree"), ("Thesis on graph colouring", "O"))
    )
    [school] = assembler.resume.education
    assert (school.institution, school.study_type) == (None, "Bachelor of Science")


def test_a_web_address_read_into_the_employer_becomes_the_jobs_address() -> None:
    line = [Word("Parabola"), Word("https://www.parabola.com")]
    placed = _work_line(line, {"https://www.parabola.com": "employer"})
    assembler = Assembler()
    assembler.work(placed)
    [job] = assembler.resume.work
    assert (job.name, job.url) == ("Parabola", "https://www.parabola.com")
    # An employer named by its address keeps it.
    assembler = Assembler()
    assembler.work(_work_line([Word("Booking.com")], {}))
    assert assembler.resume.work[0].name == "Booking.com"


def test_an_employer_and_title_either_side_of_a_dash_are_told_apart() -> None:
    line = [Word(w, bold=True) for w in ["Quantum", "Cloud", "Ltd.", "-", "Systems", "Administrator"]]
    assert _job_of_lines(line, labels={}) == ("Systems Administrator", "Quantum Cloud Ltd.")
    # A dash inside a name is no separator.
    line = [Word(w, bold=True) for w in ["Sathe–Loke", "DevOps", "Engineer"]]
    assert _job_of_lines(line, labels={}) == (None, "Sathe–Loke DevOps Engineer")


def test_a_field_under_its_school_read_as_the_school_becomes_the_field() -> None:
    dates, school, field, degree = (
        _education_lines(("2018-09 – 2020-12", ENTRY_PREFIX + "date")),
        _work_line([Word(w, bold=True) for w in ["Delft", "University", "of", "Technology"]], {}),
        _work_line([Word("Psychology", italic=True)], {}),
        _education_lines(("MSc", "degree")),
    )
    as_school = [Placed(p.token, p.line, "institution", 0.9) for p in school + field]
    assembler = Assembler()
    assembler.education(dates + as_school + degree)
    [school] = assembler.resume.education
    assert (school.institution, school.area, school.study_type) == (
        "Delft University of Technology",
        "Psychology",
        "MSc",
    )
    # A school's name on two lines stays the school.
    assembler = Assembler()
    assembler.education(
        _education_lines(("Technische Universität", ENTRY_PREFIX + "institution"), ("München", "institution"))
    )
    assert assembler.resume.education[0].institution == "Technische Universität München"


def test_a_name_set_over_two_lines_in_one_style_is_one_name() -> None:
    assembler = Assembler()
    assembler.basics(_basics_tokens("Ronald K.", "Howell", label="name"))
    assert assembler.resume.basics.name == "Ronald K. Howell"
    # A title under the name is no part of it, even in the name's style.
    assembler = Assembler()
    assembler.basics(_basics_tokens("Jane Doe", "Data Engineer", label="name"))
    assert assembler.resume.basics.name == "Jane Doe"


def test_a_country_read_as_the_field_is_no_field_and_the_field_after_in_is() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(
            ("Anna University,", ENTRY_PREFIX + "institution"),
            ("India", "area"),
            ("MCA in Computer Science", "degree"),
        )
    )
    [school] = assembler.resume.education
    assert (school.institution, school.study_type, school.area) == (
        "Anna University",
        "MCA",
        "Computer Science",
    )


def test_a_country_after_the_school_is_cut_off_and_a_field_read_as_such_stays() -> None:
    assembler = Assembler()
    assembler.education(
        _education_lines(
            ("EPITA, France", ENTRY_PREFIX + "institution"),
            ("Master in Management", "degree"),
            ("Electrical Engineering", "area"),
        )
    )
    [school] = assembler.resume.education
    assert (school.institution, school.study_type, school.area) == (
        "EPITA",
        "Master in Management",
        "Electrical Engineering",
    )


def test_a_title_after_the_name_in_another_type_is_no_part_of_the_name() -> None:
    line = tokenize_line(
        Line([Word("Sarah"), Word("Taylor"), Word("Tech", bold=True), Word("Lead", bold=True)])
    )
    assembler = Assembler()
    assembler.basics([Placed(t, line, "name", 0.9) for t in line.tokens])
    assert assembler.resume.basics.name == "Sarah Taylor"
    # Cut before a title word already, with a change of type after it.
    words = [Word("Sierra"), Word("Johnson"), Word("Staff"), Word("Software"), Word("Engineer", bold=True)]
    line = tokenize_line(Line(words))
    assembler = Assembler()
    assembler.basics([Placed(t, line, "name", 0.9) for t in line.tokens])
    assert assembler.resume.basics.name == "Sierra Johnson"


def test_an_employer_read_as_a_second_position_becomes_the_employer() -> None:
    title = [Word(w) for w in ["Tech", "Lead", "02/2022", "to", "05/2025"]]
    labels = dict.fromkeys(["02", "/", "2022", "to", "05", "2025"], "date") | {
        "Pine": "position",
        "Bio": "position",
    }
    labels |= {"Tech": "position", "Lead": "position"}
    assert _job_of_lines(title, [Word("Pine"), Word("Bio")], labels=labels) == ("Tech Lead", "Pine Bio")
