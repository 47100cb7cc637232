from __future__ import annotations

from resume_parser.normalization.work import parse_work
from tests.normalization.layouts import line, lines


def _summary(text: str) -> list[tuple[str | None, str | None, str | None, str | None, str | None]]:
    return [
        (w.work.position, w.work.name, w.work.location, w.work.start_date, w.work.end_date)
        for w in parse_work(lines(text))
    ]


def test_title_comma_company_with_dates_on_the_right_and_place_below() -> None:
    text = """
    Performance Marketing Manager, OpenText        2023 - 2025
    Calgary
    * Increased email open rates from 15% to 30% through segmentation and A/B
      testing
    * Managed a $300k annual paid media budget
    Social Media Coordinator, Thompson, Collins and Robbins        2015 - 2017
    Calgary
    * Launched a SEO program that generated 3700 qualified leads
    """
    parsed = parse_work(lines(text))
    assert _summary(text) == [
        ("Performance Marketing Manager", "OpenText", "Calgary", "2023", "2025"),
        ("Social Media Coordinator", "Thompson, Collins and Robbins", "Calgary", "2015", "2017"),
    ]
    assert parsed[0].work.highlights == [
        "Increased email open rates from 15% to 30% through segmentation and A/B testing",
        "Managed a $300k annual paid media budget",
    ]


def test_company_first_with_place_and_dates_on_the_right_margin() -> None:
    text = """
    **Zomato**        Mumbai
    Business Analyst        October 2024 - March 2025
    Defined OKRs and success metrics; built dashboards in Mixpanel
    Ran 27 customer interviews to reshape the subscription tier
    **Cedar Financial Ltd.**        Bengaluru
    Associate Product Manager        June 2024 - Present
    Owned the roadmap for a 6-person cross-functional team
    """
    assert _summary(text) == [
        ("Business Analyst", "Zomato", "Mumbai", "2024-10", "2025-03"),
        ("Associate Product Manager", "Cedar Financial Ltd.", "Bengaluru", "2024-06", None),
    ]
    assert parse_work(lines(text))[1].work.is_current


def test_company_then_as_title_then_dates_on_their_own_line() -> None:
    text = """
    Wallapop
    as Junior Data Scientist · Remote
    October 2023 to August 2025
    Designed and analyzed 42 A/B tests, informing roadmap decisions worth $5M
    """
    assert _summary(text) == [("Junior Data Scientist", "Wallapop", "Remote", "2023-10", "2025-08")]


def test_dates_first_then_title_then_company_with_place() -> None:
    text = """
    09.2021 – 07.2023 HR Generalist
    Harbor Technologies, Toulouse
    Designed a new employee survey, raising 90-day retention by 60%
    2/2021 – Current
    Senior Frontend Developer
    Deutsche Bahn, Karlsruhe, Germany
    Created a shared checkout flow with 25 components used across 7 products
    """
    assert _summary(text) == [
        ("HR Generalist", "Harbor Technologies", "Toulouse", "2021-09", "2023-07"),
        ("Senior Frontend Developer", "Deutsche Bahn", "Karlsruhe, Germany", "2021-02", None),
    ]


def test_title_at_company_and_pipe_separated() -> None:
    assert _summary("Data Engineer at Acme GmbH 2019 - 2021\nBuilt pipelines for billing data") == [
        ("Data Engineer", "Acme GmbH", None, "2019", "2021")
    ]
    assert _summary("Junior Software Developer 09/2024 - 08/2025\nTidal Mobility | Gurugram, India") == [
        ("Junior Software Developer", "Tidal Mobility", "Gurugram, India", "2024-09", "2025-08")
    ]


def test_a_sentence_wrapped_after_a_connector_is_not_a_new_entry() -> None:
    text = """
    **Data Engineer** 12/2016 - 10/2019
    **Lattice & Co | Austin**
    Implemented CDC from PostgreSQL to the metrics layer with Debezium and
    Kafka
    Built a customer 360 model on Delta Lake
    """
    parsed = parse_work(lines(text))
    assert len(parsed) == 1
    assert parsed[0].work.highlights[0].endswith("with Debezium and Kafka")


def test_without_title_vocabulary_the_line_below_the_employer_is_the_position() -> None:
    assert _summary("**Acme**   2019 - 2021\nGrowth Hacker\nBerlin\n• Grew signups by 20%") == [
        ("Growth Hacker", "Acme", "Berlin", "2019", "2021")
    ]
    assert _summary("**Acme**     Berlin\n2019 - 2021\n• Grew signups by 20%") == [
        (None, "Acme", "Berlin", "2019", "2021")
    ]


def test_spaced_hyphens_separate_fields() -> None:
    assert _summary("Software Engineer - Google - London   2019 - 2021\n• Built the ads pipeline") == [
        ("Software Engineer", "Google", "London", "2019", "2021")
    ]


def test_sentence_case_titles_in_spanish_are_positions() -> None:
    text = """
    Responsable de finanzas
    Aceites del Guadalquivir S.A., Bilbao
    oct. 2024 -- actualidad
    - Implantación de un nuevo sistema de informes mensuales
    - Reducción de costes operativos del 15 % en un año
    Analista financiero sénior
    Cervecería La Giralda S.A., Ciudad de México
    ago. 2021 -- jul. 2024
    - Coordinación de un equipo de seis personas
    """
    jobs = parse_work(lines(text))
    assert [(j.work.name, j.work.position, j.work.start_date) for j in jobs] == [
        ("Aceites del Guadalquivir S.A.", "Responsable de finanzas", "2024-10"),
        ("Cervecería La Giralda S.A.", "Analista financiero sénior", "2021-08"),
    ]
    assert jobs[0].work.highlights[-1] == "Reducción de costes operativos del 15 % en un año"


def test_a_spanish_title_below_a_bold_employer_and_date_line() -> None:
    rows = [
        line("**Banco Andaluz — Ciudad de México        marzo de 2024 – junio de 2026**"),
        line("Directora de datos", top=0.12),
        line("– Gestión de clientes clave en España y Portugal", top=0.14),
        line("Plain paragraph line that is body text", top=0.16),
    ]
    jobs = parse_work(rows)
    assert [(j.work.name, j.work.position, j.work.start_date, j.work.end_date) for j in jobs] == [
        ("Banco Andaluz", "Directora de datos", "2024-03", "2026-06")
    ]


def test_an_employer_and_a_city_state_after_a_comma() -> None:
    jobs = parse_work(lines("Senior Data Scientist\nLarkspur Health, Singapore\nNovember 2022 – March 2025"))
    assert [(j.work.position, j.work.name, j.work.location) for j in jobs] == [
        ("Senior Data Scientist", "Larkspur Health", "Singapore")
    ]


def test_a_european_company_form_marks_the_employer() -> None:
    jobs = parse_work(lines("seit März 2024   Teamleiter Entwicklung — Rheinwerk Logistik SE\nWien"))
    assert [(j.work.position, j.work.name, j.work.start_date) for j in jobs] == [
        ("Teamleiter Entwicklung", "Rheinwerk Logistik SE", "2024-03")
    ]


def test_german_compound_titles_are_positions() -> None:
    jobs = parse_work(lines("März 2024 – heute\nTeamleiter Entwicklung\nStadtwerke Oberhausen"))
    assert [(j.work.position, j.work.name) for j in jobs] == [
        ("Teamleiter Entwicklung", "Stadtwerke Oberhausen")
    ]


def test_a_profile_export_entry_with_the_length_of_each_role_after_its_dates() -> None:
    text = """
    Northwind Logistics
    Junior Developer
    October 2014 - February 2017 (2 years 5 months)
    Toronto, Canada
    Led the migration of 14 services from VMs to Kubernetes
    Quantix GmbH
    Werkstudent
    März 2012 - September 2014 (2 Jahre 7 Monate)
    München, Deutschland
    """
    assert _summary(text) == [
        ("Junior Developer", "Northwind Logistics", "Toronto, Canada", "2014-10", "2017-02"),
        ("Werkstudent", "Quantix GmbH", "München, Deutschland", "2012-03", "2014-09"),
    ]


def test_a_length_of_time_inside_a_sentence_stays_in_the_highlight() -> None:
    text = """
    Data Engineer, Acme        2019 - 2022
    * Ran 10 years of sales data through one pipeline
    """
    assert parse_work(lines(text))[0].work.highlights == ["Ran 10 years of sales data through one pipeline"]


def test_sentence_case_french_and_hyphenated_german_titles_are_positions() -> None:
    text = """
    Vignoble Numérique SAS
    Contrôleur de gestion
    septembre 2020 - juillet 2022
    Réduction des délais de traitement de 25 %
    Marketing-Assistentin        August 2016 – Mai 2019
    Stadtwerke Oberhausen, Wien
    ▪ Verantwortung für ein Team von fünf Mitarbeitenden
    """
    assert _summary(text) == [
        ("Contrôleur de gestion", "Vignoble Numérique SAS", None, "2020-09", "2022-07"),
        ("Marketing-Assistentin", "Stadtwerke Oberhausen", "Wien", "2016-08", "2019-05"),
    ]


def test_a_capitalized_description_line_before_the_next_employer_line_ends_the_previous_entry() -> None:
    rows = [
        ("Stadtwerke Oberhausen", 11.5),
        ("Leiter Data & Analytics", 10.0),
        ("Januar 2025 - Heute", 9.5),
        ("Einführung eines neuen Reporting-Prozesses mit Power BI", 9.5),
        ("Betreuung von Großkunden im DACH-Raum", 9.5),
        ("Rheinwerk Logistik SE", 11.5),
        ("Senior Data Scientist", 10.0),
        ("April 2022 - Januar 2025", 9.5),
        ("Verantwortung für ein Team von fünf Mitarbeitenden", 9.5),
    ]
    parsed = parse_work(
        [line(text, top=0.1 + 0.02 * index, size=size) for index, (text, size) in enumerate(rows)]
    )
    assert [(p.work.name, p.work.position) for p in parsed] == [
        ("Stadtwerke Oberhausen", "Leiter Data & Analytics"),
        ("Rheinwerk Logistik SE", "Senior Data Scientist"),
    ]
    assert (parsed[0].work.highlights or [""])[-1].endswith("Betreuung von Großkunden im DACH-Raum")


def test_an_employer_ending_in_a_dotted_legal_form_is_no_sentence() -> None:
    text = """
    **Analista financiero sénior** en Soluciones Ibéricas S.L.
    Ciudad de México · octubre 2022 – agosto 2024
    – Gestión de clientes clave en España y Portugal
    """
    assert _summary(text) == [
        ("Analista financiero sénior", "Soluciones Ibéricas S.L.", "Ciudad de México", "2022-10", "2024-08")
    ]
