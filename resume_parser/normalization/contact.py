"""Contact details in free text: e-mail addresses, web addresses, profiles and a "City, Region" location."""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_parser.normalization.countries import country_code
from resume_parser.normalization.lines import word_set
from resume_parser.resume import Location, Profile

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w.-]*@)", re.IGNORECASE)
_URL = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.[a-z]{2,24}"
    r"(?:/[^\s|·•,;()<>]*)?(?![\w@-])",
    re.IGNORECASE,
)
# Separators between items of a contact line ("a@b.c | +1 555 | Berlin").
# A slash separates items, except between the area code and number of a phone ("040 / 891 46 51").
CONTACT_SEPARATORS = re.compile(
    r"\s*(?:[|·•◦▪♦●✉☎✆⋅∙]\s+|(?<!\d)(?<!\d\s)/\s+|/\s+(?=[^\d\s])|\s[-–—]\s|\t|\s{3,})\s*"
)

# Networks whose canonical profile URL follows from the printed path; the value is the URL template.
_NETWORKS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("LinkedIn", re.compile(r"linkedin\.com/in/([\w\-%.]+)", re.I), "https://www.linkedin.com/in/{}"),
    ("GitHub", re.compile(r"github\.com/([\w\-]+)/?$", re.I), "https://github.com/{}"),
    ("GitLab", re.compile(r"gitlab\.com/([\w\-.]+)/?$", re.I), "https://gitlab.com/{}"),
    (
        "Stack Overflow",
        re.compile(r"stackoverflow\.com/users/(\d+/[\w\-.]+)", re.I),
        "https://stackoverflow.com/users/{}",
    ),
    ("Medium", re.compile(r"medium\.com/@([\w\-.]+)", re.I), "https://medium.com/@{}"),
    ("Twitter", re.compile(r"(?:twitter|x)\.com/([\w]+)/?$", re.I), "https://twitter.com/{}"),
    ("Dribbble", re.compile(r"dribbble\.com/([\w\-]+)/?$", re.I), "https://dribbble.com/{}"),
    ("Behance", re.compile(r"behance\.net/([\w\-]+)/?$", re.I), "https://www.behance.net/{}"),
    ("Kaggle", re.compile(r"kaggle\.com/([\w\-]+)/?$", re.I), "https://www.kaggle.com/{}"),
)
# Top-level domains that are file extensions far more often than web sites ("Node.js", "main.py").
_FILE_EXTENSIONS = word_set(
    """
    js py md txt pdf doc docx sh rs ts cs jsx tsx css
    """
)


@dataclass(frozen=True, slots=True)
class WebAddress:
    printed: str
    url: str  # with a scheme
    profile: Profile | None  # set when the address is a known network's profile page


def find_emails(text: str) -> list[str]:
    return [m.group().strip(".") for m in EMAIL.finditer(text)]


def find_web_addresses(text: str) -> list[WebAddress]:
    """Web addresses in the text, e-mail domains excluded; profiles recognised by network."""
    without_emails = EMAIL.sub(" ", text)
    found = []
    for match in _URL.finditer(without_emails):
        printed = match.group().rstrip(".,;:")
        if _plausible_url(printed):
            found.append(web_address(printed))
    return found


# The start of a line that carries on a web address: lower-case, glued, up to the first space.
_ADDRESS_TAIL = re.compile(r"[a-z0-9][\w\-.%/=?&#]*(?=\s|$)")


def rejoin_wrapped_address(text: str, following: str) -> str | None:
    """A long address cut at a narrow column's edge goes on at the start of the next line
    ('www.linkedin.com/in/jean-' / 'baptiste (LinkedIn)'): the two joined, else None."""
    addresses = find_web_addresses(text)
    if not addresses or "/" not in addresses[-1].printed or not text.rstrip().endswith(addresses[-1].printed):
        return None
    tail = _ADDRESS_TAIL.match(following.strip())
    if tail is None or EMAIL.search(tail.group()) or find_web_addresses(tail.group()):
        return None
    return text.rstrip() + following.strip()


def _plausible_url(printed: str) -> bool:
    if re.match(r"(?:https?://|www\.)", printed, re.I):
        return True
    host, _, path = printed.partition("/")
    tld = host.rsplit(".", 1)[-1]
    # Web addresses are printed in lower case; "ASP.NET" and "Node.js" are technologies.
    return tld.islower() and (tld not in _FILE_EXTENSIONS or bool(path))


def web_address(printed: str) -> WebAddress:
    url = printed if re.match(r"https?://", printed, re.I) else f"https://{printed}"
    return WebAddress(printed, url, profile_of(url))


def profile_of(url: str) -> Profile | None:
    for network, pattern, template in _NETWORKS:
        match = pattern.search(url)
        if match:
            username = match.group(1).rstrip("/")
            shown = username.split("/")[-1]
            return Profile(network=network, username=shown, url=template.format(username))
    return None


def profile_from_label(label: str, value: str) -> Profile | None:
    """A profile printed as "GitHub: jdoe" (network named, username only)."""
    value = value.strip().lstrip("@")
    if not re.fullmatch(r"[\w\-.]{2,60}", value):
        return None
    for network, _pattern, template in _NETWORKS:
        if network.replace(" ", "").casefold() == label.replace(" ", "").strip(" :").casefold():
            return Profile(network=network, username=value, url=template.format(value))
    return None


_EDGE_SEPARATORS = " |·•◦▪♦●⋅∙-–—"


def split_contact_line(text: str) -> list[str]:
    parts = (part.strip(_EDGE_SEPARATORS) for part in CONTACT_SEPARATORS.split(text))
    return [part for part in parts if part]


# Countries that are one city: "Singapore" alone is where the person lives, not only a country.
_CITY_STATES = frozenset({"SG", "MC", "HK", "MO", "VA", "LU", "GI"})
_PLACE_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_PLACE_CONNECTORS = {"de", "del", "la", "le", "am", "an", "der", "sur", "upon", "on", "im", "di", "do", "da"}


def looks_like_place(text: str) -> bool:
    """One to four capitalized words ("Porto Alegre", "Frankfurt am Main"): could name a place."""
    words = text.split()
    if not 1 <= len(words) <= 4 or not words[0][:1].isupper():
        return False
    return all(_PLACE_WORD.match(w) and (w[:1].isupper() or w in _PLACE_CONNECTORS) for w in words)


def parse_location(text: str) -> Location | None:
    """ "City", "City, Region", "City, Country" or "City, Region, Country"; None for anything else."""
    parts = [p.strip() for p in re.split(r",", text.strip().strip(".")) if p.strip()]
    if not 1 <= len(parts) <= 3 or not all(looks_like_place(p) for p in parts):
        return None
    country = country_code(parts[-1]) if len(parts) > 1 else None
    if len(parts) == 1:
        code = country_code(parts[0])
        if code is None or code in _CITY_STATES:
            return Location(city=parts[0], country_code=code)
        return Location(country_code=code)
    region = parts[1] if (len(parts) == 3 or country is None) else None
    return Location(city=parts[0], region=region, country_code=country)


def split_trailing_place(text: str) -> tuple[str, str] | None:
    """ "Backend Engineer Hamburg, Germany" -> ("Backend Engineer", "Hamburg, Germany"): a "City, Country"
    run on at the end of other text (a separator lost, as OCR does)."""
    head, comma, country = text.rpartition(",")
    if not comma or country_code(country) is None:
        return None
    before, _, city = head.rpartition(" ")  # the city: the capitalized word before the comma
    if not before or not looks_like_place(city):
        return None
    return before, f"{city},{country}"
