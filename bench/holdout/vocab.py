"""Word pools for the holdout people: names, places, employers, schools, titles, skills, per locale.

Everything is fictional or generic; the pools deliberately differ from the dev corpus (other countries,
other employers, localized titles, degrees and language names).
"""

from __future__ import annotations

from typing import Any

NAMES = {
    "en": [
        ("Siobhán", "O'Connell"),
        ("Chiamaka", "Okonkwo-Adeyemi"),
        ("Zoë", "Hart-Whitfield"),
        ("Mei-Ling", "Tan"),
        ("Aidan", "de Souza"),
        ("Grace", "van Rensburg"),
        ("Rhys", "ap Gwilym"),
        ("Nneka", "Eze"),
        ("Tomás", "MacAllister"),
        ("Priyanka", "Raghunathan"),
    ],
    "de": [
        ("Jörg", "Müller-Lüdenscheidt"),
        ("Anna-Lena", "Schäfer"),
        ("Friederike", "von Bülow"),
        ("Mehmet", "Yılmaz"),
        ("Katharina", "Weiß"),
        ("Lukas", "Ölschläger"),
        ("Sophie", "zu Eltz"),
    ],
    "fr": [
        ("Éloïse", "Lefèvre"),
        ("Jean-Baptiste", "Dupont de La Tour"),
        ("Maëlle", "Rousseau"),
        ("Benoît", "Giraud"),
        ("Aïcha", "Benali"),
        ("Clémence", "d'Aubigné"),
    ],
    "es": [
        ("María José", "García-Pelayo"),
        ("Íñigo", "Ezquerra"),
        ("Lucía", "de la Fuente"),
        ("José Ángel", "Núñez"),
        ("Ainhoa", "Etxeberria"),
        ("Begoña", "Sáez Ortiz"),
    ],
}

RESEARCH_EMPLOYERS = [
    "Max Planck Institute for Molecular Genetics",
    "Wellcome Sanger Institute",
    "University of Edinburgh",
    "Francis Crick Institute",
    "European Molecular Biology Laboratory",
]

CITIES: dict[str, list[dict[str, Any]]] = {
    "en": [
        {
            "city": "Dublin",
            "country": "IE",
            "country_name": "Ireland",
            "phones": ["+353 1 ### ####", "+353 8# ### ####"],
        },
        {
            "city": "Leeds",
            "country": "GB",
            "country_name": "United Kingdom",
            "phones": ["+44 113 ### ####", "07### ######"],
        },
        {
            "city": "Toronto",
            "country": "CA",
            "country_name": "Canada",
            "phones": ["+1 (416) 555-0###", "416.555.0###"],
        },
        {
            "city": "Melbourne",
            "country": "AU",
            "country_name": "Australia",
            "phones": ["+61 3 #### ####", "04## ### ###"],
        },
        {
            "city": "Singapore",
            "country": "SG",
            "country_name": "Singapore",
            "phones": ["+65 6### ####", "+65 9### ####"],
        },
        {"city": "Cape Town", "country": "ZA", "country_name": "South Africa", "phones": ["+27 21 ### ####"]},
    ],
    "de": [
        {
            "city": "München",
            "country": "DE",
            "country_name": "Deutschland",
            "phones": ["+49 89 ########", "0171 #######"],
        },
        {
            "city": "Hamburg",
            "country": "DE",
            "country_name": "Deutschland",
            "phones": ["+49 (0)40 #######", "040 / ### ## ##"],
        },
        {
            "city": "Wien",
            "country": "AT",
            "country_name": "Österreich",
            "phones": ["+43 1 ### ## ##", "+43 664 #######"],
        },
        {
            "city": "Zürich",
            "country": "CH",
            "country_name": "Schweiz",
            "phones": ["+41 44 ### ## ##", "079 ### ## ##"],
        },
    ],
    "fr": [
        {
            "city": "Lyon",
            "country": "FR",
            "country_name": "France",
            "phones": ["06 ## ## ## ##", "+33 4 ## ## ## ##"],
        },
        {
            "city": "Bordeaux",
            "country": "FR",
            "country_name": "France",
            "phones": ["+33 (0)5 ## ## ## ##", "07.##.##.##.##"],
        },
        {
            "city": "Bruxelles",
            "country": "BE",
            "country_name": "Belgique",
            "phones": ["+32 2 ### ## ##", "+32 47# ## ## ##"],
        },
        {"city": "Montréal", "country": "CA", "country_name": "Canada", "phones": ["+1 514 555-0###"]},
    ],
    "es": [
        {
            "city": "Sevilla",
            "country": "ES",
            "country_name": "España",
            "phones": ["+34 6## ### ###", "954 ## ## ##"],
        },
        {
            "city": "Bilbao",
            "country": "ES",
            "country_name": "España",
            "phones": ["+34 944 ### ###", "6## ## ## ##"],
        },
        {
            "city": "Ciudad de México",
            "country": "MX",
            "country_name": "México",
            "phones": ["+52 55 #### ####"],
        },
        {
            "city": "Bogotá",
            "country": "CO",
            "country_name": "Colombia",
            "phones": ["+57 601 ### ####", "+57 3## ### ####"],
        },
    ],
}

EMPLOYERS = {
    "en": [
        "Kestrel Systems",
        "Bluefin Analytics Ltd",
        "Hartwell & Moore LLP",
        "Brightwater Labs",
        "Northwind Logistics",
        "Larkspur Health",
        "Copperleaf Software",
        "Tallis Group plc",
        "Quayside Digital",
        "Meridian Retail Pty Ltd",
    ],
    "de": [
        "Quantix GmbH",
        "Lindqvist Bau AG",
        "Stadtwerke Oberhausen",
        "Müller & Söhne KG",
        "Alpenblick Versicherung AG",
        "Nordlicht Software GmbH",
        "Rheinwerk Logistik SE",
    ],
    "fr": [
        "Société Lyonnaise de Logiciels",
        "Ateliers Beaumarchais",
        "Crédit Mutuel du Sud-Ouest",
        "Vignoble Numérique SAS",
        "Groupe Lumière Conseil",
        "Banque Populaire Rhône",
    ],
    "es": [
        "Telefónica Tech",
        "Grupo Alcázar",
        "Cervecería La Giralda S.A.",
        "Banco Andaluz",
        "Soluciones Ibéricas S.L.",
        "Fintech Cóndor",
        "Aceites del Guadalquivir S.A.",
    ],
}

SCHOOLS = {
    "en": [
        "Trinity College Dublin",
        "University of Leeds",
        "University of Toronto",
        "Monash University",
        "National University of Singapore",
        "University of Cape Town",
    ],
    "de": [
        "Technische Universität München",
        "Universität Hamburg",
        "Humboldt-Universität zu Berlin",
        "Hochschule für Technik und Wirtschaft Berlin",
        "ETH Zürich",
        "Universität Wien",
    ],
    "fr": [
        "Université Claude Bernard Lyon 1",
        "INSA Lyon",
        "Université de Bordeaux",
        "Sorbonne Université",
        "Université libre de Bruxelles",
        "École Centrale de Nantes",
    ],
    "es": [
        "Universidad de Sevilla",
        "Universidad Complutense de Madrid",
        "Universitat Politècnica de Catalunya",
        "Universidad de Deusto",
        "Universidad de los Andes",
        "Universidad Nacional Autónoma de México",
    ],
}

# Newest title first is the last in the list: older jobs take earlier titles.
TITLES = {
    "software": {
        "en": ["Junior Developer", "Software Engineer", "Senior Software Engineer", "Staff Engineer"],
        "de": [
            "Werkstudent Softwareentwicklung",
            "Softwareentwickler",
            "Senior Softwareentwickler",
            "Teamleiter Entwicklung",
        ],
        "fr": ["Développeur junior", "Développeur backend", "Ingénieur logiciel senior", "Lead développeur"],
        "es": [
            "Programador junior",
            "Desarrollador backend",
            "Ingeniero de software sénior",
            "Jefe de equipo",
        ],
    },
    "data": {
        "en": ["Data Analyst", "Data Scientist", "Senior Data Scientist", "Head of Data"],
        "de": ["Datenanalyst", "Data Scientist", "Senior Data Scientist", "Leiter Data & Analytics"],
        "fr": ["Analyste de données", "Data scientist", "Data scientist senior", "Responsable data"],
        "es": [
            "Analista de datos",
            "Científica de datos",
            "Científica de datos sénior",
            "Directora de datos",
        ],
    },
    "finance": {
        "en": ["Audit Associate", "Financial Analyst", "Senior Financial Analyst", "Finance Manager"],
        "de": ["Trainee Controlling", "Controller", "Senior Controller", "Leiter Finanzen"],
        "fr": [
            "Assistant comptable",
            "Contrôleur de gestion",
            "Contrôleur de gestion senior",
            "Directeur financier",
        ],
        "es": [
            "Auxiliar contable",
            "Analista financiero",
            "Analista financiero sénior",
            "Responsable de finanzas",
        ],
    },
    "marketing": {
        "en": ["Marketing Assistant", "Content Strategist", "Brand Manager", "Head of Marketing"],
        "de": [
            "Marketing-Assistentin",
            "Online-Marketing-Managerin",
            "Brand Managerin",
            "Leiterin Marketing",
        ],
        "fr": [
            "Assistante marketing",
            "Chargée de communication",
            "Chef de produit marketing",
            "Directrice marketing",
        ],
        "es": [
            "Asistente de marketing",
            "Community manager",
            "Responsable de marca",
            "Directora de marketing",
        ],
    },
    "research": {
        "en": ["Graduate Research Assistant", "Teaching Fellow", "Postdoctoral Research Fellow", "Lecturer"],
    },
}

DEGREES = {
    "software": {
        "en": [("MSc", "Computer Science"), ("BEng", "Software Engineering")],
        "de": [("M.Sc.", "Informatik"), ("B.Sc.", "Wirtschaftsinformatik")],
        "fr": [("Master", "Informatique"), ("Licence", "Mathématiques appliquées")],
        "es": [("Máster", "Ingeniería del Software"), ("Grado", "Ingeniería Informática")],
    },
    "data": {
        "en": [("MSc", "Statistics"), ("BSc", "Mathematics")],
        "de": [("M.Sc.", "Data Science"), ("B.Sc.", "Mathematik")],
        "fr": [("Master", "Statistique et science des données"), ("Licence", "Mathématiques")],
        "es": [("Máster", "Ciencia de Datos"), ("Grado", "Matemáticas")],
    },
    "finance": {
        "en": [("MBA", "Finance"), ("BCom", "Accounting")],
        "de": [("M.A.", "Finanzwirtschaft"), ("B.A.", "Betriebswirtschaftslehre")],
        "fr": [("Master", "Finance d'entreprise"), ("Licence", "Économie et gestion")],
        "es": [("Máster", "Finanzas"), ("Grado", "Administración y Dirección de Empresas")],
    },
    "marketing": {
        "en": [("MA", "Marketing Communications"), ("BA", "Media Studies")],
        "de": [("M.A.", "Medienmanagement"), ("B.A.", "Kommunikationswissenschaft")],
        "fr": [("Master", "Marketing digital"), ("Licence", "Information et communication")],
        "es": [("Máster", "Marketing Digital"), ("Grado", "Publicidad y Relaciones Públicas")],
    },
    "research": {
        "en": [("PhD", "Computational Biology"), ("MSc", "Bioinformatics"), ("BSc", "Biochemistry")],
    },
}

SKILLS = {
    "software": [
        ("Languages", ["Kotlin", "Rust", "TypeScript", "Python", "Go"]),
        ("Infrastructure", ["Terraform", "Kubernetes", "AWS", "PostgreSQL", "Redis"]),
        ("Practices", ["Domain-Driven Design", "Code Review", "Pair Programming", "TDD"]),
    ],
    "data": [
        ("Analysis", ["Python", "R", "SQL", "pandas", "dbt"]),
        ("Machine Learning", ["scikit-learn", "XGBoost", "PyTorch", "MLflow"]),
        ("Visualisation", ["Tableau", "Power BI", "Matplotlib", "Superset"]),
    ],
    "finance": [
        ("Tools", ["SAP S/4HANA", "Excel", "Power Query", "DATEV", "Oracle NetSuite"]),
        ("Finance", ["IFRS", "Cash Flow Forecasting", "Budgeting", "Variance Analysis", "Consolidation"]),
    ],
    "marketing": [
        ("Channels", ["SEO", "Google Ads", "Meta Ads", "Email Marketing", "LinkedIn Ads"]),
        ("Tools", ["HubSpot", "Figma", "Google Analytics 4", "Canva", "Semrush"]),
    ],
    "research": [
        ("Computational", ["Python", "R", "Snakemake", "Nextflow", "Stan"]),
        ("Laboratory", ["CRISPR screening", "Flow cytometry", "qPCR", "Single-cell RNA-seq"]),
    ],
}

HIGHLIGHTS = {
    "software": [
        "Cut checkout API latency by 38% by moving session state to Redis",
        "Led the migration of 14 services from VMs to Kubernetes",
        "Mentored four junior engineers through their first on-call rotation",
        "Designed an event-sourced billing ledger processing 3M events a day",
    ],
    "data": [
        "Built a churn model that lifted retention campaign ROI by 21%",
        "Replaced nightly SQL scripts with dbt models and data tests",
        "Ran pricing experiments across 9 markets with a Bayesian framework",
        "Shipped a demand forecast used by 120 store managers",
    ],
    "finance": [
        "Shortened the month-end close from 9 to 5 working days",
        "Built a rolling 18-month cash-flow forecast for the board",
        "Coordinated the IFRS 16 lease transition for 40 sites",
        "Automated intercompany reconciliations with Power Query",
    ],
    "marketing": [
        "Grew organic sign-ups by 64% with a topic-cluster SEO programme",
        "Managed a EUR 400k paid media budget across five channels",
        "Relaunched the brand identity with an external agency",
        "Built lifecycle email journeys that doubled trial conversion",
    ],
    "research": [
        "Developed a Bayesian model of gene-regulatory networks from single-cell data",
        "Supervised three MSc theses and two summer students",
        "Maintained the group's Nextflow pipelines on the university cluster",
    ],
    "de": [
        "Verantwortung für ein Team von fünf Mitarbeitenden",
        "Einführung eines neuen Reporting-Prozesses mit Power BI",
        "Senkung der Prozesskosten um 18 % innerhalb eines Jahres",
        "Betreuung von Großkunden im DACH-Raum",
    ],
    "fr": [
        "Encadrement d'une équipe de quatre personnes",
        "Mise en place d'un tableau de bord de suivi mensuel",
        "Réduction des délais de traitement de 25 %",
        "Pilotage de projets transverses avec les équipes métier",
    ],
    "es": [
        "Coordinación de un equipo de seis personas",
        "Implantación de un nuevo sistema de informes mensuales",
        "Reducción de costes operativos del 15 % en un año",
        "Gestión de clientes clave en España y Portugal",
    ],
}

# The first name is the mother tongue; the first level is the native level.
FLUENCIES = {
    "en": (
        ["English", "French", "Spanish", "German", "Irish", "Mandarin", "Yoruba"],
        ["Native", "Fluent", "Professional working proficiency", "Intermediate (B1)", "Basic"],
    ),
    "de": (
        ["Deutsch", "Englisch", "Französisch", "Spanisch", "Türkisch"],
        ["Muttersprache", "verhandlungssicher", "fließend", "gute Kenntnisse", "Grundkenntnisse"],
    ),
    "fr": (
        ["Français", "Anglais", "Espagnol", "Allemand", "Arabe"],
        ["Langue maternelle", "Courant", "Bilingue", "Intermédiaire (B1)", "Notions"],
    ),
    "es": (
        ["Español", "Inglés", "Francés", "Catalán", "Euskera"],
        ["Nativo", "Avanzado (C1)", "Intermedio (B2)", "Básico"],
    ),
}

CERTIFICATES = {
    "software": [
        {
            "name": "AWS Certified Solutions Architect – Associate",
            "issuer": "Amazon Web Services",
            "date": "2023-04",
        },
        {"name": "Certified Kubernetes Administrator", "issuer": "CNCF", "date": "2022-11"},
    ],
    "data": [
        {"name": "TensorFlow Developer Certificate", "issuer": "Google", "date": "2022-02"},
        {"name": "Databricks Certified Data Engineer Associate", "issuer": "Databricks", "date": "2024-06"},
    ],
    "finance": [
        {"name": "CFA Level II", "issuer": "CFA Institute", "date": "2021-08"},
        {"name": "ACCA Diploma in IFRS", "issuer": "ACCA", "date": "2020-12"},
    ],
    "marketing": [
        {"name": "Google Ads Search Certification", "issuer": "Google", "date": "2023-09"},
        {"name": "HubSpot Inbound Marketing", "issuer": "HubSpot Academy", "date": "2022-05"},
    ],
    "research": [
        {"name": "Home Office Personal Licence (PIL A)", "issuer": "Home Office", "date": "2019-03"},
    ],
}

HEADINGS = {
    "en": {
        "summary": "Profile",
        "work": "Experience",
        "education": "Education",
        "skills": "Skills",
        "languages": "Languages",
        "certificates": "Certifications",
        "contact": "Contact",
    },
    "de": {
        "summary": "Profil",
        "work": "Berufserfahrung",
        "education": "Ausbildung",
        "skills": "Kenntnisse",
        "languages": "Sprachen",
        "certificates": "Zertifikate",
        "contact": "Kontakt",
    },
    "fr": {
        "summary": "Profil",
        "work": "Expérience professionnelle",
        "education": "Formation",
        "skills": "Compétences",
        "languages": "Langues",
        "certificates": "Certifications",
        "contact": "Contact",
    },
    "es": {
        "summary": "Perfil",
        "work": "Experiencia",
        "education": "Educación",
        "skills": "Habilidades",
        "languages": "Idiomas",
        "certificates": "Certificaciones",
        "contact": "Contacto",
    },
}

SUMMARIES = {
    "en": "Pragmatic {label} who likes small teams, clear goals and measurable results.",
    "de": "Engagierte Fachkraft ({label}) mit Freude an klaren Zielen und messbaren Ergebnissen.",
    "fr": "{label} rigoureux·se, à l'aise dans les petites équipes et orienté·e résultats.",
    "es": "{label} con experiencia en equipos pequeños y orientación a resultados medibles.",
}
