from __future__ import annotations

from resume_parser.normalization.skills import canonical_skill, parse_skills
from tests.normalization.layouts import line, lines


def _groups(text: str) -> list[tuple[str | None, list[str]]]:
    return [(g.name, g.keywords) for g in parse_skills(lines(text))]


def test_flat_list_wrapped_over_lines_is_one_group() -> None:
    text = """
    Content Strategy, Canva, Email Marketing, Marketing
    Automation, HubSpot, Time
    Management
    """
    assert _groups(text) == [
        (
            "Skills",
            [
                "Content Strategy",
                "Canva",
                "Email Marketing",
                "Marketing Automation",
                "HubSpot",
                "Time Management",
            ],
        )
    ]


def test_grouped_lists_with_colon_gap_or_bold_labels() -> None:
    assert _groups("Data Tools: pandas, dbt\nCloud        AWS, GCP\n**Practices** Data Governance") == [
        ("Data Tools", ["pandas", "dbt"]),
        ("Cloud", ["AWS", "GCP"]),
        ("Practices", ["Data Governance"]),
    ]


def test_caps_labels_over_one_per_line_items() -> None:
    assert _groups("CLOUD & DEVOPS\nKubernetes\nDocker\nFRAMEWORKS\n.NET Core\nFastAPI") == [
        ("Cloud & Devops", ["Kubernetes", "Docker"]),
        ("Frameworks", [".NET Core", "FastAPI"]),
    ]


def test_skills_with_levels_are_groups_without_keywords() -> None:
    groups = parse_skills(lines("Python – Advanced\nCypress ●●●●○\nGo (Intermediate)"))
    assert [(g.name, g.level, g.keywords) for g in groups] == [
        ("Python", "Advanced", []),
        ("Cypress", "●●●●○", []),
        ("Go", "Intermediate", []),
    ]


def test_chips_set_apart_by_gaps() -> None:
    assert parse_skills([line("Databricks   LightGBM   Bayesian Inference   SQL")])[0].keywords == [
        "Databricks",
        "LightGBM",
        "Bayesian Inference",
        "SQL",
    ]


def test_aliases_are_deduplicated_keeping_the_printed_spelling() -> None:
    assert canonical_skill("k8s") == "Kubernetes"
    assert canonical_skill("Postgres") == "PostgreSQL"
    assert _groups("JS, JavaScript, Postgres, PostgreSQL, k8s, Kubernetes") == [
        ("Skills", ["JS", "Postgres", "k8s"])
    ]


def test_clauses_are_not_skills() -> None:
    assert _groups("Proficient in Python and SQL; Docker; experienced with large teams; Ruby on Rails") == [
        ("Skills", ["Docker", "Ruby on Rails"])
    ]


def test_bold_labels_over_one_keyword_per_line() -> None:
    rows = [
        line("**Analysis**", size=9.0, top=0.10),
        line("pandas", size=8.5, top=0.12),
        line("R", size=8.5, top=0.14),
        line("**Machine Learning**", size=9.0, top=0.16),
        line("PyTorch", size=8.5, top=0.18),
        line("scikit-learn", size=8.5, top=0.20),
    ]
    groups = parse_skills(rows)
    assert [(g.name, g.keywords) for g in groups] == [
        ("Analysis", ["pandas", "R"]),
        ("Machine Learning", ["PyTorch", "scikit-learn"]),
    ]


def test_group_labels_before_a_spaced_dash() -> None:
    text = """
    Analysis — Python · dbt · SQL
    Machine Learning — XGBoost · scikit-learn
    Tools – DATEV
    Python — Advanced
    """
    assert [(g.name, g.keywords, g.level) for g in parse_skills(lines(text))] == [
        ("Analysis", ["Python", "dbt", "SQL"], None),
        ("Machine Learning", ["XGBoost", "scikit-learn"], None),
        ("Tools", ["DATEV"], None),
        ("Python", [], "Advanced"),
    ]


def test_a_wrapped_list_that_carries_its_separator_to_the_next_line() -> None:
    text = """
    **Practices**
    Code Review · Pair Programming · TDD
    · Domain-Driven Design
    """
    assert _groups(text) == [
        ("Practices", ["Code Review", "Pair Programming", "TDD", "Domain-Driven Design"])
    ]
