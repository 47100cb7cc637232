"""Title families on the job titles of the training corpora, and on German, French and Spanish titles."""

from __future__ import annotations

import pytest

from resume_parser.enrichment.title_families import families, title_family
from tests.enrichment.truth import truth_files

# Every work[].position of the training corpora's truth files, by the family it belongs to.
EXPECTED = {
    "accounting": (
        "Accountant",
        "Accounts Payable Clerk",
        "Audit Associate",
        "Junior Accountant",
        "Senior Accountant",
        "Senior Auditor",
    ),
    "business_analysis": ("Business Analyst",),
    "data_analysis": (
        "BI Developer",
        "Data Analyst",
        "Junior Data Analyst",
        "Product Analyst",
        "Senior Data Analyst",
    ),
    "data_engineering": (
        "Analytics Engineer",
        "Big Data Engineer",
        "Data Engineer",
        "Data Platform Lead",
        "ETL Developer",
        "Junior Data Engineer",
        "Senior Analytics Engineer",
        "Senior Data Engineer",
    ),
    "data_science": (
        "Data Scientist",
        "Junior Data Scientist",
        "Lead Data Scientist",
        "ML Team Lead",
        "Machine Learning Engineer",
        "Principal Data Scientist",
        "Senior Data Scientist",
        "Senior Machine Learning Engineer",
    ),
    "design": (
        "Design Intern",
        "Design Manager",
        "Graphic Designer",
        "Interaction Designer",
        "Junior UX Designer",
        "Lead Product Designer",
        "Product Designer",
        "Senior Product Designer",
        "Senior UX Designer",
        "UI Designer",
        "UX Designer",
        "UX Researcher",
        "UX/UI Designer",
    ),
    "devops_infrastructure": (
        "Cloud Engineer",
        "DevOps Engineer",
        "IT Infrastructure Engineer",
        "Junior DevOps Engineer",
        "Lead SRE",
        "Platform Engineer",
        "Principal Cloud Architect",
        "Senior Cloud Engineer",
        "Senior DevOps Engineer",
        "Senior Site Reliability Engineer",
        "Site Reliability Engineer",
    ),
    "engineering_management": (
        "CTO",
        "Engineering Lead",
        "Engineering Manager",
        "Head of Engineering",
    ),
    "finance": (
        "Controller",
        "FP&A Analyst",
        "Finance Manager",
        "Financial Analyst",
        "Financial Analyst Intern",
        "Group Controller",
        "Head of Finance",
        "Quantitative Analyst",
        "Senior Financial Analyst",
    ),
    "human_resources": (
        "HR Assistant",
        "HR Business Partner",
        "HR Generalist",
        "HR Intern",
        "People Operations Manager",
        "Recruiting Coordinator",
        "Talent Acquisition Specialist",
        "Technical Recruiter",
    ),
    "information_security": (
        "CISO",
        "Cloud Security Engineer",
        "IT Security Intern",
        "Junior Security Analyst",
        "Penetration Tester",
        "SOC Analyst",
        "Security Analyst",
        "Security Architect",
        "Security Engineer",
        "Senior Penetration Tester",
        "Senior Security Engineer",
    ),
    "it_administration": (
        "Head of IT",
        "IT Administrator",
        "IT Manager",
        "IT Operations Engineer",
        "IT Operations Lead",
        "Network Administrator",
        "Senior Network Engineer",
        "Senior Systems Administrator",
        "Systems Administrator",
    ),
    "it_support": (
        "Desktop Support Engineer",
        "Help Desk Analyst",
        "IT Support Specialist",
        "IT Support Technician",
    ),
    "marketing": (
        "CMO",
        "Content Marketing Manager",
        "Digital Marketing Specialist",
        "Growth Marketer",
        "Head of Marketing",
        "Marketing Assistant",
        "Marketing Coordinator",
        "SEO Specialist",
        "Senior Growth Manager",
        "Senior Marketing Manager",
        "Social Media Coordinator",
        "VP Marketing",
    ),
    "operations_management": ("Operations Manager",),
    "product_management": (
        "Associate Product Manager",
        "Group Product Manager",
        "Head of Product",
        "Principal Product Manager",
        "Product Manager",
        "Product Owner",
        "Senior Product Manager",
        "Senior Product Owner",
        "Technical Product Manager",
        "VP Product",
    ),
    "project_management": (
        "Agile Coach",
        "Delivery Manager",
        "Head of Delivery",
        "Junior Project Manager",
        "PMO Analyst",
        "Program Manager",
        "Project Coordinator",
        "Project Manager",
        "Scrum Master",
        "Senior Project Manager",
    ),
    "quality_assurance": (
        "Junior QA Engineer",
        "QA Engineer",
        "QA Lead",
        "QA Tester",
        "Senior QA Engineer",
        "Senior Test Automation Engineer",
        "Software Development Engineer in Test",
        "Software Tester",
        "Test Automation Engineer",
        "Test Manager",
    ),
    "research": ("Research Assistant",),
    "software_development": (
        "Android Developer",
        "Backend Developer",
        "Backend Engineer",
        "Flutter Developer",
        "Frontend Architect",
        "Frontend Developer",
        "Frontend Engineer",
        "Full Stack Developer",
        "Full Stack Engineer",
        "Java Developer",
        "Junior Android Developer",
        "Junior Backend Developer",
        "Junior Frontend Developer",
        "Junior Full Stack Developer",
        "Junior Software Developer",
        "Junior Software Engineer",
        "Junior Web Developer",
        "Junior iOS Developer",
        "Lead Backend Engineer",
        "Lead Frontend Engineer",
        "Lead Software Engineer",
        "Mobile Developer",
        "Mobile Engineer",
        "Mobile Tech Lead",
        "Principal Engineer",
        "Python Developer",
        "React Developer",
        "Senior Android Engineer",
        "Senior Backend Engineer",
        "Senior Frontend Developer",
        "Senior Frontend Engineer",
        "Senior Full Stack Developer",
        "Senior Full Stack Engineer",
        "Senior Mobile Engineer",
        "Senior Software Developer",
        "Senior Software Engineer",
        "Senior UI Engineer",
        "Senior iOS Engineer",
        "Software Developer",
        "Software Engineer",
        "Software Engineer I",
        "Software Engineer II",
        "Staff Frontend Engineer",
        "Staff Software Engineer",
        "Tech Lead",
        "UI Engineer",
        "Web Developer",
        "iOS Developer",
    ),
}
# Titles in German, French and Spanish, as resumes print them (inflected, compounded, accented).
OTHER_LANGUAGES = [
    ("Softwareentwicklerin", "software_development"),
    ("Anwendungsentwickler", "software_development"),
    ("Datenanalystin", "data_analysis"),
    ("Krankenpfleger", "nursing"),
    ("Gesundheits- und Krankenpflegerin", "nursing"),
    ("Buchhalterin", "accounting"),
    ("Projektleiter", "project_management"),
    ("Vertriebsmitarbeiter", "sales"),
    ("Personalreferentin", "human_resources"),
    ("Geschäftsführer", "executive_management"),
    ("Lehrerin", "teaching"),
    ("Systemadministrator", "it_administration"),
    ("Cheffe de projet", "project_management"),
    ("Ingénieur commercial", "sales"),
    ("Infirmière", "nursing"),
    ("Développeuse web", "software_development"),
    ("Ingénieur logiciel", "software_development"),
    ("Comptable", "accounting"),
    ("Contrôleur de gestion", "finance"),
    ("Chargée de recrutement", "human_resources"),
    ("Technicien support", "it_support"),
    ("Enseignante", "teaching"),
    ("Desarrolladora de software", "software_development"),
    ("Ingeniero de software", "software_development"),
    ("Enfermera", "nursing"),
    ("Jefe de proyecto", "project_management"),
    ("Contadora", "accounting"),
    ("Profesora de secundaria", "teaching"),
    ("Analista de datos", "data_analysis"),
    ("Administrador de sistemas", "it_administration"),
    ("Técnico de recursos humanos", "human_resources"),
    ("Abogada", "legal"),
]


def test_every_training_title_is_in_the_expected_family() -> None:
    positions = {
        entry["position"]
        for data in truth_files()
        for entry in data.get("work", [])  # type: ignore[attr-defined]
        if entry.get("position")
    }
    expected = {title: family for family, titles in EXPECTED.items() for title in titles}

    assert positions <= set(expected)  # the table above covers the corpora
    assert {title: title_family(title) for title in positions} == {t: expected[t] for t in positions}


@pytest.mark.parametrize(("title", "family"), OTHER_LANGUAGES)
def test_german_french_and_spanish_titles(title: str, family: str) -> None:
    assert title_family(title) == family


@pytest.mark.parametrize("title", [None, "", "   ", "Acme GmbH", "2019 - 2021"])
def test_a_title_without_a_known_occupation_has_no_family(title: str | None) -> None:
    assert title_family(title) is None


def test_family_ids_are_stable_snake_case() -> None:
    ids = families()

    assert len(ids) == len(set(ids)) >= 20
    assert all(family.isidentifier() and family == family.lower() for family in ids)
