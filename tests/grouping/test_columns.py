"""Column detection and row merging on hand-placed fragments."""

from __future__ import annotations

from resume_parser.grouping.columns import read_columns
from resume_parser.layout import Line
from tests.grouping.layouts import fragment, rows

SIDEBAR = [
    "CONTACT",
    "jane@example.com",
    "+49 30 1234567",
    "Berlin",
    "SKILLS",
    "Python",
    "Go",
    "SQL",
    "Kafka",
]
SIDEBAR += ["Docker", "LANGUAGES", "German", "English"]
MAIN = [
    "EXPERIENCE",
    "Senior Engineer, Acme",
    "Built the billing platform",
    "Led a team of five",
    "Engineer, Initech",
]
MAIN += ["Migrated the monolith", "Cut costs by 30%", "EDUCATION", "MSc Computer Science", "TU Berlin"]


def texts(columns: list[list[Line]]) -> list[list[str]]:
    return [[line.text for line in column] for column in columns]


def test_a_sidebar_is_read_after_the_main_column_that_opens_with_the_name() -> None:
    name = fragment("Jane Doe", 0.36, 0.04, size=22)
    sidebar = rows(SIDEBAR, 0.03, 0.05, size=8, pitch=1.6)
    main = rows(MAIN, 0.36, 0.09)
    columns = read_columns([*sidebar, name, *main])
    assert texts(columns) == [["Jane Doe", *MAIN], SIDEBAR]


def test_a_sidebar_that_opens_with_the_name_is_read_first() -> None:
    name = fragment("Jane Doe", 0.03, 0.04, size=22)
    sidebar = rows(SIDEBAR, 0.03, 0.09, size=8, pitch=1.6)
    main = rows(MAIN, 0.36, 0.05)
    assert texts(read_columns(main + sidebar + [name])) == [["Jane Doe", *SIDEBAR], MAIN]


def test_a_label_table_is_read_row_by_row() -> None:
    labels = ["2019 – 2022", "", "", "2016 – 2019", "", "Name", "Email", "Phone"]
    values = [
        "Senior Engineer",
        "Acme, Berlin",
        "Built the billing platform",
        "Engineer",
        "Initech",
        "Jane Doe",
    ]
    values += ["jane@example.com", "+49 30 1234567"]
    fragments = rows(labels, 0.05, 0.1) + rows(values, 0.32, 0.1)
    assert texts(read_columns(fragments)) == [
        [
            "2019 – 2022 Senior Engineer",
            "Acme, Berlin",
            "Built the billing platform",
            "2016 – 2019 Engineer",
            "Initech",
            "Name Jane Doe",
            "Email jane@example.com",
            "Phone +49 30 1234567",
        ]
    ]


def test_right_aligned_dates_join_their_titles() -> None:
    titles = rows(
        ["Senior Engineer, Acme", "Engineer, Initech", "Intern, Hooli", "Student, TU Berlin"], 0.08, 0.1
    )
    dates = rows(["2019 – 2022", "2016 – 2019", "2015", "2012 – 2015"], 0.85, 0.1)
    assert texts(read_columns(dates + titles)) == [
        [
            "Senior Engineer, Acme 2019 – 2022",
            "Engineer, Initech 2016 – 2019",
            "Intern, Hooli 2015",
            "Student, TU Berlin 2012 – 2015",
        ]
    ]


def test_a_contact_block_beside_the_name_is_read_after_it() -> None:
    name = fragment("Jane Doe", 0.08, 0.05, size=20)
    headline = fragment("Platform Engineer", 0.08, 0.085, size=11)
    contact = rows(["jane@example.com", "+49 30 1234567", "Berlin, Germany", "jane.dev"], 0.75, 0.045, size=8)
    body = rows(
        ["Platform engineer with ten years of experience in payments and data platforms."], 0.08, 0.14
    )
    assert texts(read_columns([*contact, headline, name, *body])) == [
        ["Jane Doe", "Platform Engineer", *[line.text for line in contact], body[0].text]
    ]


def test_a_full_width_banner_above_two_columns_is_read_first() -> None:
    banner = fragment("Jane Doe — Platform Engineer — Berlin — jane@example.com", 0.05, 0.03, size=22)
    left = rows(
        ["EXPERIENCE", "Senior Engineer", "Acme", "Built things", "Led people", "More work"], 0.05, 0.1
    )
    right = rows(["SKILLS", "Python", "Go", "SQL", "Kafka", "Docker", "Terraform"], 0.55, 0.107)
    assert texts(read_columns(right + left + [banner])) == [
        [banner.text],
        [line.text for line in left],
        [line.text for line in right],
    ]


def test_a_short_side_column_beside_the_main_one_is_read_on_its_own() -> None:
    """A skills column under a banner, half as tall as the main column: its lines meet the main
    column's rows now and then by chance, which a label table's rows do every time."""
    header = rows(["Jane Doe", "Platform Engineer", "jane@example.com | +49 30 1234567"], 0.07, 0.04)
    main = rows([*MAIN, *MAIN], 0.07, 0.17, size=9, pitch=1.3)
    side = rows([*SIDEBAR, "French"], 0.69, 0.17, size=8.5, pitch=1.3)
    columns = read_columns([*side, *main, *header])
    assert texts(columns) == [[line.text for line in header + main], [*SIDEBAR, "French"]]


def test_a_side_column_under_ocr_whose_tall_boxes_meet_the_main_rows_often_is_still_a_column() -> None:
    """OCR boxes are taller than the line pitch, so half the side's lines share a row with a main
    line by chance; the offsets of those meetings differ, unlike a label table's."""
    header = rows(["Jane Doe", "Platform Engineer", "jane@example.com | +49 30 1234567"], 0.07, 0.04)
    main = rows([*MAIN, *MAIN], 0.07, 0.17, size=9, pitch=1.0)
    side = rows([*SIDEBAR, "French"], 0.69, 0.172, size=9, pitch=1.17)
    columns = read_columns([*side, *main, *header])
    assert texts(columns) == [[line.text for line in header + main], [*SIDEBAR, "French"]]


def test_skills_with_rating_dots_beside_them_stay_rows() -> None:
    skills = ["Python", "Go", "SQL", "Kafka", "Docker", "Terraform", "Rust", "Java"]
    names = rows(skills, 0.05, 0.2, size=9, pitch=1.3)
    dots = rows(["●●●○○"] * len(skills), 0.2, 0.2025, size=7, pitch=9 * 1.3 / 7)
    columns = read_columns([*names, *dots])
    assert texts(columns) == [[f"{skill} ●●●○○" for skill in skills]]


def test_an_icon_bullet_in_smaller_type_stays_on_its_items_row() -> None:
    """An icon font's bullet (a private-use character) set at half the size of its item, a hair
    lower: one row, even beside a full-width line."""
    item = fragment("Managed a paid media budget across Google and Meta for three product lines", 0.13, 0.3)
    bullet = fragment("\uf111", 0.1, 0.302, size=5)
    short = fragment("Statistics", 0.13, 0.33)
    short_bullet = fragment("\uf111", 0.1, 0.332, size=5)
    assert [line.text for line in read_columns([item, bullet, short, short_bullet])[0]] == [
        "\uf111 Managed a paid media budget across Google and Meta for three product lines",
        "\uf111 Statistics",
    ]
